import { z } from 'zod';
import { ADMIN_ONLY, op } from '../contract.js';
import type { WorkspaceSummary } from './system.js';

/** What the demo loaded: the workspace summary's counts. */
export type DemoCounts = Omit<WorkspaceSummary, 'latestAsOf'>;

export interface DemoReport {
  seed: number;
  counts: DemoCounts;
  /** Extract files written, relative to the output folder, with their SHA-256. */
  files: Array<{ name: string; bytes: number; sha256: string }>;
  elapsedMs: number;
}

export const demoInput = z
  .object({
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(20261122),
    clients: z.number().int().min(100).max(1_000_000).default(200_000),
    managers: z.number().int().min(4).max(400).default(40),
  })
  .strict();

export const demoOps = {
  'demo.build': op<DemoReport>()({
    summary: 'Generate the deterministic demo branch and load it into the open workspace',
    input: demoInput,
    roles: ADMIN_ONLY,
    scope: 'any',
    mutates: true,
    long: true,
  }),
};
