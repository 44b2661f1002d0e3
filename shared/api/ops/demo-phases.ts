// Kept apart from demo.ts so the renderer can import it without the zod schemas.
/** The phases `demo.build` reports progress in, in order; the UI shows a label for each. */
export const DEMO_PHASES = [
  'extracts:clients',
  'extracts:balances',
  'extracts:holdings',
  'extracts:transactions',
  'extracts:worklog',
  'load:reference',
  'load:clients',
  'load:balances',
  'load:holdings',
  'load:transactions',
  'load:contacts',
  'load:commit',
] as const;
export type DemoPhase = (typeof DEMO_PHASES)[number];
