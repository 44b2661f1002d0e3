import { SEGMENT_CODES, defaultStrategy, isSegmentCode, parseSegment, segmentLabel } from '../../shared/book/labels.js';
import type { SegmentCode } from '../../shared/book/labels.js';
import type { SegmentManagerCount, SegmentsReport } from '../../shared/book/types.js';
import { pickText } from '../../shared/i18n/locale.js';
import type { Locale } from '../../shared/i18n/locale.js';
import type { Store } from '../store/store.js';
import { readLastRun } from './config-store.js';
import { divRoundHalfUp } from './curve.js';

interface StrategyRow {
  segment: string;
  text: string;
  updated_by: string;
  updated_at: string;
}

function customStrategies(store: Store): Map<string, StrategyRow> {
  const rows = store.db.prepare('SELECT segment, text, updated_by, updated_at FROM segment_strategy').all() as StrategyRow[];
  return new Map(rows.map((r) => [r.segment, r]));
}

/** The strategy text shown for a segment: the supervisor's own, else the default in the caller's language. */
export function strategyText(store: Store, segment: SegmentCode, locale: Locale): { text: string; isDefault: boolean } {
  const row = store.db.prepare('SELECT text FROM segment_strategy WHERE segment = ?').get(segment) as { text: string } | undefined;
  return row === undefined ? { text: pickText(defaultStrategy(segment), locale), isDefault: true } : { text: row.text, isDefault: false };
}

/**
 * Counts, AUM and coverage per segment. Coverage is the share of a segment's clients that have a primary
 * manager on `today` (assignments are effective-dated), with the per-manager counts behind it.
 */
export function segmentsReport(store: Store, today: string, locale: Locale): SegmentsReport {
  const db = store.db;
  const totals = new Map(
    (db.prepare('SELECT segment, count(*) AS n, sum(aum_fen) AS aum FROM client_score GROUP BY segment').all() as Array<{ segment: string; n: number; aum: number }>).map(
      (r) => [r.segment, r],
    ),
  );
  // One primary per client and day by design; min() keeps a data error from counting a client twice.
  const perManager = db
    .prepare(
      `WITH prim AS (
         SELECT client_id, min(manager_id) AS manager_id FROM assignment
         WHERE role = 'primary' AND valid_from <= @d AND (valid_to IS NULL OR valid_to > @d) GROUP BY client_id)
       SELECT s.segment, m.id AS manager_id, m.staff_no, m.name, count(*) AS n
       FROM client_score s JOIN prim p ON p.client_id = s.client_id JOIN manager m ON m.id = p.manager_id
       GROUP BY s.segment, m.id ORDER BY s.segment, n DESC, m.staff_no`,
    )
    .all({ d: today }) as Array<{ segment: string; manager_id: number; staff_no: string; name: string; n: number }>;
  const managers = new Map<string, SegmentManagerCount[]>();
  for (const r of perManager) {
    if (!isSegmentCode(r.segment)) continue;
    const list = managers.get(r.segment) ?? [];
    list.push({ managerId: r.manager_id, staffNo: r.staff_no, name: r.name, clients: r.n });
    managers.set(r.segment, list);
  }
  const custom = customStrategies(store);
  return {
    asOf: readLastRun(store)?.asOf ?? null,
    segments: SEGMENT_CODES.map((segment) => {
      const { tier, quadrant } = parseSegment(segment);
      const t = totals.get(segment);
      const clients = t?.n ?? 0;
      const list = managers.get(segment) ?? [];
      const assigned = list.reduce((sum, m) => sum + m.clients, 0);
      const own = custom.get(segment);
      const fallback = defaultStrategy(segment);
      return {
        segment,
        tier,
        quadrant,
        label: segmentLabel(segment),
        clients,
        aumFen: t?.aum ?? 0,
        assigned,
        coverageBp: clients === 0 ? 0 : divRoundHalfUp(assigned * 10_000, clients),
        managers: list,
        strategy: {
          text: own?.text ?? pickText(fallback, locale),
          isDefault: own === undefined,
          default: fallback,
          updatedBy: own?.updated_by ?? null,
          updatedAt: own?.updated_at ?? null,
        },
      };
    }),
  };
}

/** Sets (or with null, clears back to the default) a segment's strategy text. */
export function setStrategy(store: Store, segment: SegmentCode, text: string | null, by: string, at: string): void {
  store.transaction(() => {
    if (text === null) store.db.prepare('DELETE FROM segment_strategy WHERE segment = ?').run(segment);
    else
      store.db
        .prepare(
          `INSERT INTO segment_strategy(segment, text, updated_by, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT(segment) DO UPDATE SET text = excluded.text, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        )
        .run(segment, text, by, at);
  });
}
