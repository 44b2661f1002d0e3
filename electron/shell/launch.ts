import { spawn } from 'node:child_process';
import path from 'node:path';
import { main as cliMain } from '../cli/main.js';
import { createLogger } from '../platform/log.js';
import { electronPackageDir, findElectronBinary } from './electron-binary.js';
import { rendererRoot } from './protocol.js';

/*
 * What `npm start` runs from plain Node (dist/electron/launch.cjs): the desktop app when the
 * Electron binary is installed, else browser mode, so a machine that could not download
 * Electron still gets a working app.
 */

const log = createLogger('launch');

export const BROWSER_FALLBACK_NOTICE = '未找到 Electron 程序，改用浏览器模式 / Electron binary not found; starting browser mode';

function runElectron(binary: string, args: readonly string[]): void {
  const env = { ...process.env };
  // Inherited from some tool chains, it would make Electron behave as plain Node and ignore the app.
  delete env['ELECTRON_RUN_AS_NODE'];
  const child = spawn(binary, [path.join(__dirname, 'main.cjs'), ...args], { stdio: 'inherit', env, windowsHide: false });
  child.on('error', (e) => {
    log.error('could not start Electron', { binary, error: e.message });
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal === null ? 0 : 1);
  });
  // Stopping the launcher stops the app, which then closes its store; this process waits for it to exit.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
}

async function runBrowserMode(args: readonly string[]): Promise<void> {
  process.stderr.write(`${BROWSER_FALLBACK_NOTICE}\n`);
  process.exitCode = await cliMain(['serve', ...args], { rendererDir: rendererRoot(__dirname) });
}

const args = process.argv.slice(2);
const binary = findElectronBinary({
  packageDir: electronPackageDir((id) => require.resolve(id)),
  env: process.env,
  platform: process.platform,
});
if (binary !== null) {
  log.debug('starting Electron', { binary });
  runElectron(binary, args);
} else {
  runBrowserMode(args).catch((e: unknown) => {
    log.error('browser mode failed', { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    process.exitCode = 1;
  });
}
