import type { EvaluationCard, EvaluationTraceStep } from '../../../../shared/evaluation/card.js';
import type { EvaluationEntryInfo, EvaluationRunDetail, EvaluationRunInfo } from '../../../../shared/api/ops/evaluation.js';
import type { Scheme, SchemeItem } from '../../../../shared/evaluation/scheme.js';
import type { Locale } from '../../../../shared/i18n/locale.js';
import type { FigureUnit } from '../../../../shared/evaluation/sheet.js';
import { figureText, unitLabel } from '../../../../shared/evaluation/sheet.js';
import type { IndicatorView } from '../../../../shared/targets/decomposition.js';
import { parseScaled, scaledText } from './decimal-text.js';

/**
 * Pure helpers of the run view: which items take the supervisor's hand, what the entry fields hold and what changed,
 * the lock diff as rows, and the trace in the reader's language. Points stay hundredths strings throughout.
 */
export type RunStatus = EvaluationRunInfo['status'];

export const STATUS_COLORS: Readonly<Record<RunStatus, 'default' | 'warning' | 'success'>> = { draft: 'default', review: 'warning', locked: 'success' };

/** Items scored or counted by hand (qualitative points, deduction counts). */
export function handItems(scheme: Pick<Scheme, 'items'>): SchemeItem[] {
  return scheme.items.filter((i) => i.source.kind === 'qualitative' || i.source.kind === 'count');
}

export interface EntryField {
  value: string;
  comment: string;
}

/** The entry fields of one manager as stored (qualitative points as typed, counts as whole numbers). */
export function entryFieldsOf(scheme: Pick<Scheme, 'items'>, entries: readonly EvaluationEntryInfo[], managerId: number): Record<string, EntryField> {
  const out: Record<string, EntryField> = {};
  for (const item of handItems(scheme)) {
    const e = entries.find((x) => x.managerId === managerId && x.itemKey === item.key);
    out[item.key] = { value: e?.value === null || e === undefined ? '' : String(e.value), comment: e?.comment ?? '' };
  }
  return out;
}

/** The supervisor's comments on a manager's items (评语), by item key; the manager reads them on their card. */
export function commentsOf(entries: readonly EvaluationEntryInfo[], managerId: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of entries) if (e.managerId === managerId && e.comment !== null && e.comment.trim() !== '') out[e.itemKey] = e.comment;
  return out;
}

export type EntryValue = { ok: true; value: number | null } | { ok: false };

/** What a field says: qualitative points 0 … weight with at most two decimals, counts whole and not negative; empty clears. */
export function entryValue(item: SchemeItem, text: string): EntryValue {
  if (text.trim() === '') return { ok: true, value: null };
  if (item.source.kind === 'count') {
    return /^\s*\d{1,6}\s*$/.test(text) ? { ok: true, value: Number(text) } : { ok: false };
  }
  const h = parseScaled(text, 2);
  const max = parseScaled(String(item.weight), 2) ?? 0n;
  if (h === null || h < 0n || h > max) return { ok: false };
  return { ok: true, value: Number(scaledText(h, 2)) };
}

export interface EntryChange {
  itemKey: string;
  value: number | null;
  comment?: string;
}

/**
 * The entries to send for one manager: only fields whose value or comment differs from what is stored, so saving a
 * card untouched writes nothing (and no audit line). Null when a field cannot be read.
 */
export function entryChanges(scheme: Pick<Scheme, 'items'>, stored: Record<string, EntryField>, fields: Record<string, EntryField>): EntryChange[] | null {
  const out: EntryChange[] = [];
  for (const item of handItems(scheme)) {
    const field = fields[item.key] ?? { value: '', comment: '' };
    const was = stored[item.key] ?? { value: '', comment: '' };
    const read = entryValue(item, field.value);
    if (!read.ok) return null;
    const before = entryValue(item, was.value);
    const same = before.ok && before.value === read.value && was.comment.trim() === field.comment.trim();
    if (same) continue;
    out.push({ itemKey: item.key, value: read.value, ...(field.comment.trim() === '' ? {} : { comment: field.comment.trim() }) });
  }
  return out;
}

