import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { makeTempDir } from '../../helpers/temp.js';

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `branch-workbench serve --json` as a real child process and reads its URL from stdout. `env` adds to the
 * inherited environment; a variable given as undefined is removed (e.g. BW_PASSPHRASE, to start locked).
 */
export function startServe(dbFile: string, extraArgs: string[] = [], env: Record<string, string | undefined> = {}): Promise<RunningServer> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, BW_LOG_LEVEL: 'warn' };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[name];
    else childEnv[name] = value;
  }
  const child = spawn(process.execPath, [path.resolve('dist/cli.cjs'), 'serve', '--db', dbFile, '--json', ...extraArgs], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`serve exited with ${String(code)}: ${stderr}`)));
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      try {
        const info = JSON.parse(stdout) as { url: string; port: number };
        clearTimeout(timer);
        const token = new URL(info.url).hash.replace('#token=', '');
        resolve({
          url: info.url,
          port: info.port,
          token,
          process: child,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      } catch {
        // not a whole JSON document yet
      }
    });
  });
}

/** Debian's Chromium, never a downloaded browser; flags keep it off the (closed) network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export const SCREENSHOT_DIR = path.resolve('tests/output/screenshots');

/** The administrator every browser test signs in as (created on the first start of each fresh workspace). */
export const ADMIN = { username: 'admin', displayName: '系统管理员', password: 'Workbench#2026' };

/** First start: creates the administrator; later starts: signs in. Returns once the app's navigation shows. */
export async function signInAsAdmin(page: Page): Promise<void> {
  const setup = page.getByTestId('auth-setup');
  const login = page.getByTestId('auth-login');
  await setup.or(login).waitFor();
  if (await setup.isVisible()) {
    await page.getByTestId('setup-username').fill(ADMIN.username);
    await page.getByTestId('setup-display-name').fill(ADMIN.displayName);
    await page.getByTestId('setup-password').fill(ADMIN.password);
    await page.getByTestId('setup-confirm').fill(ADMIN.password);
    await page.getByTestId('setup-submit').click();
  } else {
    await page.getByTestId('login-username').fill(ADMIN.username);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-submit').click();
  }
  await page.getByTestId('user-menu').waitFor();
}

/** A browser-mode app on a fresh workspace, open in Chromium and ready (waits on the app-state marker). */
export interface OpenApp {
  server: RunningServer;
  /** The workspace file the server has open. */
  dbFile: string;
  browser: Browser;
  page: Page;
  /** Clicks a navigation entry and waits until that page says it is ready. */
  openNav(key: string): Promise<void>;
  close(): Promise<void>;
}

export async function openApp(prefix: string, opts: { prepare?: (dbFile: string) => void } = {}): Promise<OpenApp> {
  const tmp = makeTempDir(prefix);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const dbFile = path.join(tmp.dir, 'workspace.db');
  opts.prepare?.(dbFile);
  const server = await startServe(dbFile);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
  await page.goto(server.url);
  await page.locator('body[data-app-state="ready"]').waitFor();
  await signInAsAdmin(page);
  return {
    server,
    dbFile,
    browser,
    page,
    openNav: async (key) => {
      await page.getByTestId(`nav-${key}`).click();
      await page.locator(`[data-testid="page-${key}"][data-state="ready"]`).waitFor();
    },
    close: async () => {
      await browser.close();
      await server.stop();
      tmp.cleanup();
    },
  };
}
