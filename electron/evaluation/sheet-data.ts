import type { EvaluationRunDetail } from '../../shared/api/ops/evaluation.js';
import type { SchemeItem } from '../../shared/evaluation/scheme.js';
import type { EvaluationSheet, FigureUnit } from '../../shared/evaluation/sheet.js';
import { sheetItemKind } from '../../shared/evaluation/sheet.js';
import { periodRange } from '../../shared/targets/periods.js';
import type { Store } from '../store/store.js';

interface UnitRow {
  id: number;
  name: string;
  level: string;
  parent_id: number | null;
  head_name: string | null;
}

export interface OrgHeader {
  bankName: string;
  branchName: string;
  outletName: string;
  supervisorName: string | null;
}

/**
 * The bank and branch (the outlet's ancestors) and who signs as supervisor (the nearest unit head recorded in the
 * org tree), read the way the handover sheet reads them, so both papers of a branch carry the same header.
 */
export function orgHeader(store: Store, outletId: number): OrgHeader {
  const unitOf = store.db.prepare('SELECT id, name, level, parent_id, head_name FROM org_unit WHERE id = ?');
  const chain: UnitRow[] = [];
  let next: number | null = outletId;
  while (next !== null && chain.length < 10) {
    const row = unitOf.get(next) as UnitRow | undefined;
    if (row === undefined) break;
    chain.push(row);
    next = row.parent_id;
  }
  const top = chain[chain.length - 1];
  const branch = chain.find((u) => u.level === 'tier2') ?? chain.find((u) => u.level === 'sub');
  return {
    bankName: top !== undefined && top !== chain[0] ? top.name : '',
    branchName: branch !== undefined && branch !== top && branch !== chain[0] ? branch.name : '',
    outletName: chain[0]?.name ?? '',
    supervisorName: chain.find((u) => u.head_name !== null && u.head_name !== '')?.head_name ?? null,
  };
}

/** What each item's target and actual are counted in: indicators by their measure, metrics in basis points. */
export function itemUnits(store: Store, items: readonly SchemeItem[]): Map<string, FigureUnit> {
  const indicator = store.db.prepare('SELECT measure, unit FROM indicator WHERE code = ?');
  const out = new Map<string, FigureUnit>();
  for (const item of items) {
    const s = item.source;
    if (s.kind === 'indicator') {
      const row = indicator.get(s.indicator) as { measure: 'amount' | 'count'; unit: string } | undefined;
      out.set(item.key, row === undefined ? { kind: 'none' } : row.measure === 'amount' ? { kind: 'fen' } : { kind: 'count', label: row.unit });
    } else if (s.kind === 'metric') out.set(item.key, { kind: 'bp' });
    else if (s.kind === 'count') out.set(item.key, { kind: 'count', label: '次' });
    else out.set(item.key, { kind: 'none' });
  }
  return out;
}

/**
 * The sheets of a run as the caller may see it (`detail` comes from runDetail, which already keeps a client
 * manager to their own card), in the run's order (branch rank, unranked last); one manager's when asked.
 */
export function evaluationSheets(store: Store, detail: EvaluationRunDetail, generatedBy: string, generatedAt: string, managerId?: number): EvaluationSheet[] {
  const { run, scheme } = detail;
  const range = periodRange(run.period);
  const units = itemUnits(store, scheme.items);
  const headers = new Map<number, OrgHeader>();
  const comments = new Map(detail.entries.filter((e) => e.comment !== null && e.comment !== '').map((e) => [`${e.managerId}:${e.itemKey}`, e.comment]));
  const acknowledged = new Set(detail.acknowledged);
  const cards = managerId === undefined ? detail.cards : detail.cards.filter((c) => c.managerId === managerId);
  return cards.map((card): EvaluationSheet => {
    let header = headers.get(card.manager.outletId);
    if (header === undefined) {
      header = orgHeader(store, card.manager.outletId);
      headers.set(card.manager.outletId, header);
    }
    const items = scheme.items.map((item) => {
      const score = card.items.find((i) => i.key === item.key) ?? { key: item.key, points: null, completion: null, status: 'pending' as const, trace: [] };
      return { item, kind: sheetItemKind(item), unit: units.get(item.key) ?? { kind: 'none' as const }, score, comment: comments.get(`${card.managerId}:${item.key}`) ?? null };
    });
    return {
      ...header,
      run: {
        id: run.id,
        period: run.period,
        ...range,
        status: run.status,
        schemeCode: run.schemeCode,
        schemeVersion: run.schemeVersion,
        schemeName: run.schemeName,
        computedAt: run.computedAt,
      },
      card,
      items,
      acknowledged: acknowledged.has(card.managerId),
      generatedAt,
      generatedBy,
    };
  });
}
