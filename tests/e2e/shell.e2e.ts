import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, openApp, signInAsAdmin } from './support/browser-mode.js';
import type { OpenApp } from './support/browser-mode.js';

const NAV_KEYS = ['dashboard', 'clients', 'managers', 'assignment', 'tasks', 'evaluation', 'reports', 'import', 'settings'] as const;

let app: OpenApp;
let page: Page;
const openNav = (key: string): Promise<void> => app.openNav(key);

beforeAll(async () => {
  app = await openApp('e2e-shell');
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('browser mode in Chromium', () => {
  it('opens in Chinese and walks every navigation entry', async () => {
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect(page.getByTestId('nav-clients').textContent()).resolves.toContain('客户');
    for (const key of NAV_KEYS) {
      await openNav(key);
      expect(await page.getByTestId(`page-${key}`).isVisible()).toBe(true);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `shell-zh-${key}.png`) });
    }
  });

  it('says what to do next on an empty workspace', async () => {
    await openNav('dashboard');
    const text = await page.getByTestId('page-dashboard').innerText();
    expect(text).toMatch(/导入/);
    expect(text).toMatch(/演示/);
  });

  it('switches to English at runtime and remembers it after a reload', async () => {
    await openNav('settings');
    await page.getByTestId('locale-switch').click();
    await page.getByTestId('locale-option-en').click();
    await page.locator('html[lang="en"]').waitFor();
    await expect(page.getByTestId('nav-clients').textContent()).resolves.toContain('Clients');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'shell-en-settings.png') });
    await page.reload();
    await page.locator('body[data-app-state="ready"]').waitFor();
    // The session lives in the page's memory only: a reload asks for the password again, in the chosen language.
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('auth-login').innerText()).toContain('Sign in');
    await signInAsAdmin(page);
    await expect(page.getByTestId('nav-dashboard').textContent()).resolves.toContain('Dashboard');
    for (const key of NAV_KEYS) await openNav(key);
    await openNav('dashboard');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'shell-en-dashboard.png') });
  });

  it('refuses API requests without the token (401) or with a wrong one (403)', async () => {
    const origin = `http://127.0.0.1:${app.server.port}`;
    const noToken = await page.request.post(`${origin}/api/call/system.info`, { data: { input: {} } });
    expect(noToken.status()).toBe(401);
    const wrong = await page.request.post(`${origin}/api/call/system.info`, {
      data: { input: {} },
      headers: { 'x-workbench-token': 'not-the-token' },
    });
    expect(wrong.status()).toBe(403);
  });
});
