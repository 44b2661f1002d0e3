import path from 'node:path';
import { BrowserWindow as ElectronWindow, Menu, app, dialog, ipcMain, protocol, safeStorage, session } from 'electron';
import type { BrowserWindow } from 'electron';
import { pickText } from '../../shared/i18n/locale.js';
import { openOrLock } from '../app-gate.js';
import type { AppGate } from '../app-gate.js';
import { isAppError } from '../platform/app-error.js';
import { createLogger } from '../platform/log.js';
import { defaultStoreFile, userDataDir } from '../platform/paths.js';
import { startBackupSchedule } from '../store/backup-schedule.js';
import { storeFileFromArgv } from './argv.js';
import { registerIpc } from './ipc.js';
import type { IpcRegistration } from './ipc.js';
import { registerAppScheme, rendererRoot, serveRenderer } from './protocol.js';
import { createMainWindow } from './window-factory.js';
import { createElectronPrinter } from '../print/electron-printer.js';
import { unlockWorkspace } from '../security/key-envelope.js';
import { electronOsProtection } from './os-protection.js';
import { PRODUCT_NAME } from './window-options.js';

const log = createLogger('shell');

// Before `ready`: the data folder decides where Chromium keeps its own state and where the
// single-instance lock lives, and must be the folder the CLI and browser mode use too.
app.setName(PRODUCT_NAME);
app.setPath('userData', userDataDir());
app.enableSandbox();
registerAppScheme(protocol);

let workbench: AppGate | null = null;
let ipc: IpcRegistration | null = null;
let mainWindow: BrowserWindow | null = null;
let stopBackups: (() => void) | null = null;

function describe(e: unknown): string {
  if (isAppError(e)) return `${pickText(e.text, 'zh-CN')}\n${e.text.en}`;
  return e instanceof Error ? e.message : String(e);
}

function fail(title: string, e: unknown): void {
  log.error(title, { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  dialog.showErrorBox(`${PRODUCT_NAME} — ${title}`, describe(e));
  // app.exit skips will-quit, so the store is closed here.
  shutdown();
  app.exit(1);
}

function shutdown(): void {
  ipc?.abortAll();
  ipc?.dispose();
  ipc = null;
  stopBackups?.();
  stopBackups = null;
  workbench?.close();
  workbench = null;
}

async function start(): Promise<void> {
  await app.whenReady();
  // The default menu links to electronjs.org; the app shows no remote content and needs no menu.
  Menu.setApplicationMenu(null);
  const storeFile = storeFileFromArgv(process.argv, defaultStoreFile(), process.cwd());
  try {
    // The job worker is bundled next to the CLI: dist/electron/main.cjs → dist/worker.cjs.
    // Sheets print with Electron's own Chromium in a separate, in-memory session (electron/print/electron-printer.ts).
    const printer = createElectronPrinter({ BrowserWindow: ElectronWindow, session: session.fromPartition('bw-print') });
    // The key: a typed passphrase (BW_PASSPHRASE), else the workspace's key envelope through the OS store
    // (safeStorage), else the administrator's recovery passphrase (BW_RECOVERY_PASSPHRASE), which also re-seals
    // the key for this Windows user (electron/security/key-envelope.ts).
    // Without any of them the app starts locked and the window asks (the same passphrase or the recovery one;
    // electron/app-gate.ts); a recovery typed there re-seals the key for this Windows user too.
    const os = electronOsProtection(safeStorage);
    workbench = openOrLock({
      storeFile,
      mode: 'electron',
      workerFile: path.join(__dirname, '..', 'worker.cjs'),
      printer,
      keyFromEnvironment: () =>
        process.env['BW_PASSPHRASE'] || (unlockWorkspace(storeFile, os, () => process.env['BW_RECOVERY_PASSPHRASE'] || null) ?? undefined),
      keyFromTyped: (typed) => unlockWorkspace(storeFile, os, () => typed) ?? typed,
    });
  } catch (e) {
    fail('无法打开工作区 Cannot open the workspace', e);
    return;
  }
  const gate = workbench;
  if (gate.current() === null) log.info('workspace locked: waiting for the passphrase in the window', { store: storeFile });
  gate.onOpen((opened) => {
    log.info('workspace open', { store: opened.services.store.file });
    stopBackups = startBackupSchedule(opened.services.store, { clock: opened.services.clock });
  });
  serveRenderer(protocol, rendererRoot(__dirname));
  ipc = registerIpc(ipcMain, {
    dispatcher: gate.dispatcher,
    uploads: () => gate.current()?.services.uploads ?? null,
    sessions: () => gate.current()?.services.sessions ?? null,
  });
  mainWindow = await createMainWindow({ preloadPath: path.join(__dirname, 'preload.cjs'), packaged: app.isPackaged });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another window already has the workspace open; it is brought to the front instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', shutdown);
  start().catch((e: unknown) => fail('启动失败 Startup failed', e));
}
