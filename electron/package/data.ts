import type { Role } from '../../shared/api/contract.js';
import type { EvaluationRunDetail } from '../../shared/api/ops/evaluation.js';
import { TIER_LABELS } from '../../shared/book/labels.js';
import { OUTCOME_LABELS } from '../../shared/evaluation/card.js';
import type { EvaluationCard } from '../../shared/evaluation/card.js';
import type { FigureUnit } from '../../shared/evaluation/sheet.js';
import { GRADE_LABELS, TYPE_LABELS, sheetItemKind, shiftDecimal, traceValue, unitLabel } from '../../shared/evaluation/sheet.js';
import type { ClientTier } from '../../shared/model/client.js';
import { CLIENT_COLUMNS, ITEM_COLUMNS, ITEM_KIND_LABELS, MANAGER_COLUMNS, UNIT_COLUMNS, UNIT_ITEM_COLUMNS } from '../../shared/package/columns.js';
import { periodRange } from '../../shared/targets/periods.js';
import type { CsvCell } from '../export/csv.js';
import { itemUnits } from '../evaluation/sheet-data.js';
import { indicatorDirections } from '../evaluation/workbook.js';
import { centsOf, centsText, completionText, itemOf, meanHundredths } from '../evaluation/workbook-figures.js';
import { identityFor } from '../security/identity.js';
import type { Store } from '../store/store.js';

/**
 * The data behind a package's workbook and sheets as CSV rows (header first): manager results, item scores
 * (manager × item), org-unit results and their item sums, and the clients each manager held in the period with
 * their credit share. Everything is read from the stored run (the cards as computed) and written as exact decimal
 * text; ID and phone numbers go through identityFor, so an administrator's package carries them masked.
 */
export type Rows = CsvCell[][];

const dec = (text: string | null): CsvCell => (text === null ? null : { decimal: text });

/** Hundredths of a point as points: "8550" → 85.50. */
export function pointsDecimal(hundredths: string | bigint | null): CsvCell {
  return hundredths === null ? null : dec(centsText(BigInt(hundredths)));
}

/** A stored figure (fen, basis points, units; decimal text) in the unit people read: 元, %, units. */
export function displayFigure(value: string | null, unit: FigureUnit): string | null {
  if (value === null) return null;
  return unit.kind === 'fen' || unit.kind === 'bp' ? shiftDecimal(value, 2, 2) : shiftDecimal(value, 0);
}

export function managerRows(detail: EvaluationRunDetail): Rows {
  const rows: Rows = [[...MANAGER_COLUMNS]];
  for (const c of detail.cards) {
    const m = c.manager;
    rows.push([
      m.staffNo,
      m.name,
      m.outletCode,
      m.outletName,
      GRADE_LABELS[m.grade],
      TYPE_LABELS[m.type],
      pointsDecimal(c.quantitative),
      dec(String(c.coefficient.grade)),
      dec(String(c.coefficient.outlet)),
      pointsDecimal(c.adjusted),
      pointsDecimal(c.qualitative),
      pointsDecimal(c.deductions),
      pointsDecimal(c.total),
      c.rankOutlet,
      c.rankBranch,
      c.outcome === null ? null : OUTCOME_LABELS[c.outcome].zh,
      c.bottom ? '末位' : null,
    ]);
  }
  return rows;
}

export function itemRows(store: Store, detail: EvaluationRunDetail): Rows {
  const units = itemUnits(store, detail.scheme.items);
  const rows: Rows = [[...ITEM_COLUMNS]];
  for (const c of detail.cards) {
    for (const item of detail.scheme.items) {
      const score = itemOf(c, item.key);
      const unit = units.get(item.key) ?? { kind: 'none' };
      const kind = sheetItemKind(item);
      rows.push([
        c.manager.staffNo,
        c.manager.name,
        c.manager.outletCode,
        item.key,
        item.name,
        ITEM_KIND_LABELS[kind],
        item.source.kind === 'indicator' ? item.source.indicator : item.source.kind === 'metric' ? item.source.metric : null,
        unitLabel(unit),
        dec(score === undefined ? null : displayFigure(traceValue(score, 'Target'), unit)),
        dec(score === undefined ? null : displayFigure(traceValue(score, kind === 'deduction' ? 'Count' : 'Actual'), unit)),
        dec(score?.completion ?? null),
        pointsDecimal(score?.points ?? null),
        score?.status ?? 'pending',
      ]);
    }
  }
  return rows;
}

interface Group {
  code: string;
  name: string;
  level: string;
  cards: EvaluationCard[];
}

