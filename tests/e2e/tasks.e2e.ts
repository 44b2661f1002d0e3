import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../electron/platform/clock.js';
import { Sqlite } from '../../electron/store/sqlite.js';
import type { Database } from '../../electron/store/sqlite.js';
import type { ApiClient } from '../../shared/api/client.js';
import { createHttpClient } from '../../shared/api/http-client.js';
import type { OpInput, OpName, OpOutput } from '../../shared/api/index.js';
import { runCli } from '../helpers/cli.js';
import { ADMIN, SCREENSHOT_DIR, openApp } from './support/browser-mode.js';
import type { OpenApp } from './support/browser-mode.js';

/**
 * 任务 in the browser: the administrator draws up maturity lists from the data (preview per manager, then create),
 * the page's counts are checked against the store, one task is opened and a client ticked off; then a client
 * manager signs in, logs a contact in the work log with one of their overdue clients, and the overdue count drops.
 */
let app: OpenApp;
let page: Page;
let store: Database;
const FROM = '2026-11-01'; // the day after the demo's data date: the window holds maturities whatever today is
const MANAGER = { username: 'jingli', displayName: '王经理', first: 'First#Pass2026', password: 'Wang#Secure2026' };
// Dialogs are shot as the viewport shows them: a full-page shot would cut the backdrop at the viewport's height.
const shot = (name: string, fullPage = true): Promise<Buffer> => page.screenshot({ path: path.join(SCREENSHOT_DIR, name), animations: 'disabled', fullPage });
const ready = () => page.locator('[data-testid="page-tasks"][data-state="ready"]');
const client = (): ApiClient => createHttpClient({ baseUrl: `http://127.0.0.1:${app.server.port}`, token: app.server.token, locale: () => 'zh-CN' });
const count = async (testId: string): Promise<number> => Number(await page.getByTestId(testId).getAttribute('data-count'));
const q = (sql: string, ...args: unknown[]): number => store.prepare(sql).pluck().get(...args) as number;
/** Open items past their own (else their task's) due date; dates only here, as generated lists carry. */
const OVERDUE_ITEMS = `FROM task_client x JOIN task t ON t.id = x.task_id WHERE t.status IN ('todo', 'doing') AND x.done_at IS NULL AND coalesce(x.due_at, t.due_at) < ?`;

async function ok<K extends OpName>(api: ApiClient, name: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const r = await api.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value;
}

beforeAll(async () => {
  app = await openApp('e2e-tasks', {
    prepare: (db) => {
      const r = runCli(['demo', '--db', db, '--clients', '4000', '--managers', '16']);
      if (r.status !== 0) throw new Error(`demo failed: ${r.stderr}`);
    },
  });
  page = app.page;
  await page.setViewportSize({ width: 1440, height: 1000 });
  // The test reads the store itself (a second reader beside the server, as WAL allows) to check what the page shows.
  store = new Sqlite(app.dbFile, { readonly: true });
}, 180_000);
afterAll(async () => {
  store?.close();
  await app?.close();
});

