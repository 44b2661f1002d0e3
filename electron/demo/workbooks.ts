import type { XlsxCell, XlsxSheet } from '../xlsx/build-xlsx.js';
import { GENDER_LABELS, GRADE_LABELS, LEVEL_LABELS, ORG_HEADER, ROSTER_HEADER, STATUS_LABELS, TARGET_HEADER, TYPE_LABELS } from './formats.js';
import { BRANCH, ORG_UNITS, OUTLETS } from './org.js';
import type { Roster } from './roster.js';
import type { TargetRow } from './targets.js';

export function orgSheet(): XlsxSheet {
  return {
    name: '机构信息',
    boldRows: [1],
    widths: [12, 14, 10, 12, 10, 36, 16],
    rows: [[...ORG_HEADER], ...ORG_UNITS.map((o) => [o.code, o.name, LEVEL_LABELS[o.level], o.parentCode ?? '', o.headName, o.address, o.phone])],
  };
}

/**
 * One row per roster period. 失效日期 is the last day the row applied (inclusive), as HR files
 * write it; the store's valid_to is the day after. An open period has no 失效日期.
 */
export function rosterSheet(roster: Roster): XlsxSheet {
  const rows: XlsxCell[][] = [[...ROSTER_HEADER]];
  for (const m of roster.managers) {
    for (const p of [...m.periods].sort((a, b) => a.fromDay - b.fromDay)) {
      const outlet = OUTLETS[p.outlet];
      rows.push([
        m.staffNo,
        m.name,
        GENDER_LABELS[m.gender],
        m.phone,
        { day: m.hiredDay },
        outlet?.code ?? '',
        outlet?.name ?? '',
        GRADE_LABELS[p.grade],
        TYPE_LABELS[p.type],
        STATUS_LABELS[p.status],
        p.maxClients,
        p.maxVipClients,
        { day: p.fromDay },
        p.toDay === null ? null : { day: p.toDay - 1 },
      ]);
    }
  }
  return { name: '客户经理名册', boldRows: [1], widths: [10, 10, 6, 14, 12, 12, 12, 14, 10, 10, 10, 14, 12, 12], rows };
}

/** A title row above the header (merged across), as head-office spreadsheets usually have. */
export function targetsSheet(targets: readonly TargetRow[]): XlsxSheet {
  const title = `${BRANCH.name}2026年度经营任务指标（总行下达）`;
  const rows: XlsxCell[][] = [[title], [...TARGET_HEADER]];
  for (const t of targets) {
    const outlet = OUTLETS[t.outlet];
    rows.push([2026, outlet?.code ?? '', outlet?.name ?? '', t.indicator.code, t.indicator.name, t.indicator.unit, t.annual, ...(t.quarters ?? [null, null, null, null])]);
  }
  return { name: '2026年度任务指标', boldRows: [1, 2], merges: ['A1:K1'], widths: [8, 12, 12, 14, 16, 8, 12, 10, 10, 10, 10], rows };
}