/** A trace step in the reader's language. */
export const stepText = (step: EvaluationTraceStep, locale: Locale): string => (locale === 'en' ? step.en : step.zh);

export const rankText = (rank: number | null, of: number): string => (rank === null ? '—' : `${rank}/${of}`);

/** Cards by branch rank (unranked — totals pending — last, by staff number). */
export function cardsInOrder(cards: readonly EvaluationCard[]): EvaluationCard[] {
  return [...cards].sort((a, b) => {
    if (a.rankBranch !== b.rankBranch) return a.rankBranch === null ? 1 : b.rankBranch === null ? -1 : a.rankBranch - b.rankBranch;
    return a.manager.staffNo.localeCompare(b.manager.staffNo);
  });
}

export interface DiffRow {
  managerId: number;
  staffNo: string;
  name: string;
  /** The item's name; null for the total. */
  item: string | null;
  before: string | null;
  after: string | null;
}

/** The lock diff with names instead of ids, in the table's order. */
export function diffRows(changes: ReadonlyArray<{ managerId: number; item: string | null; before: string | null; after: string | null }>, detail: Pick<EvaluationRunDetail, 'cards' | 'scheme'>): DiffRow[] {
  return changes.map((c) => {
    const card = detail.cards.find((x) => x.managerId === c.managerId);
    const item = c.item === null ? null : (detail.scheme.items.find((i) => i.key === c.item)?.name ?? c.item);
    return { managerId: c.managerId, staffNo: card?.manager.staffNo ?? String(c.managerId), name: card?.manager.name ?? '', item, before: c.before, after: c.after };
  });
}

/** The difference of two point figures (hundredths strings), exactly; null when either is missing. */
export function pointsDelta(before: string | null, after: string | null): string | null {
  if (before === null || after === null) return null;
  return (BigInt(after) - BigInt(before)).toString();
}

/** Cards in a stable order (outlet, staff number) for going through the team: ranks move as totals come in. */
export function cardsByStaff(cards: readonly EvaluationCard[]): EvaluationCard[] {
  return [...cards].sort((a, b) => a.manager.outletCode.localeCompare(b.manager.outletCode) || a.manager.staffNo.localeCompare(b.manager.staffNo));
}

/** How many cards still lack a total (qualitative scores to enter, figures missing). */
export const pendingCount = (cards: readonly EvaluationCard[]): number => cards.filter((c) => c.total === null).length;

/** What an item's actual and target are counted in, for reading the trace: fen (shown in 元), units, basis points. */
export function figureUnitOf(item: SchemeItem, indicators: readonly IndicatorView[]): FigureUnit {
  if (item.source.kind === 'metric') return { kind: 'bp' };
  if (item.source.kind !== 'indicator') return { kind: 'none' };
  const code = item.source.indicator;
  const indicator = indicators.find((i) => i.code === code);
  if (indicator === undefined) return { kind: 'none' };
  return indicator.measure === 'amount' ? { kind: 'fen' } : { kind: 'count', label: indicator.unit };
}

/** Trace steps whose value is a figure in the item's unit (the rest are points, percentages or counts already). */
const FIGURE_STEPS = new Set(['Actual', 'Target', 'Difference']);

/** A trace step's value as people read it: "21246428" fen → "212,464.28 元"; points and % as they are. */
export function traceValueText(step: EvaluationTraceStep, unit: FigureUnit): string {
  if (!FIGURE_STEPS.has(step.en) || unit.kind === 'none' || !/^-?\d+(\.\d+)?$/.test(step.value)) return step.value;
  const text = figureText(step.value, unit);
  const label = unit.kind === 'bp' ? '' : unitLabel(unit);
  return label === '' ? text : `${text} ${label}`;
}
