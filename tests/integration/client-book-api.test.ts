import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/api/types.js';
import type { ClientRow } from '../../shared/model/client.js';
import type { ClientFilters } from '../../shared/model/client-filters.js';
import type { OutletCard } from '../../shared/org/outlet-card.js';
import { makeTestApp } from '../helpers/app.js';
import { adminSession, expectOk } from '../helpers/import.js';

/**
 * The client list, its filters, saved views and export, and the outlet resource card, on a small demo
 * workspace (built through the import pipeline and scored). Every figure is checked against SQL written here,
 * independently of the queries under test.
 */
let t: ReturnType<typeof makeTestApp>;
const TODAY = new Date().toISOString().slice(0, 10);
beforeAll(async () => {
  t = makeTestApp('client-book-api');
  expectOk(await t.app.dispatcher.invoke('demo.build', { clients: 3_000, managers: 16 }, { session: adminSession }));
}, 180_000);
afterAll(() => t.cleanup());

const call = async <T>(name: Parameters<typeof t.app.dispatcher.invoke>[0], input: unknown, session: Session = adminSession): Promise<T> =>
  expectOk(await t.app.dispatcher.invoke(name, input as never, { session })) as T;
const ids = (sql: string, ...p: unknown[]): number[] => t.app.services.store.db.prepare(sql).pluck().all(...p) as number[];
const one = (sql: string, ...p: unknown[]): number => t.app.services.store.db.prepare(sql).pluck().get(...p) as number;

/** Every row the list gives for the filters, following the cursor page by page. */
async function allRows(filters: ClientFilters, limit = 97): Promise<ClientRow[]> {
  const rows: ClientRow[] = [];
  let after: number | undefined;
  for (;;) {
    const page = await call<{ rows: ClientRow[]; nextCursor: number | null }>('clients.list', { ...filters, limit, ...(after === undefined ? {} : { after }) });
    rows.push(...page.rows);
    if (page.nextCursor === null) return rows;
    after = page.nextCursor;
  }
}

const CURRENT = `a.client_id = c.id AND a.role = 'primary' AND a.valid_from <= '${TODAY}' AND (a.valid_to IS NULL OR a.valid_to > '${TODAY}')`;

describe('client list filters', () => {
  it('gives exactly the unassigned 白金 clients, across pages, and counts them', async () => {
    const expected = ids(`SELECT c.id FROM client c JOIN client_score s ON s.client_id = c.id WHERE s.tier = 'platinum' AND NOT EXISTS (SELECT 1 FROM assignment a WHERE ${CURRENT}) ORDER BY c.id`);
    expect(expected.length).toBeGreaterThan(1);
    const rows = await allRows({ tiers: ['platinum'], unassigned: true }, 1);
    expect(rows.map((r) => r.id)).toEqual(expected);
    expect(rows.every((r) => r.tier === 'platinum' && r.managerId === null)).toBe(true);
    expect(await call('clients.count', { tiers: ['platinum'], unassigned: true })).toEqual({ count: expected.length });
  });

  it('narrows to an org unit and everything below it, a manager, stages and segments', async () => {
    const sub = one("SELECT id FROM org_unit WHERE level = 'sub' ORDER BY code LIMIT 1");
    const underSub = ids('SELECT c.id FROM client c JOIN org_unit o ON o.id = c.org_unit_id WHERE o.id = ? OR o.parent_id = ? ORDER BY c.id', sub, sub);
    expect(underSub.length).toBeGreaterThan(0);
    expect((await allRows({ orgUnitId: sub }, 500)).map((r) => r.id)).toEqual(underSub);

    const manager = one(`SELECT a.manager_id FROM assignment a JOIN client c ON ${CURRENT} GROUP BY a.manager_id ORDER BY count(*) DESC LIMIT 1`);
    const managed = ids(`SELECT c.id FROM client c JOIN assignment a ON ${CURRENT} WHERE a.manager_id = ? ORDER BY c.id`, manager);
    const byManager = await allRows({ managerId: manager }, 500);
    expect(byManager.map((r) => r.id)).toEqual(managed);
    expect(byManager.every((r) => r.managerId === manager)).toBe(true);

    const stages = ids("SELECT client_id FROM client_score WHERE stage IN ('new', 'lost') ORDER BY client_id");
    expect((await allRows({ stages: ['lost', 'new'] }, 500)).map((r) => r.id)).toEqual(stages);
    const segment = ids("SELECT client_id FROM client_score WHERE segment = 'gold.lc_hl' ORDER BY client_id");
    expect((await allRows({ segments: ['gold.lc_hl'] }, 500)).map((r) => r.id)).toEqual(segment);
  });

  it('combines search with filters, and shows scores with one decimal as stored in tenths', async () => {
    const first = one("SELECT c.client_no FROM client c JOIN client_score s ON s.client_id = c.id WHERE s.tier = 'gold' ORDER BY c.id LIMIT 1") as unknown as string;
    const rows = await allRows({ search: first, tiers: ['gold'] });
    expect(rows.map((r) => r.clientNo)).toEqual([first]);
    const stored = t.app.services.store.db.prepare('SELECT contribution, loyalty, aum_fen FROM client_score WHERE client_id = ?').get(rows[0]?.id) as { contribution: number; loyalty: number; aum_fen: number };
    expect(rows[0]).toMatchObject({ contribution: stored.contribution / 10, loyalty: stored.loyalty / 10, aumFen: stored.aum_fen });
    expect(await allRows({ search: first, tiers: ['private'] })).toEqual([]);
  });
});

