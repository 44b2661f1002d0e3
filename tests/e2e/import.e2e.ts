import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../electron/import/read-xlsx.js';
import { makeTempDir } from '../helpers/temp.js';
import { CLIENTS_GBK_BAD_RECORD, CLIENTS_GBK_ROWS, clientsGbkBytes } from '../fixtures/import/clients-gbk.js';
import { SCREENSHOT_DIR, openApp } from './support/browser-mode.js';
import type { OpenApp } from './support/browser-mode.js';

let app: OpenApp;
let page: Page;
let tmp: { dir: string; cleanup: () => void };
// Transitions finished, so a dialog or menu is captured as the user sees it once it has settled.
const shot = (name: string): Promise<Buffer> => page.screenshot({ path: path.join(SCREENSHOT_DIR, name), animations: 'disabled' });

/** Picks an option of an MUI select by test ids (`<select>-option-<value>`), then waits for the menu to close. */
async function choose(select: string, option: string): Promise<void> {
  await page.getByTestId(select).click();
  await page.getByTestId(`${select}-option-${option}`).click();
  await page.getByTestId(`${select}-option-${option}`).waitFor({ state: 'detached' });
}

const step = (key: string) => page.locator(`[data-testid="import-wizard"][data-step="${key}"]`);

beforeAll(async () => {
  tmp = makeTempDir('e2e-import-file');
  app = await openApp('e2e-import');
  page = app.page;
  // Tall enough for the whole mapping table of a client file in one screenshot.
  await page.setViewportSize({ width: 1366, height: 1100 });
});

afterAll(async () => {
  await app?.close();
  tmp?.cleanup();
});

