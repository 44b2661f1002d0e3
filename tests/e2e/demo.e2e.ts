import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp.js';
import { SCREENSHOT_DIR, launchChromium, startServe } from './support/browser-mode.js';
import type { RunningServer } from './support/browser-mode.js';

let tmp: ReturnType<typeof makeTempDir>;
let server: RunningServer;
let browser: Browser;
let page: Page;

async function openNav(key: string): Promise<void> {
  await page.getByTestId(`nav-${key}`).click();
  await page.locator(`[data-testid="page-${key}"][data-state="ready"]`).waitFor();
}

beforeAll(async () => {
  tmp = makeTempDir('e2e-demo');
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  server = await startServe(path.join(tmp.dir, 'workspace.db'));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
  await page.goto(server.url);
  await page.locator('body[data-app-state="ready"]').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  tmp?.cleanup();
});

describe('building the demo workspace from the UI', () => {
  it('shows progress, can be cancelled, then builds and fills the dashboard and client list', async () => {
    await openNav('settings');
    await page.getByTestId('demo-size').click();
    await page.getByTestId('demo-size-medium').click();
    await page.getByTestId('demo-build').click();
    await page.getByTestId('demo-confirm').click();
    // Cancel once the load (the long transaction in the job worker) is under way.
    await page.locator('[data-testid="demo-progress"][data-phase^="load:"]').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'demo-progress.png') });
    await page.getByTestId('demo-cancel').click();
    await page.getByTestId('demo-cancelled').waitFor({ timeout: 60_000 });
    await openNav('dashboard');
    await page.getByTestId('dashboard-empty').waitFor();

    await openNav('settings');
    await page.getByTestId('demo-size').click();
    await page.getByTestId('demo-size-small').click();
    await page.getByTestId('demo-build').click();
    await page.getByTestId('demo-confirm').click();
    await page.getByTestId('demo-result').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('demo-count-clients').innerText()).toMatch(/2,?000/);

    await openNav('dashboard');
    expect(await page.getByTestId('summary-clients-value').innerText()).toMatch(/2,?000/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'demo-dashboard.png') });

    await openNav('clients');
    expect(await page.getByTestId('client-row').count()).toBeGreaterThan(10);
    const first = await page.getByTestId('client-row').first().innerText();
    expect(first).toMatch(/\*{4}/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'demo-clients.png') });

    await openNav('managers');
    expect(await page.getByTestId('manager-row').count()).toBe(8);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'demo-managers.png') });
  });
});
