import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client.js';
import { createHttpClient } from '../../shared/api/http-client.js';
import type { OpInput, OpName, OpOutput } from '../../shared/api/index.js';
import type { EvaluationCard } from '../../shared/evaluation/card.js';
import { pointsText } from '../../shared/evaluation/card.js';
import { schemeSchema } from '../../shared/evaluation/scheme.js';
import { runCli } from '../helpers/cli.js';
import { ADMIN, SCREENSHOT_DIR, openApp } from './support/browser-mode.js';
import type { OpenApp } from './support/browser-mode.js';

/**
 * 考核 in the browser: an administrator writes a monthly scheme in the editor (a weight mistake is caught by the
 * check, then fixed), previews it on October and saves it; computes October, enters 客户服务 scores for a few
 * managers (the others' totals stay pending), then for everyone, and every total on screen is the API's; sends the
 * run for acknowledgement, a client manager acknowledges their own sheet in a second window, the run is locked, the
 * data checked for changes, the sheets downloaded as PDF, and the run reopened with a reason.
 */
let app: OpenApp;
let page: Page;
let api: ApiClient;
let outDir: string;
const MANAGER = { username: 'kaohe', displayName: '考核经理', first: 'First#Pass2026', password: 'Review#Secure2026' };
/** Full-page shots, except with a dialog open (its backdrop covers only the viewport). */
async function shot(name: string, fullPage = true, on: Page = page): Promise<void> {
  // A full-page shot of a scrolled page would paint the fixed app bar half way down: start from the top.
  if (fullPage) await on.evaluate(() => window.scrollTo(0, 0));
  await on.screenshot({ path: path.join(SCREENSHOT_DIR, name), animations: 'disabled', fullPage });
}
const ready = (on: Page = page) => on.locator('[data-testid="page-evaluation"][data-state="ready"]').waitFor();
const client = (): ApiClient => createHttpClient({ baseUrl: `http://127.0.0.1:${app.server.port}`, token: app.server.token, locale: () => 'zh-CN' });

async function ok<K extends OpName>(on: ApiClient, name: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const r = await on.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value;
}

async function choose(testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByTestId(`${testId}-${option}`).click();
}

/** What the editor should save, written out independently of the editor's conversions (万元 → fen, % → basis points). */
const EXPECTED = schemeSchema.parse({
  code: 'CM-M',
  name: '客户经理月度考核',
  periodType: 'month',
  items: [
    { key: 'dep_net', name: '存款净增', weight: 40, source: { kind: 'indicator', indicator: 'DEP_NET' }, method: { type: 'ratio', capPct: 120, floorPct: 0 }, fixedTarget: '20000000' },
    {
      key: 'dep_avg',
      name: '日均存款',
      weight: 30,
      source: { kind: 'indicator', indicator: 'DEP_AVG' },
      method: { type: 'bands', bands: [{ fromPct: 100, scorePct: 100 }, { fromPct: 80, scorePct: 80 }, { fromPct: 60, scorePct: 60 }, { fromPct: 0, scorePct: 30 }] },
      fixedTarget: '800000000',
    },
    { key: 'service', name: '客户服务', weight: 20, source: { kind: 'qualitative', rubric: [] }, method: { type: 'entered' } },
    { key: 'contact_coverage', name: '联系计划覆盖率', weight: 10, source: { kind: 'metric', metric: 'contact_coverage' }, method: { type: 'ratio', capPct: 120, floorPct: 0 }, fixedTarget: '9000' },
    { key: 'complaints', name: '客户投诉', weight: 0, source: { kind: 'count', label: '次' }, method: { type: 'deduction', pointsEach: 2, maxPoints: 10 } },
  ],
  gradeRules: [
    { grade: 'trainee', maintainAt: 30, promoteAt: 60 },
    { grade: 'standard', maintainAt: 40, promoteAt: 80 },
  ],
});

/** Opens the item dialog for a new item of a kind and fills what every item has. */
async function addItem(kind: 'indicator' | 'metric' | 'qualitative' | 'count', fields: { name: string; key?: string; weight?: string; indicator?: string }): Promise<void> {
  await page.getByTestId(`eval-add-${kind}`).click();
  await page.getByTestId('eval-item-dialog').waitFor();
  if (fields.indicator !== undefined) await choose('eval-edit-indicator', fields.indicator);
  await page.getByTestId('eval-edit-name').fill(fields.name);
  if (fields.key !== undefined) await page.getByTestId('eval-edit-key').fill(fields.key);
  if (fields.weight !== undefined) await page.getByTestId('eval-edit-weight').fill(fields.weight);
}

