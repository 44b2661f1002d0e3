import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sqlite } from '../../electron/store/sqlite.js';
import { runCli } from '../helpers/cli.js';
import { SCREENSHOT_DIR, openApp } from './support/browser-mode.js';
import type { OpenApp } from './support/browser-mode.js';

let app: OpenApp;
let page: Page;
const shot = (name: string): Promise<Buffer> => page.screenshot({ path: path.join(SCREENSHOT_DIR, name), animations: 'disabled' });

beforeAll(async () => {
  // A scored demo workspace built by the CLI (through the import pipeline), then opened in the browser.
  app = await openApp('e2e-book', {
    prepare: (db) => {
      const r = runCli(['demo', '--db', db, '--clients', '4000', '--managers', '16']);
      if (r.status !== 0) throw new Error(`demo failed: ${r.stderr}`);
    },
  });
  page = app.page;
  await page.setViewportSize({ width: 1440, height: 1000 });
}, 180_000);
afterAll(async () => {
  await app?.close();
});

const ready = (key: string) => page.locator(`[data-testid="page-${key}"][data-state="ready"]`);

describe('the client book in the browser', () => {
  it('filters the client list to unassigned 白金 clients, opens one and shows its score breakdown', async () => {
    await app.openNav('clients');
    await page.getByTestId('book-status').waitFor();
    expect(await page.getByTestId('book-status').getAttribute('data-stale')).toBe('no');
    const all = Number(await page.getByTestId('clients-count').getAttribute('data-count'));
    expect(all).toBe(4000);

    await page.getByTestId('filter-tier').click();
    await page.getByTestId('filter-tier-option-platinum').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('filter-unassigned').check();
    await ready('clients').locator('[data-testid="client-row"]').first().waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="clients-count"]')?.getAttribute('data-count') !== '4000');
    const count = Number(await page.getByTestId('clients-count').getAttribute('data-count'));
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(all);
    const rows = page.getByTestId('client-row');
    // The table renders only the rows in view: never more than the filter matched.
    const shown = await rows.count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(count);
    for (const text of await rows.allInnerTexts()) {
      expect(text).toContain('白金');
      expect(text).toContain('未分配');
    }
    await shot('book-1-clients-unassigned-platinum.png');

    const clientNo = await rows.first().getAttribute('data-client-no');
    await rows.first().click();
    const view = page.getByTestId('client-view');
    await view.waitFor();
    expect(await view.getAttribute('data-client-no')).toBe(clientNo);
    expect(await page.getByTestId('client-tier').innerText()).toContain('白金');
    // Every component is listed with its points, and the shown total is the sum of what they add.
    const contribution = page.getByTestId('score-contribution');
    expect(await contribution.getByTestId('score-component').count()).toBe(4);
    const loyalty = page.getByTestId('score-loyalty');
    expect(await loyalty.getByTestId('score-component').count()).toBe(4);
    const total = Number(await loyalty.getAttribute('data-total'));
    expect(total).toBeGreaterThan(0);
    expect(await page.getByTestId('client-strategy').innerText()).toMatch(/\S/);
    await page.getByTestId('client-balance-chart').waitFor();
    await shot('book-2-client-breakdown.png');

    // The CLI gives the same numbers for this client as the page shows.
    const cli = runCli(['score', '--db', app.dbFile, '--json', '--client', clientNo ?? '']);
    expect(cli.status).toBe(0);
    const out = JSON.parse(cli.stdout) as { client: { score: { contribution: { total: number; components: Array<{ key: string; points: number | null }> }; loyalty: { total: number } } } };
    expect(Number(await contribution.getAttribute('data-total'))).toBe(out.client.score.contribution.total);
    expect(total).toBe(out.client.score.loyalty.total);
    for (const c of out.client.score.contribution.components) {
      expect(await contribution.locator(`[data-testid="score-component"][data-key="${c.key}"]`).getAttribute('data-points')).toBe(c.points === null ? '' : c.points.toFixed(1));
    }
  });

  it('opens an outlet’s resource card with deposits, tiers, managers and targets', async () => {
    await app.openNav('managers');
    await page.locator('[data-level="outlet"]').first().click();
    await page.getByTestId('open-outlet-card').click();
    const card = page.getByTestId('outlet-card');
    await card.waitFor();
    await ready('managers').waitFor();
    expect(await page.getByTestId('card-time-share').innerText()).toMatch(/\d+\.\d%/);
    expect(Number((await page.getByTestId('card-client-count').innerText()).replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(await page.getByTestId('card-target').count()).toBe(9);
    expect(await page.locator('[data-testid="card-target"][data-code="DEP_NET"]').getAttribute('data-completion')).toMatch(/^-?\d+$/);
    await page.getByTestId('card-history-chart').waitFor();
    await shot('book-3-outlet-card.png');
  });

  it('lists the segments with counts, coverage and strategies', async () => {
    await app.openNav('segments');
    const rows = page.getByTestId('segment-row');
    await rows.first().waitFor();
    let sum = 0;
    for (const r of await rows.all()) sum += Number(await r.getAttribute('data-clients'));
    expect(sum).toBe(4000);
    await shot('book-4-segments.png');
  });

  it('records a manager’s leave from a date by hand; the roster before that date is unchanged', async () => {
    await app.openNav('managers');
    await page.getByTestId('roster-as-of').fill('2026-10-31');
    await ready('managers').waitFor();
    const row = page.getByTestId('manager-row').filter({ hasText: '在岗' }).first();
    const staffNo = await row.getAttribute('data-staff-no');
    await row.getByTestId('manager-change').click();
    await page.getByTestId('period-from').fill('2026-10-01');
    await page.getByTestId('period-status').click();
    await page.getByTestId('period-status-option-leave').click();
    await shot('book-5-roster-change.png');
    await page.getByTestId('period-save').click();
    await page.getByTestId('period-save').waitFor({ state: 'detached' });
    const changed = page.locator(`[data-testid="manager-row"][data-staff-no="${staffNo}"]`);
    await changed.filter({ hasText: '休假' }).waitFor();
    expect(await changed.innerText()).toContain('2026-10-01');
    await page.getByTestId('roster-as-of').fill('2026-09-30');
    await changed.filter({ hasText: '在岗' }).waitFor();
  });

  it('selects unassigned clients in a view and assigns them; the change is recorded and undone as one step', async () => {
    await app.openNav('clients');
    await page.getByTestId('filter-unassigned').check();
    await page.locator('[data-testid="clients-count"]:not([data-count=""]):not([data-count="4000"])').waitFor();
    const before = Number(await page.getByTestId('clients-count').getAttribute('data-count'));
    const boxes = page.getByTestId('select-row');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await boxes.nth(2).check();
    await page.getByTestId('selection-bar').waitFor();
    await page.getByTestId('assign-open').click();
    await page.getByTestId('assign-manager').click();
    await page.getByRole('option').nth(1).click();
    await page.getByTestId('assign-reason').fill('新客户分配');
    await shot('assign-1-dialog.png');
    await page.getByTestId('assign-save').click();
    await page.locator(`[data-testid="clients-count"][data-count="${before - 3}"]`).waitFor();

    await app.openNav('assignment');
    const change = page.getByTestId('assignment-change').first();
    expect(await change.getAttribute('data-kind')).toBe('bulk');
    expect(await change.innerText()).toContain('新客户分配');
    await shot('assign-2-changes.png');
    await change.getByTestId('assignment-undo').click();
    await page.locator('[data-testid="assignment-change"][data-kind="bulk"][data-undone="true"]').waitFor();
    await app.openNav('clients');
    await page.getByTestId('filter-unassigned').check();
    await page.locator(`[data-testid="clients-count"][data-count="${before}"]`).waitFor();
  });

  it('an administrator lowers the 白金 threshold; after the recompute more clients are 白金', async () => {
    const platinum = async (): Promise<number> => {
      await app.openNav('clients');
      await page.getByTestId('filter-tier').click();
      await page.getByTestId('filter-tier-option-platinum').click();
      await page.keyboard.press('Escape');
      await page.locator('[data-testid="clients-count"]:not([data-count=""]):not([data-count="4000"])').waitFor();
      return Number(await page.getByTestId('clients-count').getAttribute('data-count'));
    };
    const before = await platinum();
    await app.openNav('settings');
    await page.getByTestId('threshold-platinum').fill('30');
    await page.getByTestId('book-settings-save').click();
    await page.getByText('已保存').waitFor();
    await shot('book-6-settings.png');
    await app.openNav('clients');
    await page.locator('[data-testid="book-status"][data-stale="yes"]').waitFor();
    await page.getByTestId('book-recompute').click();
    await page.locator('[data-testid="book-status"][data-stale="no"]').waitFor({ timeout: 60_000 });
    expect(await platinum()).toBeGreaterThan(before);
  });

  it('an administrator adds a client manager, who changes the first password and sees only their own clients', async () => {
    await app.openNav('settings');
    await page.getByTestId('user-add').click();
    await page.getByTestId('user-username').fill('jingli');
    await page.getByTestId('user-display-name').fill('客户经理甲');
    await page.getByRole('combobox', { name: '角色' }).click();
    await page.getByRole('option', { name: '客户经理', exact: true }).click();
    // The roster entry of the manager who looks after the most clients today (read from the workspace file).
    const raw = new Sqlite(app.dbFile, { readonly: true });
    const staffNo = raw
      .prepare("SELECT m.staff_no FROM assignment a JOIN manager m ON m.id = a.manager_id WHERE a.role = 'primary' AND a.valid_to IS NULL GROUP BY m.id ORDER BY count(*) DESC LIMIT 1")
      .pluck()
      .get() as string;
    const managed = raw.prepare("SELECT count(*) FROM assignment a JOIN manager m ON m.id = a.manager_id WHERE a.role = 'primary' AND a.valid_to IS NULL AND m.staff_no = ?").pluck().get(staffNo) as number;
    raw.close();
    await page.getByRole('combobox', { name: '对应客户经理' }).click();
    await page.getByRole('option', { name: new RegExp(staffNo) }).click();
    await page.getByTestId('user-password').fill('First#Pass2026');
    await page.getByTestId('user-save').click();
    await page.locator('[data-testid="user-row"][data-username="jingli"]').waitFor();
    await shot('security-1-users.png');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-username').fill('jingli');
    await page.getByTestId('login-password').fill('First#Pass2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('auth-change').waitFor();
    await page.getByTestId('change-old').fill('First#Pass2026');
    await page.getByTestId('change-new').fill('Mine#Pass2026x');
    await page.getByTestId('change-confirm').fill('Mine#Pass2026x');
    await shot('security-2-first-password.png');
    await page.getByTestId('change-submit').click();
    expect(await page.getByTestId('user-menu').getAttribute('data-role')).toBe('manager');
    await app.openNav('clients');
    await page.locator('[data-testid="clients-count"]:not([data-count=""])').waitFor();
    expect(Number(await page.getByTestId('clients-count').getAttribute('data-count'))).toBe(managed);
    await shot('security-3-manager-clients.png');
  });
});
