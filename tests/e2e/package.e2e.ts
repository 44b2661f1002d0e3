import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../shared/package/manifest.js';
import { newKeyFile } from '../../electron/package/key.js';
import { verifyPackage } from '../../electron/package/verify.js';
import { runCli } from '../helpers/cli.js';
import { SCREENSHOT_DIR, openApp } from './support/browser-mode.js';
import type { OpenApp } from './support/browser-mode.js';

/**
 * 上报包 / 汇总 in the browser: an administrator loads a head-office key, builds the package of the October run and
 * downloads it; the download is checked by the verifier and by `branch-workbench verify`; the page verifies the
 * good package and a copy with one byte flipped (the damaged member is named); and the package is imported for
 * consolidation, whose ranking and unit rows the page shows.
 */
let app: OpenApp;
let page: Page;
let dir: string;
let keyFile: string;
let pkgFile: string;

const ready = (): Promise<void> => page.locator('[data-testid="page-package"][data-state="ready"]').waitFor();
async function shot(name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage: true, animations: 'disabled' });
}

const SCHEME = {
  code: 'PKG-E2E',
  name: '客户经理月度考核',
  periodType: 'month',
  items: [
    { key: 'dep_net', name: '存款净增', weight: 60, source: { kind: 'indicator', indicator: 'DEP_NET' }, method: { type: 'ratio' }, fixedTarget: '50000000' },
    { key: 'dep_avg', name: '日均存款', weight: 40, source: { kind: 'indicator', indicator: 'DEP_AVG' }, method: { type: 'ratio' }, fixedTarget: '800000000' },
  ],
  gradeRules: [{ grade: 'standard', maintainAt: 40, promoteAt: 80 }],
};

beforeAll(async () => {
  app = await openApp('e2e-package', {
    prepare: (db) => {
      const demo = runCli(['demo', '--db', db, '--clients', '4000', '--managers', '16']);
      if (demo.status !== 0) throw new Error(`demo failed: ${demo.stderr}`);
      const scheme = path.join(path.dirname(db), 'scheme.json');
      fs.writeFileSync(scheme, JSON.stringify(SCHEME));
      const evaluate = runCli(['evaluate', '--db', db, '--scheme', scheme, '--period', '2026-10']);
      if (evaluate.status !== 0) throw new Error(`evaluate failed: ${evaluate.stderr}`);
    },
  });
  page = app.page;
  await page.setViewportSize({ width: 1440, height: 1000 });
  dir = path.dirname(app.dbFile);
  keyFile = path.join(dir, 'head-office.key');
  fs.writeFileSync(keyFile, newKeyFile('南京分行 2026', Buffer.alloc(32, 42)));
  pkgFile = path.join(dir, 'package.zip');
}, 180_000);
afterAll(async () => {
  await app?.close();
});

describe('the package page', () => {
  it('builds a signed package of the run and downloads it; the download verifies, also with the CLI', async () => {
    await app.openNav('package');
    await page.getByTestId('pkg-key-file').setInputFiles(keyFile);
    await page.locator('[data-testid="pkg-key-state"][data-loaded="true"]').waitFor();
    await page.getByTestId('pkg-run').click();
    const option = page.locator('[data-testid^="pkg-run-"]').first();
    const runId = Number((await option.getAttribute('data-testid'))?.replace('pkg-run-', ''));
    await option.click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pkg-build').click()]);
    await download.saveAs(pkgFile);
    const built = page.getByTestId('pkg-built');
    await built.waitFor();
    await ready();
    expect(download.suggestedFilename()).toMatch(/^上报包-.+-PKG-E2E-2026-10\.zip$/);
    expect(await built.getAttribute('data-signed')).toBe('true');
    const report = verifyPackage(fs.readFileSync(pkgFile), fs.readFileSync(keyFile, 'utf8'));
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, signature: 'valid', manifest: { run: { id: runId, schemeCode: 'PKG-E2E' }, period: '2026-10', identity: 'masked', generatedBy: { user: 'admin', role: 'admin' } } });
    expect(await built.getAttribute('data-sha')).toBe(report.manifestSha256);
    const cli = runCli(['verify', pkgFile, '--key', keyFile, '--json']);
    expect(cli.status, cli.stderr).toBe(0);
    expect((JSON.parse(cli.stdout) as VerifyReport).signature).toBe('valid');
    await shot('package-1-built.png');
  });

  it('verifies the package on the page, then a copy with one byte flipped, naming the damaged file', async () => {
    await page.getByTestId('pkg-verify-file').setInputFiles(pkgFile);
    await page.locator('[data-testid="pkg-verify-result"][data-ok="true"][data-signature="valid"]').waitFor();
    // Flip a byte in the middle of the stored PDF (the sheets), found by its header.
    const bytes = Buffer.from(fs.readFileSync(pkgFile));
    const at = bytes.indexOf('%PDF-') + 2000;
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    const damaged = path.join(dir, 'damaged.zip');
    fs.writeFileSync(damaged, bytes);
    await page.getByTestId('pkg-verify-file').setInputFiles(damaged);
    await page.locator('[data-testid="pkg-verify-result"][data-ok="false"]').waitFor();
    await ready();
    const files = await page.getByTestId('pkg-problem').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-file')));
    expect(files.length).toBeGreaterThan(0);
    expect(new Set(files)).toEqual(new Set(['sheets.pdf']));
    const cli = runCli(['verify', damaged]);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain('sheets.pdf');
    await shot('package-2-verify-damaged.png');
  });

  it('imports the package for consolidation and shows the ranking and unit results; a second import changes nothing', async () => {
    await page.getByTestId('pkg-import-file').setInputFiles(pkgFile);
    await page.locator('[data-testid="pkg-import-outcome"][data-status="imported"]').waitFor();
    await page.getByTestId('pkg-ranking').waitFor();
    await ready();
    const report = verifyPackage(fs.readFileSync(pkgFile));
    const rows = page.getByTestId('pkg-rank-row');
    expect(await rows.count()).toBe(report.manifest?.run.managers);
    expect(await page.locator('[data-testid="pkg-rank-row"][data-rank="1"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="pkg-institution-row"][data-kind="total"]').count()).toBe(1);
    await page.getByTestId('pkg-import-file').setInputFiles(pkgFile);
    await page.locator('[data-testid="pkg-import-outcome"][data-status="already_imported"]').waitFor();
    await ready();
    expect(await rows.count()).toBe(report.manifest?.run.managers);
    await shot('package-3-consolidated.png');
  });
});