describe('saved views', () => {
  it('saves, replaces by name, lists per user and deletes', async () => {
    const other: Session = { ...adminSession, userName: 'someone-else' };
    const saved = await call<{ id: number; name: string }>('clients.saveView', { name: '白金未分配', filters: { tiers: ['platinum'], unassigned: true } });
    await call('clients.saveView', { name: '白金未分配', filters: { tiers: ['platinum', 'diamond'], unassigned: true } });
    const mine = await call<Array<{ id: number; name: string; filters: ClientFilters }>>('clients.views', {});
    expect(mine).toEqual([expect.objectContaining({ name: '白金未分配', filters: { tiers: ['platinum', 'diamond'], unassigned: true } })]);
    expect(await call('clients.views', {}, other)).toEqual([]);
    const refused = await t.app.dispatcher.invoke('clients.deleteView', { id: saved.id }, { session: other });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await call('clients.deleteView', { id: mine[0]?.id });
    expect(await call('clients.views', {})).toEqual([]);
  });
});

describe('export of the current view', () => {
  it('writes exactly the filtered rows, masked, with money in yuan', async () => {
    const filters: ClientFilters = { tiers: ['diamond', 'private'] };
    const rows = await allRows(filters, 500);
    const file = await call<{ fileName: string; base64: string }>('clients.export', filters);
    expect(file.fileName).toMatch(/^客户清单-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.rowCount).toBe(rows.length + 2);
    expect(sheet?.getCell('A1').text).toContain(`${rows.length} 户`);
    const first = rows[0];
    expect(sheet?.getRow(3).values).toEqual(expect.arrayContaining([first?.clientNo, first?.name, first?.idNoMasked]));
    expect(sheet?.getCell('J3').value).toBe((first?.aumFen ?? 0) / 100);
    expect(sheet?.getCell('C3').text).toContain('*');
  });
});

