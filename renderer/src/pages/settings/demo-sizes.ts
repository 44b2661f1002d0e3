import type { OpInput } from '../../../../shared/api/index.js';

export interface DemoSize {
  id: string;
  clients: number;
  managers: number;
}

/**
 * Sizes offered for the demo workspace: a quick one for a first look, the contract's default for
 * training, and the million-client branch the app is built to handle.
 */
export const DEMO_SIZES: readonly DemoSize[] = [
  { id: 'small', clients: 2_000, managers: 8 },
  { id: 'medium', clients: 20_000, managers: 16 },
  { id: 'standard', clients: 200_000, managers: 40 },
  { id: 'large', clients: 1_000_000, managers: 200 },
];

export const DEFAULT_DEMO_SIZE = 'standard';

export function demoSize(id: string): DemoSize {
  return DEMO_SIZES.find((s) => s.id === id) ?? DEMO_SIZES.find((s) => s.id === DEFAULT_DEMO_SIZE) ?? { id, clients: 200_000, managers: 40 };
}

export function demoInput(size: DemoSize): OpInput<'demo.build'> {
  return { clients: size.clients, managers: size.managers };
}

/** Determinate progress in percent when the total is known, otherwise null (indeterminate bar). */
export function progressPercent(done: number, total: number | undefined): number | null {
  if (total === undefined || total <= 0) return null;
  return Math.max(0, Math.min(100, (done / total) * 100));
}