function groups(detail: EvaluationRunDetail, unit: { code: string; name: string; level: string }): Group[] {
  const byOutlet = new Map<string, Group>();
  for (const c of detail.cards) {
    const g = byOutlet.get(c.manager.outletCode) ?? { code: c.manager.outletCode, name: c.manager.outletName, level: 'outlet', cards: [] };
    g.cards.push(c);
    byOutlet.set(c.manager.outletCode, g);
  }
  const outlets = [...byOutlet.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  // A run of one outlet reports that outlet once.
  return outlets.length === 1 && outlets[0]?.code === unit.code ? outlets : [...outlets, { ...unit, cards: [...detail.cards] }];
}

export function unitRows(detail: EvaluationRunDetail, unit: { code: string; name: string; level: string }): Rows {
  const rows: Rows = [[...UNIT_COLUMNS]];
  for (const g of groups(detail, unit)) {
    const totals = g.cards.filter((c) => c.total !== null).map((c) => BigInt(c.total as string));
    const count = (o: EvaluationCard['outcome']): number => g.cards.filter((c) => c.outcome === o).length;
    const pick = (better: (a: bigint, b: bigint) => boolean): bigint | null => (totals.length === 0 ? null : totals.reduce((x, y) => (better(y, x) ? y : x)));
    rows.push([
      g.code,
      g.name,
      g.level,
      g.cards.length,
      totals.length,
      pointsDecimal(totals.reduce((s, v) => s + v, 0n)),
      pointsDecimal(meanHundredths(totals)),
      pointsDecimal(pick((a, b) => a > b)),
      pointsDecimal(pick((a, b) => a < b)),
      count('promote'),
      count('maintain'),
      count('demote'),
      g.cards.filter((c) => c.bottom).length,
    ]);
  }
  return rows;
}

export function unitItemRows(store: Store, detail: EvaluationRunDetail, unit: { code: string; name: string; level: string }): Rows {
  const units = itemUnits(store, detail.scheme.items);
  const directions = indicatorDirections(store, detail.scheme.items);
  const quantitative = detail.scheme.items.filter((i) => sheetItemKind(i) === 'quantitative');
  const rows: Rows = [[...UNIT_ITEM_COLUMNS]];
  for (const g of groups(detail, unit)) {
    for (const item of quantitative) {
      const figureUnit = units.get(item.key) ?? { kind: 'none' };
      let target = 0n;
      let actual = 0n;
      let points = 0n;
      for (const c of g.cards) {
        const score = itemOf(c, item.key);
        if (score === undefined) continue;
        target += centsOf(traceValue(score, 'Target')) ?? 0n;
        actual += centsOf(traceValue(score, 'Actual')) ?? 0n;
        points += BigInt(score.points ?? '0');
      }
      rows.push([
        g.code,
        g.name,
        item.key,
        item.name,
        unitLabel(figureUnit),
        dec(displayFigure(centsText(target), figureUnit)),
        dec(displayFigure(centsText(actual), figureUnit)),
        dec(completionText(actual, target, directions.get(item.key) ?? 'up')),
        pointsDecimal(points),
      ]);
    }
  }
  return rows;
}

const ROLE_LABELS = { primary: '主管户', secondary: '协管户' } as const;

/**
 * The clients behind the credited actuals: every assignment of an evaluated manager that overlaps the period,
 * with the days it counts for inside the period (valid_to is exclusive) and the credit share. The client table
 * drives the scan (CROSS JOIN keeps SQLite to that order): read in rowid order, the client and score pages come
 * in sequence instead of one random page per assignment, which halves the time on the 200,000-client demo.
 */
export function clientRows(store: Store, detail: EvaluationRunDetail, role: Role): Rows {
  const { from, to } = periodRange(detail.run.period);
  const managerIds = detail.cards.map((c) => c.managerId);
  const rows: Rows = [[...CLIENT_COLUMNS]];
  const stmt = store.db
    .prepare(
      `WITH span AS (SELECT @from AS lo, date(@to, '+1 day') AS hi),
       held AS (
         SELECT c.client_no, c.name, c.id_no, c.phone, s.tier, m.staff_no, m.name AS manager, o.code AS outlet, a.role, a.share_bp,
           max(a.valid_from, span.lo) AS held_from, min(coalesce(a.valid_to, span.hi), span.hi) AS held_end
         FROM client c CROSS JOIN assignment a ON a.client_id = c.id CROSS JOIN span
         JOIN manager m ON m.id = a.manager_id
         LEFT JOIN client_score s ON s.client_id = c.id
         LEFT JOIN org_unit o ON o.id = c.org_unit_id
         WHERE a.manager_id IN (SELECT value FROM json_each(@managers)) AND a.valid_from < span.hi AND (a.valid_to IS NULL OR a.valid_to > span.lo))
       SELECT client_no, name, id_no, phone, tier, staff_no, manager, outlet, role, share_bp, held_from, date(held_end, '-1 day'),
         CAST(round(julianday(held_end) - julianday(held_from)) AS INTEGER)
       FROM held ORDER BY staff_no, client_no, held_from`,
    )
    .raw();
  const shares = new Map<number, CsvCell>();
  const shareText = (bp: number): CsvCell => {
    let text = shares.get(bp);
    if (text === undefined) shares.set(bp, (text = dec(shiftDecimal(String(bp), 2, 2))));
    return text;
  };
  for (const r of stmt.iterate({ from, to, managers: JSON.stringify(managerIds) }) as Iterable<
    [string, string, string | null, string | null, ClientTier | null, string, string, string | null, 'primary' | 'secondary', number, string, string, number]
  >) {
    const [clientNo, name, idNo, phone, tier, staffNo, manager, outlet, assignmentRole, shareBp, heldFrom, lastDay, days] = r;
    const identity = identityFor(role, idNo, phone);
    rows.push([
      clientNo,
      name,
      identity.idNo,
      identity.phone,
      tier === null ? null : TIER_LABELS[tier].zh,
      staffNo,
      manager,
      outlet,
      ROLE_LABELS[assignmentRole],
      shareText(shareBp),
      heldFrom,
      lastDay,
      days,
    ]);
  }
  return rows;
}
