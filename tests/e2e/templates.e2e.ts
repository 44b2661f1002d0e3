import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../electron/import/read-xlsx.js';
import type { RawRow } from '../../electron/import/read-delimited.js';
import type { ApiClient } from '../../shared/api/client.js';
import { createHttpClient } from '../../shared/api/http-client.js';
import { parseYuanToFen } from '../../shared/model/money.js';
import { runCli } from '../helpers/cli.js';
import { ADMIN, SCREENSHOT_DIR, openApp } from './support/browser-mode.js';
import type { OpenApp } from './support/browser-mode.js';

/**
 * 报表模板 in the browser on a demo workspace: upload head office's workbook (written by openpyxl), map cells by
 * clicking them (a header value, a totals value, one outlet's figure in 万元, a spilled table), save, fill for 2026-10, download
 * and read the file back, comparing each cell with the report the API gives.
 */
let app: OpenApp;
let page: Page;
let api: ApiClient;
const FIXTURE = path.resolve('tests/fixtures/templates/head-office-client-movement.xlsx');
const OUT = path.resolve('tests/output/templates-filled-e2e.xlsx');

const ready = () => page.locator('[data-testid="page-templates"][data-state="ready"]').waitFor();

async function choose(testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByTestId(`${testId}-${option}`).click();
}

/** Opens the picker on a cell and waits until its report (if any) has loaded. */
async function pick(ref: string): Promise<void> {
  await page.getByTestId(`templates-cell-${ref}`).click();
  await page.getByTestId('templates-picker').waitFor();
}
const pickerReady = () => page.locator('[data-testid="templates-picker"][data-state="ready"]').waitFor();

beforeAll(async () => {
  app = await openApp('e2e-templates', {
    prepare: (db) => {
      const r = runCli(['demo', '--db', db, '--clients', '2000', '--managers', '16']);
      if (r.status !== 0) throw new Error(`demo failed: ${r.stderr}`);
    },
  });
  page = app.page;
  await page.setViewportSize({ width: 1600, height: 1100 });
  api = createHttpClient({ baseUrl: `http://127.0.0.1:${app.server.port}`, token: app.server.token, locale: () => 'zh-CN' });
  const login = await api.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
  if (!login.ok) throw new Error(login.error.message);
}, 180_000);
afterAll(async () => {
  await app?.close();
});

