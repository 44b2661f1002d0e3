import type { ManagerMethod, OutletMethod } from '../../shared/targets/decomposition.js';
import type { Store } from '../store/store.js';
import type { ManagerInForce, OrgNode } from './context.js';
import { creditedActuals, periodWindow } from './credit.js';
import { orgActual, sourceOf, yearWindow } from './org-actuals.js';

/**
 * The weights each method splits a figure by (分解口径). Weights are whole numbers ≥ 0: a negative basis (an outlet
 * whose deposits fell last year) weighs nothing, and a level where every weight is zero is split equally by the
 * allocator. `null` for a whole level means its basis is missing (no data for the prior year).
 */
export interface WeightBasis {
  store: Store;
  year: number;
  indicator: { id: number; code: string; source: string | null };
  /** Managers in force and AUM are read on this day. */
  day: string;
  gradeWeights: Readonly<Record<string, number>>;
  typeWeights: Readonly<Record<string, number>>;
  /** Head office's figures for the year by org unit (the `head_office` method). */
  headOffice: ReadonlyMap<number, number>;
}

const clamp = (v: number | bigint | null | undefined): bigint => {
  const b = BigInt(v ?? 0);
  return b < 0n ? 0n : b;
};

/** Per mille: the grade's weight times the type's (1000 when a code has none configured). */
export function managerWeight(m: Pick<ManagerInForce, 'grade' | 'type'>, grades: Readonly<Record<string, number>>, types: Readonly<Record<string, number>>): bigint {
  return (BigInt(grades[m.grade] ?? 1000) * BigInt(types[m.type] ?? 1000)) / 1000n;
}

/** The last snapshot on or before the day: the "current" book AUM shares are read on. */
function aumDate(store: Store, day: string): string | null {
  return (store.db.prepare('SELECT max(as_of) FROM org_balance WHERE as_of <= ?').pluck().get(day) as string | null) ?? null;
}

/** Last year's actuals up to its last day: the `prior` method's basis. */
function priorWindow(b: WeightBasis) {
  return yearWindow(b.store, b.year - 1, `${b.year - 1}-12-31`);
}

export function outletWeights(b: WeightBasis, method: OutletMethod, outlets: readonly OrgNode[], managers: readonly ManagerInForce[]): bigint[] | null {
  switch (method) {
    case 'equal':
    case 'manual':
      return outlets.map(() => 1n);
    case 'head_office':
      return outlets.map((o) => clamp(b.headOffice.get(o.id)));
    case 'weights':
      return outlets.map((o) => managers.filter((m) => m.orgUnitId === o.id).reduce((a, m) => a + managerWeight(m, b.gradeWeights, b.typeWeights), 0n));
    case 'aum': {
      const asOf = aumDate(b.store, b.day);
      const read = b.store.db.prepare("SELECT balance_fen FROM org_balance WHERE org_unit_id = ? AND as_of = ? AND product_type = 'aum'").pluck();
      return outlets.map((o) => (asOf === null ? 0n : clamp(read.get(o.id, asOf) as number | undefined)));
    }
    case 'prior': {
      const source = sourceOf(b.indicator.code, b.indicator.source);
      const w = priorWindow(b);
      if (source === null || w.snapshot === null) return null;
      return outlets.map((o) => clamp(orgActual(b.store, source, [o.id], w)));
    }
  }
}

export function managerWeights(b: WeightBasis, method: ManagerMethod, managers: readonly ManagerInForce[]): bigint[] | null {
  switch (method) {
    case 'equal':
    case 'manual':
      return managers.map(() => 1n);
    case 'weights':
      return managers.map((m) => managerWeight(m, b.gradeWeights, b.typeWeights));
    case 'aum': {
      // Each manager's primary book on the day, valued at the last snapshot on or before it.
      const asOf = aumDate(b.store, b.day);
      if (asOf === null) return managers.map(() => 0n);
      const rows = b.store.db
        .prepare(
          `SELECT a.manager_id AS id, sum(n.aum_fen) AS v FROM assignment a JOIN balance_change n ON n.client_id = a.client_id AND n.as_of = @asOf
           WHERE a.role = 'primary' AND a.valid_from <= @day AND (a.valid_to IS NULL OR a.valid_to > @day)
             AND a.manager_id IN (SELECT value FROM json_each(@ids)) GROUP BY a.manager_id`,
        )
        .all({ asOf, day: b.day, ids: JSON.stringify(managers.map((m) => m.id)) }) as Array<{ id: number; v: number }>;
      const byId = new Map(rows.map((r) => [r.id, r.v]));
      return managers.map((m) => clamp(byId.get(m.id)));
    }
    case 'prior': {
      const source = sourceOf(b.indicator.code, b.indicator.source);
      const w = periodWindow(b.store, String(b.year - 1), `${b.year - 1}-12-31`);
      if (source === null || w.snapshot === null) return null;
      const credited = creditedActuals(b.store, source, w);
      return managers.map((m) => clamp(credited.get(m.id)));
    }
  }
}
