import type { HandoverClient, HandoverPlan } from '../../../../shared/assignment/handover.js';

export const DASH = '—';

/** Which clients of the plan the list shows: all, only those nobody can take, or one receiver's. */
export type ClientFilter = { kind: 'all' } | { kind: 'unplaced' } | { kind: 'receiver'; managerId: number };

export const CLIENT_PAGE_SIZE = 50;

/** "李二（M2）" for every person of the plan, the leaver included, by manager id. */
export function planNames(plan: HandoverPlan): Map<number, string> {
  const names = new Map<number, string>();
  for (const p of [plan.leaving, ...plan.receivers]) names.set(p.managerId, `${p.name}（${p.code}）`);
  return names;
}

/**
 * The clients the filter selects, unplaced ones first: they are what the supervisor must act on (they stay with the
 * leaver), and the server's AUM order is kept within each group.
 */
export function filterClients(clients: readonly HandoverClient[], filter: ClientFilter): HandoverClient[] {
  const chosen = clients.filter((c) => {
    if (filter.kind === 'unplaced') return c.toManagerId === null;
    if (filter.kind === 'receiver') return c.toManagerId === filter.managerId;
    return true;
  });
  return [...chosen.filter((c) => c.toManagerId === null), ...chosen.filter((c) => c.toManagerId !== null)];
}

export interface PageSlice<T> {
  rows: T[];
  /** The page shown (clamped into range), 0-based. */
  page: number;
  pages: number;
}

/** One page of rows; a page past the end (the list shrank under a filter) shows the last one. */
export function pageSlice<T>(rows: readonly T[], page: number, size: number = CLIENT_PAGE_SIZE): PageSlice<T> {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  return { rows: rows.slice(p * size, (p + 1) * size), page: p, pages };
}

/** AUM (fen) a receiver takes over: the sum over the clients planned to them. */
export function receivedAumFen(plan: HandoverPlan, managerId: number): number {
  return plan.clients.reduce((sum, c) => (c.toManagerId === managerId ? sum + c.aumFen : sum), 0);
}

/** A last contact as its calendar date; the time of day does not matter for a handover list. */
export function contactDate(iso: string | null): string {
  return iso === null ? DASH : iso.slice(0, 10);
}

/** A due date as a calendar date (tasks carry either a date or a date-time). */
export function dueDate(iso: string | null): string {
  return iso === null ? DASH : iso.slice(0, 10);
}

/**
 * Nothing to hand over: no client held on the date and no open task. Applying would record nothing, so the wizard
 * says so instead of offering the button.
 */
export function isEmptyPlan(plan: HandoverPlan): boolean {
  return plan.totals.clients === 0 && plan.totals.tasks === 0;
}

/** A date-time of the record as "YYYY-MM-DD HH:mm". */
export function shortDateTime(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}
