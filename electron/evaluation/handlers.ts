import type { SchemeVersionInfo } from '../../shared/api/ops/evaluation.js';
import type { DomainHandlers, HandlerContext } from '../api/types.js';
import { unitsInScope } from '../security/scope.js';
import { assertRunAccess, oneRun, runDetail, runInfos } from './access.js';
import { toCard, computePeriod, computeRun } from './run.js';
import type { StoredScheme } from './schemes.js';
import { checkScheme, listSchemes, saveScheme } from './schemes.js';
import { acknowledge, lockRun, lockedDiff, reopenRun, sendForReview, setEntry } from './workflow.js';
import { evaluationOutputHandlers } from './output-handlers.js';

const info = (s: StoredScheme): SchemeVersionInfo => ({
  id: s.id,
  code: s.code,
  version: s.version,
  name: s.scheme.name,
  periodType: s.scheme.periodType,
  validFrom: s.validFrom,
  note: s.note,
  createdBy: s.createdBy,
  createdAt: s.createdAt,
  scheme: s.scheme,
});

/** What a caller evaluates: an administrator the whole branch, a supervisor the outlets of their units. */
function evaluationScope(ctx: HandlerContext): { outletIds: Set<number> | null; orgUnitId: number | null } {
  const units = unitsInScope(ctx.store, ctx.session);
  if (units === null) return { outletIds: null, orgUnitId: null };
  return { outletIds: units, orgUnitId: ctx.session.orgUnitIds?.[0] ?? null };
}

const now = (ctx: HandlerContext): string => ctx.clock.now().toISOString();

export const evaluationHandlers: DomainHandlers<'evaluation'> = {
  'evaluation.schemes': (_input, ctx) => listSchemes(ctx.store).map(info),
  'evaluation.checkScheme': (input, ctx) => {
    const problems = checkScheme(ctx.store, input.scheme).map((p) => ({ item: p.item, message: p.message }));
    if (input.period === undefined || problems.length > 0) return { problems, preview: null };
    const computed = computePeriod(ctx.store, { schemeCode: input.scheme.code, period: input.period, ...evaluationScope(ctx) }, null, input.scheme);
    // Missing targets show only against a period: name each item and how many managers lack one.
    for (const item of input.scheme.items) {
      const missing = computed.cards.filter((c) => c.items.find((i) => i.key === item.key)?.status === 'missing_target').length;
      if (missing > 0) {
        problems.push({
          item: item.key,
          message: {
            zh: `「${item.name}」在 ${input.period} 有 ${missing} 名客户经理没有目标值（请发布分解计划或设置固定目标）`,
            en: `“${item.name}” has no target for ${missing} managers in ${input.period} (publish a decomposition or set a fixed target)`,
          },
        });
      }
    }
    return { problems, preview: computed.cards.map(toCard) };
  },
  'evaluation.saveScheme': (input, ctx) => {
    const saved = saveScheme(ctx.store, input.scheme, input.validFrom, ctx.session.userName, now(ctx), input.note);
    ctx.auditNote({ entity: 'scheme', entityId: saved.id, after: { code: saved.code, version: saved.version, validFrom: saved.validFrom } });
    return info(saved);
  },
  'evaluation.compute': (input, ctx) => {
    const { runId } = computeRun(ctx.store, { ...input, ...evaluationScope(ctx) }, ctx.session.userName, now(ctx));
    ctx.auditNote({ entity: 'evaluation_run', entityId: runId, after: input });
    return oneRun(ctx.store, runId);
  },
  'evaluation.runs': (input, ctx) => {
    if (ctx.session.role === 'manager') return runInfos(ctx.store, 'EXISTS (SELECT 1 FROM evaluation_score e WHERE e.run_id = r.id AND e.manager_id = ?)', [ctx.session.managerId ?? -1], input.limit);
    const units = unitsInScope(ctx.store, ctx.session);
    if (units === null) return runInfos(ctx.store, '1', [], input.limit);
    return runInfos(ctx.store, 'r.org_unit_id IN (SELECT value FROM json_each(?))', [JSON.stringify([...units])], input.limit);
  },
  'evaluation.run': (input, ctx) => runDetail(ctx, input.runId),
  'evaluation.setEntry': (input, ctx) => {
    assertRunAccess(ctx, input.runId);
    setEntry(ctx.store, input, ctx.session.userName, now(ctx));
    ctx.auditNote({ entity: 'evaluation_entry', entityId: `${input.runId}:${input.managerId}:${input.itemKey}`, after: { value: input.value, comment: input.comment } });
    return { saved: true };
  },
  'evaluation.review': (input, ctx) => {
    assertRunAccess(ctx, input.runId);
    sendForReview(ctx.store, input.runId, ctx.session.userName, now(ctx));
    return { status: 'review' };
  },
  'evaluation.acknowledge': (input, ctx) => {
    assertRunAccess(ctx, input.runId);
    acknowledge(ctx.store, input.runId, ctx.session.managerId ?? -1, input.note ?? null, ctx.session.userName, now(ctx));
    return { acknowledged: true };
  },
  'evaluation.lock': (input, ctx) => {
    assertRunAccess(ctx, input.runId);
    return lockRun(ctx.store, input.runId, ctx.session.userName, now(ctx));
  },
  'evaluation.diff': (input, ctx) => {
    assertRunAccess(ctx, input.runId);
    return lockedDiff(ctx.store, input.runId);
  },
  'evaluation.reopen': (input, ctx) => {
    assertRunAccess(ctx, input.runId);
    reopenRun(ctx.store, input.runId, input.reason, ctx.session.userName, now(ctx));
    ctx.auditNote({ entity: 'evaluation_run', entityId: input.runId, before: { status: 'locked' }, after: { status: 'draft', reason: input.reason } });
    return { status: 'draft' };
  },
  ...evaluationOutputHandlers,
};
