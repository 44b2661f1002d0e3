import { describe, expect, it } from 'vitest';
import { taskGenerateInput } from '../../shared/tasks/inputs.js';
import { addDays, isPastDue, periodOf } from '../../shared/tasks/dates.js';
import { serviceStandardsSchema } from '../../shared/tasks/standards.js';
import { translator } from '../../renderer/src/i18n/messages.js';
import { EMPTY_TASK_FORM, createInput, dueText, formReady, generateInput, itemWhy, listInput, parseClientNos, statusChip, updateInput, EMPTY_FILTERS } from '../../renderer/src/pages/tasks/task-view.js';
import type { GenerateForm } from '../../renderer/src/pages/tasks/task-view.js';

/** The tasks page's pure helpers and the calendar arithmetic behind windows, periods and overdue. */
describe('task dates', () => {
  it('adds days across month and year ends and finds calendar periods that tile the year', () => {
    expect(addDays('2026-11-01', 30)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(periodOf('2026-11-22', 3)).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(periodOf('2026-02-10', 3)).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(periodOf('2028-02-10', 1)).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodOf('2026-07-01', 6)).toEqual({ start: '2026-07-01', end: '2026-12-31' });
    expect(periodOf('2026-05-31', 12)).toEqual({ start: '2026-01-01', end: '2026-12-31' });
  });

  it('judges a date due by the end of its day and a deadline at its instant', () => {
    const now = '2026-11-22T01:00:00.000Z';
    expect(isPastDue('2026-11-22', '2026-11-22', now)).toBe(false);
    expect(isPastDue('2026-11-21', '2026-11-22', now)).toBe(true);
    expect(isPastDue('2026-11-22T00:59:59.000Z', '2026-11-22', now)).toBe(true);
    expect(isPastDue('2026-11-22T01:00:01.000Z', '2026-11-22', now)).toBe(false);
    expect(isPastDue(null, '2026-11-22', now)).toBe(false);
  });
});

describe('the tasks page helpers', () => {
  const t = translator('zh-CN');

  it('shows 逾期 in red over the stored status', () => {
    expect(statusChip({ status: 'doing', overdue: true })).toEqual({ key: 'tasks.status.overdue', tone: 'error' });
    expect(statusChip({ status: 'done', overdue: false })).toEqual({ key: 'tasks.status.done', tone: 'success' });
    expect(dueText('2026-11-30')).toBe('2026-11-30');
    expect(dueText(null)).toBe('—');
  });

  it('reads client numbers however they were pasted', () => {
    expect(parseClientNos('C001, C002；C003\nC004 C001、C005')).toEqual(['C001', 'C002', 'C003', 'C004', 'C005']);
    expect(parseClientNos('  ')).toEqual([]);
  });

  it('says why a client is on a generated list', () => {
    expect(itemWhy({ kind: 'maturity', maturityDate: '2026-11-05', amountFen: 12_345_600, holdings: [] }, t)).toBe('2026-11-05 到期，123,456.00 元（0 笔）');
    expect(itemWhy({ kind: 'vip_uncontacted', tier: 'platinum', aumFen: 1, periodStart: '2026-10-01', lastContactAt: null }, t)).toBe('白金客户，本期未联系（上次联系：从未）');
    expect(itemWhy({ kind: 'aum_drop', asOf: 'b', prevAsOf: 'a', aumFen: 3_000_000, prevAumFen: 10_000_000, dropBp: 7000 }, t)).toContain('下降 70.0%');
  });

  it('turns the filters and forms into inputs the contract accepts', () => {
    expect(listInput({ ...EMPTY_FILTERS, assignee: 'none', orgUnitId: '7', search: ' 到期 ' }, 50, 50)).toEqual({ status: 'open', unassigned: true, orgUnitId: 7, search: '到期', limit: 50, offset: 50 });
    const form = { ...EMPTY_TASK_FORM, title: ' 回访 ', kind: 'request' as const, dueAt: '2026-12-01', managerIds: [3], clientText: 'C1 C2' };
    expect(formReady(form, true)).toBe(true);
    expect(formReady({ ...form, managerIds: [] }, true)).toBe(false);
    expect(formReady({ ...form, managerIds: [] }, false)).toBe(true);
    // A request's due time is the standard's: the form never sends one.
    expect(createInput(form, true)).toEqual({ title: '回访', kind: 'request', priority: 'normal', managerIds: [3], clientNos: ['C1', 'C2'] });
    expect(createInput({ ...form, kind: 'manual', mode: 'outlet', orgUnitId: 9 }, true)).toMatchObject({ dueAt: '2026-12-01', orgUnitId: 9, wholeOutlet: true, managerIds: [] });
    expect(createInput(form, false)).not.toHaveProperty('managerIds');
    expect(updateInput(5, 'manual', { ...form, dueAt: '', managerIds: [4] }, form, true)).toMatchObject({ id: 5, dueAt: null, orgUnitId: null, managerIds: [4] });
    // Untouched assignees and clients are not sent back.
    const same = updateInput(5, 'manual', { ...form, title: '新标题', clientText: 'C2\nC1' }, form, true);
    expect(same).not.toHaveProperty('managerIds');
    expect(same).not.toHaveProperty('clientNos');
    expect(updateInput(5, 'manual', { ...form, clientText: 'C1' }, form, true)).toMatchObject({ clientNos: ['C1'] });
  });

  it('builds generate requests only from fields that parse', () => {
    const base: GenerateForm = { generator: 'maturity', asOf: '2026-11-01', priority: 'high', days: '30', productTypes: ['wealth'], minAmountYuan: '10,000', minTier: 'gold', everyMonths: 3, dropPct: '30', minPrevYuan: '50000', dueInDays: '14' };
    const m = generateInput(base, true);
    expect(m).toEqual({ generator: 'maturity', preview: true, priority: 'high', asOf: '2026-11-01', days: 30, productTypes: ['wealth'], minAmountFen: 1_000_000 });
    expect(taskGenerateInput.safeParse(m).success).toBe(true);
    expect(generateInput({ ...base, days: '0' }, true)).toBeNull();
    expect(generateInput({ ...base, productTypes: [] }, true)).toBeNull();
    const a = generateInput({ ...base, generator: 'aum_drop' }, false);
    expect(a).toMatchObject({ generator: 'aum_drop', dropPct: 30, minPrevAumFen: 5_000_000, dueInDays: 14, preview: false });
    expect(taskGenerateInput.safeParse(a).success).toBe(true);
    expect(generateInput({ ...base, generator: 'aum_drop', dropPct: '101' }, false)).toBeNull();
  });

  it('refuses standards where urgent requests get longer than the others', () => {
    expect(serviceStandardsSchema.safeParse({ requestHours: 24, urgentRequestHours: 2, keyClientMinTier: 'gold', keyClientEveryMonths: 3 }).success).toBe(true);
    expect(serviceStandardsSchema.safeParse({ requestHours: 2, urgentRequestHours: 24, keyClientMinTier: 'gold', keyClientEveryMonths: 3 }).success).toBe(false);
    expect(serviceStandardsSchema.safeParse({ requestHours: 24, urgentRequestHours: 2, keyClientMinTier: 'standard', keyClientEveryMonths: 3 }).success).toBe(false);
    expect(serviceStandardsSchema.safeParse({ requestHours: 24, urgentRequestHours: 2, keyClientMinTier: 'gold', keyClientEveryMonths: 5 }).success).toBe(false);
  });
});
