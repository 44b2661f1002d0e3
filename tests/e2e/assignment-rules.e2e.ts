import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client.js';
import { createHttpClient } from '../../shared/api/http-client.js';
import type { AssignmentPreview, AssignmentRulesInput } from '../../shared/assignment/rules.js';
import { formatWan } from '../../shared/model/money.js';
import { Sqlite } from '../../electron/store/sqlite.js';
import { runCli } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/temp.js';
import { ADMIN, SCREENSHOT_DIR, openApp } from './support/browser-mode.js';
import type { OpenApp } from './support/browser-mode.js';

// The client-book e2e already selects clients in the list and assigns them through 分配给… (and undoes it); this one
// covers 规则分配: rules → preview → apply → undo, checked against the API and the workspace file.

let app: OpenApp;
let page: Page;
let api: ApiClient;
let tmp: { dir: string; cleanup: () => void };
const shot = (name: string): Promise<Buffer> => page.screenshot({ path: path.join(SCREENSHOT_DIR, name), animations: 'disabled' });
/** A screenshot with the element at the top of the view (the page is long: form, preview, moves, changes). */
async function shotAt(testId: string, name: string): Promise<void> {
  await page
    .getByTestId(testId)
    .first()
    .evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      // Clear of the app bar, which stays on top while the page scrolls.
      window.scrollBy(0, -130);
    });
  await shot(name);
}
const count = (n: number): string => new Intl.NumberFormat('zh-CN').format(n);
const beforeAfter = (a: string, b: string): string => `${a} → ${b}`;

/** Every assignment span as stored (ids aside), sorted: equal before and after means the store is as it was. */
function spans(): string[] {
  const db = new Sqlite(app.dbFile, { readonly: true });
  try {
    return (db.prepare('SELECT client_id, manager_id, role, share_bp, valid_from, valid_to FROM assignment ORDER BY client_id, role, valid_from, manager_id').raw().all() as unknown[][]).map((r) =>
      JSON.stringify(r),
    );
  } finally {
    db.close();
  }
}

/** Each client's primary manager on a day (clients with none are absent). */
function primaryOn(day: string): Map<number, number> {
  const db = new Sqlite(app.dbFile, { readonly: true });
  try {
    const rows = db
      .prepare("SELECT client_id, manager_id FROM assignment WHERE role = 'primary' AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)")
      .raw()
      .all(day, day) as Array<[number, number]>;
    return new Map(rows);
  } finally {
    db.close();
  }
}

