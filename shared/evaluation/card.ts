import type { ManagerGrade, ManagerType } from '../model/manager.js';

/**
 * A stored scorecard (考核表) as the API, the UI, the printed sheet and the workbook read it. Points are decimal
 * strings in hundredths of a point ("9955" = 99.55 points); completion is a percentage with two decimals ("107.58");
 * the trace is the hand calculation, step by step, in both languages.
 */
export interface EvaluationTraceStep {
  zh: string;
  en: string;
  value: string;
}

export interface EvaluationItemScore {
  key: string;
  /** Hundredths of a point; null while pending or missing a figure. */
  points: string | null;
  /** actual ÷ target as a two-decimal number ("107.58"), null where there is none. */
  completion: string | null;
  status: 'scored' | 'pending' | 'missing_target' | 'missing_actual';
  trace: EvaluationTraceStep[];
}

export interface EvaluationManager {
  managerId: number;
  staffNo: string;
  name: string;
  outletId: number;
  outletCode: string;
  outletName: string;
  grade: ManagerGrade;
  type: ManagerType;
}

export interface EvaluationCard {
  managerId: number;
  manager: EvaluationManager;
  items: EvaluationItemScore[];
  quantitative: string;
  coefficient: { grade: number; outlet: number };
  adjusted: string;
  qualitative: string;
  deductions: string;
  total: string | null;
  outcome: 'promote' | 'maintain' | 'demote' | null;
  rankOutlet: number | null;
  rankBranch: number | null;
  of: { outlet: number; branch: number };
  bottom: boolean;
  trace: EvaluationTraceStep[];
}

/** Hundredths as points for display: "9955" → "99.55". */
export function pointsText(hundredths: string | null): string {
  if (hundredths === null) return '—';
  const n = BigInt(hundredths);
  const neg = n < 0n;
  const abs = neg ? -n : n;
  return `${neg ? '-' : ''}${(abs / 100n).toString()}.${(abs % 100n).toString().padStart(2, '0')}`;
}

export const OUTCOME_LABELS: Readonly<Record<'promote' | 'maintain' | 'demote', { zh: string; en: string }>> = {
  promote: { zh: '晋升', en: 'Promote' },
  maintain: { zh: '维持', en: 'Maintain' },
  demote: { zh: '降级', en: 'Demote' },
};
