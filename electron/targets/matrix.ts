import type { AllocationFailure } from './allocate.js';
import { integerWeights } from './allocate.js';
import type { Rational } from '../platform/rational.js';
import { ZERO, add, compare, floor, fraction, isInteger, mul, rat, sub } from '../platform/rational.js';

/**
 * A table whose rows and columns must both add up exactly (controlled rounding): outlets × quarters, where each
 * outlet's quarters add up to its year and each quarter's outlets add up to the branch's quarter.
 *
 * 1. Locked cells keep their value; the rest of each row and column is what the free cells must carry.
 * 2. An exact fractional table is built: each row's rest spread over its free columns by the column weights (the
 *    seasonal profile), then each column's shortfall moved onto the rows with every column free, in proportion to
 *    their size (without locks this is the product form row × column / total); where no row is fully free, the
 *    shortfall travels along a chain of free cells from a column short of its sum to one over it.
 * 3. Every free cell is rounded down or up — never further — so that every row and column sum comes out exact: the
 *    cells rounded up are a bipartite b-matching (rows need Σ fractions, columns give Σ fractions), found greedily
 *    in order of the largest fraction and completed by augmenting paths; such a matching always exists because the
 *    fractional table is one.
 */
export type MatrixFailure = AllocationFailure & { axis: 'row' | 'column'; index: number };
export type MatrixResult = { ok: true; values: bigint[][] } | { ok: false; failure: MatrixFailure | { kind: 'infeasible'; axis: 'column'; index: number; total: bigint; locked: bigint } };

type Cell = bigint | null;

function directionFailure(kind: 'row' | 'column', index: number, total: bigint, rest: bigint, free: number): MatrixResult | null {
  const locked = total - rest;
  if ((total >= 0n && rest < 0n) || (total < 0n && rest > 0n)) return { ok: false, failure: { kind: 'locked_exceed', axis: kind, index, total, locked } };
  if (free === 0 && rest !== 0n) return { ok: false, failure: { kind: 'nothing_unlocked', axis: kind, index, total, locked } };
  return null;
}

export function fillMatrix(rows: readonly bigint[], cols: readonly bigint[], colWeights: readonly bigint[], locked: ReadonlyArray<ReadonlyArray<Cell>>): MatrixResult {
  const n = rows.length;
  const k = cols.length;
  const sum = (xs: readonly bigint[]): bigint => xs.reduce((a, x) => a + x, 0n);
  if (sum(rows) !== sum(cols)) throw new RangeError('row and column totals differ');
  const lockAt = (i: number, j: number): Cell => locked[i]?.[j] ?? null;
  const isFree = (i: number, j: number): boolean => lockAt(i, j) === null;
  const rowRest = rows.map((r, i) => r - sum(Array.from({ length: k }, (_, j) => lockAt(i, j) ?? 0n)));
  const colRest = cols.map((c, j) => c - sum(Array.from({ length: n }, (_, i) => lockAt(i, j) ?? 0n)));
  for (let i = 0; i < n; i++) {
    const bad = directionFailure('row', i, rows[i] ?? 0n, rowRest[i] ?? 0n, Array.from({ length: k }, (_, j) => j).filter((j) => isFree(i, j)).length);
    if (bad !== null) return bad;
  }
  for (let j = 0; j < k; j++) {
    const bad = directionFailure('column', j, cols[j] ?? 0n, colRest[j] ?? 0n, Array.from({ length: n }, (_, i) => i).filter((i) => isFree(i, j)).length);
    if (bad !== null) return bad;
  }

  const x = ideal(rowRest, colRest, integerWeights(colWeights), isFree);
  if (!Array.isArray(x)) return { ok: false, failure: { kind: 'infeasible', axis: 'column', index: x.column, total: cols[x.column] ?? 0n, locked: (cols[x.column] ?? 0n) - (colRest[x.column] ?? 0n) } };
  const rounded = roundKeepingSums(x, rowRest, colRest, isFree);
  return { ok: true, values: rounded.map((row, i) => row.map((v, j) => lockAt(i, j) ?? v)) };
}

/** The exact fractional table of step 2; or the column whose shortfall no chain of free cells can carry. */
function ideal(rowRest: readonly bigint[], colRest: readonly bigint[], w: readonly bigint[], isFree: (i: number, j: number) => boolean): Rational[][] | { column: number } {
  const n = rowRest.length;
  const k = colRest.length;
  const x: Rational[][] = rowRest.map((r, i) => {
    const free = Array.from({ length: k }, (_, j) => j).filter((j) => isFree(i, j));
    const totalW = free.reduce((a, j) => a + (w[j] ?? 0n), 0n);
    return Array.from({ length: k }, (_, j) => {
      if (!isFree(i, j)) return ZERO;
      return totalW === 0n ? rat(r, BigInt(free.length)) : rat(r * (w[j] ?? 0n), totalW);
    });
  });
  const short: Rational[] = colRest.map((c, j) => x.reduce((a, row) => sub(a, row[j] ?? ZERO), rat(c)));
  const full = Array.from({ length: n }, (_, i) => i).filter((i) => Array.from({ length: k }, (_, j) => j).every((j) => isFree(i, j)));
  if (full.length > 0) {
    const abs = (v: bigint): bigint => (v < 0n ? -v : v);
    const size = full.reduce((a, i) => a + abs(rowRest[i] ?? 0n), 0n);
    for (const i of full) {
      const share = size === 0n ? rat(1n, BigInt(full.length)) : rat(abs(rowRest[i] ?? 0n), size);
      const row = x[i] ?? [];
      for (let j = 0; j < k; j++) row[j] = add(row[j] ?? ZERO, mul(short[j] ?? ZERO, share));
    }
    return x;
  }
  return carryAlongChains(x, short, isFree);
}

