import { z } from 'zod';
import { ADMIN_ONLY, ALL_ROLES, STAFF_ROLES, op } from '../contract.js';
import { taskCreateInput, taskGenerateInput, taskListInput, taskSetStatusInput, taskTickInput, taskUpdateInput } from '../../tasks/inputs.js';
import type { GenerationResult, OverdueReport, TaskDetail, TaskList } from '../../tasks/model.js';
import { serviceStandardsSchema } from '../../tasks/standards.js';
import type { ServiceStandardsView } from '../../tasks/standards.js';

/**
 * Tasks (任务派发). Supervisors and administrators work within the units they run; a client manager sees and
 * progresses only the tasks assigned to them, and may create tasks only for themselves.
 */
export const tasksOps = {
  'tasks.list': op<TaskList>()({
    summary: 'Tasks matching the filters (status incl. overdue, assignee, outlet, kind, due range, priority), with counts per status',
    input: taskListInput,
    roles: ALL_ROLES,
    scope: 'own',
  }),
  'tasks.get': op<TaskDetail>()({
    summary: 'One task with its linked clients, each ticked off on its own',
    input: z.object({ id: z.number().int().positive(), itemLimit: z.number().int().min(1).max(10_000).default(2_000) }).strict(),
    roles: ALL_ROLES,
    scope: 'own',
  }),
  'tasks.create': op<TaskDetail>()({
    summary: 'Create a task for managers or a whole outlet, with linked clients; requests are due by the service standard',
    input: taskCreateInput,
    roles: ALL_ROLES,
    scope: 'own',
    mutates: true,
  }),
  'tasks.update': op<TaskDetail>()({
    summary: 'Change a task’s title, description, priority, due date, assignees or linked clients',
    input: taskUpdateInput,
    roles: ALL_ROLES,
    scope: 'own',
    mutates: true,
  }),
  'tasks.setStatus': op<TaskDetail>()({
    summary: 'Move a task to 待办 / 进行中 / 已完成 / 已取消, with an outcome note',
    input: taskSetStatusInput,
    roles: ALL_ROLES,
    scope: 'own',
    mutates: true,
  }),
  'tasks.tickClient': op<TaskDetail>()({
    summary: 'Tick off (or reopen) one linked client of a task; the last one ticked completes the task',
    input: taskTickInput,
    roles: ALL_ROLES,
    scope: 'own',
    mutates: true,
  }),
  'tasks.generate': op<GenerationResult>()({
    summary: 'Draw up task lists from the data (maturities, key clients not contacted this period, AUM falls), one per primary manager; preview counts without storing',
    input: taskGenerateInput,
    roles: STAFF_ROLES,
    scope: 'org',
    mutates: true,
  }),
  'tasks.overdue': op<OverdueReport>()({
    summary: 'Open and overdue tasks and client items per manager and per outlet',
    input: z.object({ orgUnitId: z.number().int().positive().optional() }).strict(),
    roles: ALL_ROLES,
    scope: 'own',
  }),
  'tasks.standards': op<ServiceStandardsView>()({
    summary: 'The service standards in force (request answer times, key-client contact period), and the defaults',
    input: z.object({}).strict(),
    roles: ALL_ROLES,
    scope: 'any',
  }),
  'tasks.setStandards': op<ServiceStandardsView>()({
    summary: 'Change the service standards',
    input: z.object({ standards: serviceStandardsSchema }).strict(),
    // One setting for the whole branch, like the coverage policy: administrators own it.
    roles: ADMIN_ONLY,
    scope: 'any',
    mutates: true,
  }),
};
