import { DEFAULT_SERVICE_STANDARDS } from '../../shared/tasks/standards.js';
import type { DomainHandlers, HandlerContext } from '../api/types.js';
import { readTask } from './detail.js';
import { createTask, updateTask } from './edit.js';
import { generateTasks } from './generate.js';
import { listTasks } from './list.js';
import { momentOf } from './moment.js';
import { overdueReport } from './overdue.js';
import { setTaskStatus, tickTaskClient } from './progress.js';
import { readServiceStandards, writeServiceStandards } from './standards.js';

/** The task as the caller sees it, for the answer and the audit entry. */
const view = (ctx: HandlerContext, id: number) => readTask(ctx.store, ctx.session, id, momentOf(ctx.clock));

export const tasksHandlers: DomainHandlers<'tasks'> = {
  'tasks.list': (input, ctx) => listTasks(ctx.store, ctx.session, input, momentOf(ctx.clock)),
  'tasks.get': (input, ctx) => readTask(ctx.store, ctx.session, input.id, momentOf(ctx.clock), input.itemLimit),
  'tasks.create': (input, ctx) => {
    const id = createTask(ctx.store, ctx.session, input, momentOf(ctx.clock));
    const after = view(ctx, id);
    ctx.auditNote({ entity: 'task', entityId: id, after: { title: after.title, kind: after.kind, dueAt: after.dueAt, assignees: after.assignees.map((a) => a.managerId), orgUnitId: after.orgUnitId, clients: after.clients } });
    return after;
  },
  'tasks.update': (input, ctx) => {
    const before = view(ctx, input.id);
    updateTask(ctx.store, ctx.session, input, momentOf(ctx.clock));
    const after = view(ctx, input.id);
    const summary = (t: typeof before) => ({ title: t.title, priority: t.priority, dueAt: t.dueAt, assignees: t.assignees.map((a) => a.managerId), orgUnitId: t.orgUnitId, clients: t.clients });
    ctx.auditNote({ entity: 'task', entityId: input.id, before: summary(before), after: summary(after) });
    return after;
  },
  'tasks.setStatus': (input, ctx) => {
    const before = view(ctx, input.id);
    setTaskStatus(ctx.store, ctx.session, input, momentOf(ctx.clock));
    const after = view(ctx, input.id);
    ctx.auditNote({ entity: 'task', entityId: input.id, before: { status: before.status, outcome: before.outcome }, after: { status: after.status, outcome: after.outcome } });
    return after;
  },
  'tasks.tickClient': (input, ctx) => {
    tickTaskClient(ctx.store, ctx.session, input, momentOf(ctx.clock));
    const after = view(ctx, input.taskId);
    ctx.auditNote({ entity: 'task_client', entityId: `${input.taskId}/${input.clientId}`, after: { done: input.done, note: input.note, taskStatus: after.status } });
    return after;
  },
  'tasks.generate': (input, ctx) => {
    const result = generateTasks(ctx.store, ctx.session, input, momentOf(ctx.clock));
    ctx.auditNote({
      entity: 'task_generation',
      entityId: result.generationId ?? 0,
      after: { generator: result.generator, preview: result.preview, params: result.params, clients: result.clients, skipped: result.skipped, tasks: result.groups.length },
    });
    return result;
  },
  'tasks.overdue': (input, ctx) => overdueReport(ctx.store, ctx.session, input.orgUnitId, momentOf(ctx.clock)),
  'tasks.standards': (_input, ctx) => ({ standards: readServiceStandards(ctx.store), defaults: DEFAULT_SERVICE_STANDARDS }),
  'tasks.setStandards': (input, ctx) => {
    const before = readServiceStandards(ctx.store);
    const after = writeServiceStandards(ctx.store, input.standards);
    ctx.auditNote({ entity: 'setting', entityId: 'tasks.serviceStandards', before, after });
    return { standards: after, defaults: DEFAULT_SERVICE_STANDARDS };
  },
};
