import type { ConsolidatedIndicator, ConsolidatedInstitution, ConsolidatedManager, ConsolidatedPackageInfo, ConsolidatedResults } from '../../shared/api/ops/package.js';
import { ITEM_KIND_LABELS } from '../../shared/package/columns.js';
import { rank } from '../evaluation/scorecard.js';
import { centsText, meanHundredths } from '../evaluation/workbook-figures.js';
import type { Store } from '../store/store.js';
import { sumDecimals } from './decimal.js';
import { currentPackages } from './packages.js';

/**
 * Consolidated results of a period over its current packages: every manager ranked by total as the evaluation
 * ranks (1, 2, 2, 4; not fully scored: unranked), and institution results — per sending unit, per outlet within
 * it and for all together — with head counts, total and average points, and each quantitative item's targets and
 * credited actuals summed exactly (decimal text, no floats).
 */
interface ManagerRow {
  package_id: number;
  staff_no: string;
  name: string;
  outlet_code: string;
  outlet_name: string;
  grade: string;
  type: string;
  quantitative: bigint | null;
  qualitative: bigint | null;
  deductions: bigint | null;
  total: bigint | null;
  outcome: string | null;
  source_rank: bigint | null;
}

interface ItemRow {
  package_id: number;
  staff_no: string;
  item_key: string;
  item_name: string;
  unit: string;
  target: string | null;
  actual: string | null;
}

const points = (h: bigint | null): string | null => (h === null ? null : centsText(h));

function institution(
  head: Omit<ConsolidatedInstitution, 'managers' | 'scored' | 'totalPoints' | 'averagePoints' | 'indicators'>,
  managers: readonly ManagerRow[],
  items: readonly ItemRow[],
): ConsolidatedInstitution {
  const totals = managers.filter((m) => m.total !== null).map((m) => m.total as bigint);
  const members = new Set(managers.map((m) => `${m.package_id}:${m.staff_no}`));
  const byIndicator = new Map<string, { key: string; name: string; unit: string; targets: Array<string | null>; actuals: Array<string | null> }>();
  for (const i of items) {
    if (!members.has(`${i.package_id}:${i.staff_no}`)) continue;
    const k = `${i.item_key}\u0000${i.unit}`;
    const g = byIndicator.get(k) ?? { key: i.item_key, name: i.item_name, unit: i.unit, targets: [], actuals: [] };
    g.targets.push(i.target);
    g.actuals.push(i.actual);
    byIndicator.set(k, g);
  }
  const indicators: ConsolidatedIndicator[] = [...byIndicator.values()].map((g) => ({ key: g.key, name: g.name, unit: g.unit, target: sumDecimals(g.targets), actual: sumDecimals(g.actuals) }));
  const mean = meanHundredths(totals);
  return {
    ...head,
    managers: managers.length,
    scored: totals.length,
    totalPoints: centsText(totals.reduce((s, v) => s + v, 0n)),
    averagePoints: mean === null ? null : centsText(mean),
    indicators,
  };
}

export function consolidatedResults(store: Store, period: string): ConsolidatedResults {
  const packages = currentPackages(store, period);
  const ids = JSON.stringify(packages.map((p) => p.id));
  const managers = store.db
    .prepare(
      `SELECT package_id, staff_no, name, outlet_code, outlet_name, grade, type, quantitative, qualitative, deductions, total, outcome, source_rank
       FROM consolidation_manager WHERE package_id IN (SELECT value FROM json_each(?))`,
    )
    .safeIntegers()
    .all(ids)
    .map((r) => ({ ...(r as ManagerRow), package_id: Number((r as { package_id: bigint }).package_id) })) as ManagerRow[];
  const items = (
    store.db
      .prepare(
        `SELECT package_id, staff_no, item_key, item_name, unit, target, actual FROM consolidation_item
         WHERE package_id IN (SELECT value FROM json_each(?)) AND kind = ? ORDER BY package_id, position`,
      )
      .all(ids, ITEM_KIND_LABELS.quantitative) as ItemRow[]
  ).map((r) => ({ ...r }));
  const byId = new Map<number, ConsolidatedPackageInfo>(packages.map((p) => [p.id, p]));
  // A stable order for equal totals: unit, then staff number (as the evaluation breaks ties by a fixed order).
  const order = [...managers].sort((a, b) => {
    const ua = byId.get(a.package_id)?.unitCode ?? '';
    const ub = byId.get(b.package_id)?.unitCode ?? '';
    return ua === ub ? (a.staff_no < b.staff_no ? -1 : a.staff_no > b.staff_no ? 1 : 0) : ua < ub ? -1 : 1;
  });
  const ranks = rank(order.map((m, i) => ({ managerId: i, total: m.total })), 0);
  const rankedCount = order.filter((m) => m.total !== null).length;
  const ranked: ConsolidatedManager[] = order
    .map((m, i) => {
      const p = byId.get(m.package_id) as ConsolidatedPackageInfo;
      const r = ranks.get(i);
      return {
        rank: r?.rank ?? null,
        of: rankedCount,
        staffNo: m.staff_no,
        name: m.name,
        unitCode: p.unitCode,
        unitName: p.unitName,
        outletCode: m.outlet_code,
        outletName: m.outlet_name,
        grade: m.grade,
        type: m.type,
        total: points(m.total),
        quantitative: points(m.quantitative),
        qualitative: points(m.qualitative),
        deductions: points(m.deductions),
        outcome: m.outcome,
        sourceRank: m.source_rank === null ? null : Number(m.source_rank),
        packageId: m.package_id,
      };
    })
    .sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER));
  const institutions: ConsolidatedInstitution[] = [];
  for (const p of packages) {
    const mine = managers.filter((m) => m.package_id === p.id);
    institutions.push(institution({ code: p.unitCode, name: p.unitName, kind: 'package', parentCode: null }, mine, items));
    const outlets = [...new Map(mine.map((m) => [m.outlet_code, m.outlet_name])).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [code, name] of outlets) {
      if (code === p.unitCode) continue;
      institutions.push(institution({ code, name, kind: 'outlet', parentCode: p.unitCode }, mine.filter((m) => m.outlet_code === code), items));
    }
  }
  institutions.push(institution({ code: '', name: '合计', kind: 'total', parentCode: null }, managers, items));
  const schemes = new Set(packages.map((p) => `${p.schemeCode}\u0000${p.schemeVersion}`));
  return { period, packages, managers: ranked, institutions, mixedSchemes: schemes.size > 1 };
}