async function apiPreview(rules: AssignmentRulesInput): Promise<AssignmentPreview> {
  const r = await api.call('assignment.preview', { rules });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function runPreview(): Promise<void> {
  await page.getByTestId('rules-preview-run').click();
  await page.locator('[data-testid="rules-preview"][data-state="ready"]').waitFor();
}

async function pickOptions(select: string, options: readonly string[]): Promise<void> {
  await page.getByTestId(select).click();
  for (const o of options) await page.getByTestId(`${select}-option-${o}`).click();
  await page.keyboard.press('Escape');
}

beforeAll(async () => {
  app = await openApp('e2e-rules', {
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
  tmp = makeTempDir('e2e-rules-files');
}, 180_000);
afterAll(async () => {
  await app?.close();
  tmp?.cleanup();
});

describe('rule-based assignment in the browser', () => {
  let asOf = '';

  it('starts on the latest data date; a preview of the default rules says whether it is feasible and why, and changes nothing', async () => {
    const summary = await api.call('system.summary', {});
    if (!summary.ok) throw new Error(summary.error.message);
    asOf = summary.value.latestAsOf ?? '';
    expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await app.openNav('assignment');
    await page.getByTestId('rules-form').waitFor();
    expect(await page.getByTestId('rules-as-of').inputValue()).toBe(asOf);
    expect(await page.getByTestId('rules-tolerance').inputValue()).toBe('10');
    expect(await page.getByTestId('rules-apply').isDisabled()).toBe(true);

    const stored = spans();
    await runPreview();
    const expected = await apiPreview({ asOf });
    const verdict = page.getByTestId('rules-verdict');
    expect(await verdict.getAttribute('data-feasible')).toBe(String(expected.feasible));
    if (!expected.feasible) expect(await verdict.innerText()).toContain(expected.reason?.zh ?? '');
    expect(Number(await page.getByTestId('rules-summary').getAttribute('data-moves'))).toBe(expected.moves.length);
    await shot('rules-1-default-preview.png');
    expect(spans()).toEqual(stored);
  });

  it('previews 金卡 and above at 15 %: the per-manager table and its totals are the API’s; the saved rules file gives the CLI the same plan', async () => {
    await pickOptions('rules-tier', ['gold', 'platinum', 'diamond', 'private']);
    await page.getByTestId('rules-tolerance').fill('15');
    // The old preview no longer matches the form: Apply is withheld until a new preview.
    await page.getByTestId('rules-stale').waitFor();
    expect(await page.getByTestId('rules-apply').isDisabled()).toBe(true);
    await runPreview();
    expect(await page.getByTestId('rules-stale').count()).toBe(0);

    // Save the rules as the page has them; the file is what the API and the CLI get.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rules-save').click()]);
    const file = path.join(tmp.dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(path.basename(file)).toBe(`assignment-rules-${asOf}.json`);
    const rules = JSON.parse(fs.readFileSync(file, 'utf8')) as AssignmentRulesInput;
    expect(rules).toMatchObject({ asOf, select: { tiers: ['gold', 'platinum', 'diamond', 'private'] }, objective: { tolerancePct: 15 } });

    const expected = await apiPreview(rules);
    expect(expected.moves.length).toBeGreaterThan(0);
    const summary = page.getByTestId('rules-summary');
    expect(Number(await summary.getAttribute('data-selected'))).toBe(expected.selected);
    expect(Number(await summary.getAttribute('data-moves'))).toBe(expected.moves.length);
    expect(Number(await page.getByTestId('rules-moves').getAttribute('data-count'))).toBe(expected.moves.length);
    expect(await page.getByTestId('rules-pool').count()).toBe(expected.pools.length);

    const rows = page.getByTestId('rules-manager-row');
    expect(await rows.count()).toBe(expected.managers.length);
    for (const m of expected.managers) {
      const row = page.locator(`[data-testid="rules-manager-row"][data-manager-id="${m.managerId}"]`);
      expect(await row.getByTestId('rules-manager-clients').innerText()).toBe(beforeAfter(count(m.clientsBefore), count(m.clientsAfter)));
      expect(await row.getByTestId('rules-manager-aum').innerText()).toBe(beforeAfter(formatWan(m.aumFenBefore), formatWan(m.aumFenAfter)));
      expect(await row.getByTestId('rules-manager-vip').innerText()).toBe(beforeAfter(count(m.vipBefore), count(m.vipAfter)));
      expect((await row.getAttribute('data-flags'))?.includes('over_capacity')).toBe(m.overCapacity);
    }
    const sum = (f: (m: AssignmentPreview['managers'][number]) => number): number => expected.managers.reduce((s, m) => s + f(m), 0);
    const sumFen = (f: (m: AssignmentPreview['managers'][number]) => number): bigint => expected.managers.reduce((s, m) => s + BigInt(f(m)), 0n);
    expect(await page.getByTestId('rules-total-clients').innerText()).toBe(beforeAfter(count(sum((m) => m.clientsBefore)), count(sum((m) => m.clientsAfter))));
    expect(await page.getByTestId('rules-total-aum').innerText()).toBe(beforeAfter(formatWan(sumFen((m) => m.aumFenBefore)), formatWan(sumFen((m) => m.aumFenAfter))));
    expect(await page.getByTestId('rules-total-vip').innerText()).toBe(beforeAfter(count(sum((m) => m.vipBefore)), count(sum((m) => m.vipAfter))));
    // Moves from nobody add to the managers' total; transfers do not.
    expect(sum((m) => m.clientsAfter) - sum((m) => m.clientsBefore)).toBe(expected.moves.filter((m) => m.fromManagerId === null).length);
    await shotAt('rules-verdict', 'rules-2-preview.png');
    await shotAt('rules-managers', 'rules-3-preview-managers.png');
    await shotAt('rules-moves', 'rules-4-preview-moves.png');

    const cli = runCli(['assign', '--db', app.dbFile, '--rules', file, '--dry-run', '--json']);
    expect(cli.status, cli.stderr).toBe(0);
    const out = JSON.parse(cli.stdout) as { preview: AssignmentPreview; applied: unknown };
    expect(out.applied).toBeNull();
    expect(out.preview.moves).toEqual(expected.moves);
  });

  it('loads a rules file back into the form', async () => {
    await page.getByTestId('rules-tolerance').fill('10');
    const file = path.join(tmp.dir, `assignment-rules-${asOf}.json`);
    await page.getByTestId('rules-load').setInputFiles(file);
    await page.locator('[data-testid="rules-file-notice"][data-ok="true"]').waitFor();
    expect(await page.getByTestId('rules-tolerance').inputValue()).toBe('15');
    // The form says the previewed rules again, so the preview on screen is current.
    expect(await page.getByTestId('rules-stale').count()).toBe(0);

    const bad = path.join(tmp.dir, 'bad-rules.json');
    fs.writeFileSync(bad, JSON.stringify({ asOf: '31/10/2026' }));
    await page.getByTestId('rules-load').setInputFiles(bad);
    await page.locator('[data-testid="rules-file-notice"][data-ok="false"]').waitFor();
    expect(await page.getByTestId('rules-file-notice').innerText()).toContain('asOf');
    expect(await page.getByTestId('rules-tolerance').inputValue()).toBe('15');
  });

  it('applies the preview as one change whose moves are exactly the store’s changes, then undoes it back to the original', async () => {
    const before = primaryOn(asOf);
    const stored = spans();
    const moves = Number(await page.getByTestId('rules-summary').getAttribute('data-moves'));
    const previewed = new Map<number, number>();
    // The moves the page shows, page by page (50 to a page).
    for (;;) {
      for (const row of await page.getByTestId('rules-move').all()) previewed.set(Number(await row.getAttribute('data-client-id')), Number(await row.getAttribute('data-to')));
      const next = page.getByTestId('rules-moves-next');
      if ((await next.count()) === 0 || (await next.isDisabled())) break;
      const first = await page.getByTestId('rules-move').first().getAttribute('data-client-id');
      await next.click();
      await page.locator(`[data-testid="rules-move"]:first-child:not([data-client-id="${first}"])`).waitFor();
    }
    expect(previewed.size).toBe(moves);

    await page.getByTestId('rules-apply').click();
    expect(Number(await page.getByTestId('rules-apply-body').getAttribute('data-moves'))).toBe(moves);
    await page.getByTestId('rules-apply-reason').fill('季度均衡调整');
    await shot('rules-5-apply-dialog.png');
    await page.getByTestId('rules-apply-confirm').click();
    const applied = page.getByTestId('rules-applied');
    await applied.waitFor();
    expect(Number(await applied.getAttribute('data-changed'))).toBe(moves);
    const changeId = await applied.getAttribute('data-change-id');
    expect(changeId).toMatch(/^\d+$/);
    // Applied once: the button stays off until another preview.
    expect(await page.getByTestId('rules-apply').isDisabled()).toBe(true);

    const change = page.getByTestId('assignment-change').first();
    await page.locator(`[data-testid="assignment-change"][data-change-id="${changeId}"]`).waitFor();
    expect(await change.getAttribute('data-change-id')).toBe(changeId);
    expect(await change.getAttribute('data-kind')).toBe('rules');
    expect(await change.getAttribute('data-new')).toBe('true');
    expect(await change.innerText()).toContain('季度均衡调整');
    await shotAt('rules-applied', 'rules-6-applied.png');
    await shotAt('assignment-changes', 'rules-7-new-change.png');

    // The store moved exactly the previewed clients to the previewed managers, and nobody else.
    const after = primaryOn(asOf);
    const expected = new Map(before);
    for (const [client, manager] of previewed) expected.set(client, manager);
    expect(after).toEqual(expected);

    await change.getByTestId('assignment-undo').click();
    await page.locator(`[data-testid="assignment-change"][data-change-id="${changeId}"][data-undone="true"]`).waitFor();
    // The result of Apply no longer offers an undo that is done.
    await page.locator('[data-testid="rules-applied"][data-undone="true"]').waitFor();
    await shotAt('rules-applied', 'rules-8-undone.png');
    expect(primaryOn(asOf)).toEqual(before);
    expect(spans()).toEqual(stored);
  });
});
