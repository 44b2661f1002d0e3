import type { OpInput } from '../../../../shared/api/index.js';
import type { ClientTier, ProductType } from '../../../../shared/model/client.js';
import { formatFen, parseYuanToFen } from '../../../../shared/model/money.js';
import type { ManualTaskKind, TaskDetail, TaskGenerator, TaskItemDetail, TaskKind, TaskPriority, TaskRow, TaskStatus, TaskStatusFilter } from '../../../../shared/tasks/model.js';
import { isPastDue } from '../../../../shared/tasks/dates.js';
import type { MessageKey, Translate } from '../../i18n/messages.js';

/** Pure helpers of the tasks page: labels, chips, the "why" of a listed client, and the forms turned into API input. */
export const statusKey = (s: TaskStatus): MessageKey => `tasks.status.${s}`;
export const filterKey = (s: TaskStatusFilter): MessageKey => `tasks.filter.${s}`;
export const priorityKey = (p: TaskPriority): MessageKey => `tasks.priority.${p}`;
export const kindKey = (k: TaskKind): MessageKey => `tasks.kind.${k}`;
export const generatorKey = (g: TaskGenerator): MessageKey => `tasks.generator.${g}`;
export const productKey = (p: ProductType): MessageKey => `rules.product.${p}`;
export const tierKey = (t: ClientTier): MessageKey => `client.tier.${t}`;

export type ChipTone = 'default' | 'info' | 'success' | 'error' | 'warning';

/** 逾期 outranks the stored status: it is what the supervisor must see first. */
export function statusChip(row: Pick<TaskRow, 'status' | 'overdue'>): { key: MessageKey; tone: ChipTone } {
  if (row.overdue) return { key: 'tasks.status.overdue', tone: 'error' };
  const tone: Record<TaskStatus, ChipTone> = { todo: 'default', doing: 'info', done: 'success', cancelled: 'default' };
  return { key: statusKey(row.status), tone: tone[row.status] };
}

export const priorityTone = (p: TaskPriority): ChipTone => (p === 'urgent' ? 'error' : p === 'high' ? 'warning' : 'default');

