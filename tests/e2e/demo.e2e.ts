import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, openApp } from './support/browser-mode.js';
import type { OpenApp } from './support/browser-mode.js';

let app: OpenApp;
let page: Page;
const openNav = (key: string): Promise<void> => app.openNav(key);

beforeAll(async () => {
  app = await openApp('e2e-demo');
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('building the demo workspace from the UI', () => {
  it('shows progress, can be cancelled, then builds and fills the dashboard and client list', async () => {
    await openNav('settings');
    await page.getByTestId('demo-size').click();
    await page.getByTestId('demo-size-medium').click();
    await page.getByTestId('demo-build').click();
    await page.getByTestId('demo-confirm').click();
    // Cancel once the load (the long transaction in the job worker) is under way.
    await page.locator('[data-testid="demo-progress"][data-phase^="import:"]').waitFor({ timeout: 60_000 });
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
