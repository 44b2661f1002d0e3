import path from 'node:path';
import { createApp } from '../../electron/app.js';
import type { App } from '../../electron/app.js';
import { fixedClock } from '../../electron/platform/clock.js';
import { makeTempDir } from './temp.js';

/** Built fresh by the global setup (tests/helpers/global-build.ts). */
export const WORKER_FILE = path.resolve('dist/worker.cjs');

/** A real app on a real SQLite file in a temporary folder. */
export function makeTestApp(prefix: string, clockIso = '2026-11-22T09:00:00+08:00'): { app: App; dir: string; cleanup: () => void } {
  const tmp = makeTempDir(prefix);
  const app = createApp({ storeFile: path.join(tmp.dir, 'workspace.db'), mode: 'cli', workerFile: WORKER_FILE, clock: fixedClock(clockIso) });
  return {
    app,
    dir: tmp.dir,
    cleanup: () => {
      app.close();
      tmp.cleanup();
    },
  };
}
