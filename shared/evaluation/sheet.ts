import type { ManagerGrade, ManagerType } from '../model/manager.js';
import type { EvaluationCard, EvaluationItemScore } from './card.js';
import type { SchemeItem } from './scheme.js';

/**
 * A printed evaluation sheet (考核表): one manager's stored card of a run, with what the paper needs besides the
 * card — the bank, branch and outlet, the scheme's item names and rules, the units the figures are in, the
 * supervisor's comments and who signs. Gathered by electron/evaluation/sheet-data.ts, printed by
 * electron/print/evaluation-sheet.ts; the summary workbook reads the same facts.
 */

/** What an item's target and actual are counted in: fen (shown in 元), whole units (户, 张), basis points (shown in %). */
export type FigureUnit = { kind: 'fen' } | { kind: 'count'; label: string } | { kind: 'bp' } | { kind: 'none' };

export type SheetItemKind = 'quantitative' | 'qualitative' | 'deduction';

export interface EvaluationSheetItem {
  item: SchemeItem;
  kind: SheetItemKind;
  unit: FigureUnit;
  score: EvaluationItemScore;
  /** The supervisor's comment on this item for this manager (评语), if any. */
  comment: string | null;
}

export interface EvaluationSheetRun {
  id: number;
  period: string;
  from: string;
  to: string;
  status: 'draft' | 'review' | 'locked';
  schemeCode: string;
  schemeVersion: number;
  schemeName: string;
  computedAt: string;
}

export interface EvaluationSheet {
  bankName: string;
  branchName: string;
  outletName: string;
  /** The nearest head of the manager's units in the org tree, who signs as 主管. */
  supervisorName: string | null;
  run: EvaluationSheetRun;
  card: EvaluationCard;
  items: EvaluationSheetItem[];
  acknowledged: boolean;
  generatedAt: string;
  generatedBy: string;
}

export const GRADE_LABELS: Readonly<Record<ManagerGrade, string>> = { trainee: '见习客户经理', standard: '客户经理', senior: '高级客户经理' };
export const TYPE_LABELS: Readonly<Record<ManagerType, string>> = { full_time: '专职', part_time: '兼职' };
export const RUN_STATUS_LABELS: Readonly<Record<EvaluationSheetRun['status'], string>> = { draft: '草稿', review: '待确认', locked: '已锁定' };
export const ITEM_STATUS_LABELS: Readonly<Record<EvaluationItemScore['status'], string>> = {
  scored: '已计分',
  pending: '待主管评分',
  missing_target: '缺少目标',
  missing_actual: '缺少实际值',
};

export function sheetItemKind(item: SchemeItem): SheetItemKind {
  if (item.method.type === 'deduction') return 'deduction';
  return item.source.kind === 'qualitative' ? 'qualitative' : 'quantitative';
}

/**
 * A value the scoring wrote into an item's trace, by the step's English label ('Actual', 'Target', 'Count'). The
 * stored card keeps the figures only there, so the sheet and the workbook read them back from it: what they show
 * is exactly what was scored.
 */
export function traceValue(score: EvaluationItemScore, en: string): string | null {
  return score.trace.find((s) => s.en === en)?.value ?? null;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * A decimal string divided by 10^places, exactly, as a decimal string ("21516129", 2 → "215161.29";
 * "8333.33", 2 → "83.3333"). Trailing zeros of the fraction are kept to at least `minDecimals` places.
 */
export function shiftDecimal(value: string, places: number, minDecimals = 0): string {
  const m = DECIMAL.exec(value);
  if (m === null) return value;
  const digits = `${m[2] ?? ''}${m[3] ?? ''}`;
  const scale = (m[3] ?? '').length + places;
  const padded = digits.padStart(scale + 1, '0');
  const whole = padded.slice(0, padded.length - scale).replace(/^0+(?=\d)/, '');
  let frac = padded.slice(padded.length - scale).replace(/0+$/, '');
  if (frac.length < minDecimals) frac = frac.padEnd(minDecimals, '0');
  const neg = m[1] === '-' && /[1-9]/.test(digits);
  return `${neg ? '-' : ''}${whole}${frac === '' ? '' : `.${frac}`}`;
}

const grouped = (decimal: string): string => {
  const [whole = '', frac] = decimal.split('.');
  const g = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? g : `${g}.${frac}`;
};

/** A stored figure (fen, units or basis points, as a decimal string) as people read it: 元 with two decimals, 户, %. */
export function figureText(value: string | null, unit: FigureUnit): string {
  if (value === null) return '—';
  switch (unit.kind) {
    case 'fen':
      return grouped(shiftDecimal(value, 2, 2));
    case 'bp':
      return `${shiftDecimal(value, 2, 2)}%`;
    case 'count':
      return grouped(value);
    case 'none':
      return value;
  }
}

/** The same figure as the number a spreadsheet holds: 元 from fen, % from basis points; exact to the decimals given. */
export function figureNumber(value: string | null, unit: FigureUnit): number | null {
  if (value === null || !DECIMAL.test(value)) return null;
  if (unit.kind === 'fen' || unit.kind === 'bp') return Number(shiftDecimal(value, 2));
  return Number(value);
}

/** The unit a figure is shown in, for column headings: 元, 户, %. */
export function unitLabel(unit: FigureUnit): string {
  switch (unit.kind) {
    case 'fen':
      return '元';
    case 'bp':
      return '%';
    case 'count':
      return unit.label;
    case 'none':
      return '';
  }
}

/** Hundredths of a point as the number a spreadsheet holds ("9955" → 99.55), via the exact decimal text. */
export function pointsNumber(hundredths: string | null): number | null {
  return hundredths === null ? null : Number(shiftDecimal(hundredths, 2));
}
