import fs from 'node:fs';
import path from 'node:path';

/**
 * Finding the Electron executable the way `electron/index.js` does, without its side effect:
 * requiring that file downloads the binary when it is missing, which on an offline machine hangs
 * or fails. Here a missing binary is just an answer (null), and the caller falls back to browser mode.
 */

export interface ElectronLookup {
  /** Folder of the installed `electron` package, or null when it is not installed. */
  packageDir: string | null;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
}

/** What electron's install script writes to path.txt for each platform. */
export function platformExecutable(platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

function readPathTxt(packageDir: string | null): string | null {
  if (packageDir === null) return null;
  try {
    const text = fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
    return text === '' ? null : text;
  } catch {
    return null;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The executable to spawn, or null. ELECTRON_OVERRIDE_DIST_PATH wins, as in electron/index.js
 * (joined with path.txt's name, else the platform's); otherwise `<package>/dist/<path.txt>`.
 * Unlike electron/index.js, the file must exist.
 */
export function findElectronBinary(lookup: ElectronLookup): string | null {
  const relative = readPathTxt(lookup.packageDir);
  const override = lookup.env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override !== undefined && override !== '') {
    const file = path.join(override, relative ?? platformExecutable(lookup.platform));
    return isFile(file) ? file : null;
  }
  if (lookup.packageDir === null || relative === null) return null;
  const file = path.join(lookup.packageDir, 'dist', relative);
  return isFile(file) ? file : null;
}

/**
 * The installed `electron` package's folder, found through its package.json: resolving the package
 * itself would name index.js, and loading that is exactly what must not happen.
 */
export function electronPackageDir(resolve: (id: string) => string): string | null {
  try {
    return path.dirname(resolve('electron/package.json'));
  } catch {
    return null;
  }
}
