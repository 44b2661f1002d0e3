import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client.js';
import { createHttpClient } from '../../shared/api/http-client.js';
import type { OpInput, OpName, OpOutput } from '../../shared/api/index.js';
import { runCli } from '../helpers/cli.js';
import { ADMIN, SCREENSHOT_DIR, openApp, signInAsAdmin } from './support/browser-mode.js';
import type { OpenApp } from './support/browser-mode.js';

/**
 * 工作日志 in the browser, as a client manager: the administrator creates the manager's account (API), the manager
 * signs in, reads the overdue count on the contact-plan tab, logs a contact with one overdue client from the list,
 * and sees the count drop by one; then the log and the coverage tab.
 */
let app: OpenApp;
let page: Page;
const MANAGER = { username: 'jingli', displayName: '王经理', first: 'First#Pass2026', password: 'Wang#Secure2026' };
let managerId = 0;
/** Full-page shots, except with a dialog open (its backdrop covers only the viewport). */
const shot = (name: string, fullPage = true): Promise<Buffer> => page.screenshot({ path: path.join(SCREENSHOT_DIR, name), animations: 'disabled', fullPage });
const ready = () => page.locator('[data-testid="page-worklog"][data-state="ready"]');
const client = (): ApiClient => createHttpClient({ baseUrl: `http://127.0.0.1:${app.server.port}`, token: app.server.token, locale: () => 'zh-CN' });

async function ok<K extends OpName>(api: ApiClient, name: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const r = await api.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value;
}

async function overdueCount(): Promise<number> {
  return Number(await page.getByTestId('worklog-overdue-count').getAttribute('data-count'));
}

beforeAll(async () => {
  app = await openApp('e2e-worklog', {
    prepare: (db) => {
      const r = runCli(['demo', '--db', db, '--clients', '4000', '--managers', '16']);
      if (r.status !== 0) throw new Error(`demo failed: ${r.stderr}`);
    },
  });
  page = app.page;
  await page.setViewportSize({ width: 1440, height: 1000 });
  // The administrator picks the manager with the most overdue clients and gives them an account.
  const admin = client();
  await ok(admin, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const due = await ok(admin, 'contactPlans.due', { limit: 0 });
  managerId = [...due.managers].sort((a, b) => b.overdue - a.overdue)[0]?.managerId ?? 0;
  await ok(admin, 'users.create', { username: MANAGER.username, displayName: MANAGER.displayName, role: 'manager', managerId, password: MANAGER.first });
  // The first password is changed before anything else (as the sign-in page would ask).
  const first = client();
  await ok(first, 'auth.login', { username: MANAGER.username, password: MANAGER.first });
  await ok(first, 'auth.changePassword', { oldPassword: MANAGER.first, newPassword: MANAGER.password });
  // The browser signs out of the administrator's session and in as the manager.
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await page.getByTestId('login-username').fill(MANAGER.username);
  await page.getByTestId('login-password').fill(MANAGER.password);
  await page.getByTestId('login-submit').click();
  await page.locator('[data-testid="user-menu"][data-role="manager"]').waitFor();
}, 180_000);
afterAll(async () => {
  await app?.close();
});

describe('the work log in the browser, as a client manager', () => {
  it('shows the manager their due list; logging a contact with an overdue client drops the overdue count by one', async () => {
    expect(await page.getByTestId('nav-worklog').innerText()).toBe('工作日志');
    await app.openNav('worklog');
    await page.getByTestId('worklog-tab-plans').click();
    await ready().waitFor();
    await page.getByTestId('worklog-overdue-count').waitFor();
    const before = await overdueCount();
    expect(before).toBeGreaterThan(0);
    const rows = page.locator('[data-testid="worklog-due-row"][data-status="overdue"]');
    expect(await rows.count()).toBeGreaterThan(0);
    await shot('worklog-1-due-list.png');

    const row = rows.first();
    const clientNo = (await row.getAttribute('data-client-no')) ?? '';
    await row.getByTestId('worklog-due-log').click();
    expect(await page.getByTestId('worklog-dialog-client-no').inputValue()).toBe(clientNo);
    // The client from the row is looked up at once: name and tier show before anything is typed.
    await page.getByTestId('worklog-dialog-client').waitFor();
    await page.getByTestId('worklog-dialog-purpose').fill('资产配置回顾');
    await page.getByTestId('worklog-dialog-outcome').fill('客户有意向，待跟进');
    await page.getByTestId('worklog-dialog-next').fill('下周电话回访');
    await shot('worklog-2-log-dialog.png', false);
    await page.getByTestId('worklog-dialog-save').click();
    await page.getByTestId('worklog-dialog-save').waitFor({ state: 'detached' });
    await page.locator(`[data-testid="worklog-overdue-count"][data-count="${before - 1}"]`).waitFor();
    await ready().waitFor();
    expect(await overdueCount()).toBe(before - 1);
    expect(await page.locator(`[data-testid="worklog-due-row"][data-client-no="${clientNo}"]`).count()).toBe(0);
    await shot('worklog-3-after-logging.png');
  });

  it('lists the new entry first in the manager’s own log, and only theirs', async () => {
    await page.getByTestId('worklog-tab-contacts').click();
    await ready().waitFor();
    const first = page.getByTestId('worklog-contact-row').first();
    await first.waitFor();
    expect(await first.innerText()).toContain('资产配置回顾');
    expect(await page.getByTestId('worklog-filter-manager').count()).toBe(0);
    await shot('worklog-4-contacts.png');
  });

  it('shows the manager’s own contact-plan coverage for last month', async () => {
    await page.getByTestId('worklog-tab-coverage').click();
    await ready().waitFor();
    await page.getByTestId('worklog-cov-rate').waitFor();
    expect(await page.getByTestId('worklog-cov-managers-row').count()).toBe(1);
    expect(await page.getByTestId('worklog-cov-managers-row').getAttribute('data-id')).toBe(String(managerId));
    await shot('worklog-5-coverage.png');
  });
});

describe('the work log in the browser, as the administrator', () => {
  it('shows the team’s due list with the manager column, the plan editor, and coverage per unit', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await signInAsAdmin(page);
    await app.openNav('worklog');
    await page.getByTestId('worklog-tab-plans').click();
    await ready().waitFor();
    await page.getByTestId('worklog-overdue-count').waitFor();
    expect(await page.getByTestId('worklog-plan-edit').count()).toBe(4);
    await shot('worklog-6-admin-plans.png');
    await page.getByTestId('worklog-plan-edit').first().click();
    await page.getByTestId('worklog-plan-every').waitFor();
    await shot('worklog-7-plan-dialog.png', false);
    await page.getByRole('button', { name: '取消' }).click();
    await page.getByTestId('worklog-tab-coverage').click();
    await ready().waitFor();
    await page.getByTestId('worklog-cov-units').waitFor();
    expect(await page.getByTestId('worklog-cov-units-row').count()).toBeGreaterThan(1);
    await shot('worklog-8-admin-coverage.png');
  });

  it('offers 记录联系 on the client page', async () => {
    const row = page.getByTestId('worklog-cov-managers-row').first();
    expect(await row.count()).toBe(1);
    await page.getByTestId('worklog-tab-plans').click();
    await ready().waitFor();
    await page.getByTestId('worklog-due-row').first().getByRole('link').click();
    await page.getByTestId('client-view').waitFor();
    await page.getByTestId('client-log-contact').click();
    await page.getByTestId('worklog-dialog-save').waitFor();
    await shot('worklog-9-client-page-dialog.png', false);
    await page.getByRole('button', { name: '取消' }).click();
  });
});
