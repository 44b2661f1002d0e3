import { describe, expect, it } from 'vitest';
import { everyDaysOf } from '../../renderer/src/pages/worklog/PlanDialog.js';
import { lateness, localDateTimeInput, periodOf, rateText, toDateTimeInput } from '../../renderer/src/pages/worklog/worklog-view.js';
import { addDays, coveredInPeriod, dayNumber, dueStatus } from '../../shared/worklog/rules.js';
import { contactTime } from '../../shared/worklog/schemas.js';
import type { DueClient } from '../../shared/worklog/types.js';

const due = (daysLate: number | null): DueClient => ({
  clientId: 1,
  clientNo: 'C1',
  clientName: '张三',
  tier: 'private',
  segment: 'private.hc_hl',
  managerId: 1,
  managerName: '王一',
  planId: 1,
  everyDays: 30,
  lastContactAt: daysLate === null ? null : '2026-10-21 10:00:00',
  lastContactBy: null,
  dueOn: null,
  daysLate,
  status: daysLate === null || daysLate > 0 ? 'overdue' : 'due',
});

describe('the work-log page helpers', () => {
  it('offers evaluation periods that end no later than today, across year ends', () => {
    expect(periodOf('lastMonth', '2026-11-23')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(periodOf('lastMonth', '2026-01-05')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(periodOf('thisMonth', '2026-03-09')).toEqual({ from: '2026-03-01', to: '2026-03-09' });
    expect(periodOf('lastQuarter', '2026-11-23')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(periodOf('lastQuarter', '2026-02-10')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(periodOf('thisYear', '2026-02-28')).toEqual({ from: '2026-01-01', to: '2026-02-28' });
  });

  it('words lateness and rates', () => {
    expect(lateness(due(null))).toEqual({ key: 'worklog.due.never.chip', tone: 'error' });
    expect(lateness(due(3))).toEqual({ key: 'worklog.due.lateDays', vars: { days: 3 }, tone: 'error' });
    expect(lateness(due(0))).toEqual({ key: 'worklog.due.today', tone: 'warning' });
    expect(lateness(due(-5))).toEqual({ key: 'worklog.due.inDays', vars: { days: 5 }, tone: 'warning' });
    expect(rateText(4333)).toBe('43.3%');
    expect(rateText(null)).toBe('—');
  });

  it('moves contact times between the stored form and the datetime field', () => {
    expect(toDateTimeInput('2026-11-20 09:30:00')).toBe('2026-11-20T09:30');
    expect(localDateTimeInput(new Date(2026, 10, 20, 9, 5))).toBe('2026-11-20T09:05');
    expect(contactTime.parse('2026-11-20T09:30')).toBe('2026-11-20 09:30:00');
    expect(contactTime.parse('2026-11-20 09:30:15')).toBe('2026-11-20 09:30:15');
    expect(contactTime.safeParse('2026-11-31 09:30').success).toBe(false);
    expect(contactTime.safeParse('2026-11-20 24:00').success).toBe(false);
  });

  it('reads a plan interval of 1 to 366 days only', () => {
    expect(everyDaysOf('30')).toBe(30);
    expect(everyDaysOf(' 366 ')).toBe(366);
    for (const bad of ['0', '367', '1.5', '', 'x']) expect(everyDaysOf(bad)).toBeNull();
  });
});

describe('the contact-plan rules', () => {
  it('count days on the calendar, leap days included', () => {
    expect(dayNumber('2028-03-01') - dayNumber('2028-02-28')).toBe(2);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('call a never-contacted client overdue, and cover nobody without a contact before the period', () => {
    expect(dueStatus(null, 30, '2026-11-20')).toBe('overdue');
    expect(coveredInPeriod([], 30, '2026-11-01', '2026-11-30')).toBe(false);
    expect(coveredInPeriod(['2026-10-31', '2026-11-30'], 30, '2026-11-01', '2026-11-30')).toBe(true);
    // A contact after the period does not rescue its last days.
    expect(coveredInPeriod(['2026-10-25', '2026-12-01'], 30, '2026-11-01', '2026-11-30')).toBe(false);
    expect(coveredInPeriod(['2026-10-25', '2026-11-24'], 30, '2026-11-01', '2026-11-30')).toBe(true);
  });
});
