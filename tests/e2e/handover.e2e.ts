import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sqlite } from '../../electron/store/sqlite.js';
import type { Database } from '../../electron/store/sqlite.js';
import { runCli } from '../helpers/cli.js';
import { SCREENSHOT_DIR, openApp } from './support/browser-mode.js';
import type { OpenApp } from './support/browser-mode.js';

let app: OpenApp;
let page: Page;
// Whole pages, except with a dialog open: a full-page shot of a scrolled page with a modal misplaces the app bar.
const shot = (name: string, fullPage = true): Promise<Buffer> => page.screenshot({ path: path.join(SCREENSHOT_DIR, name), animations: 'disabled', fullPage });
const ready = () => page.locator('[data-testid="page-handover"][data-state="ready"]');

interface Person {
  id: number;
  staffNo: string;
  name: string;
  status: 'active' | 'leave';
}

/** Reads the workspace file directly, read-only, so the checks do not go through the code under test. */
function withStore<T>(read: (db: Database) => T): T {
  const db = new Sqlite(app.dbFile, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const IN_FORCE = 'valid_from <= @day AND (valid_to IS NULL OR valid_to > @day)';

/** Primary clients of a manager on the day. */
function heldBy(managerId: number, day: string): number[] {
  return withStore((db) => db.prepare(`SELECT client_id FROM assignment WHERE manager_id = @m AND role = 'primary' AND ${IN_FORCE} ORDER BY client_id`).pluck().all({ m: managerId, day }) as number[]);
}

/**
 * The leaver: a manager in post who holds clients and has at least two colleagues in post (在岗, else 休假) at the
 * same outlet on the day; the receivers: two of those colleagues, 在岗 first. All picked from the store, so the test
 * follows whatever roster the demo generator produced.
 */
function pickPeople(day: string): { leaver: Person; receivers: [Person, Person] } {
  return withStore((db) => {
    const roster = db
      .prepare(
        `SELECT m.id, m.staff_no AS staffNo, m.name, p.org_unit_id AS unit, p.status,
           (SELECT count(*) FROM assignment a WHERE a.manager_id = m.id AND a.role = 'primary' AND a.valid_from <= @day AND (a.valid_to IS NULL OR a.valid_to > @day)) AS held
         FROM manager m JOIN manager_period p ON p.manager_id = m.id AND p.valid_from <= @day AND (p.valid_to IS NULL OR p.valid_to > @day)
         WHERE p.status IN ('active', 'leave') ORDER BY m.id`,
      )
      .all({ day }) as Array<Person & { unit: number; held: number }>;
    const rank = (p: Person): number => (p.status === 'active' ? 0 : 1);
    const options = roster.flatMap((leaver) => {
      const colleagues = roster.filter((c) => c.unit === leaver.unit && c.id !== leaver.id).sort((a, b) => rank(a) - rank(b) || a.id - b.id);
      const [a, b] = colleagues;
      return leaver.held > 0 && a !== undefined && b !== undefined ? [{ leaver, receivers: [a, b] as [Person, Person], onLeave: rank(a) + rank(b) }] : [];
    });
    // Fewest receivers on leave first, then the larger book: the most ordinary and the most telling handover.
    options.sort((x, y) => x.onLeave - y.onLeave || y.leaver.held - x.leaver.held);
    const best = options[0];
    if (best === undefined) throw new Error('the demo has no outlet with three managers in post');
    return best;
  });
}

async function download(testId: string, file: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).first().click()]);
  await dl.saveAs(file);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

let outDir: string;

beforeAll(async () => {
  app = await openApp('e2e-handover', {
    prepare: (db) => {
      const r = runCli(['demo', '--db', db, '--clients', '4000', '--managers', '16']);
      if (r.status !== 0) throw new Error(`demo failed: ${r.stderr}`);
    },
  });
  page = app.page;
  await page.setViewportSize({ width: 1440, height: 1000 });
  outDir = path.resolve('tests/output');
  fs.mkdirSync(outDir, { recursive: true });
}, 180_000);
afterAll(async () => {
  await app?.close();
});

let day = '';
let people: ReturnType<typeof pickPeople>;
let movedClients: number[] = [];
let heldBefore: number[] = [];
let handoverId = '';

