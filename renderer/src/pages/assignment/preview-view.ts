import type { AssignmentMove, AssignmentPreview, ManagerPreview, UnplacedClient, UnplacedReason } from '../../../../shared/assignment/rules.js';
import type { Manager, ManagerStatus, ManagerType } from '../../../../shared/model/manager.js';
import type { OrgUnit } from '../../../../shared/model/org.js';

/** One row of the per-manager table: the preview's figures with the names a supervisor recognises. */
export interface ManagerRow extends ManagerPreview {
  name: string;
  staffNo: string | null;
  outletName: string;
  outletCode: string;
  /** From the roster on the plan's date (null when absent): they explain "not receiving" and the 专职 rule. */
  status: ManagerStatus | null;
  type: ManagerType | null;
}

export interface PreviewTotals {
  managers: number;
  clientsBefore: number;
  clientsAfter: number;
  vipBefore: number;
  vipAfter: number;
  /** BigInt: a branch's AUM summed in fen may pass 2^53 long before any one manager's does. */
  aumFenBefore: bigint;
  aumFenAfter: bigint;
}

export type ManagerFlag = 'over_capacity' | 'outside_tolerance' | 'not_receiving';

/**
 * Names the preview's managers from the roster on the plan's date and sorts them outlet by outlet. A manager with no
 * roster period in force that day (still holding clients) is absent from the roster and shown by id.
 */
export function managerRows(preview: AssignmentPreview, roster: readonly Manager[], units: readonly OrgUnit[]): ManagerRow[] {
  const byId = new Map(roster.map((m) => [m.id, m]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const rows = preview.managers.map((p): ManagerRow => {
    const m = byId.get(p.managerId);
    const unit = m === undefined ? undefined : unitById.get(m.orgUnitId);
    return {
      ...p,
      name: m?.name ?? `#${p.managerId}`,
      staffNo: m?.staffNo ?? null,
      outletName: unit?.name ?? (m === undefined ? '—' : `#${m.orgUnitId}`),
      outletCode: unit?.code ?? '',
      status: m?.status ?? null,
      type: m?.type ?? null,
    };
  });
  return rows.sort((a, b) => a.outletCode.localeCompare(b.outletCode) || (a.staffNo ?? '').localeCompare(b.staffNo ?? '') || a.managerId - b.managerId);
}

export function previewTotals(managers: readonly ManagerPreview[]): PreviewTotals {
  const t: PreviewTotals = { managers: managers.length, clientsBefore: 0, clientsAfter: 0, vipBefore: 0, vipAfter: 0, aumFenBefore: 0n, aumFenAfter: 0n };
  for (const m of managers) {
    t.clientsBefore += m.clientsBefore;
    t.clientsAfter += m.clientsAfter;
    t.vipBefore += m.vipBefore;
    t.vipAfter += m.vipAfter;
    t.aumFenBefore += BigInt(m.aumFenBefore);
    t.aumFenAfter += BigInt(m.aumFenAfter);
  }
  return t;
}

/** What to highlight on a manager's row. Tolerance is a target only for managers who may receive clients. */
export function managerFlags(m: ManagerPreview): ManagerFlag[] {
  const flags: ManagerFlag[] = [];
  if (m.overCapacity) flags.push('over_capacity');
  if (!m.eligible) flags.push('not_receiving');
  else if (!m.withinTolerance) flags.push('outside_tolerance');
  return flags;
}

export function isChanged(m: ManagerPreview): boolean {
  return m.clientsBefore !== m.clientsAfter || m.aumFenBefore !== m.aumFenAfter || m.vipBefore !== m.vipAfter;
}

/** How many unplaced clients for each reason, largest first. */
export function unplacedByReason(unplaced: readonly UnplacedClient[]): Array<{ reason: UnplacedReason; count: number }> {
  const counts = new Map<UnplacedReason, number>();
  for (const u of unplaced) counts.set(u.reason, (counts.get(u.reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/** How many moves come from nobody (new assignments) and how many are transfers between managers. */
export function moveKinds(moves: readonly AssignmentMove[]): { fromNobody: number; transfers: number } {
  let fromNobody = 0;
  for (const m of moves) if (m.fromManagerId === null) fromNobody++;
  return { fromNobody, transfers: moves.length - fromNobody };
}

/** One page of a long list (thousands of moves), with the page clamped into range. */
export function pageOf<T>(items: readonly T[], page: number, size: number): { rows: readonly T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  return { rows: items.slice(p * size, (p + 1) * size), page: p, pages };
}

/** The moves that touch one manager (to or from), or all of them. */
export function movesOf(moves: readonly AssignmentMove[], managerId: number | null): readonly AssignmentMove[] {
  return managerId === null ? moves : moves.filter((m) => m.toManagerId === managerId || m.fromManagerId === managerId);
}

/** Every manager a move comes from or goes to. */
export function involvedManagerIds(moves: readonly AssignmentMove[]): Set<number> {
  const ids = new Set<number>();
  for (const m of moves) {
    ids.add(m.toManagerId);
    if (m.fromManagerId !== null) ids.add(m.fromManagerId);
  }
  return ids;
}
