import { describe, expect, it } from 'vitest';
import type { HandoverClient, HandoverPlan } from '../../shared/assignment/handover.js';
import type { Manager } from '../../shared/model/manager.js';
import {
  blockerOf,
  handoverRequest,
  initialWizard,
  isIsoDate,
  localToday,
  matchesManager,
  nextStep,
  parseTolerance,
  previousStep,
  receiverCandidates,
  stepIndex,
  suggestReceivers,
  wizardReducer,
} from '../../renderer/src/pages/handover/handover-draft.js';
import { contactDate, filterClients, isEmptyPlan, pageSlice, planNames, receivedAumFen } from '../../renderer/src/pages/handover/handover-view.js';

function manager(id: number, orgUnitId: number, status: Manager['status'] = 'active', name = `经理${id}`): Manager {
  return {
    id,
    staffNo: `M${String(id).padStart(3, '0')}`,
    name,
    phone: null,
    orgUnitId,
    grade: 'standard',
    type: 'full_time',
    status,
    maxClients: null,
    maxVipClients: null,
    capacity: { maxClients: 500, maxVipClients: 100, isDefault: true },
    since: '2025-01-01',
  };
}

// Outlet 7: 1 leaves, 2 and 3 in post, 4 on leave, 5 departed; outlet 8: 6 in post.
const roster = [manager(6, 8), manager(1, 7, 'active', '王一'), manager(2, 7), manager(3, 7), manager(4, 7, 'leave'), manager(5, 7, 'departed')];