describe('the import wizard', () => {
  it('imports a GBK CSV with a preamble and a footer, shows a bad row in place, completes with skip, then rolls back', async () => {
    // The name a core system would give it; the bytes are the committed fixture's builder output.
    const file = path.join(tmp.dir, 'clients_20261031.csv');
    fs.writeFileSync(file, clientsGbkBytes());

    await app.openNav('import');
    await page.getByTestId('import-history-empty').waitFor();

    // 1. Choose file: kind, file, detection.
    await choose('import-kind', 'clients');
    await page.getByTestId('import-file-input').setInputFiles(file);
    const detected = page.getByTestId('import-detected');
    await detected.waitFor();
    expect(await page.getByTestId('import-detected-encoding').innerText()).toMatch(/GBK|GB18030/);
    expect(await detected.getAttribute('data-header-record')).toBe('2');
    expect(await page.getByTestId('import-preamble').innerText()).toContain('数据日期：2026-10-31');
    await shot('import-1-file.png');
    await page.getByTestId('import-next').click();

    // 2. Mapping: the org units and managers are not in the store yet, so leave those columns out.
    await step('mapping').waitFor();
    await choose('import-map-orgCode', 'none');
    await choose('import-map-managerNo', 'none');
    await choose('import-map-name', 'none');
    await page.getByTestId('import-mapping-missing').waitFor();
    expect(await page.getByTestId('import-next').isDisabled()).toBe(true);
    await choose('import-map-name', '1');
    await page.getByTestId('import-mapping-missing').waitFor({ state: 'detached' });
    // Save the corrected mapping under a name for later files of this source.
    await page.getByTestId('import-profile-name').fill('核心系统客户');
    await page.getByTestId('import-profile-save').click();
    await page.getByTestId('import-profile-saved').waitFor();
    await shot('import-2-mapping.png');
    await page.getByTestId('import-next').click();

    // 3. Preview: the bad row is marked and its cell highlighted; the 合计 footer is listed as skipped.
    await page.locator('[data-testid="import-step-preview-body"][data-state="ready"]').waitFor();
    expect(await page.getByTestId('preview-row').count()).toBe(CLIENTS_GBK_ROWS);
    const badRow = page.locator(`[data-testid="preview-row"][data-record="${CLIENTS_GBK_BAD_RECORD}"]`);
    expect(await badRow.getAttribute('data-has-error')).toBe('true');
    expect(await page.locator('[data-testid="preview-row"][data-has-error="true"]').count()).toBe(1);
    const badCell = badRow.getByTestId('preview-cell-error');
    expect(await badCell.getAttribute('data-column')).toBe('3');
    const background = await badCell.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toMatch(/^rgb\((\d+), (\d+), (\d+)\)$/);
    const [r, g] = (background.match(/\d+/g) ?? []).map(Number);
    expect((r ?? 0) > (g ?? 0) + 50).toBe(true);
    expect(await page.getByTestId('import-preview-error').first().innerText()).toMatch(new RegExp(`第 ${CLIENTS_GBK_BAD_RECORD} 行 · 证件号码 · .*校验位`));
    expect(await page.locator('[data-testid="import-skipped-row"][data-reason="footer"]').innerText()).toContain(`合计,${CLIENTS_GBK_ROWS}`);
    await badCell.hover();
    await page.getByRole('tooltip').waitFor();
    await shot('import-3-preview.png');
    await page.getByTestId('import-next').click();

    // 4. Plan: one row rejected, control total from the footer matches; choose to skip bad rows.
    await page.locator('[data-testid="import-step-plan-body"][data-state="ready"]').waitFor();
    expect(await page.getByTestId('plan-count-inserted').innerText()).toBe(String(CLIENTS_GBK_ROWS - 1));
    expect(await page.getByTestId('plan-count-rejected').innerText()).toBe('1');
    expect(await page.getByTestId('plan-control').getAttribute('data-ok')).toBe('true');
    // The full error list downloads as a workbook that reads back with the bad row in it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-export-errors').click()]);
    const saved = path.join(tmp.dir, download.suggestedFilename());
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toMatch(/错误清单\.xlsx$/);
    const exported: string[][] = [];
    for await (const batch of readXlsx(saved)) exported.push(...batch.map((r) => r.cells));
    expect(exported.slice(2).map((r) => r[0])).toEqual([String(CLIENTS_GBK_BAD_RECORD)]);
    // Rejecting the whole batch (the default) fails with the bad cell listed, and writes nothing.
    await page.getByTestId('import-start').click();
    const failure = page.getByTestId('import-error');
    await failure.waitFor({ timeout: 60_000 });
    expect(await failure.getAttribute('data-error-code')).toBe('IMPORT_INVALID');
    expect(await page.getByTestId('import-problem').first().innerText()).toContain(`第 ${CLIENTS_GBK_BAD_RECORD} 行`);
    await shot('import-4b-rejected.png');
    await page.getByTestId('import-back').click();
    await page.locator('[data-testid="import-step-plan-body"][data-state="ready"]').waitFor();
    await page.getByTestId('import-on-error-skip').click();
    expect(await page.getByTestId('import-start').innerText()).toContain('跳过');
    await shot('import-4-plan.png');
    await page.getByTestId('import-start').click();

    // 5. Run: the summary names the batch.
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.getAttribute('data-inserted')).toBe(String(CLIENTS_GBK_ROWS - 1));
    expect(await summary.getAttribute('data-rejected')).toBe('1');
    const batchId = (await summary.getAttribute('data-batch-id')) ?? '';
    expect(batchId).toMatch(/^\d+$/);
    const row = page.locator(`[data-testid="history-row"][data-batch-id="${batchId}"]`);
    await row.and(page.locator('[data-status="committed"]')).waitFor();
    await shot('import-5-run.png');

    await app.openNav('dashboard');
    expect(await page.getByTestId('summary-clients-value').innerText()).toBe(String(CLIENTS_GBK_ROWS - 1));

    // History: roll the batch back after seeing what it undoes.
    await app.openNav('import');
    await page.getByTestId(`rollback-${batchId}`).click();
    await page.locator('[data-testid="rollback-dialog"][data-state="ready"]').waitFor();
    expect(await page.getByTestId('rollback-effect').innerText()).toMatch(new RegExp(`删除客户 ${CLIENTS_GBK_ROWS - 1} 条`));
    expect(await page.getByTestId('rollback-confirm').isEnabled()).toBe(true);
    await shot('import-6-rollback.png');
    await page.getByTestId('rollback-confirm').click();
    await page.getByTestId('rollback-dialog').waitFor({ state: 'detached' });
    await row.and(page.locator('[data-status="rolled_back"]')).waitFor();
    expect(await page.getByTestId(`history-status-${batchId}`).innerText()).toContain('回滚');
    expect(await page.getByTestId(`rollback-${batchId}`).count()).toBe(0);
    await shot('import-7-history.png');

    await app.openNav('dashboard');
    await page.getByTestId('dashboard-empty').waitFor();
  });
});
