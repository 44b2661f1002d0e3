import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client.js';
import { createHttpClient } from '../../shared/api/http-client.js';
import { formatReportValue } from '../../shared/reports/format.js';
import type { ReportTable } from '../../shared/reports/report.js';
import { runCli } from '../helpers/cli.js';
import { ADMIN, SCREENSHOT_DIR, openApp } from './support/browser-mode.js';
import type { OpenApp } from './support/browser-mode.js';

/**
 * 报表 in the browser on a demo workspace: choose 客户变动 for 2026-10, view it, check the table and its totals row
 * against the API, print it (the PDF read back and its first page rendered as a picture) and export it to Excel.
 */
let app: OpenApp;
let page: Page;
let api: ApiClient;
let outDir: string;

async function choose(testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByTestId(`${testId}-${option}`).click();
}

const ready = () => page.locator('[data-testid="page-reports"][data-state="ready"]').waitFor();

beforeAll(async () => {
  app = await openApp('e2e-reports', {
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
  outDir = path.resolve('tests/output');
  fs.mkdirSync(outDir, { recursive: true });
}, 180_000);
afterAll(async () => {
  await app?.close();
});

describe('the reports page in the browser', () => {
  let table: ReportTable;

  it('opens 客户变动 for 2026-10 and shows the same rows and totals as the API', async () => {
    await app.openNav('reports');
    expect(await page.getByTestId('nav-reports').innerText()).toBe('报表');
    await choose('reports-id', 'clientMovement');
    await choose('reports-period', '2026-10');
    await page.getByTestId('reports-view').click();
    await page.locator('[data-testid="reports-table"][data-report="clientMovement"]').waitFor();
    await ready();
    const r = await api.call('reports.view', { id: 'clientMovement', period: '2026-10' });
    if (!r.ok) throw new Error(r.error.message);
    table = r.value;
    expect(table.rows.length).toBe(8);
    const rows = page.locator('[data-testid="reports-grid-row"]');
    expect(await rows.count()).toBe(table.rows.length);
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-key')))).toEqual(table.rows.map((row) => row.key));
    const totals = (await page.getByTestId('reports-grid-totals').innerText()).replace(/\s+/g, ' ');
    for (const key of ['startAum', 'endAum', 'netAum', 'newClients', 'lostClients']) {
      const col = table.columns.find((c) => c.key === key);
      if (col === undefined) throw new Error(key);
      expect(totals).toContain(formatReportValue(col.kind, table.totals?.[key] ?? null));
    }
    expect(await page.getByTestId('reports-basis').innerText()).toContain('期初 2026-09-30');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'reports-client-movement.png'), animations: 'disabled', fullPage: false });
  });

  it('prints it to an A4 PDF with the headings and totals, and renders its first page', async () => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reports-pdf').click()]);
    expect(dl.suggestedFilename()).toBe('客户变动_南京分行_2026-10.pdf');
    const file = path.join(outDir, 'report-client-movement-e2e.pdf');
    await dl.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const expected of ['客户变动', '南京分行·2026-10', '合计', formatReportValue('fen', table.totals?.['endAum'] ?? null)]) expect(text).toContain(expected);
    execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', '-singlefile', file, path.join(SCREENSHOT_DIR, 'reports-printed-page')]);
    expect(fs.existsSync(path.join(SCREENSHOT_DIR, 'reports-printed-page.png'))).toBe(true);
  });

  it('exports it to Excel, and both exports are in the audit log', async () => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reports-xlsx').click()]);
    expect(dl.suggestedFilename()).toBe('客户变动_南京分行_2026-10.xlsx');
    const audit = await api.call('audit.list', { limit: 20 });
    if (!audit.ok) throw new Error(audit.error.message);
    const actions = JSON.stringify(audit.value);
    expect(actions).toContain('reports.pdf');
    expect(actions).toContain('reports.xlsx');
  });

  it('switches to another report and unit: 联系计划覆盖率 of one 支行', async () => {
    const tree = await api.call('org.tree', {});
    if (!tree.ok) throw new Error(tree.error.message);
    const sub = tree.value.find((u) => u.level === 'sub');
    if (sub === undefined) throw new Error('no 支行');
    await choose('reports-id', 'contactCoverage');
    await choose('reports-unit', sub.code);
    await page.getByTestId('reports-view').click();
    await page.locator('[data-testid="reports-table"][data-report="contactCoverage"]').waitFor();
    await ready();
    const r = await api.call('reports.view', { id: 'contactCoverage', period: '2026-10', orgUnitId: sub.id });
    if (!r.ok) throw new Error(r.error.message);
    expect(await page.locator('[data-testid="reports-grid-row"]').count()).toBe(r.value.rows.length);
    expect(await page.getByTestId('reports-grid-totals').innerText()).toContain(formatReportValue('basisPoints', r.value.totals?.['rate'] ?? null));
  });
});
