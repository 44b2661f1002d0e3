// Kept apart from demo.ts so the renderer can import it without the zod schemas.
/** The phases `demo.build` reports progress in, in order; the UI shows a label for each. */
export const DEMO_PHASES = [
  'extracts:clients',
  'extracts:balances',
  'extracts:holdings',
  'extracts:transactions',
  'extracts:worklog',
  'import:org_units',
  'import:managers',
  'import:clients',
  'import:balances',
  'import:holdings',
  'import:transactions',
  'import:worklog',
  'import:assignments',
  'import:targets',
  'book',
] as const;
export type DemoPhase = (typeof DEMO_PHASES)[number];