describe('the report templates page in the browser', () => {
  it('uploads a head-office template and shows its sheets with their own text', async () => {
    await app.openNav('templates');
    expect(await page.getByTestId('nav-templates').innerText()).toBe('报表模板');
    await page.getByTestId('templates-empty').waitFor();
    await page.getByTestId('templates-upload-name').fill('客户变动月报');
    await page.getByTestId('templates-upload-file').setInputFiles(FIXTURE);
    await page.locator('[data-testid="templates-editor"]').waitFor();
    await ready();
    expect(await page.getByTestId('templates-cell-A1').innerText()).toBe('网点客户变动情况月报');
    expect(await page.getByTestId('templates-cell-A1').getAttribute('colspan')).toBe('8');
    expect(await page.getByTestId('templates-cell-C5').innerText()).toBe('期初资产');
    expect(await page.getByTestId('templates-mappings-empty').isVisible()).toBe(true);
  });

  it('maps cells by clicking them and saves the mappings', async () => {
    await choose('templates-period', '2026-10');
    await ready();
    await pick('B2');
    await page.getByTestId('templates-kind-header').check();
    await choose('templates-picker-field', 'unitName');
    await page.getByTestId('templates-picker-ok').click();

    await pick('G17');
    await page.getByTestId('templates-kind-total').check();
    await choose('templates-picker-report', 'clientMovement');
    await pickerReady();
    await choose('templates-picker-column', 'endAum');
    await page.getByTestId('templates-picker-ok').click();
    expect(await page.getByTestId('templates-cell-G17').getAttribute('data-mapped')).toBe('anchor');
    expect(await page.getByTestId('templates-cell-label-G17').innerText()).toBe('客户变动 · 合计 · endAum');

    await page.getByTestId('templates-sheet-1').click();
    await pick('C6');
    await page.getByTestId('templates-kind-cell').check();
    await choose('templates-picker-report', 'clientMovement');
    await pickerReady();
    await choose('templates-picker-row', '320115001');
    await choose('templates-picker-column', 'endAum');
    await choose('templates-picker-money', 'wan');
    await page.getByTestId('templates-picker-ok').click();
    expect(await page.getByTestId('templates-unsaved').isVisible()).toBe(true);

    // The table body: outlet code, name and assets at the start (期初资产) spilled down from A6, at most 10 rows.
    await page.getByTestId('templates-sheet-0').click();
    await pick('A6');
    await page.getByTestId('templates-kind-spill').check();
    await choose('templates-picker-report', 'clientMovement');
    await pickerReady();
    for (const key of ['code', 'name', 'startAum']) await page.getByTestId(`templates-picker-spill-${key}`).check();
    await page.getByTestId('templates-picker-max-rows').fill('10');
    await page.getByTestId('templates-picker-ok').click();
    expect(await page.getByTestId('templates-cell-C15').getAttribute('data-mapped')).toBe('area');
    expect(await page.getByTestId('templates-cell-D6').getAttribute('data-mapped')).toBe('');

    await page.getByTestId('templates-save').click();
    await page.getByTestId('templates-saved').waitFor();
    await ready();
    expect(await page.getByTestId('templates-saved').innerText()).toContain('第 2 版');
    const list = await api.call('templates.list', {});
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.map((t) => [t.name, t.version, t.mappings])).toEqual([['客户变动月报', 2, 4]]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'templates-mapped.png'), animations: 'disabled' });
  });

  it('fills the template for 2026-10, downloads it, and the file holds the API’s figures', async () => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('templates-fill').click()]);
    expect(dl.suggestedFilename()).toBe('客户变动月报-2026-10-320100000.xlsx');
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    await dl.saveAs(OUT);
    await page.getByTestId('templates-filled').waitFor();
    await ready();
    const report = await api.call('reports.view', { id: 'clientMovement', period: '2026-10' });
    if (!report.ok) throw new Error(report.error.message);
    const read = async (sheet: string): Promise<RawRow[]> => {
      const rows: RawRow[] = [];
      for await (const b of readXlsx(OUT, { sheet })) rows.push(...b);
      return rows;
    };
    const main = await read('客户变动');
    const cell = (rows: RawRow[], row: number, col: number): string => rows.find((r) => r.record === row)?.cells[col] ?? '';
    expect(cell(main, 2, 1)).toBe('南京分行');
    expect(parseYuanToFen(cell(main, 17, 6))).toBe(report.value.totals?.['endAum']);
    expect(cell(main, 1, 0)).toBe('网点客户变动情况月报');
    report.value.rows.forEach((r, i) => {
      expect(cell(main, 6 + i, 0)).toBe(r.key);
      expect(cell(main, 6 + i, 1)).toBe(r.cells['name']);
      expect(parseYuanToFen(cell(main, 6 + i, 2))).toBe(r.cells['startAum']);
    });
    expect(cell(main, 6 + report.value.rows.length, 0)).toBe('');
    const notes = await read('填报说明');
    // 万元 with up to six decimals: the text times 1,000,000 is the fen figure exactly.
    const wan = cell(notes, 6, 2);
    const [int, frac = ''] = wan.split('.');
    const fen = BigInt(int ?? '0') * 1_000_000n + BigInt(frac.padEnd(6, '0'));
    expect(fen).toBe(BigInt(report.value.rows.find((r) => r.key === '320115001')?.cells['endAum'] as number));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'templates-filled.png'), animations: 'disabled' });
  });
});
