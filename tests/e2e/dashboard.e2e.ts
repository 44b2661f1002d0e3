import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client.js';
import { createHttpClient } from '../../shared/api/http-client.js';
import type { OpInput, OpName, OpOutput } from '../../shared/api/index.js';
import type { DashboardOverview } from '../../shared/dashboard/types.js';
import { formatBp } from '../../shared/targets/figures.js';
import { runCli } from '../helpers/cli.js';
import { ADMIN, SCREENSHOT_DIR, openApp } from './support/browser-mode.js';
import type { OpenApp } from './support/browser-mode.js';

/**
 * The dashboard (工作台) in Chromium on a demo workspace (4,000 clients, 16 managers): every figure on screen equals
 * what dashboard.overview answers, a card's numbers open with one click, the period and unit pickers reload the
 * figures, an evaluation run takes over the ranking, a client manager sees their own dashboard, and the page prints
 * (print media: no navigation, black on white). Screenshots and the printed PDF go to tests/output.
 */
let app: OpenApp;
let page: Page;
let api: ApiClient;
const OUT = path.resolve('tests/output');
const MANAGER = { username: 'dash-jl', displayName: '工作台经理', first: 'First#Pass2026', password: 'Dash#Secure2026' };

async function shot(name: string, on: Page = page): Promise<void> {
  await on.evaluate(() => window.scrollTo(0, 0));
  await on.screenshot({ path: path.join(SCREENSHOT_DIR, name), animations: 'disabled', fullPage: true });
}
const ready = (on: Page = page) => on.locator('[data-testid="page-dashboard"][data-state="ready"]').waitFor();
const client = (): ApiClient => createHttpClient({ baseUrl: `http://127.0.0.1:${app.server.port}`, token: app.server.token, locale: () => 'zh-CN' });

async function ok<K extends OpName>(on: ApiClient, name: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const r = await on.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value;
}

const digits = (s: string): string => s.replace(/[^\d-]/g, '');

/** Every figure the page carries against the API's answer for the same period and unit. */
async function expectScreenEquals(o: DashboardOverview, on: Page = page): Promise<void> {
  const overview = on.getByTestId('dash-overview');
  expect(await overview.getAttribute('data-period')).toBe(o.period);
  expect(await overview.getAttribute('data-unit-id')).toBe(String(o.orgUnitId ?? ''));
  expect(await on.getByTestId('dash-data-as-of').getAttribute('data-as-of')).toBe(o.dataAsOf ?? '');

  const withTarget = o.targets?.rows.filter((r) => r.target !== null) ?? [];
  const bars = on.getByTestId('dash-targets-chart-row');
  expect(await bars.count()).toBe(withTarget.length);
  for (const r of withTarget) {
    const bar = on.locator(`[data-testid="dash-targets-chart-row"][data-key="${r.indicator.code}"]`);
    expect(await bar.getAttribute('data-value')).toBe(String(r.completionBp ?? ''));
    expect(await bar.getAttribute('data-status')).toBe(r.pace);
    expect(await bar.locator('.bw-value').textContent()).toBe(formatBp(r.completionBp));
  }
  expect(await on.getByTestId('dash-targets-elapsed').getAttribute('data-bp')).toBe(String(o.targets?.elapsedBp ?? ''));

  expect(await on.getByTestId('dash-rank-source').getAttribute('data-source')).toBe(o.ranking.source);
  expect(await on.getByTestId('dash-rank-source').getAttribute('data-run-id')).toBe(String(o.ranking.run?.id ?? ''));
  if (o.role !== 'manager') {
    for (const [kind, ranking] of [
      ['managers', o.ranking.managers],
      ['outlets', o.ranking.outlets],
    ] as const) {
      const rows = on.getByTestId(`dash-rank-chart-${kind}-row`);
      expect(await rows.count()).toBe(ranking?.rows.length ?? 0);
      for (const [i, r] of (ranking?.rows ?? []).entries()) {
        expect(await rows.nth(i).getAttribute('data-key')).toBe(String(r.id));
        expect(await rows.nth(i).getAttribute('data-rank')).toBe(String(r.rank));
        expect(await rows.nth(i).getAttribute('data-value')).toBe(String(r.value));
      }
    }
    expect(await on.getByTestId('dash-vip-clients').getAttribute('data-count')).toBe(String(o.midHigh.clients ?? ''));
    expect(await on.getByTestId('dash-vip-unassigned').getAttribute('data-count')).toBe(String(o.midHigh.unassigned ?? ''));
    expect(digits(await on.getByTestId('dash-vip-unassigned').innerText())).toBe(String(o.midHigh.unassigned));
  }
  for (const bar of await on.getByTestId('dash-vip-chart-row').all()) {
    const key = await bar.getAttribute('data-key');
    const bp = key === 'assigned' ? o.midHigh.assignedBp : key === 'fullTime' ? o.midHigh.fullTimeBp : o.midHigh.contactPlan?.rateBp;
    expect(await bar.getAttribute('data-bp'), String(key)).toBe(String(bp ?? ''));
  }
  expect(await on.getByTestId('dash-overdue-tasks').getAttribute('data-count')).toBe(String(o.overdue.tasks.overdue));
  expect(await on.getByTestId('dash-overdue-items').getAttribute('data-count')).toBe(String(o.overdue.tasks.overdueItems));
  expect(await on.getByTestId('dash-overdue-contacts').getAttribute('data-count')).toBe(String(o.overdue.contacts.overdue));
  expect(digits(await on.getByTestId('dash-overdue-contacts').innerText())).toBe(String(o.overdue.contacts.overdue));
  for (const i of o.imports) {
    const row = on.locator(`[data-testid="dash-import-row"][data-kind="${i.kind}"]`);
    expect(await row.getAttribute('data-batch-id')).toBe(String(i.batchId ?? ''));
    expect(await row.getAttribute('data-as-of')).toBe(i.dataAsOf ?? '');
  }
  const stale = on.getByTestId('dash-stale');
  expect(await stale.getAttribute('data-stale')).toBe(String(o.staleness.stale));
  expect(await stale.getAttribute('data-required')).toBe(o.staleness.requiredAsOf);
}