describe('outlet resource card (网点资源卡)', () => {
  const outlet = (): number => one("SELECT o.id FROM org_unit o JOIN client c ON c.org_unit_id = o.id WHERE o.level = 'outlet' GROUP BY o.id ORDER BY count(*) DESC LIMIT 1");
  const sum = (sql: string, ...p: unknown[]): number => (t.app.services.store.db.prepare(sql).pluck().get(...p) as number | null) ?? 0;

  it('shows the outlet’s deposits, clients by tier, managers and month history as the snapshots hold them', async () => {
    const id = outlet();
    const card = await call<OutletCard>('org.outletCard', { orgUnitId: id, asOf: '2026-10-31' });
    expect(card.asOf).toBe('2026-10-31');
    const bal = (product: string, column = 'balance_fen', asOf = '2026-10-31'): number =>
      sum(`SELECT sum(b.${column}) FROM balance_snapshot b JOIN client c ON c.id = b.client_id WHERE c.org_unit_id = ? AND b.as_of = ? AND b.product_type = ?`, id, asOf, product);
    expect(card.current).toMatchObject({ demandFen: bal('deposit_demand'), timeFen: bal('deposit_time'), avgTimeFen: bal('deposit_time', 'avg_balance_fen'), loanFen: bal('loan') });
    const dep = bal('deposit_demand') + bal('deposit_time');
    expect(card.current?.timeSharePermille).toBe(Math.round((bal('deposit_time') * 1000) / dep));
    expect(card.clientCount).toBe(one('SELECT count(*) FROM client WHERE org_unit_id = ?', id));
    expect(card.tiers.reduce((s, x) => s + x.clients, 0)).toBe(card.clientCount);
    expect(card.midHighClients).toBe(one("SELECT count(*) FROM client_score s JOIN client c ON c.id = s.client_id WHERE c.org_unit_id = ? AND s.tier <> 'standard'", id));
    expect(card.managers.map((m) => m.staffNo)).toEqual(
      t.app.services.store.db
        .prepare("SELECT m.staff_no FROM manager m JOIN manager_period p ON p.manager_id = m.id WHERE p.org_unit_id = ? AND p.valid_from <= '2026-10-31' AND (p.valid_to IS NULL OR p.valid_to > '2026-10-31') ORDER BY m.staff_no")
        .pluck()
        .all(id),
    );
    expect(card.history.map((h) => h.asOf)).toHaveLength(12);
    expect(card.history[0]).toMatchObject({ asOf: '2025-11-30', demandFen: bal('deposit_demand', 'balance_fen', '2025-11-30') });
  });

  it('sets the year’s head-office targets against actuals computed from the imported data', async () => {
    const id = outlet();
    const card = await call<OutletCard>('org.outletCard', { orgUnitId: id, asOf: '2026-10-31' });
    const row = (code: string) => card.targets.rows.find((r) => r.code === code);
    const target = (code: string): number =>
      sum(
        `SELECT y.value FROM target y JOIN target_plan p ON p.id = y.plan_id JOIN indicator i ON i.id = p.indicator_id
         WHERE i.code = ? AND p.status = 'published' AND y.period = '2026' AND y.org_unit_id = ?`,
        code,
        id,
      );
    const deposits = (asOf: string): number =>
      sum(`SELECT sum(b.balance_fen) FROM balance_snapshot b JOIN client c ON c.id = b.client_id WHERE c.org_unit_id = ? AND b.as_of = ? AND b.product_type IN ('deposit_demand', 'deposit_time')`, id, asOf);
    expect(row('DEP_NET')).toMatchObject({ targetValue: target('DEP_NET'), actualValue: deposits('2026-10-31') - deposits('2025-12-31'), estimate: false });
    expect(row('DEP_NET')?.completionPermille).toBe(Math.round(((row('DEP_NET')?.actualValue ?? 0) * 1000) / target('DEP_NET')));
    const newClients = one(
      `SELECT count(*) FROM client c WHERE c.org_unit_id = ? AND c.open_date BETWEEN '2026-01-01' AND '2026-10-31'
         AND (SELECT sum(b.balance_fen) FROM balance_snapshot b WHERE b.client_id = c.id AND b.as_of = '2026-10-31'
              AND b.product_type IN ('deposit_demand', 'deposit_time', 'wealth', 'fund', 'insurance')) > 0`,
      id,
    );
    expect(row('NEW_CLIENT')).toMatchObject({ targetValue: target('NEW_CLIENT'), actualValue: newClients });
    const cards = one("SELECT count(*) FROM product_holding h JOIN client c ON c.id = h.client_id WHERE c.org_unit_id = ? AND h.product_type = 'credit_card' AND h.open_date BETWEEN '2026-01-01' AND '2026-10-31'", id);
    expect(row('CARD_NEW')?.actualValue).toBe(cards);
    // Time elapsed is to the data's date: 2026-10-31 is day 304 of 365.
    expect(card.targets.timeElapsedPermille).toBe(Math.round((304 * 1000) / 365));
  });

  it('sums a sub-branch over its outlets', async () => {
    const sub = one("SELECT id FROM org_unit WHERE level = 'sub' ORDER BY code LIMIT 1");
    const card = await call<OutletCard>('org.outletCard', { orgUnitId: sub, asOf: '2026-10-31' });
    const outlets = ids('SELECT id FROM org_unit WHERE parent_id = ?', sub);
    let clients = 0;
    let demand = 0;
    for (const o of outlets) {
      const c = await call<OutletCard>('org.outletCard', { orgUnitId: o, asOf: '2026-10-31' });
      clients += c.clientCount;
      demand += c.current?.demandFen ?? 0;
    }
    expect(card.clientCount).toBe(clients);
    expect(card.current?.demandFen).toBe(demand);
    expect(await t.app.dispatcher.invoke('org.outletCard', { orgUnitId: 999_999 }, { session: adminSession })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
