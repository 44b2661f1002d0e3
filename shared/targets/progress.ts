import type { GridRowKind, IndicatorView, PlanSummary } from './decomposition.js';

/** 任务完成进度: one row's target and actual for a period, in the indicator's storage unit (fen or units). */
export interface ProgressRow {
  key: string;
  kind: GridRowKind;
  parentKey: string | null;
  orgUnitId: number | null;
  managerId: number | null;
  code: string;
  name: string;
  target: number | null;
  actual: number | null;
  /** actual / target in basis points (10000 = 100%), rounded half away from zero; null unless the target is positive. */
  completionBp: number | null;
}

export interface TargetProgress {
  year: number;
  period: string;
  indicator: IndicatorView;
  /** The period's first and last day. */
  from: string;
  to: string;
  /** The snapshot the actuals are read at (the last on or before the period's end and the as-of date). */
  dataAsOf: string | null;
  /** The snapshot growth is measured from; `estimate` when none precedes the period (its first one stands in). */
  baseline: string | null;
  estimate: boolean;
  /** Days of the period up to the data's date / days in the period, in basis points. */
  elapsedBp: number;
  /** The plan the targets come from: the published decomposition, else head office's plan; null when none. */
  plan: PlanSummary | null;
  rows: ProgressRow[];
}

/** A unit the caller may decompose a figure for (分行 or 支行, or their own outlet). */
export interface RootChoice {
  id: number;
  code: string;
  name: string;
  level: string;
}

export interface PlanList {
  plans: PlanSummary[];
  roots: RootChoice[];
  defaultRootId: number | null;
  /** The data's latest snapshot date, the default for managers in force and for progress. */
  dataAsOf: string | null;
}
