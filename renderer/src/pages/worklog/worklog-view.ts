import { TIER_LABELS, segmentLabel } from '../../../../shared/book/labels.js';
import type { Locale } from '../../../../shared/i18n/locale.js';
import { pickText } from '../../../../shared/i18n/locale.js';
import { addDays } from '../../../../shared/worklog/rules.js';
import type { ContactPlan, DueClient } from '../../../../shared/worklog/types.js';
import type { MessageKey, MessageVars } from '../../i18n/messages.js';

/** A select whose empty choice ("all …") is shown as such, with its label above. */
export const EMPTY_SHOWN = { select: { displayEmpty: true }, inputLabel: { shrink: true } } as const;

const pad = (n: number): string => n.toString().padStart(2, '0');

/** Local date of a moment, YYYY-MM-DD (business dates are local). */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A datetime field's value for a moment: `YYYY-MM-DDTHH:MM`, local time. */
export function localDateTimeInput(d: Date): string {
  return `${localDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A stored contact time (`YYYY-MM-DD HH:MM:SS`) as a datetime field's value, and as text to read. */
export const toDateTimeInput = (stored: string): string => `${stored.slice(0, 10)}T${stored.slice(11, 16)}`;
export const shortTime = (stored: string): string => stored.slice(0, 16);

export type PeriodPreset = 'lastMonth' | 'thisMonth' | 'lastQuarter' | 'thisYear';
export const PERIOD_PRESETS: readonly PeriodPreset[] = ['lastMonth', 'thisMonth', 'lastQuarter', 'thisYear'];

/** The evaluation periods a supervisor asks for most, ending no later than today. */
export function periodOf(preset: PeriodPreset, today: string): { from: string; to: string } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const monthStart = (year: number, month: number): string => `${year}-${pad(month)}-01`;
  switch (preset) {
    case 'thisMonth':
      return { from: monthStart(y, m), to: today };
    case 'lastMonth': {
      const from = m === 1 ? monthStart(y - 1, 12) : monthStart(y, m - 1);
      return { from, to: addDays(monthStart(y, m), -1) };
    }
    case 'lastQuarter': {
      const q = Math.floor((m - 1) / 3); // this quarter, 0-based
      const startMonth = q === 0 ? 10 : (q - 1) * 3 + 1;
      const year = q === 0 ? y - 1 : y;
      return { from: monthStart(year, startMonth), to: addDays(monthStart(y, q * 3 + 1), -1) };
    }
    case 'thisYear':
      return { from: `${y}-01-01`, to: today };
  }
}

export function rateText(bp: number | null): string {
  return bp === null ? '—' : `${(bp / 100).toFixed(1)}%`;
}

/** How late a listed client is, as a message key and its values. */
export function lateness(c: DueClient): { key: MessageKey; vars?: MessageVars; tone: 'error' | 'warning' } {
  if (c.daysLate === null) return { key: 'worklog.due.never.chip', tone: 'error' };
  if (c.daysLate > 0) return { key: 'worklog.due.lateDays', vars: { days: c.daysLate }, tone: 'error' };
  if (c.daysLate === 0) return { key: 'worklog.due.today', tone: 'warning' };
  return { key: 'worklog.due.inDays', vars: { days: -c.daysLate }, tone: 'warning' };
}

export function planScope(p: ContactPlan, locale: Locale): { key: MessageKey; name: string } {
  if (p.segment !== null) return { key: 'worklog.plans.segment', name: pickText(segmentLabel(p.segment), locale) };
  return { key: 'worklog.plans.tier', name: p.tier === null ? '' : pickText(TIER_LABELS[p.tier], locale) };
}