async function apply(): Promise<void> {
  await page.getByTestId('eval-edit-apply').click();
  await page.getByTestId('eval-item-dialog').waitFor({ state: 'detached' });
}

async function runDetail(runId: number) {
  return ok(api, 'evaluation.run', { runId });
}

/** The scores a supervisor gives: varied, so the ranking is not decided by the data items alone. */
const serviceScore = (i: number): string => ['18.5', '20', '16', '17.25', '19'][i % 5] ?? '18';

async function download(testId: string, file: string, on: Page = page): Promise<string> {
  const [dl] = await Promise.all([on.waitForEvent('download'), on.getByTestId(testId).first().click()]);
  await dl.saveAs(file);
  return file;
}

beforeAll(async () => {
  app = await openApp('e2e-evaluation', {
    prepare: (db) => {
      const r = runCli(['demo', '--db', db, '--clients', '4000', '--managers', '16']);
      if (r.status !== 0) throw new Error(`demo failed: ${r.stderr}`);
    },
  });
  page = app.page;
  await page.setViewportSize({ width: 1440, height: 1000 });
  api = client();
  await ok(api, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  outDir = path.resolve('tests/output');
  fs.mkdirSync(outDir, { recursive: true });
}, 180_000);
afterAll(async () => {
  await app?.close();
});

describe('the evaluation page in the browser', () => {
  let runId = 0;
  let cards: EvaluationCard[] = [];

  it('writes a monthly scheme in the editor: the live weight total, a weight mistake caught by the check, a preview on October, saved as version 1', async () => {
    await app.openNav('evaluation');
    expect(await page.getByTestId('nav-evaluation').innerText()).toBe('考核');
    await page.getByTestId('eval-go-schemes').waitFor();
    await page.getByTestId('eval-tab-schemes').click();
    await ready();
    await page.getByTestId('eval-scheme-new').click();
    await page.getByTestId('eval-scheme-code').fill('CM-M');
    await page.getByTestId('eval-scheme-name').fill('客户经理月度考核');

    // 存款净增 at 35 points by mistake: 40 is meant.
    await addItem('indicator', { indicator: 'DEP_NET', name: '存款净增', weight: '35' });
    expect(await page.getByTestId('eval-edit-key').inputValue()).toBe('dep_net');
    await page.getByTestId('eval-edit-target').fill('20');
    await page.getByText('方案文件中记为 20000000').waitFor();
    await apply();

    await addItem('indicator', { indicator: 'DEP_AVG', name: '日均存款', weight: '30' });
    await choose('eval-edit-method', 'bands');
    await page.getByTestId('eval-edit-band-add').click();
    await page.getByTestId('eval-edit-band-from-3').fill('0');
    await page.getByTestId('eval-edit-band-score-3').fill('30');
    await page.getByTestId('eval-edit-target').fill('800');
    await shot('evaluation-1-item-dialog.png', false);
    await apply();

    await addItem('qualitative', { name: '客户服务', key: 'service', weight: '20' });
    await apply();
    await addItem('metric', { name: '联系计划覆盖率', weight: '10' });
    await page.getByTestId('eval-edit-target').fill('90');
    await apply();
    await addItem('count', { name: '客户投诉', key: 'complaints' });
    await page.getByTestId('eval-edit-each').fill('2');
    await page.getByTestId('eval-edit-most').fill('10');
    await apply();
    await page.getByTestId('eval-rules-maintain-trainee').fill('30');
    await page.getByTestId('eval-rules-promote-trainee').fill('60');
    await page.getByTestId('eval-rules-maintain-standard').fill('40');
    await page.getByTestId('eval-rules-promote-standard').fill('80');

    // The total is checked on screen as typed; the check names the problem as the server sees it.
    const total = page.getByTestId('eval-weight-total');
    expect(await total.getAttribute('data-ok')).toBe('false');
    expect(await total.getAttribute('data-total')).toBe('9500');
    expect(await page.getByTestId('eval-check-period').innerText()).toBe('2026-10');
    await page.getByTestId('eval-check').click();
    await page.locator('[data-testid="eval-problems"][data-source="server"]').waitFor();
    await ready();
    expect(await page.getByTestId('eval-problem').first().innerText()).toContain('各项权重合计应为 100，现为 95');
    await shot('evaluation-2-weight-problem.png');

    await page.locator('[data-testid="eval-edit-item-row"][data-key="dep_net"] [data-testid="eval-edit-item"]').click();
    await page.getByTestId('eval-edit-weight').fill('40');
    await apply();
    await page.locator('[data-testid="eval-weight-total"][data-ok="true"][data-total="10000"]').waitFor();
    await page.getByTestId('eval-check').click();
    const preview = page.locator('[data-testid="eval-preview"][data-period="2026-10"]');
    await preview.waitFor();
    await ready();
    expect(await page.getByTestId('eval-problems').count()).toBe(0);
    const previewCount = Number(await preview.getAttribute('data-count'));
    expect(previewCount).toBeGreaterThanOrEqual(12);
    await shot('evaluation-3-preview.png');

    // The preview is what the server computes for the scheme as written out above, cell by cell.
    const check = await ok(api, 'evaluation.checkScheme', { scheme: EXPECTED, period: '2026-10' });
    expect(check.problems).toEqual([]);
    expect(check.preview?.length).toBe(previewCount);
    for (const c of check.preview ?? []) {
      const row = page.locator(`[data-testid="eval-preview-table"] [data-testid="eval-score-row"][data-manager-id="${c.managerId}"]`);
      for (const key of ['dep_net', 'dep_avg', 'contact_coverage']) {
        expect(await row.getByTestId(`eval-item-${key}`).innerText(), `${c.manager.staffNo} ${key}`).toBe(pointsText(c.items.find((i) => i.key === key)?.points ?? null));
      }
    }

    // The scheme file is the one the CLI reads (evaluate --scheme FILE): exactly the scheme above.
    const file = await download('eval-scheme-export', path.join(outDir, 'evaluation-scheme-e2e.json'));
    expect(schemeSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')))).toEqual(EXPECTED);

    expect(await page.getByTestId('eval-save-from').inputValue()).toBe('2026-10-01');
    await page.getByTestId('eval-save-note').fill('首版');
    await page.getByTestId('eval-save').click();
    await page.locator('[data-testid="eval-saved"][data-code="CM-M"][data-version="1"]').waitFor();
    await ready();
    const versions = await ok(api, 'evaluation.schemes', {});
    expect(versions.map((v) => [v.code, v.version, v.validFrom, v.note])).toEqual([['CM-M', 1, '2026-10-01', '首版']]);
    expect(versions[0]?.scheme).toEqual(EXPECTED);

    await page.locator('[data-testid="eval-scheme-version"][data-code="CM-M"][data-version="1"]').waitFor();
    await shot('evaluation-4-saved.png');

    // Opening the file again edits CM-M as its next version, every item back in the table.
    await page.getByTestId('eval-scheme-import').setInputFiles(file);
    await page.locator('[data-testid="eval-editor"][data-code="CM-M"]').waitFor();
    expect(await page.getByTestId('eval-scheme-code').isDisabled()).toBe(true);
    expect(await page.getByTestId('eval-edit-item-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')))).toEqual(EXPECTED.items.map((i) => i.key));
    expect(await page.getByTestId('eval-weight-total').getAttribute('data-ok')).toBe('true');
    await page.getByTestId('eval-editor-close').click();
    await page.getByTestId('eval-editor').waitFor({ state: 'detached' });
  });

  it('computes October; totals stay pending until 客户服务 is scored; after scoring everyone every total on screen is the API’s', async () => {
    await page.getByTestId('eval-tab-runs').click();
    await ready();
    expect(await page.getByTestId('eval-compute-period').innerText()).toBe('2026-10');
    await page.getByTestId('eval-compute').click();
    const view = page.locator('[data-testid="eval-run"][data-status="draft"]');
    await view.waitFor();
    await ready();
    runId = Number(await view.getAttribute('data-run-id'));
    cards = (await runDetail(runId)).cards;
    const n = cards.length;
    expect(n).toBeGreaterThanOrEqual(12);
    expect(await view.getAttribute('data-pending')).toBe(String(n));
    expect(await page.getByTestId('eval-score-row').count()).toBe(n);
    expect(await page.getByTestId('eval-review').isDisabled()).toBe(true);

    // The team in the card dialog's order (outlet, staff number): previous / next walk it.
    const order = [...cards].sort((a, b) => a.manager.outletCode.localeCompare(b.manager.outletCode) || a.manager.staffNo.localeCompare(b.manager.staffNo));
    const first = order[0];
    if (first === undefined) throw new Error('no managers');
    await page.locator(`[data-testid="eval-score-row"][data-manager-id="${first.managerId}"] [data-testid="eval-open-card"]`).click();
    const enter = async (i: number): Promise<void> => {
      const m = order[i];
      if (m === undefined) throw new Error(`no manager ${i}`);
      await page.locator(`[data-testid="eval-card"][data-manager-id="${m.managerId}"]`).waitFor();
      await page.getByTestId('eval-entry-service').fill(serviceScore(i));
      await page.getByTestId('eval-entry-service-comment').fill('服务认真，客户反馈良好');
      if (i === 1) await page.getByTestId('eval-entry-complaints').fill('2');
      await page.getByTestId('eval-entry-save').click();
      const points = BigInt(Math.round(Number(serviceScore(i)) * 100)).toString();
      await page.locator(`[data-testid="eval-card"][data-manager-id="${m.managerId}"] [data-testid="eval-card-item-service"][data-points="${points}"]`).waitFor();
      await ready();
      if (i === 1) await page.locator('[data-testid="eval-card-item-complaints"][data-points="-400"]').waitFor();
    };
    for (let i = 0; i < 3; i++) {
      await enter(i);
      if (i === 1) await shot('evaluation-5-card-entry.png', false);
      await page.getByTestId('eval-card-next').click();
    }
    await page.getByTestId('eval-card-close').click();
    await page.locator(`[data-testid="eval-run"][data-pending="${n - 3}"]`).waitFor();
    await ready();
    for (const [i, m] of order.entries()) {
      const total = await page.locator(`[data-testid="eval-score-row"][data-manager-id="${m.managerId}"]`).getAttribute('data-total');
      expect(total === '', `${m.manager.staffNo} pending`).toBe(i >= 3);
    }
    await shot('evaluation-6-three-scored.png');

    // Everyone else, from where the dialog left off.
    await page.locator(`[data-testid="eval-score-row"][data-manager-id="${order[3]?.managerId ?? 0}"] [data-testid="eval-open-card"]`).click();
    for (let i = 3; i < n; i++) {
      await enter(i);
      if (i < n - 1) await page.getByTestId('eval-card-next').click();
    }
    await page.getByTestId('eval-card-close').click();
    await page.locator('[data-testid="eval-run"][data-pending="0"]').waitFor();
    await ready();
    expect(await page.getByTestId('eval-review').isDisabled()).toBe(false);

    const detail = await runDetail(runId);
    cards = detail.cards;
    expect(detail.entries.filter((e) => e.itemKey === 'service').length).toBe(n);
    for (const c of cards) {
      const row = page.locator(`[data-testid="eval-score-row"][data-manager-id="${c.managerId}"]`);
      expect(await row.getAttribute('data-total')).toBe(c.total);
      expect(await row.getByTestId('eval-total').innerText()).toBe(pointsText(c.total));
      // Coefficients 1, no cap: the total is the items' points added up (floored at 0), checked here exactly.
      const sum = c.items.reduce((s, i) => s + BigInt(i.points ?? '0'), 0n);
      expect(c.total).toBe((sum < 0n ? 0n : sum).toString());
    }
    // The ranking on screen is the API's: the first row is rank 1.
    const top = cards.find((c) => c.rankBranch === 1);
    expect(await page.getByTestId('eval-score-row').first().getAttribute('data-manager-id')).toBe(String(top?.managerId));
    await shot('evaluation-7-all-scored.png');
  });

  it('sends the run for acknowledgement; a client manager sees only their own card and acknowledges it', async () => {
    await page.getByTestId('eval-review').click();
    await page.locator('[data-testid="eval-run"][data-status="review"]').waitFor();
    await ready();
    await page.locator(`[data-testid="eval-run-row"][data-run-id="${runId}"][data-status="review"]`).waitFor();

    const mine = cards.find((c) => c.rankBranch === 1);
    if (mine === undefined) throw new Error('no top-ranked manager');
    await ok(api, 'users.create', { username: MANAGER.username, displayName: MANAGER.displayName, role: 'manager', managerId: mine.managerId, password: MANAGER.first });
    const first = client();
    await ok(first, 'auth.login', { username: MANAGER.username, password: MANAGER.first });
    await ok(first, 'auth.changePassword', { oldPassword: MANAGER.first, newPassword: MANAGER.password });

    // A second window signs in as the manager; the administrator's stays open.
    const mp = await app.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    try {
      await mp.goto(app.server.url);
      await mp.locator('body[data-app-state="ready"]').waitFor();
      await mp.getByTestId('login-username').fill(MANAGER.username);
      await mp.getByTestId('login-password').fill(MANAGER.password);
      await mp.getByTestId('login-submit').click();
      await mp.locator('[data-testid="user-menu"][data-role="manager"]').waitFor();
      await mp.getByTestId('nav-evaluation').click();
      const own = mp.locator(`[data-testid="eval-own-run"][data-run-id="${runId}"][data-status="review"][data-acknowledged="false"]`);
      await own.waitFor();
      await ready(mp);
      expect(await mp.getByTestId('eval-card').count()).toBe(1);
      expect(await mp.getByTestId('eval-card').getAttribute('data-manager-id')).toBe(String(mine.managerId));
      expect(await mp.getByTestId('eval-card-total').innerText()).toContain(pointsText(mine.total));
      expect(await mp.getByTestId('eval-tab-schemes').count()).toBe(0);
      // The supervisor's comment reaches the manager's card.
      expect(await mp.getByTestId('eval-card-comment').innerText()).toContain('服务认真，客户反馈良好');
      await mp.getByTestId('eval-ack-note').fill('无异议');
      await shot('evaluation-8-manager-own-card.png', true, mp);
      await mp.getByTestId('eval-acknowledge').click();
      await mp.locator(`[data-testid="eval-own-run"][data-acknowledged="true"]`).waitFor();
      await ready(mp);
      await mp.getByTestId('eval-own-acknowledged').waitFor();
      await shot('evaluation-9-manager-acknowledged.png', false, mp);
    } finally {
      await mp.close();
    }
    expect((await runDetail(runId)).acknowledged).toEqual([mine.managerId]);
  });

  it('locks the run, finds no data changes, downloads the sheets PDF, and reopens it with a reason', async () => {
    // Back and forth, so the run view reads the acknowledgement made in the other window.
    await app.openNav('dashboard');
    await app.openNav('evaluation');
    await page.locator('[data-testid="eval-run"][data-status="review"]').waitFor();
    await ready();
    const mine = cards.find((c) => c.rankBranch === 1);
    expect(await page.locator(`[data-testid="eval-score-row"][data-manager-id="${mine?.managerId}"] [data-testid="eval-acknowledged"]`).count()).toBe(1);
    expect(await page.getByTestId('eval-acknowledged').count()).toBe(1);

    await page.getByTestId('eval-lock').click();
    await page.locator('[data-testid="eval-run"][data-status="locked"]').waitFor();
    await ready();
    await page.getByTestId('eval-diff').click();
    await page.locator('[data-testid="eval-diff-result"][data-changed="false"]').waitFor();
    await ready();
    await shot('evaluation-10-locked.png');

    // 考核表 for the whole run: every manager's sheet, each page footed with its manager; the top one's total as on screen.
    const pdf = await download('eval-sheets', path.join(outDir, 'evaluation-sheets-e2e.pdf'));
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
      .split('\f')
      .map((p) => p.replace(/\s+/g, ''));
    const sheetOf = (c: EvaluationCard): string => pages.filter((p) => p.includes(`考核表·${c.manager.name}（${c.manager.staffNo}）`)).join('');
    for (const c of cards) expect(sheetOf(c), c.manager.staffNo).not.toBe('');
    const top = sheetOf(mine ?? (cards[0] as EvaluationCard));
    expect(top).toContain('考核表');
    expect(top).toContain(`总分：${pointsText(mine?.total ?? null)}`);
    // The summary workbook is an xlsx (a zip).
    const xlsx = await download('eval-workbook', path.join(outDir, 'evaluation-summary-e2e.xlsx'));
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');

    await page.getByTestId('eval-reopen').click();
    await page.getByTestId('eval-reopen-reason').fill('更正客户服务评分');
    await shot('evaluation-11-reopen-dialog.png', false);
    await page.getByTestId('eval-reopen-save').click();
    await page.locator('[data-testid="eval-run"][data-status="draft"]').waitFor();
    await ready();
    const trail = page.locator('[data-testid="eval-trail-row"][data-action="reopen"]');
    expect(await trail.innerText()).toContain('更正客户服务评分');
    expect(await page.getByTestId('eval-acknowledged').count()).toBe(0);
    const detail = await runDetail(runId);
    expect(detail.run.status).toBe('draft');
    // The first computation, one per manager's saved entries, then the sign-offs in order.
    const actions = detail.trail.map((t) => t.action);
    expect(actions.filter((a) => a === 'compute').length).toBe(cards.length + 1);
    expect(actions.slice(-4)).toEqual(['review', 'acknowledge', 'lock', 'reopen']);
    await shot('evaluation-12-reopened.png');
  });

  it('reads in English too, the traces included', async () => {
    await page.getByTestId('locale-switch').click();
    await page.getByTestId('locale-option-en').click();
    await page.getByText('Branch rank').first().waitFor();
    await ready();
    await page.getByTestId('eval-open-card').first().click();
    await page.getByText('Completion = actual ÷ target').first().waitFor();
    await shot('evaluation-13-english-card.png', false);
    await page.getByTestId('eval-card-close').click();
    await page.getByTestId('locale-switch').click();
    await page.getByTestId('locale-option-zh-CN').click();
    await page.getByText('全行排名').first().waitFor();
  });
});
