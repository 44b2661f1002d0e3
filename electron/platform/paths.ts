import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'BranchWorkbench';

/**
 * The per-user data folder, the same one Electron's `app.getPath('userData')` would give
 * for this product name, so the CLI, browser mode and the desktop app share a workspace.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env['BW_DATA_DIR'] !== undefined && env['BW_DATA_DIR'] !== '') return env['BW_DATA_DIR'];
  const home = os.homedir();
  if (platform === 'win32') return path.join(env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), APP_DIR_NAME);
}

export function defaultStoreFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(userDataDir(env), 'workspace.db');
}
