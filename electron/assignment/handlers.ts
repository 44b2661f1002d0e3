import type { AssignmentChangeInfo } from '../../shared/api/ops/assignment.js';
import type { DomainHandlers, HandlerContext } from '../api/types.js';
import { AppError } from '../platform/app-error.js';
import { unitsInScope } from '../security/scope.js';
import type { AssignmentPreview, AssignmentRules } from '../../shared/assignment/rules.js';
import { applyMoves, assignClients, undoChange } from './assign.js';
import { loadBook } from './load-book.js';
import { planAssignment } from './rules-engine.js';
import { setTeam, teamOn } from './team.js';

/** A supervisor moves only clients of their units, and only to managers of their units. */
function checkScope(ctx: HandlerContext, clientIds: readonly number[], managerId: number | null, day: string): void {
  const units = unitsInScope(ctx.store, ctx.session);
  if (units === null) return;
  const ids = JSON.stringify([...units]);
  const outside = ctx.store.db
    .prepare('SELECT count(*) FROM client WHERE id IN (SELECT value FROM json_each(?)) AND (org_unit_id IS NULL OR org_unit_id NOT IN (SELECT value FROM json_each(?)))')
    .pluck()
    .get(JSON.stringify(clientIds), ids) as number;
  const managerOutside =
    managerId !== null &&
    ctx.store.db
      .prepare('SELECT 1 FROM manager_period WHERE manager_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) AND org_unit_id IN (SELECT value FROM json_each(?))')
      .get(managerId, day, day, ids) === undefined;
  if (outside > 0 || managerOutside) throw new AppError('FORBIDDEN', { zh: '只能在您管辖的机构内调整管户', en: 'You can move clients only within the units you run' });
}

/** A supervisor's rules run within the units they run: the scope is narrowed to them (or refused outside them). */
function scopedRules(ctx: HandlerContext, rules: AssignmentRules): AssignmentRules {
  const units = unitsInScope(ctx.store, ctx.session);
  if (units === null) return rules;
  const asked = rules.scope.orgUnitIds;
  if (asked !== undefined && asked.some((id) => !units.has(id))) throw new AppError('FORBIDDEN', { zh: '只能在您管辖的机构内调整管户', en: 'You can move clients only within the units you run' });
  return { ...rules, scope: { ...rules.scope, orgUnitIds: asked ?? [...(ctx.session.orgUnitIds ?? [])] } };
}

const plan = (ctx: HandlerContext, rules: AssignmentRules): AssignmentPreview => planAssignment(loadBook(ctx.store, rules.asOf), scopedRules(ctx, rules));

export const assignmentHandlers: DomainHandlers<'assignment'> = {
  'assignment.preview': (input, ctx) => plan(ctx, input.rules),
  'assignment.apply': (input, ctx) => {
    const preview = plan(ctx, input.rules);
    const result = applyMoves(ctx.store, {
      moves: preview.moves.map((m) => ({ clientId: m.clientId, managerId: m.toManagerId })),
      from: input.rules.asOf,
      kind: 'rules',
      reason: input.reason,
      user: ctx.session.userName,
      now: ctx.clock.now().toISOString(),
    });
    ctx.auditNote({ entity: 'assignment_change', entityId: result.changeId ?? 0, after: { moves: preview.moves.length, feasible: preview.feasible, rules: input.rules } });
    return { changeId: result.changeId, changed: result.changed, preview };
  },
  'assignment.assign': (input, ctx) => {
    checkScope(ctx, input.clientIds, input.managerId, input.from);
    const result = assignClients(ctx.store, { ...input, kind: input.clientIds.length > 1 ? 'bulk' : 'manual', user: ctx.session.userName, now: ctx.clock.now().toISOString() });
    ctx.auditNote({ entity: 'assignment_change', entityId: result.changeId ?? 0, after: { managerId: input.managerId, from: input.from, clients: input.clientIds.length, changed: result.changed } });
    return result;
  },
  'assignment.undo': (input, ctx) => {
    if (unitsInScope(ctx.store, ctx.session) !== null) {
      const ids = ctx.store.db.prepare('SELECT DISTINCT client_id FROM assignment WHERE change_id = ?').pluck().all(input.changeId) as number[];
      checkScope(ctx, ids, null, ctx.clock.now().toISOString().slice(0, 10));
    }
    return undoChange(ctx.store, input.changeId, ctx.session.userName, ctx.clock.now().toISOString());
  },
  'assignment.team': (input, ctx) => {
    const day = input.day ?? ctx.clock.now().toISOString().slice(0, 10);
    checkScope(ctx, [input.clientId], null, day);
    const who = ctx.store.db.prepare('SELECT staff_no, name FROM manager WHERE id = ?');
    const members = teamOn(ctx.store, input.clientId, day).map((m) => {
      const row = who.get(m.managerId) as { staff_no: string; name: string };
      return { ...m, staffNo: row.staff_no, name: row.name };
    });
    return { day, members };
  },
  'assignment.setTeam': (input, ctx) => {
    for (const managerId of [input.primaryId, ...input.secondaries.map((s) => s.managerId)]) checkScope(ctx, [input.clientId], managerId, input.from);
    const before = teamOn(ctx.store, input.clientId, input.from);
    const result = setTeam(ctx.store, { ...input, user: ctx.session.userName, now: ctx.clock.now().toISOString() });
    ctx.auditNote({ entity: 'client_team', entityId: input.clientId, before, after: { from: input.from, primaryId: input.primaryId, secondaries: input.secondaries } });
    return result;
  },
  'assignment.changes': (input, ctx) =>
    (
      ctx.store.db
        .prepare(
          `SELECT c.id, c.kind, c.reason, c.created_by, c.created_at, c.undone_by, c.batch_id,
             (SELECT count(*) FROM assignment a WHERE a.change_id = c.id) AS spans
           FROM assignment_change c ORDER BY c.id DESC LIMIT ?`,
        )
        .all(input.limit) as Array<{ id: number; kind: AssignmentChangeInfo['kind']; reason: string | null; created_by: string; created_at: string; undone_by: number | null; batch_id: number | null; spans: number }>
    ).map((r) => ({ id: r.id, kind: r.kind, reason: r.reason, createdBy: r.created_by, createdAt: r.created_at, spans: r.spans, undoneBy: r.undone_by, batchId: r.batch_id })),
};