/** A date shows as it is; a deadline instant (a request's 24 h) in local time, to the minute. */
export function dueText(dueAt: string | null): string {
  if (dueAt === null) return '—';
  if (dueAt.length === 10) return dueAt;
  const d = new Date(dueAt);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Whether a due date or time itself has passed (a task can be 逾期 through one of its clients' own deadlines while its
 * own due date is still ahead, so the date is red only when it is the date that passed).
 */
export function dueHasPassed(dueAt: string | null, now: Date = new Date()): boolean {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return isPastDue(dueAt, `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`, now.toISOString());
}

/** Client numbers typed or pasted in any common separation (spaces, commas, semicolons, new lines, 、). */
export function parseClientNos(text: string): string[] {
  return [...new Set(text.split(/[\s,，;；、]+/).map((s) => s.trim()).filter((s) => s !== ''))];
}

const yuan = (fen: number): string => formatFen(fen);

/** Why a generated list names a client, in a line. */
export function itemWhy(detail: TaskItemDetail | null, t: Translate): string {
  if (detail === null) return '';
  switch (detail.kind) {
    case 'maturity':
      return t('tasks.why.maturity', { date: detail.maturityDate, amount: yuan(detail.amountFen), count: detail.holdings.length });
    case 'vip_uncontacted':
      return t('tasks.why.vip', { tier: t(tierKey(detail.tier)), last: detail.lastContactAt === null ? t('tasks.why.never') : detail.lastContactAt.slice(0, 10) });
    case 'aum_drop':
      return t('tasks.why.aum', { prev: yuan(detail.prevAumFen), now: yuan(detail.aumFen), pct: (detail.dropBp / 100).toFixed(1) });
  }
}

/** The list's filters as the page keeps them; '' means "any". */
export interface TaskFilterForm {
  status: TaskStatusFilter | '';
  /** A manager id, 'none' for the unassigned lists, or ''. */
  assignee: string;
  orgUnitId: string;
  kind: TaskKind | '';
  priority: TaskPriority | '';
  dueFrom: string;
  dueTo: string;
  search: string;
}
export const EMPTY_FILTERS: TaskFilterForm = { status: 'open', assignee: '', orgUnitId: '', kind: '', priority: '', dueFrom: '', dueTo: '', search: '' };

export function listInput(f: TaskFilterForm, offset: number, limit: number): OpInput<'tasks.list'> {
  return {
    ...(f.status === '' ? {} : { status: f.status }),
    ...(f.assignee === 'none' ? { unassigned: true } : f.assignee === '' ? {} : { managerId: Number(f.assignee) }),
    ...(f.orgUnitId === '' ? {} : { orgUnitId: Number(f.orgUnitId) }),
    ...(f.kind === '' ? {} : { kind: f.kind }),
    ...(f.priority === '' ? {} : { priority: f.priority }),
    ...(f.dueFrom === '' ? {} : { dueFrom: f.dueFrom }),
    ...(f.dueTo === '' ? {} : { dueTo: f.dueTo }),
    ...(f.search.trim() === '' ? {} : { search: f.search.trim() }),
    limit,
    offset,
  };
}

/** The create / edit form. */
export interface TaskForm {
  title: string;
  description: string;
  kind: ManualTaskKind;
  priority: TaskPriority;
  dueAt: string;
  /** To chosen managers, or to everyone in post at an outlet. */
  mode: 'managers' | 'outlet';
  managerIds: number[];
  orgUnitId: number | null;
  clientText: string;
}
export const EMPTY_TASK_FORM: TaskForm = { title: '', description: '', kind: 'manual', priority: 'normal', dueAt: '', mode: 'managers', managerIds: [], orgUnitId: null, clientText: '' };

export function formFromTask(task: TaskDetail): TaskForm {
  return {
    title: task.title,
    description: task.description ?? '',
    kind: task.kind === 'generated' ? 'manual' : task.kind,
    priority: task.priority,
    dueAt: task.dueAt?.length === 10 ? task.dueAt : '',
    mode: 'managers',
    managerIds: task.assignees.map((a) => a.managerId),
    orgUnitId: task.orgUnitId,
    clientText: task.items.map((i) => i.clientNo).join('\n'),
  };
}

/** Whether the form can be sent; `assigns` is false for a client manager, whose tasks are always their own. */
export function formReady(f: TaskForm, assigns: boolean): boolean {
  if (f.title.trim() === '') return false;
  if (!assigns) return true;
  return f.mode === 'outlet' ? f.orgUnitId !== null : f.managerIds.length > 0 || f.orgUnitId !== null;
}

function assignment(f: TaskForm, assigns: boolean): { managerIds?: number[]; orgUnitId?: number; wholeOutlet?: boolean } {
  if (!assigns) return {};
  if (f.mode === 'outlet') return f.orgUnitId === null ? {} : { orgUnitId: f.orgUnitId, wholeOutlet: true, managerIds: [] };
  return { managerIds: f.managerIds, ...(f.orgUnitId === null ? {} : { orgUnitId: f.orgUnitId }) };
}

export function createInput(f: TaskForm, assigns: boolean): OpInput<'tasks.create'> {
  return {
    title: f.title.trim(),
    ...(f.description.trim() === '' ? {} : { description: f.description.trim() }),
    kind: f.kind,
    priority: f.priority,
    ...(f.kind === 'request' || f.dueAt === '' ? {} : { dueAt: f.dueAt }),
    ...assignment(f, assigns),
    clientNos: parseClientNos(f.clientText),
  };
}

/**
 * Only what the form changed: an untouched client list is not sent back (a long generated list is shown only in part,
 * and sending the part would unlink the rest), nor untouched assignees (re-checking them could refuse a task whose
 * assignee has since left).
 */
export function updateInput(id: number, kind: TaskKind, f: TaskForm, before: TaskForm, assigns: boolean): OpInput<'tasks.update'> {
  const a = assignment(f, assigns);
  const sameSet = (x: readonly (string | number)[], y: readonly (string | number)[]): boolean => x.length === y.length && x.every((v) => y.includes(v));
  const assigneesChanged = f.mode !== before.mode || f.orgUnitId !== before.orgUnitId || !sameSet(f.managerIds, before.managerIds);
  const clients = parseClientNos(f.clientText);
  return {
    id,
    title: f.title.trim(),
    description: f.description.trim() === '' ? null : f.description.trim(),
    priority: f.priority,
    ...(kind === 'request' ? {} : { dueAt: f.dueAt === '' ? null : f.dueAt }),
    ...(assigns && assigneesChanged ? { ...a, orgUnitId: a.orgUnitId ?? null } : {}),
    ...(sameSet(clients, parseClientNos(before.clientText)) ? {} : { clientNos: clients }),
  };
}

/** The generate dialog's fields, as typed. */
export interface GenerateForm {
  generator: TaskGenerator;
  asOf: string;
  priority: TaskPriority;
  days: string;
  productTypes: ProductType[];
  minAmountYuan: string;
  minTier: Exclude<ClientTier, 'standard'>;
  everyMonths: 1 | 2 | 3 | 4 | 6 | 12;
  dropPct: string;
  minPrevYuan: string;
  dueInDays: string;
}

const whole = (s: string, min: number, max: number): number | null => {
  const n = Number(s.trim());
  return s.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
};

/** The generate request, or null while a field does not parse. */
export function generateInput(f: GenerateForm, preview: boolean): OpInput<'tasks.generate'> | null {
  const common = { preview, priority: f.priority, ...(f.asOf === '' ? {} : { asOf: f.asOf }) };
  switch (f.generator) {
    case 'maturity': {
      const days = whole(f.days, 1, 366);
      const min = f.minAmountYuan.trim() === '' ? 0 : parseYuanToFen(f.minAmountYuan);
      if (days === null || min === null || min < 0 || f.productTypes.length === 0) return null;
      return { generator: 'maturity', ...common, days, productTypes: f.productTypes, minAmountFen: min };
    }
    case 'vip_uncontacted':
      return { generator: 'vip_uncontacted', ...common, minTier: f.minTier, everyMonths: f.everyMonths };
    case 'aum_drop': {
      const pct = whole(f.dropPct, 1, 100);
      const due = whole(f.dueInDays, 1, 366);
      const min = f.minPrevYuan.trim() === '' ? 0 : parseYuanToFen(f.minPrevYuan);
      if (pct === null || due === null || min === null || min < 0) return null;
      return { generator: 'aum_drop', ...common, dropPct: pct, minPrevAumFen: min, dueInDays: due };
    }
  }
}