describe('tasks in the browser', () => {
  it('generates maturity lists from the data: the preview per manager, then the tasks, as the store has them', async () => {
    await app.openNav('tasks');
    expect(await count('tasks-count-open')).toBe(0);
    await page.getByTestId('tasks-generate').click();
    await page.getByTestId('tasks-gen-maturity').click();
    await page.getByTestId('tasks-gen-as-of').fill(FROM);
    await page.getByTestId('tasks-gen-preview').click();
    const summary = page.getByTestId('tasks-gen-summary');
    await summary.waitFor();
    const maturing = q(
      "SELECT count(DISTINCT client_id) FROM product_holding WHERE status = 'open' AND product_type IN ('deposit_time', 'wealth') AND maturity_date >= ? AND maturity_date < date(?, '+30 days')",
      FROM,
      FROM,
    );
    expect(Number(await summary.getAttribute('data-clients'))).toBe(maturing);
    const groups = Number(await summary.getAttribute('data-groups'));
    expect(await page.getByTestId('tasks-gen-group').count()).toBe(groups);
    await shot('tasks-1-generate-preview.png', false);

    await page.getByTestId('tasks-gen-create').click();
    const done = page.getByTestId('tasks-gen-done');
    await done.waitFor();
    expect(Number(await done.getAttribute('data-tasks'))).toBe(groups);
    await page.getByTestId('tasks-gen-close').click();
    await ready().waitFor();

    const today = localIsoDate(new Date());
    expect(q('SELECT count(*) FROM task')).toBe(groups);
    expect(q('SELECT count(*) FROM task_client')).toBe(maturing);
    await page.locator(`[data-testid="tasks-count-open"][data-count="${groups}"]`).waitFor();
    expect(await count('tasks-open-items')).toBe(maturing);
    expect(await count('tasks-overdue-items')).toBe(q(`SELECT count(*) ${OVERDUE_ITEMS}`, today));
    expect(await count('tasks-overdue-tasks')).toBe(q(`SELECT count(DISTINCT t.id) ${OVERDUE_ITEMS}`, today));
    expect(await count('tasks-count-overdue')).toBe(await count('tasks-overdue-tasks'));
    expect(await page.getByTestId('task-row').count()).toBe(Math.min(groups, 50));
    await shot('tasks-2-list.png');
  });

  it('opens a task with its clients and the reason each is listed; ticking one off counts it done', async () => {
    // The manager's list with the most clients, so ticking one leaves it in progress.
    const id = q('SELECT task_id FROM task_client x JOIN task_assignee a USING (task_id) GROUP BY task_id ORDER BY count(*) DESC, task_id LIMIT 1');
    const row = page.locator(`[data-testid="task-row"][data-task-id="${id}"]`);
    const clients = Number(await row.getAttribute('data-clients'));
    await row.click();
    const detail = page.locator(`[data-testid="task-detail"][data-task-id="${id}"][data-state="ready"]`);
    await detail.waitFor();
    expect(await page.getByTestId('task-item').count()).toBe(clients);
    expect(clients).toBe(q('SELECT count(*) FROM task_client WHERE task_id = ?', id));
    await shot('tasks-3-detail.png', false);
    const first = page.getByTestId('task-item').first();
    const clientId = Number(await first.getAttribute('data-client-id'));
    await page.getByTestId(`task-item-tick-${clientId}`).click();
    await page.locator(`[data-testid="task-items-summary"][data-done="1"]`).waitFor();
    expect(q('SELECT count(*) FROM task_client WHERE task_id = ? AND done_at IS NOT NULL', id)).toBe(1);
    expect(await page.getByTestId('task-detail').getAttribute('data-status')).toBe('doing');
    await page.getByTestId('task-close').click();
    await ready().waitFor();
  });

  it('creates a client request for a manager with a linked client, due by the service standard', async () => {
    const who = store
      .prepare("SELECT m.name, m.staff_no AS staffNo, c.client_no AS clientNo FROM assignment a JOIN manager m ON m.id = a.manager_id JOIN client c ON c.id = a.client_id WHERE a.role = 'primary' AND a.valid_to IS NULL ORDER BY c.client_no LIMIT 1")
      .get() as { name: string; staffNo: string; clientNo: string };
    await page.getByTestId('tasks-new').click();
    await page.getByTestId('task-form-title').fill('客户来电咨询大额存单');
    await page.getByTestId('task-form-kind').click();
    await page.getByRole('option', { name: '客户诉求' }).click();
    await page.getByTestId('task-form-managers').fill(who.name);
    await page.getByRole('option', { name: `${who.name}（${who.staffNo}）` }).click();
    await page.getByTestId('task-form-clients').fill(who.clientNo);
    expect(await page.getByTestId('task-form-request-due').inputValue()).toBe('按服务标准：24 小时内');
    await shot('tasks-4-new-request.png', false);
    await page.getByTestId('task-form-save').click();
    await page.getByTestId('task-form-save').waitFor({ state: 'detached' });
    const id = q("SELECT max(id) FROM task WHERE kind = 'request'");
    await page.locator(`[data-testid="task-detail"][data-task-id="${id}"][data-state="ready"]`).waitFor();
    const row = store.prepare('SELECT created_at, due_at FROM task WHERE id = ?').get(id) as { created_at: string; due_at: string };
    expect(Date.parse(row.due_at) - Date.parse(row.created_at)).toBe(24 * 3_600_000);
    expect(await page.getByTestId('task-item').count()).toBe(1);
    await page.getByTestId('task-close').click();
    await ready().waitFor();
  });

  it('a client manager logs a contact with an overdue client; their overdue count drops by one', async () => {
    const today = localIsoDate(new Date());
    // The manager with the most overdue clients on their lists gets an account (as the administrator would).
    const pick = store
      .prepare(
        `SELECT a.manager_id AS managerId, c.client_no AS clientNo ${OVERDUE_ITEMS.replace('WHERE', 'JOIN task_assignee a ON a.task_id = t.id JOIN client c ON c.id = x.client_id WHERE')}
         ORDER BY (SELECT count(*) FROM task_assignee b JOIN task_client y ON y.task_id = b.task_id WHERE b.manager_id = a.manager_id AND y.done_at IS NULL) DESC, c.client_no LIMIT 1`,
      )
      .get(today) as { managerId: number; clientNo: string } | undefined;
    if (pick === undefined) throw new Error('no overdue item on a manager’s list');
    const admin = client();
    await ok(admin, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    await ok(admin, 'users.create', { username: MANAGER.username, displayName: MANAGER.displayName, role: 'manager', managerId: pick.managerId, password: MANAGER.first });
    const first = client();
    await ok(first, 'auth.login', { username: MANAGER.username, password: MANAGER.first });
    await ok(first, 'auth.changePassword', { oldPassword: MANAGER.first, newPassword: MANAGER.password });
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-username').fill(MANAGER.username);
    await page.getByTestId('login-password').fill(MANAGER.password);
    await page.getByTestId('login-submit').click();
    await page.locator('[data-testid="user-menu"][data-role="manager"]').waitFor();

    await app.openNav('tasks');
    const before = await count('tasks-overdue-items');
    const mine = `FROM task_client x JOIN task t ON t.id = x.task_id JOIN task_assignee a ON a.task_id = t.id
      WHERE a.manager_id = ? AND t.status IN ('todo', 'doing') AND x.done_at IS NULL AND coalesce(x.due_at, t.due_at) < ?`;
    expect(before).toBe(q(`SELECT count(*) ${mine}`, pick.managerId, today));
    expect(await page.getByTestId('tasks-generate').count()).toBe(0); // generating is for supervisors
    await shot('tasks-5-manager.png');

    await app.openNav('worklog');
    await page.getByTestId('worklog-tab-contacts').click();
    await page.getByTestId('worklog-add').click();
    await page.getByTestId('worklog-dialog-client-no').fill(pick.clientNo);
    await page.getByTestId('worklog-dialog-lookup').click();
    await page.getByTestId('worklog-dialog-client').waitFor();
    await page.getByTestId('worklog-dialog-purpose').fill('到期续存提醒');
    await page.getByTestId('worklog-dialog-save').click();
    await page.getByTestId('worklog-dialog-save').waitFor({ state: 'detached' });

    await app.openNav('tasks');
    await page.locator(`[data-testid="tasks-overdue-items"][data-count="${before - 1}"]`).waitFor();
    expect(q(`SELECT count(*) ${mine}`, pick.managerId, today)).toBe(before - 1);
    const ticked = store.prepare('SELECT x.contact_id FROM task_client x JOIN client c ON c.id = x.client_id WHERE c.client_no = ?').pluck().get(pick.clientNo);
    expect(ticked).not.toBeNull();
    await shot('tasks-6-after-contact.png');
  });
});
