import type { WorkspaceSummary } from '../../../../shared/api/ops/system.js';

export type CountKey = Exclude<keyof WorkspaceSummary, 'latestAsOf'>;

/** The dashboard cards, in reading order: structure first, then the data loaded into it. */
export const SUMMARY_COUNTS: readonly CountKey[] = [
  'orgUnits',
  'managers',
  'clients',
  'balanceSnapshots',
  'holdings',
  'transactions',
  'contacts',
];

/** Nothing has been imported or generated yet: the dashboard shows what to do next instead of zeros. */
export function isWorkspaceEmpty(summary: WorkspaceSummary): boolean {
  return SUMMARY_COUNTS.every((key) => summary[key] === 0);
}