/** Moves each column's shortfall from a column over its sum, along rows free in both, until none is left. */
function carryAlongChains(x: Rational[][], short: Rational[], isFree: (i: number, j: number) => boolean): Rational[][] | { column: number } {
  const n = x.length;
  const k = short.length;
  for (;;) {
    const a = short.findIndex((s) => compare(s, ZERO) > 0);
    if (a < 0) return x;
    // Breadth-first over columns; a step from column p to q passes through a row free in both.
    const via = new Map<number, { from: number; row: number }>();
    const queue = [a];
    const seen = new Set([a]);
    let b = -1;
    while (queue.length > 0 && b < 0) {
      const p = queue.shift() ?? 0;
      for (let i = 0; i < n && b < 0; i++) {
        if (!isFree(i, p)) continue;
        for (let q = 0; q < k; q++) {
          if (seen.has(q) || !isFree(i, q)) continue;
          seen.add(q);
          via.set(q, { from: p, row: i });
          if (compare(short[q] ?? ZERO, ZERO) < 0) {
            b = q;
            break;
          }
          queue.push(q);
        }
      }
    }
    if (b < 0) return { column: a };
    const sa = short[a] ?? ZERO;
    const sb = short[b] ?? ZERO;
    const t = compare(sa, sub(ZERO, sb)) < 0 ? sa : sub(ZERO, sb);
    for (let q = b; q !== a; ) {
      const step = via.get(q);
      if (step === undefined) break;
      const row = x[step.row] ?? [];
      row[step.from] = add(row[step.from] ?? ZERO, t);
      row[q] = sub(row[q] ?? ZERO, t);
      q = step.from;
    }
    short[a] = sub(sa, t);
    short[b] = add(sb, t);
  }
}

/** Step 3: floors plus a b-matching of cells rounded up, so rows and columns keep their exact sums. */
function roundKeepingSums(x: Rational[][], rowRest: readonly bigint[], colRest: readonly bigint[], isFree: (i: number, j: number) => boolean): bigint[][] {
  const n = x.length;
  const k = colRest.length;
  const out = x.map((row) => row.map((v) => floor(v)));
  const need = rowRest.map((r, i) => Number(r - (out[i] ?? []).reduce((a, v, j) => a + (isFree(i, j) ? v : 0n), 0n)));
  const give = colRest.map((c, j) => Number(c - out.reduce((a, row, i) => a + (isFree(i, j) ? (row[j] ?? 0n) : 0n), 0n)));
  const candidates: Array<{ i: number; j: number; f: Rational }> = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) if (isFree(i, j) && !isInteger(x[i]?.[j] ?? ZERO)) candidates.push({ i, j, f: fraction(x[i]?.[j] ?? ZERO) });
  candidates.sort((a, b) => compare(b.f, a.f) || a.i - b.i || a.j - b.j);
  const up = x.map((row) => row.map(() => false));
  for (const c of candidates) {
    if ((need[c.i] ?? 0) > 0 && (give[c.j] ?? 0) > 0) {
      (up[c.i] ?? [])[c.j] = true;
      need[c.i] = (need[c.i] ?? 0) - 1;
      give[c.j] = (give[c.j] ?? 0) - 1;
    }
  }
  const edge = (i: number, j: number): boolean => isFree(i, j) && !isInteger(x[i]?.[j] ?? ZERO);
  for (let i = 0; i < n; i++) while ((need[i] ?? 0) > 0) augment(i, k, edge, up, need, give);
  up.forEach((row, i) => row.forEach((u, j) => u && ((out[i] ?? [])[j] = (out[i]?.[j] ?? 0n) + 1n)));
  return out;
}

/** One augmenting path from a row still needing a unit to a column still able to give one. */
function augment(start: number, k: number, edge: (i: number, j: number) => boolean, up: boolean[][], need: number[], give: number[]): void {
  const n = up.length;
  const colFrom = new Map<number, number>();
  const rowFrom = new Map<number, number>([[start, -1]]);
  const queue = [start];
  while (queue.length > 0) {
    const i = queue.shift() ?? 0;
    for (let j = 0; j < k; j++) {
      if (colFrom.has(j) || !edge(i, j) || up[i]?.[j] === true) continue;
      colFrom.set(j, i);
      if ((give[j] ?? 0) > 0) {
        // Flip the path: rows gain the unit at their new column and release the old one.
        let col = j;
        for (let row = i; row !== -1; ) {
          (up[row] ?? [])[col] = true;
          const prevCol = rowFrom.get(row) ?? -1;
          if (prevCol === -1) break;
          (up[row] ?? [])[prevCol] = false;
          col = prevCol;
          row = colFrom.get(col) ?? -1;
        }
        need[start] = (need[start] ?? 0) - 1;
        give[j] = (give[j] ?? 0) - 1;
        return;
      }
      for (let r = 0; r < n; r++) {
        if (!rowFrom.has(r) && up[r]?.[j] === true) {
          rowFrom.set(r, j);
          queue.push(r);
        }
      }
    }
  }
  throw new Error('no rounding keeps every sum: the fractional table was not consistent');
}
