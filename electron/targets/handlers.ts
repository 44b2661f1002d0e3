import type { DomainHandlers, HandlerContext } from '../api/types.js';
import { latestSnapshotAsOf } from '../book/config-store.js';
import { AppError } from '../platform/app-error.js';
import { localIsoDate } from '../platform/clock.js';
import { assertUnitInScope, unitsInScope } from '../security/scope.js';
import { listIndicators, orgNodes, rootChoices } from './context.js';
import { previewDecomposition, resolveParams } from './decompose.js';
import { listPlanSummaries, readPlanSummary } from './plan-rows.js';
import { discardDraft, publishPlan, readStoredPlan, saveDraft, setCell } from './plan-store.js';
import { targetProgress } from './progress.js';
import { saveIndicator } from './indicators.js';

/** The data's date: decompositions and progress are read as of the latest snapshot, not the calendar. */
function dataDay(ctx: HandlerContext): string {
  return latestSnapshotAsOf(ctx.store) ?? localIsoDate(ctx.clock.now());
}

function defaultRoot(ctx: HandlerContext): number | null {
  return rootChoices(orgNodes(ctx.store), unitsInScope(ctx.store, ctx.session), ctx.session.orgUnitIds).defaultRootId;
}

/** A supervisor edits and reads decompositions of the units they run (or below). */
function planInScope(ctx: HandlerContext, planId: number): void {
  const plan = readPlanSummary(ctx.store, planId);
  if (plan.orgUnitId !== null) assertUnitInScope(ctx.store, ctx.session, plan.orgUnitId);
}

function params(ctx: HandlerContext, input: Parameters<typeof resolveParams>[1]) {
  const p = resolveParams(ctx.store, input, { orgUnitId: defaultRoot(ctx), day: dataDay(ctx) });
  assertUnitInScope(ctx.store, ctx.session, p.orgUnitId);
  return p;
}

export const targetsHandlers: DomainHandlers<'targets'> = {
  'targets.indicators': (_input, ctx) => listIndicators(ctx.store),

  'targets.saveIndicator': (input, ctx) => {
    const before = listIndicators(ctx.store).find((i) => i.code === input.code) ?? null;
    const saved = saveIndicator(ctx.store, input);
    ctx.auditNote({ entity: 'indicator', entityId: input.code, before, after: input });
    return saved;
  },

  'targets.plans': (input, ctx) => {
    const scope = unitsInScope(ctx.store, ctx.session);
    const { roots, defaultRootId } = rootChoices(orgNodes(ctx.store), scope, ctx.session.orgUnitIds);
    // Head office's plans are the figures everyone works from; decompositions belong to the units they split.
    const plans = listPlanSummaries(ctx.store, input.year).filter((p) => p.orgUnitId === null || scope === null || scope.has(p.orgUnitId));
    return { plans, roots, defaultRootId, dataAsOf: latestSnapshotAsOf(ctx.store) };
  },

  'targets.plan': (input, ctx) => {
    planInScope(ctx, input.planId);
    return readStoredPlan(ctx.store, input.planId);
  },

  'targets.decompose': (input, ctx) => {
    const { locks, ...rest } = input;
    return previewDecomposition(ctx.store, params(ctx, rest), locks);
  },

  'targets.saveDecomposition': (input, ctx) => {
    const { locks, ...rest } = input;
    const p = params(ctx, rest);
    const planId = saveDraft(ctx.store, p, locks, { userName: ctx.session.userName, now: ctx.clock.now().toISOString() });
    const plan = readStoredPlan(ctx.store, planId);
    ctx.auditNote({ entity: 'target_plan', entityId: planId, after: { version: plan.plan.version, status: 'draft', params: p, locks: locks.length } });
    return plan;
  },

  'targets.setCell': (input, ctx) => {
    planInScope(ctx, input.planId);
    const { planId, value, locked, ...ref } = input;
    const before = readStoredPlan(ctx.store, planId).rows.find((r) => (ref.managerId !== undefined ? r.managerId === ref.managerId : r.orgUnitId === ref.orgUnitId && r.managerId === null));
    const plan = setCell(ctx.store, planId, ref, { value, locked });
    const after = plan.rows.find((r) => r.key === before?.key);
    ctx.auditNote({
      entity: 'target',
      entityId: `${planId}:${before?.key ?? ''}:${ref.period}`,
      before: { value: before?.values[ref.period] ?? null, locked: before?.locked.includes(ref.period) ?? false },
      after: { value: after?.values[ref.period] ?? null, locked: after?.locked.includes(ref.period) ?? false },
    });
    return plan;
  },

  'targets.publish': (input, ctx) => {
    planInScope(ctx, input.planId);
    const { published, superseded } = publishPlan(ctx.store, input.planId, ctx.clock.now().toISOString());
    ctx.auditNote({ entity: 'target_plan', entityId: input.planId, before: { status: 'draft' }, after: { status: 'published', version: published.version, superseded } });
    return published;
  },

  'targets.discard': (input, ctx) => {
    planInScope(ctx, input.planId);
    const plan = discardDraft(ctx.store, input.planId);
    ctx.auditNote({ entity: 'target_plan', entityId: input.planId, before: plan });
    return plan;
  },

  'targets.progress': (input, ctx) => {
    const period = input.period ?? String(input.year);
    const asOf = input.asOf ?? dataDay(ctx);
    if (ctx.session.role === 'manager') {
      // A client manager sees their own figures only, whichever unit's plan holds them.
      if (ctx.session.managerId === null) throw new AppError('FORBIDDEN', { zh: '此账户未关联客户经理', en: 'This account is not linked to a manager' });
      return targetProgress(ctx.store, { year: input.year, indicatorId: input.indicatorId, period, orgUnitId: 0, asOf, onlyManagerId: ctx.session.managerId });
    }
    if (input.planId !== undefined) planInScope(ctx, input.planId);
    const orgUnitId = input.orgUnitId ?? defaultRoot(ctx);
    if (orgUnitId === null) throw new AppError('NOT_FOUND', { zh: '还没有机构', en: 'There are no org units yet' });
    assertUnitInScope(ctx.store, ctx.session, orgUnitId);
    return targetProgress(ctx.store, { year: input.year, indicatorId: input.indicatorId, period, orgUnitId, planId: input.planId, asOf });
  },
};
