import { execFileSync } from 'node:child_process';

/**
 * Tests that spawn the CLI, the launcher or the job worker run the bundles in dist/: build them once,
 * fresh, before any test (the renderer only when its sources changed).
 */
export function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
