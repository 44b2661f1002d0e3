import { CLIENT_TIERS } from '../../shared/model/client.js';
import type { ClientTier } from '../../shared/model/client.js';
import type { CardManager, CardTarget, OutletCard, UnitBalances } from '../../shared/org/outlet-card.js';
import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';
import { orgActual, sourceOf, yearWindow } from '../targets/org-actuals.js';
import { listOrgUnits, unitAndDescendants } from './queries.js';

const UNITS = '(SELECT value FROM json_each(@units))';

function permille(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 1000) / whole);
}

/** Balances per snapshot date for the units, from the per-outlet sums. */
function balanceHistory(store: Store, units: string): UnitBalances[] {
  const rows = store.db
    .prepare(
      `SELECT as_of, product_type, sum(balance_fen) AS bal, sum(avg_balance_fen) AS avg, sum(clients) AS clients
       FROM org_balance WHERE org_unit_id IN ${UNITS} GROUP BY as_of, product_type ORDER BY as_of`,
    )
    .all({ units }) as Array<{ as_of: string; product_type: string; bal: number; avg: number; clients: number }>;
  const byDate = new Map<string, UnitBalances>();
  for (const r of rows) {
    let b = byDate.get(r.as_of);
    if (b === undefined) {
      b = { asOf: r.as_of, demandFen: 0, timeFen: 0, timeSharePermille: null, avgDemandFen: 0, avgTimeFen: 0, aumFen: 0, loanFen: 0, clients: 0 };
      byDate.set(r.as_of, b);
    }
    if (r.product_type === 'deposit_demand') {
      b.demandFen += r.bal;
      b.avgDemandFen += r.avg;
    } else if (r.product_type === 'deposit_time') {
      b.timeFen += r.bal;
      b.avgTimeFen += r.avg;
    }
    if (r.product_type === 'aum') {
      b.aumFen = r.bal;
      b.clients = r.clients;
    }
    if (r.product_type === 'loan') b.loanFen += r.bal;
  }
  const history = [...byDate.values()];
  for (const b of history) b.timeSharePermille = permille(b.timeFen, b.demandFen + b.timeFen);
  return history;
}

function managersOf(store: Store, units: string, day: string): CardManager[] {
  const rows = store.db
    .prepare(
      `SELECT m.id, m.staff_no, m.name, p.grade, p.type, p.status, p.max_clients,
         (SELECT count(*) FROM assignment a WHERE a.manager_id = m.id AND a.role = 'primary' AND a.valid_from <= @day
            AND (a.valid_to IS NULL OR a.valid_to > @day)) AS clients
       FROM manager m JOIN manager_period p ON p.manager_id = m.id
       WHERE p.org_unit_id IN ${UNITS} AND p.valid_from <= @day AND (p.valid_to IS NULL OR p.valid_to > @day)
       ORDER BY m.staff_no`,
    )
    .all({ units, day }) as Array<{ id: number; staff_no: string; name: string; grade: CardManager['grade']; type: CardManager['type']; status: CardManager['status']; max_clients: number | null; clients: number }>;
  return rows.map((r) => ({ id: r.id, staffNo: r.staff_no, name: r.name, grade: r.grade, type: r.type, status: r.status, clients: r.clients, maxClients: r.max_clients }));
}