describe('the handover wizard in the browser', () => {
  it('hands a manager’s whole book to two colleagues of the same outlet, previews, applies and prints the sheet', async () => {
    await app.openNav('handover');
    day = await page.getByTestId('handover-from').inputValue();
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    people = pickPeople(day);
    const { leaver, receivers } = people;
    const held = heldBy(leaver.id, day);
    heldBefore = held;
    expect(held.length).toBeGreaterThan(0);

    // Step 1: the leaver, found by staff number.
    await page.getByTestId('handover-leaver').fill(leaver.staffNo);
    await page.getByTestId(`handover-leaver-option-${leaver.staffNo}`).click();
    const card = page.getByTestId('handover-leaver-card');
    await card.waitFor();
    expect(await card.getAttribute('data-staff-no')).toBe(leaver.staffNo);
    await page.locator('[data-testid="handover-leaver-holds"]:not(:has-text("…"))').waitFor();
    await shot('handover-1-leaver.png');
    await page.getByTestId('handover-next').click();

    // Step 2: exactly the two colleagues (休假 allowed only if one of them is on leave).
    await page.getByTestId('handover-step-receivers').waitFor();
    if (receivers.some((r) => r.status === 'leave')) await page.getByTestId('handover-include-leave').check();
    const wanted = new Set(receivers.map((r) => r.staffNo));
    for (const chip of await page.getByTestId('handover-receiver-chip').all()) {
      const staffNo = (await chip.getAttribute('data-staff-no')) ?? '';
      if (!wanted.has(staffNo)) await chip.locator('.MuiChip-deleteIcon').click();
    }
    for (const r of receivers) {
      if ((await page.locator(`[data-testid="handover-receiver-chip"][data-staff-no="${r.staffNo}"]`).count()) > 0) continue;
      await page.getByTestId('handover-receivers').fill(r.staffNo);
      await page.getByTestId(`handover-receiver-option-${r.staffNo}`).click();
    }
    await page.keyboard.press('Escape');
    expect((await page.getByTestId('handover-receiver-chip').evaluateAll((els) => els.map((e) => e.getAttribute('data-staff-no')))).sort()).toEqual([...wanted].sort());
    await shot('handover-2-receivers.png');
    await page.getByTestId('handover-next').click();

    // Step 3: the preview covers every client the leaver holds on the date, all placed with the two receivers.
    const plan = page.locator('[data-testid="handover-plan"][data-state="ready"]');
    await plan.waitFor();
    expect(await plan.getAttribute('data-clients')).toBe(String(held.length));
    expect(await plan.getAttribute('data-unplaced')).toBe('0');
    expect((await page.getByTestId('handover-total-clients').innerText()).replace(/\D/g, '')).toBe(String(held.length));
    expect(await page.getByTestId('handover-receivers-total').getAttribute('data-received')).toBe(String(held.length));
    const rows = page.getByTestId('handover-receiver-row');
    expect(await rows.count()).toBe(2);
    let received = 0;
    for (const row of await rows.all()) received += Number(await row.getAttribute('data-received'));
    expect(received).toBe(held.length);
    expect(await page.getByTestId('handover-client-row').count()).toBe(Math.min(50, held.length));
    await shot('handover-3-preview.png');
    const draft = await download('handover-draft-sheet', path.join(outDir, 'handover-sheet-e2e-draft.pdf'));
    expect(draft.replace(/\s+/g, '')).toContain('草稿');
    // Nothing changed yet.
    expect(heldBy(leaver.id, day)).toEqual(held);

    // Step 4: confirm with a reason.
    await page.getByTestId('handover-next').click();
    await page.getByTestId('handover-apply-summary').waitFor();
    await page.getByTestId('handover-apply-open').click();
    await page.getByTestId('handover-apply-reason').fill(`${leaver.name}调离`);
    await shot('handover-4-confirm.png', false);
    await page.getByTestId('handover-apply-confirm').click();
    const result = page.getByTestId('handover-result');
    await result.waitFor();
    expect(await result.getAttribute('data-changed')).toBe(String(held.length));
    const changeId = await result.getAttribute('data-change-id');
    expect(changeId).toMatch(/^\d+$/);
    handoverId = changeId ?? '';

    // The store: from the date, none of those clients is the leaver's; each is one of the two receivers'.
    expect(heldBy(leaver.id, day)).toEqual([]);
    const now = withStore((db) =>
      db.prepare(`SELECT client_id AS c, manager_id AS m FROM assignment WHERE role = 'primary' AND ${IN_FORCE} AND client_id IN (SELECT value FROM json_each(@ids))`).all({ day, ids: JSON.stringify(held) }),
    ) as Array<{ c: number; m: number }>;
    expect(now.map((r) => r.c).sort((a, b) => a - b)).toEqual(held);
    expect(now.every((r) => r.m === receivers[0].id || r.m === receivers[1].id)).toBe(true);
    movedClients = now.filter((r) => r.m === receivers[0].id).map((r) => r.c);

    await ready().waitFor();
    const historyRow = page.locator(`[data-testid="handover-history-row"][data-change-id="${changeId}"]`);
    await historyRow.waitFor();
    expect(await historyRow.getAttribute('data-undone')).toBe('false');
    expect(await historyRow.getAttribute('data-clients')).toBe(String(held.length));
    await shot('handover-5-result.png');

    // The signed sheet: the leaver, both receivers and the client count, read back from the PDF.
    const text = (await download('handover-sheet', path.join(outDir, 'handover-sheet-e2e.pdf'))).replace(/\s+/g, '');
    for (const name of [leaver.name, receivers[0].name, receivers[1].name]) expect(text).toContain(name);
    expect(text).toContain(`移交客户明细（共${held.length}户）`);
    expect(text).toContain(`本次移交客户${held.length}户`);
    expect(text).not.toContain('草稿');
  });

  it('gives one of the moved clients a secondary manager with 30 % in the team editor', async () => {
    const [primary, secondary] = people.receivers;
    const clientId = movedClients[0];
    if (clientId === undefined) throw new Error('no client moved to the first receiver');
    await page.evaluate((id) => {
      window.location.hash = `#/clients/${id}`;
    }, clientId);
    await page.getByTestId('client-view').waitFor();
    const team = page.locator('[data-testid="client-team"][data-state="ready"]');
    await team.waitFor();
    const primaryRow = page.locator(`[data-testid="team-member"][data-role="primary"][data-staff-no="${primary.staffNo}"]`);
    await primaryRow.waitFor();
    expect(await primaryRow.getAttribute('data-share-bp')).toBe('10000');

    await page.getByTestId('team-edit').click();
    await page.getByTestId('team-from').fill(day);
    await page.getByTestId('team-add').click();
    await page.getByTestId('team-secondary-0').click();
    await page.getByTestId(`team-option-${secondary.staffNo}`).click();
    await page.getByTestId('team-share-0').fill('30');
    expect(await page.getByTestId('team-primary-keeps').getAttribute('data-bp')).toBe('7000');
    await page.getByTestId('team-share-0').fill('100');
    await page.locator('[data-testid="team-problems"][data-problems~="badShare"]').waitFor();
    expect(await page.getByTestId('team-save').isDisabled()).toBe(true);
    await page.getByTestId('team-share-0').fill('30');
    await page.getByTestId('team-reason').fill('联合维护');
    await shot('handover-6-team-dialog.png', false);
    await page.getByTestId('team-save').click();
    await page.getByTestId('team-save').waitFor({ state: 'detached' });
    await page.locator(`[data-testid="team-member"][data-role="secondary"][data-staff-no="${secondary.staffNo}"][data-share-bp="3000"]`).waitFor();
    expect(await page.locator(`[data-testid="team-member"][data-role="primary"][data-staff-no="${primary.staffNo}"]`).getAttribute('data-share-bp')).toBe('7000');
    await shot('handover-7-team-card.png');

    const shares = withStore((db) => db.prepare(`SELECT manager_id AS m, role, share_bp AS bp FROM assignment WHERE client_id = @c AND ${IN_FORCE} ORDER BY role`).all({ c: clientId, day }));
    expect(shares).toEqual([
      { m: primary.id, role: 'primary', bp: 7000 },
      { m: secondary.id, role: 'secondary', bp: 3000 },
    ]);
  });

  it('undoes the team change and then the handover on the assignment page; the record says so and the leaver holds the clients again', async () => {
    await app.openNav('assignment');
    // The team change came last, so it is undone first (an undo is refused while a later change builds on it).
    const first = page.getByTestId('assignment-change').first();
    expect(await first.getAttribute('data-kind')).toBe('manual');
    await first.getByTestId('assignment-undo').click();
    await page.locator('[data-testid="assignment-change"][data-kind="manual"][data-undone="true"]').first().waitFor();
    const handover = page.locator(`[data-testid="assignment-change"][data-change-id="${handoverId}"]`);
    expect(await handover.getAttribute('data-kind')).toBe('handover');
    await handover.getByTestId('assignment-undo').click();
    await page.locator(`[data-testid="assignment-change"][data-change-id="${handoverId}"][data-undone="true"]`).waitFor();
    expect(heldBy(people.leaver.id, day)).toEqual(heldBefore);

    await app.openNav('handover');
    const row = page.locator(`[data-testid="handover-history-row"][data-change-id="${handoverId}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-undone')).toBe('true');
    expect(await row.innerText()).toContain('已撤销');
    // The sheet of an undone handover is still the record of what was signed.
    const text = (await download('handover-history-sheet', path.join(outDir, 'handover-sheet-e2e-reprint.pdf'))).replace(/\s+/g, '');
    expect(text).toContain(people.leaver.name);
    await shot('handover-8-history-undone.png');
  });

  it('reads in English too', async () => {
    await page.getByTestId('locale-switch').click();
    await page.getByTestId('locale-option-en').click();
    await page.getByText('Leaving manager').first().waitFor();
    await ready().waitFor();
    expect(await page.getByTestId('nav-handover').innerText()).toBe('Handover');
    await page.getByTestId('handover-leaver').fill(people.leaver.staffNo);
    await page.getByTestId(`handover-leaver-option-${people.leaver.staffNo}`).click();
    await page.getByTestId('handover-next').click();
    await page.getByTestId('handover-next').click();
    await page.locator('[data-testid="handover-plan"][data-state="ready"]').waitFor();
    await shot('handover-9-english-preview.png');
    await page.getByTestId('locale-switch').click();
    await page.getByTestId('locale-option-zh-CN').click();
    await page.getByText('选择移交人').first().waitFor();
  });
});
