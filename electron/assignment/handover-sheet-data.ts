import type { HandoverPlan, HandoverSheet } from '../../shared/assignment/handover.js';
import type { Store } from '../store/store.js';

interface UnitRow {
  id: number;
  name: string;
  level: string;
  parent_id: number | null;
  head_name: string | null;
}

/**
 * Everything the printed 移交清单 shows besides the plan: the bank and branch (the leaving manager's outlet's
 * ancestors), the outlet, and who signs as supervisor (the nearest unit head recorded in the org tree).
 */
export function handoverSheet(store: Store, plan: HandoverPlan, changeId: number | null, generatedBy: string, generatedAt: string): HandoverSheet {
  const unitOf = store.db.prepare('SELECT id, name, level, parent_id, head_name FROM org_unit WHERE id = ?');
  const outletId = store.db
    .prepare('SELECT org_unit_id FROM manager_period WHERE manager_id = ? AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1')
    .pluck()
    .get(plan.leaving.managerId, plan.from) as number | undefined;
  const chain: UnitRow[] = [];
  let next: number | null = outletId ?? null;
  while (next !== null && chain.length < 10) {
    const row = unitOf.get(next) as UnitRow | undefined;
    if (row === undefined) break;
    chain.push(row);
    next = row.parent_id;
  }
  const top = chain[chain.length - 1];
  const branch = chain.find((u) => u.level === 'tier2') ?? chain.find((u) => u.level === 'sub');
  return {
    plan,
    bankName: top?.name ?? '',
    branchName: branch !== undefined && branch !== top ? branch.name : '',
    outletName: chain[0]?.name ?? null,
    supervisorName: chain.find((u) => u.head_name !== null && u.head_name !== '')?.head_name ?? null,
    changeId,
    generatedAt,
    generatedBy,
  };
}
