import { execFileSync } from 'node:child_process';

/** Tests that spawn the CLI run the bundled dist/cli.cjs: bundle it once, fresh, before any test. */
export function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--no-renderer'], { stdio: 'inherit' });
}