function targetsOf(store: Store, unitId: number, unitIds: number[], day: string): OutletCard['targets'] {
  const year = Number(day.slice(0, 4));
  const window = yearWindow(store, year, day);
  // Time elapsed is measured to the data's date, so it compares like with like against the actuals.
  const dataDay = window.snapshot ?? day;
  const start = Date.UTC(year, 0, 1);
  const elapsed = (Date.parse(`${dataDay}T00:00:00Z`) - start) / 86_400_000 + 1;
  const length = (Date.UTC(year + 1, 0, 1) - start) / 86_400_000;
  const indicators = store.db.prepare('SELECT id, code, name, unit, measure, source FROM indicator ORDER BY sort, code').all() as Array<{
    id: number;
    code: string;
    name: string;
    unit: string;
    measure: 'amount' | 'count';
    source: string | null;
  }>;
  const plan = store.db.prepare(
    "SELECT id FROM target_plan WHERE year = ? AND indicator_id = ? AND origin = 'import' AND status = 'published' ORDER BY version DESC LIMIT 1",
  );
  const own = store.db.prepare('SELECT value FROM target WHERE plan_id = ? AND period = ? AND org_unit_id = ?').pluck();
  const below = store.db.prepare(`SELECT sum(value) FROM target WHERE plan_id = @plan AND period = @period AND org_unit_id IN ${UNITS}`).pluck();
  const units = JSON.stringify(unitIds);
  const rows: CardTarget[] = indicators.map((i) => {
    const planId = (plan.pluck().get(year, i.id) as number | undefined) ?? null;
    let targetValue: number | null = null;
    if (planId !== null) {
      targetValue = (own.get(planId, String(year), unitId) as number | undefined) ?? (below.get({ plan: planId, period: String(year), units }) as number | null);
    }
    const source = sourceOf(i.code, i.source);
    const actualValue = source === null ? null : orgActual(store, source, unitIds, window);
    const completionPermille = targetValue === null || actualValue === null || targetValue === 0 ? null : Math.round((actualValue * 1000) / targetValue);
    return { code: i.code, name: i.name, unit: i.unit, measure: i.measure, targetValue, actualValue, completionPermille, estimate: window.estimate && source?.type === 'balance_growth' };
  });
  return { year, timeElapsedPermille: Math.round((Math.min(elapsed, length) * 1000) / length), rows };
}

/**
 * 网点资源卡 for an org unit on a day: deposit structure, clients by tier, managers, the year's targets against
 * actuals, and the month-by-month history. A unit above outlet level sums its outlets.
 */
export function outletCard(store: Store, unitId: number, day: string): OutletCard {
  const all = listOrgUnits(store);
  const unit = all.find((u) => u.id === unitId);
  if (unit === undefined) throw new AppError('NOT_FOUND', { zh: `找不到机构 #${unitId}`, en: `Org unit #${unitId} not found` });
  const unitIds = unitAndDescendants(store, unitId);
  const units = JSON.stringify(unitIds);
  const history = balanceHistory(store, units).filter((b) => b.asOf <= day);
  const current = history[history.length - 1] ?? null;
  const count = (sql: string, params: Record<string, unknown> = {}): number => store.db.prepare(sql).pluck().get({ units, ...params }) as number;
  const tiers = store.db
    .prepare(`SELECT s.tier, count(*) AS n FROM client_score s JOIN client c ON c.id = s.client_id WHERE c.org_unit_id IN ${UNITS} GROUP BY s.tier`)
    .all({ units }) as Array<{ tier: ClientTier; n: number }>;
  const scoredAsOf = (store.db.prepare('SELECT max(as_of) FROM client_score').pluck().get() as string | null) ?? null;
  const assignedOn = current?.asOf ?? day;
  return {
    unit,
    parentName: all.find((u) => u.id === unit.parentId)?.name ?? null,
    asOf: current?.asOf ?? null,
    current,
    clientCount: count(`SELECT count(*) FROM client WHERE org_unit_id IN ${UNITS}`),
    unassignedCount: count(
      `SELECT count(*) FROM client c WHERE c.org_unit_id IN ${UNITS} AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.client_id = c.id
         AND a.role = 'primary' AND a.valid_from <= @day AND (a.valid_to IS NULL OR a.valid_to > @day))`,
      { day: assignedOn },
    ),
    tiers: tiers.map((t) => ({ tier: t.tier, clients: t.n })).sort((a, b) => CLIENT_TIERS.indexOf(a.tier) - CLIENT_TIERS.indexOf(b.tier)),
    midHighClients: tiers.filter((t) => t.tier !== 'standard').reduce((s, t) => s + t.n, 0),
    scoredAsOf,
    managers: managersOf(store, units, assignedOn),
    targets: targetsOf(store, unitId, unitIds, day),
    history,
  };
}
