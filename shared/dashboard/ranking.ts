import type { RankGroup, RankedRow, Ranking } from './types.js';

/** Someone to rank: a manager or an outlet with one integer figure (hundredths of a point, or basis points). */
export interface RankCandidate {
  id: number;
  code: string;
  name: string;
  unitName: string | null;
  value: number;
  /** A rank already given by the source (the evaluation run's own ranking); computed here when absent. */
  rank?: number;
}

export interface RankPick {
  top: number;
  bottom: number;
  /** Ids always shown (the caller, the unit picked). */
  own: ReadonlySet<number>;
  /** `higher`: more is better (points, completion of an indicator that should grow). */
  better: 'higher' | 'lower';
  /** Show only the own rows (a client manager sees no one else). */
  onlyOwn?: boolean;
}

/**
 * Competition ranking (1, 2, 2, 4) of every candidate, best first (ties by code, so the order is stable), then the
 * rows a card shows: the top few, the bottom few and the caller's own, each once, in rank order, tagged with why.
 */
export function rankAndPick(candidates: readonly RankCandidate[], pick: RankPick): Ranking {
  const sign = pick.better === 'higher' ? -1 : 1;
  const sorted = [...candidates].sort((a, b) => {
    const byRank = a.rank !== undefined && b.rank !== undefined ? a.rank - b.rank : sign * (a.value - b.value);
    return byRank !== 0 ? byRank : a.code < b.code ? -1 : a.code > b.code ? 1 : a.id - b.id;
  });
  const ranked: RankedRow[] = [];
  sorted.forEach((c, i) => {
    const prev = ranked[i - 1];
    const tied = prev !== undefined && prev.value === c.value;
    const rank = c.rank ?? (tied ? prev.rank : i + 1);
    ranked.push({ rank, position: i, id: c.id, code: c.code, name: c.name, unitName: c.unitName, value: c.value, groups: [] });
  });
  const n = ranked.length;
  const rows: RankedRow[] = [];
  ranked.forEach((r, i) => {
    const groups: RankGroup[] = [];
    if (pick.onlyOwn !== true && i < pick.top) groups.push('top');
    if (pick.onlyOwn !== true && i >= Math.max(pick.top, n - pick.bottom)) groups.push('bottom');
    if (pick.own.has(r.id)) groups.push('own');
    if (groups.length > 0) rows.push({ ...r, groups });
  });
  return { of: n, rows };
}
