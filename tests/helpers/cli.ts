import { spawnSync } from 'node:child_process';
import path from 'node:path';

const CLI = path.resolve('bin/branch-workbench.cjs');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI through its package.json bin entry, as `npx branch-workbench` would. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, BW_LOG_LEVEL: 'warn', ...env }, timeout: 170_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