beforeAll(async () => {
  app = await openApp('e2e-dashboard', {
    prepare: (db) => {
      const r = runCli(['demo', '--db', db, '--clients', '4000', '--managers', '16']);
      if (r.status !== 0) throw new Error(`demo failed: ${r.stderr}`);
    },
  });
  page = app.page;
  await page.setViewportSize({ width: 1440, height: 1000 });
  api = client();
  await ok(api, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  // Two overdue tasks for one manager, so the overdue card has something to show.
  const someone = (await ok(api, 'managers.list', {}))[0];
  if (someone === undefined) throw new Error('no managers');
  await ok(api, 'tasks.create', { title: '回访到期客户', dueAt: '2026-11-10', managerIds: [someone.id] });
  await ok(api, 'tasks.create', { title: '补齐客户资料', dueAt: '2026-11-15', managerIds: [someone.id] });
  fs.mkdirSync(OUT, { recursive: true });
}, 180_000);
afterAll(async () => {
  await app?.close();
});

describe('the dashboard in the browser', () => {
  it('shows the branch’s year: every figure on screen is the API’s', async () => {
    // Signing in lands on the dashboard, read before the tasks above existed: open it afresh.
    await app.openNav('clients');
    await app.openNav('dashboard');
    const o = await ok(api, 'dashboard.overview', {});
    expect(o.ranking.source).toBe('targets');
    await expectScreenEquals(o);
    // The old workspace counts stay, at the bottom.
    expect(digits(await page.getByTestId('summary-clients-value').innerText())).toBe('4000');
    await shot('dashboard-1-branch-year.png');
  });

  it('opens a card’s exact figures with one click on its chart, and back', async () => {
    const o = await ok(api, 'dashboard.overview', {});
    await page.getByTestId('dash-targets-chart-row').first().click();
    await page.locator('[data-testid="dash-card-targets"][data-view="table"]').waitFor();
    for (const r of o.targets?.rows.filter((x) => x.target !== null || x.actual !== null) ?? []) {
      const row = page.locator(`[data-testid="dash-targets-row"][data-code="${r.indicator.code}"]`);
      expect(await row.getAttribute('data-target')).toBe(String(r.target ?? ''));
      expect(await row.getAttribute('data-actual')).toBe(String(r.actual ?? ''));
      expect(await row.getByTestId('dash-targets-completion').innerText()).toBe(formatBp(r.completionBp));
    }
    await page.getByTestId('dash-toggle-vip').click();
    const vip = page.locator('[data-testid="dash-vip-row"][data-key="assigned"]');
    expect(await vip.getAttribute('data-part')).toBe(String(o.midHigh.assigned));
    expect(await vip.getAttribute('data-whole')).toBe(String(o.midHigh.clients));
    await page.getByTestId('dash-toggle-overdue').click();
    expect(await page.locator('[data-testid="dash-overdue-figure"][data-key="tasks"]').getAttribute('data-count')).toBe(String(o.overdue.tasks.overdue));
    await shot('dashboard-2-numbers.png');
    expect(await page.getByTestId('dash-link-vip-coverage').getAttribute('href')).toBe('#/coverage');
    expect(await page.getByTestId('dash-link-targets-targets').getAttribute('href')).toBe('#/targets');
    for (const card of ['targets', 'vip', 'overdue']) await page.getByTestId(`dash-toggle-${card}`).click();
    await page.locator('[data-testid="dash-card-targets"][data-view="chart"]').waitFor();
  });

  it('reloads the figures for another period and another unit', async () => {
    await page.getByTestId('dash-period').click();
    await page.getByTestId('dash-period-2026Q3').click();
    await page.locator('[data-testid="dash-overview"][data-period="2026Q3"]').waitFor();
    await ready();
    await expectScreenEquals(await ok(api, 'dashboard.overview', { period: '2026Q3' }));
    const sub = (await ok(api, 'org.tree', {})).find((u) => u.level === 'sub');
    if (sub === undefined) throw new Error('no sub-branch');
    await page.getByTestId('dash-unit').click();
    await page.getByTestId(`dash-unit-${sub.id}`).click();
    await page.locator(`[data-testid="dash-overview"][data-unit-id="${sub.id}"]`).waitFor();
    await ready();
    await expectScreenEquals(await ok(api, 'dashboard.overview', { period: '2026Q3', orgUnitId: sub.id }));
    await shot('dashboard-3-sub-branch-q3.png');
  });

  it('ranks by the evaluation run once one is computed for the period, and says which', async () => {
    const scheme = {
      code: 'DASH-M',
      name: '客户经理月度考核（工作台）',
      periodType: 'month' as const,
      // 日均存款 against 1,000 万元 a manager: the demo's managers land between about half and all of it.
      items: [{ key: 'avg', name: '日均存款', weight: 100, source: { kind: 'indicator' as const, indicator: 'DEP_AVG' }, method: { type: 'ratio' as const, capPct: 150 }, fixedTarget: '1000000000' }],
    };
    await ok(api, 'evaluation.saveScheme', { scheme, validFrom: '2026-01-01' });
    const run = await ok(api, 'evaluation.compute', { schemeCode: 'DASH-M', period: '2026-10' });
    await app.openNav('evaluation');
    await app.openNav('dashboard');
    await page.locator(`[data-testid="dash-rank-source"][data-source="evaluation"][data-run-id="${run.id}"]`).waitFor();
    const o = await ok(api, 'dashboard.overview', {});
    await expectScreenEquals(o);
    expect(await page.getByTestId('dash-rank-source').innerText()).toContain(scheme.name);
    await shot('dashboard-4-ranked-by-evaluation.png');
  });

  it('prints: no navigation, black on white, every card and its value labels', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('nav-dashboard').isVisible()).toBe(false);
    expect(await page.getByTestId('dash-print').isVisible()).toBe(false);
    const color = await page.getByTestId('dash-rank-source').evaluate((el) => getComputedStyle(el).color);
    expect(color).toBe('rgb(0, 0, 0)');
    await shot('dashboard-5-print-media.png');
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
    const file = path.join(OUT, 'dashboard-print-e2e.pdf');
    fs.writeFileSync(file, pdf);
    await page.emulateMedia({ media: 'screen' });
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    for (const heading of ['任务指标完成进度', '排名', '中高端客户覆盖', '逾期事项', '最近导入']) expect(text).toContain(heading);
    expect(text).not.toContain('管户分配'); // the navigation is not printed
  });

  it('gives a client manager their own dashboard, with no unit picker and no other manager named', async () => {
    const o = await ok(api, 'dashboard.overview', {});
    const own = o.ranking.managers?.rows[0];
    if (own === undefined) throw new Error('no ranked manager');
    await ok(api, 'users.create', { username: MANAGER.username, displayName: MANAGER.displayName, role: 'manager', managerId: own.id, password: MANAGER.first });
    const first = client();
    await ok(first, 'auth.login', { username: MANAGER.username, password: MANAGER.first });
    await ok(first, 'auth.changePassword', { oldPassword: MANAGER.first, newPassword: MANAGER.password });
    const mine = await ok(first, 'dashboard.overview', {});
    const mp = await app.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    try {
      await mp.goto(app.server.url);
      await mp.locator('body[data-app-state="ready"]').waitFor();
      await mp.getByTestId('login-username').fill(MANAGER.username);
      await mp.getByTestId('login-password').fill(MANAGER.password);
      await mp.getByTestId('login-submit').click();
      await mp.locator('[data-testid="user-menu"][data-role="manager"]').waitFor();
      await ready(mp);
      await expectScreenEquals(mine, mp);
      expect(await mp.getByTestId('dash-unit').count()).toBe(0);
      expect(await mp.getByTestId('dash-rank-own').getAttribute('data-rank')).toBe(String(mine.ranking.managers?.rows[0]?.rank));
      const text = await mp.getByTestId('page-dashboard').innerText();
      const others = (o.ranking.managers?.rows ?? []).filter((r) => r.id !== own.id).map((r) => r.name);
      expect(others.filter((n) => text.includes(n))).toEqual([]);
      await shot('dashboard-6-manager.png', mp);
    } finally {
      await mp.close();
    }
  });
});
