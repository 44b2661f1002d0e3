import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client.js';
import { createHttpClient } from '../../shared/api/http-client.js';
import type { CoverageReport } from '../../shared/assignment/coverage.js';
import { runCli } from '../helpers/cli.js';
import { ADMIN, SCREENSHOT_DIR, openApp } from './support/browser-mode.js';
import type { OpenApp } from './support/browser-mode.js';

let app: OpenApp;
let page: Page;
let api: ApiClient;
const shot = (name: string): Promise<Buffer> => page.screenshot({ path: path.join(SCREENSHOT_DIR, name), animations: 'disabled', fullPage: true });
const ready = () => page.locator('[data-testid="page-coverage"][data-state="ready"]');

async function report(input: { asOf?: string } = {}): Promise<CoverageReport> {
  const r = await api.call('coverage.report', input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

beforeAll(async () => {
  app = await openApp('e2e-coverage', {
    prepare: (db) => {
      const r = runCli(['demo', '--db', db, '--clients', '4000', '--managers', '16']);
      if (r.status !== 0) throw new Error(`demo failed: ${r.stderr}`);
    },
  });
  page = app.page;
  await page.setViewportSize({ width: 1440, height: 1000 });
  // The same API the page uses, signed in as the same administrator, to check what the page shows.
  api = createHttpClient({ baseUrl: `http://127.0.0.1:${app.server.port}`, token: app.server.token, locale: () => 'zh-CN' });
  const login = await api.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
  if (!login.ok) throw new Error(login.error.message);
}, 180_000);
afterAll(async () => {
  await app?.close();
});

describe('the coverage page in the browser', () => {
  it('shows per-outlet coverage on the latest data date, the same numbers as the API', async () => {
    const expected = await report();
    await app.openNav('coverage');
    expect(await page.getByTestId('coverage-as-of').inputValue()).toBe(expected.asOf);
    expect((await page.getByTestId('coverage-total-vip').innerText()).replace(/\D/g, '')).toBe(String(expected.totals.vipClients));
    const rows = page.getByTestId('coverage-row');
    expect(await rows.count()).toBe(expected.outlets.length);
    for (const o of expected.outlets) {
      const row = page.locator(`[data-testid="coverage-row"][data-unit-id="${o.orgUnitId}"]`);
      expect(await row.getAttribute('data-vip')).toBe(String(o.vipClients));
      expect(await row.getAttribute('data-full-time')).toBe(String(o.vipFullTime));
      expect(await row.getByTestId('coverage-share').innerText()).toBe(o.vipFullTimeBp === null ? '—' : `${(o.vipFullTimeBp / 100).toFixed(1)}%`);
    }
    expect(await page.getByTestId('coverage-policy').getAttribute('data-min-vip')).toBe('240');
    await shot('coverage-1-report.png');
  });

  it('an administrator lowers the threshold; an outlet without a 专职 manager is flagged in the table and the alerts', async () => {
    const before = await report();
    const target = [...before.outlets].sort((a, b) => b.vipClients - a.vipClients)[0];
    if (target === undefined) throw new Error('no outlets');
    // Every 专职 manager of the outlet becomes 兼职 from the report's date (a roster change through the API).
    const roster = await api.call('managers.list', { asOf: before.asOf });
    if (!roster.ok) throw new Error(roster.error.message);
    for (const m of roster.value.filter((x) => x.orgUnitId === target.orgUnitId && x.type === 'full_time')) {
      const r = await api.call('managers.changePeriod', { managerId: m.id, from: before.asOf, type: 'part_time' });
      if (!r.ok) throw new Error(r.error.message);
    }

    await page.getByTestId('coverage-policy-edit').click();
    await page.getByTestId('coverage-policy-min-vip').fill(String(target.vipClients));
    await page.getByTestId('coverage-policy-min-pct').fill('50');
    await shot('coverage-2-policy-dialog.png');
    await page.getByTestId('coverage-policy-save').click();
    await page.getByTestId('coverage-policy-save').waitFor({ state: 'detached' });
    await page.locator(`[data-testid="coverage-policy"][data-min-vip="${target.vipClients}"]`).waitFor();
    await ready().waitFor();

    const row = page.locator(`[data-testid="coverage-row"][data-unit-id="${target.orgUnitId}"]`);
    expect(await row.getAttribute('data-severity')).toBe('error');
    expect(await row.locator('[data-testid="coverage-finding-chip"][data-kind="needs_full_time"]').count()).toBe(1);
    const alert = page.locator('[data-testid="coverage-finding"][data-kind="needs_full_time"]');
    expect(await alert.count()).toBeGreaterThanOrEqual(1);
    expect(await alert.first().innerText()).toContain(target.name);
    const after = await report();
    expect((await page.getByTestId('coverage-total-needs').innerText()).replace(/\D/g, '')).toBe(String(after.totals.outletsNeedingFullTime));
    expect(after.totals.outletsNeedingFullTime).toBeGreaterThanOrEqual(1);
    await shot('coverage-3-needs-full-time.png');
  });

  it('reads another date from the date field', async () => {
    const earlier = '2026-06-30';
    const expected = await report({ asOf: earlier });
    await page.getByTestId('coverage-as-of').fill(earlier);
    await ready().waitFor();
    expect(await page.getByTestId('coverage-as-of').inputValue()).toBe(earlier);
    // Waits on the figures themselves: the marker alone may still describe the previous date for a moment.
    for (const o of expected.outlets) await page.locator(`[data-testid="coverage-row"][data-unit-id="${o.orgUnitId}"][data-full-time="${o.vipFullTime}"]`).waitFor();
    expect((await page.getByTestId('coverage-total-vip').innerText()).replace(/\D/g, '')).toBe(String(expected.totals.vipClients));
  });

  it('reads in English too', async () => {
    await page.getByTestId('locale-switch').click();
    await page.getByTestId('locale-option-en').click();
    await page.getByText('Full-time share').first().waitFor();
    await ready().waitFor();
    expect(await page.getByTestId('nav-coverage').innerText()).toBe('Coverage');
    await shot('coverage-4-english.png');
    await page.getByTestId('locale-switch').click();
    await page.getByTestId('locale-option-zh-CN').click();
    await page.getByText('专职占比').first().waitFor();
  });
});
