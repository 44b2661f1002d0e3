import { basisPoints } from '../../shared/assignment/coverage.js';
import { VIP_MIN_TIER, tierRank } from '../../shared/assignment/rules.js';
import type { ContactPlanFigures, MidHighSection, OverdueManager, OverdueSection } from '../../shared/dashboard/types.js';
import { CLIENT_TIERS } from '../../shared/model/client.js';
import type { Session } from '../api/types.js';
import { coverageReport } from '../assignment/coverage.js';
import type { Store } from '../store/store.js';
import type { Moment } from '../tasks/moment.js';
import { overdueReport } from '../tasks/overdue.js';
import { contactPlanCoverage, rateBp } from '../worklog/coverage.js';
import { dueReport } from '../worklog/due.js';
import { managersInUnitsOn } from '../worklog/reach.js';
import { keepWhileUnchanged } from './memo.js';

/** 中高端: 金卡 and above, the tiers the coverage page and the evaluation's `vip_share` call VIP. */
export const MID_HIGH_TIERS = CLIENT_TIERS.filter((t) => tierRank(t) >= tierRank(VIP_MIN_TIER));

/** How many managers the overdue card names (most overdue first). */
export const TOP_OVERDUE = 5;
/** Clients falling due within this many days count as 即将到期 on the contacts side. */
export const DUE_SOON_DAYS = 7;

/**
 * Whose work a section covers: a client manager's own, or the managers working in the unit picked (subtree ids);
 * `everyone` when that is the whole tree for an administrator, which is what the work-log page shows them.
 */
export type WorkViewer = { kind: 'manager'; managerId: number } | { kind: 'staff'; orgUnitId: number | null; subtree: readonly number[]; everyone: boolean };

/**
 * The managers a staff section adds up, on a day; null for everyone. The work-log reports are read for everyone and
 * narrowed here, because their per-manager figures do not depend on who else is asked for and the whole-book pass
 * (driven by the planned clients' scores) is several times faster than starting from each manager's assignments.
 */
function managersOn(store: Store, viewer: WorkViewer, day: string): ReadonlySet<number> | null {
  if (viewer.kind === 'manager') return new Set([viewer.managerId]);
  return viewer.everyone ? null : new Set(managersInUnitsOn(store, new Set(viewer.subtree), day));
}

const within = <T extends { managerId: number }>(rows: readonly T[], who: ReadonlySet<number> | null): T[] => (who === null ? [...rows] : rows.filter((r) => who.has(r.managerId)));

function contactPlanFigures(store: Store, viewer: WorkViewer, window: { from: string; to: string }): ContactPlanFigures {
  const who = managersOn(store, viewer, window.to);
  const c =
    viewer.kind === 'manager'
      ? contactPlanCoverage(store, { ...window, managerIds: [viewer.managerId] })
      : keepWhileUnchanged(store, `contact-coverage:${window.from}:${window.to}`, () => contactPlanCoverage(store, window));
  const rows = within(c.managers, who);
  const underPlan = rows.reduce((s, m) => s + m.underPlan, 0);
  const covered = rows.reduce((s, m) => s + m.covered, 0);
  return { from: c.from, to: c.to, underPlan, covered, rateBp: rateBp(covered, underPlan) };
}

/**
 * 中高端覆盖: from the coverage report (管户覆盖) of the unit's subtree on `asOf` — clients, assigned (a primary
 * manager that day), assigned to a 专职 manager in post, unassigned — and the contact-plan coverage (联系计划覆盖率)
 * of [from, to] from the work log. The default contact plans are exactly the 中高端 tiers (docs/dashboard.md).
 * A client manager gets only their own contact-plan coverage.
 */
export function midHighSection(store: Store, viewer: WorkViewer, asOf: string | null, contactWindow: { from: string; to: string } | null): MidHighSection {
  const contactPlan = contactWindow === null ? null : contactPlanFigures(store, viewer, contactWindow);
  const base = { tiers: [...MID_HIGH_TIERS], asOf, contactPlan };
  if (viewer.kind === 'manager' || asOf === null) {
    return { ...base, scoredAsOf: null, clients: null, assigned: null, assignedBp: null, fullTime: null, fullTimeBp: null, unassigned: null };
  }
  const report = keepWhileUnchanged(store, `coverage:${asOf}:${[...viewer.subtree].sort((a, b) => a - b).join(',')}`, () => coverageReport(store, { asOf, orgUnitIds: viewer.subtree }));
  const t = report.totals;
  const assigned = t.vipClients - t.vipUnassigned;
  return {
    ...base,
    scoredAsOf: report.scoredAsOf,
    clients: t.vipClients,
    assigned,
    assignedBp: basisPoints(assigned, t.vipClients),
    fullTime: t.vipFullTime,
    fullTimeBp: t.vipFullTimeBp,
    unassigned: t.vipUnassigned,
  };
}

/**
 * 逾期: tasks from the tasks service (the caller's reach, narrowed to the unit), contacts from the work log's due
 * list on `today` for the managers working in the unit that day (or the manager themself).
 */
export function overdueSection(store: Store, session: Session, viewer: WorkViewer, at: Moment): OverdueSection {
  const tasks = overdueReport(store, session, viewer.kind === 'staff' ? (viewer.orgUnitId ?? undefined) : undefined, at);
  const who = managersOn(store, viewer, at.today);
  const due =
    viewer.kind === 'manager'
      ? dueReport(store, { asOf: at.today, withinDays: DUE_SOON_DAYS, limit: 0, managers: [viewer.managerId] })
      : keepWhileUnchanged(store, `due:${at.today}`, () => dueReport(store, { asOf: at.today, withinDays: DUE_SOON_DAYS, limit: 0, managers: null }));
  const dueRows = within(due.managers, who);
  const contacts = { underPlan: 0, overdue: 0, never: 0, dueSoon: 0 };
  for (const m of dueRows) {
    contacts.underPlan += m.underPlan;
    contacts.overdue += m.overdue;
    contacts.never += m.never;
    contacts.dueSoon += m.dueSoon;
  }
  const topTasks: OverdueManager[] = tasks.byManager
    .filter((m) => m.overdueTasks + m.overdueItems > 0)
    .slice(0, TOP_OVERDUE)
    .map((m) => ({ managerId: m.managerId, staffNo: m.staffNo, name: m.name, overdue: m.overdueTasks, other: m.overdueItems }));
  const topContacts: OverdueManager[] = dueRows
    .filter((m) => m.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue || a.staffNo.localeCompare(b.staffNo))
    .slice(0, TOP_OVERDUE)
    .map((m) => ({ managerId: m.managerId, staffNo: m.staffNo, name: m.name, overdue: m.overdue, other: m.underPlan }));
  return {
    at: at.now,
    today: at.today,
    tasks: { open: tasks.total.openTasks, overdue: tasks.total.overdueTasks, openItems: tasks.total.openItems, overdueItems: tasks.total.overdueItems },
    contacts,
    topTasks,
    topContacts,
  };
}