describe('handover draft', () => {
  it('suggests the colleagues in post at the same outlet, never the leaver, 休假 or departed ones', () => {
    expect(suggestReceivers(roster, 1)).toEqual([2, 3]);
    expect(suggestReceivers(roster, 99)).toEqual([]);
  });

  it('offers receivers of the same outlet first, 休假 only when asked, never the leaver or the departed', () => {
    expect(receiverCandidates(roster, 1, false).map((m) => m.id)).toEqual([2, 3, 6]);
    expect(receiverCandidates(roster, 1, true).map((m) => m.id)).toEqual([2, 3, 4, 6]);
    expect(receiverCandidates(roster, null, false).map((m) => m.id)).toEqual([6, 1, 2, 3]);
  });

  it('finds a manager by name or staff number, ignoring case and spaces', () => {
    expect(matchesManager({ name: '王一', staffNo: 'M001' }, ' m00 ')).toBe(true);
    expect(matchesManager({ name: '王一', staffNo: 'M001' }, '王')).toBe(true);
    expect(matchesManager({ name: '王一', staffNo: 'M001' }, '李')).toBe(false);
    expect(matchesManager({ name: '王一', staffNo: 'M001' }, '')).toBe(true);
  });

  it('reads the tolerance as 0–100 with at most two decimals', () => {
    expect(parseTolerance('10')).toBe(10);
    expect(parseTolerance(' 12.5 ')).toBe(12.5);
    expect(parseTolerance('0')).toBe(0);
    expect(parseTolerance('100')).toBe(100);
    for (const bad of ['', '101', '-1', 'abc', '1.234', '1e2']) expect(parseTolerance(bad), bad).toBeNull();
  });

  it('checks real calendar dates', () => {
    expect(isIsoDate('2026-11-16')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-1-5')).toBe(false);
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });

  it('resets the receivers to the suggestion for a new leaver; drops 休假 receivers when 休假 is switched off', () => {
    let s = initialWizard('2026-11-16');
    s = wizardReducer(s, { type: 'leaver', managerId: 1, suggested: [2, 3] });
    expect(s.draft.receiverIds).toEqual([2, 3]);
    s = wizardReducer(s, { type: 'includeOnLeave', value: true, eligibleIds: new Set([2, 3, 4, 6]) });
    s = wizardReducer(s, { type: 'receivers', ids: [2, 4, 4] });
    expect(s.draft.receiverIds).toEqual([2, 4]);
    s = wizardReducer(s, { type: 'includeOnLeave', value: false, eligibleIds: new Set([2, 3, 6]) });
    expect(s.draft).toMatchObject({ includeOnLeave: false, receiverIds: [2] });
    s = wizardReducer(s, { type: 'leaver', managerId: 6, suggested: [] });
    expect(s.draft.receiverIds).toEqual([]);
    s = wizardReducer(s, { type: 'go', step: 'preview' });
    expect(wizardReducer(s, { type: 'reset', from: '2026-12-01' })).toEqual(initialWizard('2026-12-01'));
  });

  it('says what blocks each step, in the order of the form', () => {
    const eligible = new Set([2, 3, 6]);
    const d = { ...initialWizard('2026-11-16').draft };
    expect(blockerOf('leaving', d, eligible)).toBe('noLeaver');
    expect(blockerOf('leaving', { ...d, managerId: 1, from: '2026-13-01' }, eligible)).toBe('badDate');
    expect(blockerOf('leaving', { ...d, managerId: 1 }, eligible)).toBeNull();
    expect(blockerOf('receivers', { ...d, managerId: 1 }, eligible)).toBe('noReceivers');
    expect(blockerOf('receivers', { ...d, managerId: 1, receiverIds: [2, 4] }, eligible)).toBe('ineligibleReceiver');
    expect(blockerOf('receivers', { ...d, managerId: 1, receiverIds: [2], tolerance: 'x' }, eligible)).toBe('badTolerance');
    expect(blockerOf('receivers', { ...d, managerId: 1, receiverIds: [2, 3] }, eligible)).toBeNull();
  });

  it('builds the request only from a complete draft', () => {
    const d = { ...initialWizard('2026-11-16').draft, managerId: 1, receiverIds: [2, 3], tolerance: '15' };
    expect(handoverRequest(d)).toEqual({ managerId: 1, from: '2026-11-16', receiverIds: [2, 3], includeOnLeave: false, vipFullTimeOnly: true, tolerancePct: 15 });
    expect(handoverRequest({ ...d, receiverIds: [] })).toBeNull();
    expect(handoverRequest({ ...d, managerId: null })).toBeNull();
    expect(handoverRequest({ ...d, tolerance: '' })).toBeNull();
  });

  it('steps forward and back through the four steps', () => {
    expect(nextStep('leaving')).toBe('receivers');
    expect(nextStep('preview')).toBe('apply');
    expect(nextStep('apply')).toBe('apply');
    expect(previousStep('receivers')).toBe('leaving');
    expect(previousStep('leaving')).toBe('leaving');
    expect([stepIndex('leaving'), stepIndex('apply'), stepIndex('done')]).toEqual([0, 3, 4]);
  });
});

function client(id: number, toManagerId: number | null, aumFen: number): HandoverClient {
  return { clientId: id, clientNo: `C${id}`, name: `客户${id}`, tier: 'standard', aumFen, lastContactAt: id % 2 === 0 ? '2026-10-20T10:00:00+08:00' : null, toManagerId };
}

const plan: HandoverPlan = {
  from: '2026-11-16',
  leaving: { managerId: 1, code: 'M1', name: '王一', orgUnitName: '一号网点' },
  receivers: [
    { managerId: 2, code: 'M2', name: '李二', orgUnitName: '一号网点', clientsBefore: 1, clientsAfter: 3, aumFenBefore: 0, aumFenAfter: 0, vipBefore: 0, vipAfter: 0, clientsReceived: 2, tasksReceived: 1 },
    { managerId: 3, code: 'M3', name: '张三', orgUnitName: '一号网点', clientsBefore: 0, clientsAfter: 1, aumFenBefore: 0, aumFenAfter: 0, vipBefore: 0, vipAfter: 0, clientsReceived: 1, tasksReceived: 0 },
  ],
  clients: [client(1, 2, 500), client(2, null, 400), client(3, 3, 300), client(4, 2, 200)],
  tasks: [],
  totals: { clients: 4, aumFen: 1400, vip: 0, tasks: 1, unplaced: 1 },
  warnings: [],
  feasible: false,
  reason: null,
};

describe('handover preview helpers', () => {
  it('lists unplaced clients first, keeping the server order within each group', () => {
    expect(filterClients(plan.clients, { kind: 'all' }).map((c) => c.clientId)).toEqual([2, 1, 3, 4]);
    expect(filterClients(plan.clients, { kind: 'unplaced' }).map((c) => c.clientId)).toEqual([2]);
    expect(filterClients(plan.clients, { kind: 'receiver', managerId: 2 }).map((c) => c.clientId)).toEqual([1, 4]);
  });

  it('pages rows and clamps a page past the end', () => {
    const rows = Array.from({ length: 120 }, (_, i) => i);
    expect(pageSlice(rows, 0)).toMatchObject({ page: 0, pages: 3 });
    expect(pageSlice(rows, 2).rows).toEqual(rows.slice(100));
    expect(pageSlice(rows, 9).page).toBe(2);
    expect(pageSlice([], 3)).toEqual({ rows: [], page: 0, pages: 1 });
  });

  it('names the people of the plan and sums what each receiver takes', () => {
    expect(planNames(plan).get(1)).toBe('王一（M1）');
    expect(planNames(plan).get(3)).toBe('张三（M3）');
    expect(receivedAumFen(plan, 2)).toBe(700);
    expect(receivedAumFen(plan, 3)).toBe(300);
  });

  it('shows dates only and knows an empty plan', () => {
    expect(contactDate('2026-10-20T10:00:00+08:00')).toBe('2026-10-20');
    expect(contactDate(null)).toBe('—');
    expect(isEmptyPlan(plan)).toBe(false);
    expect(isEmptyPlan({ ...plan, clients: [], tasks: [], totals: { ...plan.totals, clients: 0, tasks: 0 } })).toBe(true);
  });
});
