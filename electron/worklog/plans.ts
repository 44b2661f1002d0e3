import type { SegmentCode } from '../../shared/book/labels.js';
import type { ClientTier } from '../../shared/model/client.js';
import type { ContactPlan, ContactPlanList } from '../../shared/worklog/types.js';
import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';

/**
 * Which plan governs a client: the active plan of its segment when there is one, else the active plan of its tier,
 * else none. Tier and segment are the client book's (`client_score`, the last recompute), so an unscored client is
 * under no plan. Joined onto a row source aliased `h` that carries `client_id`; yields `plan_id` and `every_days`.
 */
export const PLAN_JOIN = `JOIN client_score s ON s.client_id = h.client_id
  LEFT JOIN contact_plan ps ON ps.segment = s.segment AND ps.active = 1
  LEFT JOIN contact_plan pt ON pt.tier = s.tier AND pt.active = 1`;
export const PLAN_ID = 'coalesce(ps.id, pt.id)';
export const PLAN_EVERY = 'coalesce(ps.every_days, pt.every_days)';

/** Scores whose tier or segment has an active plan, found on the tier and segment indexes (a few % of all clients). */
const PLANNED_SCORES = `(s.tier IN (SELECT tier FROM contact_plan WHERE active = 1 AND tier IS NOT NULL)
  OR s.segment IN (SELECT segment FROM contact_plan WHERE active = 1 AND segment IS NOT NULL))`;

/**
 * The CTE body of "clients under a plan held (primary) on `day` (a SQL parameter)": `client_id, manager_id, tier,
 * segment, plan_id, every_days`. For named managers (JSON ids in @managers) it starts from their assignments; for
 * everyone, from the planned scores, so neither reads the whole book.
 */
export function heldUnderPlan(day: string, named: boolean): string {
  const inForce = `a.role = 'primary' AND a.valid_from <= ${day} AND (a.valid_to IS NULL OR a.valid_to > ${day})`;
  const cols = `h.client_id, h.manager_id, s.tier, s.segment, ${PLAN_ID} AS plan_id, ${PLAN_EVERY} AS every_days`;
  if (named) {
    return `SELECT ${cols} FROM (SELECT a.client_id, a.manager_id FROM assignment a
      WHERE a.manager_id IN (SELECT value FROM json_each(@managers)) AND ${inForce}) h ${PLAN_JOIN} WHERE ${PLAN_ID} IS NOT NULL`;
  }
  return `SELECT ${cols} FROM (SELECT s.client_id, a.manager_id FROM client_score s JOIN assignment a ON a.client_id = s.client_id
      WHERE ${PLANNED_SCORES} AND ${inForce}) h ${PLAN_JOIN}`;
}

interface PlanRow {
  id: number;
  tier: ClientTier | null;
  segment: SegmentCode | null;
  every_days: number;
  active: number;
}

export function readPlan(store: Store, id: number): PlanRow {
  const row = store.db.prepare('SELECT id, tier, segment, every_days, active FROM contact_plan WHERE id = ?').get(id) as PlanRow | undefined;
  if (row === undefined) throw new AppError('NOT_FOUND', { zh: '联系计划不存在', en: 'No such contact plan' });
  return row;
}

export function scoredAsOf(store: Store): string | null {
  return store.db.prepare('SELECT max(as_of) FROM client_score').pluck().get() as string | null;
}

/**
 * Every plan (tier plans first, by tier rank, then segments), with the clients each governs: in the whole book, or —
 * for a client manager — among the clients they hold (primary) today, which is all a manager may count.
 */
export function listPlans(store: Store, own?: { managerId: number; today: string }): ContactPlanList {
  const counted =
    own === undefined
      ? store.db.prepare(`SELECT ${PLAN_ID} AS plan_id, count(*) AS n FROM (SELECT client_id FROM client_score s WHERE ${PLANNED_SCORES}) h ${PLAN_JOIN} GROUP BY 1`).all()
      : store.db.prepare(`SELECT plan_id, count(*) AS n FROM (${heldUnderPlan('@d', true)}) GROUP BY 1`).all({ d: own.today, managers: JSON.stringify([own.managerId]) });
  const governed = new Map((counted as Array<{ plan_id: number | null; n: number }>).map((r) => [r.plan_id, r.n]));
  const rows = store.db
    .prepare(
      `SELECT id, tier, segment, every_days, active FROM contact_plan
       ORDER BY segment IS NOT NULL, CASE coalesce(tier, substr(segment, 1, instr(segment, '.') - 1))
         WHEN 'private' THEN 0 WHEN 'diamond' THEN 1 WHEN 'platinum' THEN 2 WHEN 'gold' THEN 3 ELSE 4 END, segment, id`,
    )
    .all() as PlanRow[];
  const plans: ContactPlan[] = rows.map((r) => ({
    id: r.id,
    tier: r.tier,
    segment: r.segment,
    everyDays: r.every_days,
    active: r.active === 1,
    clients: governed.get(r.id) ?? 0,
  }));
  return { plans, scoredAsOf: scoredAsOf(store) };
}

export interface PlanInput {
  id?: number | undefined;
  tier?: ClientTier | undefined;
  segment?: SegmentCode | undefined;
  everyDays: number;
  active: boolean;
}

/** Creates or changes a plan; one plan per tier and per segment. Returns the plan before and after. */
export function savePlan(store: Store, input: PlanInput): { before: PlanRow | null; after: PlanRow } {
  return store.transaction(() => {
    const tier = input.tier ?? null;
    const segment = input.segment ?? null;
    const clash = store.db
      .prepare('SELECT id FROM contact_plan WHERE (tier = ? OR segment = ?) AND id <> ?')
      .pluck()
      .get(tier, segment, input.id ?? -1) as number | undefined;
    if (clash !== undefined) {
      throw new AppError('CONFLICT', { zh: '该层级或客群已有联系计划，请修改原计划', en: 'That tier or segment already has a plan; change it instead' }, { planId: clash });
    }
    const before = input.id === undefined ? null : readPlan(store, input.id);
    const values = { tier, segment, every: input.everyDays, active: input.active ? 1 : 0 };
    const id =
      before === null
        ? Number(store.db.prepare('INSERT INTO contact_plan (tier, segment, every_days, active) VALUES (@tier, @segment, @every, @active)').run(values).lastInsertRowid)
        : (store.db.prepare('UPDATE contact_plan SET tier = @tier, segment = @segment, every_days = @every, active = @active WHERE id = @id').run({ ...values, id: before.id }), before.id);
    return { before, after: readPlan(store, id) };
  });
}

export function deletePlan(store: Store, id: number): PlanRow {
  return store.transaction(() => {
    const before = readPlan(store, id);
    store.db.prepare('DELETE FROM contact_plan WHERE id = ?').run(id);
    return before;
  });
}
