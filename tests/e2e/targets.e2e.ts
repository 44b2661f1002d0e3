import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client.js';
import { createHttpClient } from '../../shared/api/http-client.js';
import type { GridRow, StoredPlan } from '../../shared/targets/decomposition.js';
import { childPeriods } from '../../shared/targets/periods.js';
import type { TargetProgress } from '../../shared/targets/progress.js';
import { runCli } from '../helpers/cli.js';
import { ADMIN, SCREENSHOT_DIR, openApp } from './support/browser-mode.js';
import type { OpenApp } from './support/browser-mode.js';

/**
 * 任务指标 in the browser: 存款净增 decomposed from head office's figure to outlets, managers, quarters and months;
 * one cell locked, another edited so the unlocked ones re-balance; the stored draft checked through the API (every
 * sum reconciles, the locked cell kept its value); published as a new version; progress against it.
 */
let app: OpenApp;
let page: Page;
let api: ApiClient;
const shot = (name: string): Promise<Buffer> => page.screenshot({ path: path.join(SCREENSHOT_DIR, name), animations: 'disabled', fullPage: true });
const ready = () => page.locator('[data-testid="page-targets"][data-state="ready"]').waitFor();
const body = (attrs: string) => page.locator(`[data-testid="targets-body"][data-busy="false"]${attrs}`).waitFor();
const cell = (key: string, period: string) => page.locator(`[data-testid="targets-cell-${key}-${period}"]`);

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await api.call(name as never, input as never);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

async function choose(testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByTestId(`${testId}-${option}`).click();
}

/** Every row adds up over its periods and every parent over its rows, checked here independently of the app. */
function expectReconciles(rows: readonly GridRow[], periods: readonly string[]): void {
  for (const r of rows) {
    for (const p of periods) {
      const sub = childPeriods(p);
      if (sub.length > 0) expect(sub.reduce((a, s) => a + (r.values[s] ?? 0), 0), `${r.name} ${p}`).toBe(r.values[p]);
      const kids = rows.filter((k) => k.parentKey === r.key);
      if (kids.length > 0) expect(kids.reduce((a, k) => a + (k.values[p] ?? 0), 0), `${r.name} ${p} below`).toBe(r.values[p]);
    }
  }
}

async function expectChecksOnScreen(): Promise<void> {
  const checks = page.locator('[data-testid^="targets-row-check-"], [data-testid^="targets-col-check-"]');
  expect(await checks.count()).toBeGreaterThan(40);
  expect(await page.locator('[data-testid^="targets-row-check-"][data-ok="false"], [data-testid^="targets-col-check-"][data-ok="false"]').count()).toBe(0);
}

beforeAll(async () => {
  app = await openApp('e2e-targets', {
    prepare: (db) => {
      const r = runCli(['demo', '--db', db, '--clients', '4000', '--managers', '16']);
      if (r.status !== 0) throw new Error(`demo failed: ${r.stderr}`);
    },
  });
  page = app.page;
  await page.setViewportSize({ width: 1600, height: 1000 });
  api = createHttpClient({ baseUrl: `http://127.0.0.1:${app.server.port}`, token: app.server.token, locale: () => 'zh-CN' });
  const login = await api.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
  if (!login.ok) throw new Error(login.error.message);
}, 180_000);
afterAll(async () => {
  await app?.close();
});

