import type { WorkspaceSummary } from '../../shared/api/ops/system.js';
import type { Store } from '../store/store.js';

function count(store: Store, table: string): number {
  return (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

export function workspaceSummary(store: Store): WorkspaceSummary {
  const latest = store.db.prepare('SELECT max(as_of) AS d FROM balance_snapshot').get() as { d: string | null };
  return {
    orgUnits: count(store, 'org_unit'),
    managers: count(store, 'manager'),
    clients: count(store, 'client'),
    balanceSnapshots: count(store, 'balance_snapshot'),
    holdings: count(store, 'product_holding'),
    transactions: count(store, 'txn'),
    contacts: count(store, 'contact'),
    latestAsOf: latest.d,
  };
}