describe('the targets page in the browser', () => {
  let planId = 0;
  let locked = { key: '', value: 0 };

  it('previews head office’s 存款净增 split by AUM to outlets, by grade weights to managers, 开门红 over quarters, then saves a draft', async () => {
    await app.openNav('targets');
    expect(await page.getByTestId('nav-targets').innerText()).toBe('任务指标');
    await page.locator('[data-testid="targets-status"][data-status="preview"]').waitFor();
    const headOffice = Number(await page.getByTestId('targets-head-office').getAttribute('data-value'));
    expect(headOffice).toBeGreaterThan(0);
    await choose('targets-outlet-method', 'aum');
    await choose('targets-manager-method', 'weights');
    await choose('targets-profile', 'kaimenhong');
    await body('[data-outlet-method="aum"][data-manager-method="weights"][data-profile="kaimenhong"]');
    await ready();
    await expectChecksOnScreen();
    const root = page.locator('[data-testid="targets-row"][data-kind="root"]');
    const rootKey = (await root.getAttribute('data-key')) ?? '';
    expect(Number(await cell(rootKey, '2026').getAttribute('data-value'))).toBe(headOffice);
    expect(Number(await cell(rootKey, '2026Q1').getAttribute('data-value'))).toBe(Math.round(headOffice * 0.4));
    await shot('targets-1-preview.png');

    await page.getByTestId('targets-save').click();
    const status = page.locator('[data-testid="targets-status"][data-status="draft"]');
    await status.waitFor();
    await ready();
    planId = Number(await status.getAttribute('data-plan-id'));
    expect(await status.getAttribute('data-version')).toBe('2');
    const stored = await call<StoredPlan>('targets.plan', { planId });
    expect(stored.params).toMatchObject({ outletMethod: 'aum', managerMethod: 'weights', total: headOffice });
    expect(stored.rows.filter((r) => r.kind === 'manager').length).toBeGreaterThanOrEqual(14);
    expectReconciles(stored.rows, stored.periods);
  });

  it('locks one manager’s March, edits a colleague’s year: the unlocked figures re-balance and every sum still reconciles', async () => {
    const before = await call<StoredPlan>('targets.plan', { planId });
    const outlet = before.rows.find((o) => o.kind === 'outlet' && before.rows.filter((m) => m.parentKey === o.key).length >= 2);
    const [a, b] = before.rows.filter((m) => m.parentKey === outlet?.key);
    if (a === undefined || b === undefined || outlet === undefined) throw new Error('no outlet with two managers');
    locked = { key: a.key, value: a.values['2026-03'] ?? 0 };

    await page.getByTestId(`targets-lock-${a.key}-2026-03`).click();
    await page.locator(`[data-testid="targets-cell-${a.key}-2026-03"][data-locked="true"]`).waitFor();
    await body('[data-locks="1"]');

    // 10 万元 more for b's year, typed in 万元 and stored exactly in fen.
    const newYear = (b.values['2026'] ?? 0) + 10_000_000;
    await page.getByTestId(`targets-edit-${b.key}-2026`).click();
    const input = page.getByTestId('targets-cell-value');
    await input.fill(String(newYear / 1_000_000));
    await shot('targets-2-edit-cell.png');
    await page.getByTestId('targets-cell-save').click();
    await page.locator(`[data-testid="targets-cell-${b.key}-2026"][data-value="${newYear}"][data-locked="true"]`).waitFor();
    await body('[data-locks="2"]');
    await ready();
    await expectChecksOnScreen();

    const after = await call<StoredPlan>('targets.plan', { planId });
    expectReconciles(after.rows, after.periods);
    const row = (k: string): GridRow | undefined => after.rows.find((r) => r.key === k);
    expect(row(a.key)?.values['2026-03']).toBe(locked.value);
    expect(row(b.key)?.values['2026']).toBe(newYear);
    expect(row(outlet.key)?.values['2026']).toBe(outlet.values['2026']);
    // The colleagues of b (a's year among them) carry the 10 万元 between them.
    const others = after.rows.filter((m) => m.parentKey === outlet.key && m.key !== b.key);
    const othersBefore = before.rows.filter((m) => m.parentKey === outlet.key && m.key !== b.key);
    expect(others.reduce((s, m) => s + (m.values['2026'] ?? 0), 0)).toBe(othersBefore.reduce((s, m) => s + (m.values['2026'] ?? 0), 0) - 10_000_000);
    expect(Number(await cell(a.key, '2026-03').getAttribute('data-value'))).toBe(locked.value);
    await page.getByTestId(`targets-cell-${b.key}-2026`).scrollIntoViewIfNeeded();
    await shot('targets-3-locked-rebalanced.png');
  });

  it('publishes the draft as version 2 and lists it in the history beside head office’s version 1', async () => {
    await page.getByTestId('targets-publish').click();
    await page.locator('[data-testid="targets-status"][data-status="published"][data-version="2"]').waitFor();
    await ready();
    await page.locator('[data-testid="targets-version-row"][data-version="2"][data-status="published"]').waitFor();
    expect(await page.locator('[data-testid="targets-version-row"][data-version="1"][data-origin="import"]').count()).toBe(1);
    const plan = await call<StoredPlan>('targets.plan', { planId });
    expect(plan.plan.status).toBe('published');
    expect(plan.rows.find((r) => r.key === locked.key)?.values['2026-03']).toBe(locked.value);
    // Published: read-only, editing starts a new version.
    expect(await page.locator('[data-testid^="targets-edit-"]').first().evaluate((e) => e.tagName)).toBe('SPAN');
    await page.getByTestId('targets-new-version').waitFor();
    await shot('targets-4-published.png');
  });

  it('shows progress for the third quarter against the published plan, completion beside time elapsed', async () => {
    await page.getByTestId('targets-tab-progress').click();
    await ready();
    await choose('targets-progress-period', '2026Q3');
    await page.locator(`[data-testid="targets-progress-plan"][data-plan-id="${planId}"]`).waitFor();
    await page.locator('[data-testid="targets-progress-elapsed"][data-bp="10000"]').waitFor();
    await ready();
    const expected = await call<TargetProgress>('targets.progress', { year: 2026, indicatorId: 1, period: '2026Q3' });
    const rows = page.getByTestId('targets-progress-row');
    expect(await rows.count()).toBe(expected.rows.length);
    for (const r of expected.rows) {
      const row = page.locator(`[data-testid="targets-progress-row"][data-key="${r.key}"]`);
      expect(await row.getAttribute('data-target')).toBe(String(r.target ?? ''));
      expect(await row.getAttribute('data-actual')).toBe(String(r.actual ?? ''));
    }
    await shot('targets-5-progress.png');
  });

  it('reads in English too', async () => {
    await page.getByTestId('locale-switch').click();
    await page.getByTestId('locale-option-en').click();
    await page.getByText('Time elapsed').first().waitFor();
    await page.getByTestId('targets-tab-decompose').click();
    await ready();
    await page.locator('[data-testid="targets-status"][data-status="published"]').waitFor();
    expect(await page.getByTestId('nav-targets').innerText()).toBe('Targets');
    await shot('targets-6-english.png');
  });
});
