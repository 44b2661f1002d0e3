import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoExtracts } from '../../electron/demo/extracts.js';
import { makeTestApp } from '../helpers/app.js';
import { adminSession, expectOk, importFile } from '../helpers/import.js';
import { makeTempDir } from '../helpers/temp.js';

/**
 * The demo's extracts through the import pipeline, in the order a branch receives them, give the same book as
 * the demo's own loader: the proof that the pipeline can take over building the demo workspace.
 */
const SIZE = { clients: 2_000, managers: 8 };
const files = makeTempDir('demo-chain');
let piped: ReturnType<typeof makeTestApp>;
let loaded: ReturnType<typeof makeTestApp>;

beforeAll(async () => {
  await writeDemoExtracts(files.dir, SIZE, {});
  piped = makeTestApp('chain-import');
  loaded = makeTestApp('chain-demo');
  expectOk(await loaded.app.dispatcher.invoke('demo.build', SIZE, { session: adminSession }));
}, 120_000);
afterAll(() => {
  piped.cleanup();
  loaded.cleanup();
  files.cleanup();
});

const rows = (t: ReturnType<typeof makeTestApp>, sql: string): unknown[] => t.app.services.store.db.prepare(sql).all();

describe('demo extracts through the import pipeline', () => {
  it('imports org units, roster, clients (with outlets and managers) and every monthly balance file', async () => {
    for (const [kind, file] of [
      ['org_units', 'org_units.xlsx'],
      ['managers', 'managers.xlsx'],
      ['clients', 'clients_20261031.csv'],
    ] as const) {
      const batch = expectOk(await importFile(piped.app, path.join(files.dir, file), kind));
      expect(batch).toMatchObject({ rejected: 0 });
    }
    for (const month of ['20251130', '20260331', '20261031']) {
      const batch = expectOk(await importFile(piped.app, path.join(files.dir, `balances_${month}.csv`), 'balances'));
      expect(batch).toMatchObject({ rejected: 0, asOf: `${month.slice(0, 4)}-${month.slice(4, 6)}-${month.slice(6)}` });
    }
  }, 120_000);

  it('gives the same org tree, roster history and clients as the demo loader', () => {
    const same = (sql: string): void => expect(rows(piped, sql)).toEqual(rows(loaded, sql));
    same('SELECT o.code, o.name, o.level, p.code AS parent FROM org_unit o LEFT JOIN org_unit p ON p.id = o.parent_id ORDER BY o.code');
    same(`SELECT m.staff_no, m.name, p.valid_from, p.valid_to, o.code, p.grade, p.type, p.status, p.max_clients, p.max_vip_clients
          FROM manager_period p JOIN manager m ON m.id = p.manager_id JOIN org_unit o ON o.id = p.org_unit_id ORDER BY m.staff_no, p.valid_from`);
    same(`SELECT c.client_no, c.name, c.name_initials, c.id_type IS NOT NULL AS has_type, c.id_no, c.phone, c.gender, c.birth_date, c.open_date, o.code
          FROM client c LEFT JOIN org_unit o ON o.id = c.org_unit_id ORDER BY c.client_no`);
  });

  it('credits every client to the same manager as of the extract date', () => {
    const sql = `SELECT c.client_no, m.staff_no FROM assignment a JOIN client c ON c.id = a.client_id JOIN manager m ON m.id = a.manager_id
                 WHERE a.role = 'primary' AND a.valid_from <= '2026-10-31' AND (a.valid_to IS NULL OR a.valid_to > '2026-10-31') ORDER BY c.client_no`;
    expect(rows(piped, sql)).toEqual(rows(loaded, sql));
  });

  it('holds the same balances for the months imported', () => {
    const sql = `SELECT c.client_no, b.as_of, b.product_type, b.balance_fen, b.avg_balance_fen FROM balance_snapshot b JOIN client c ON c.id = b.client_id
                 WHERE b.as_of IN ('2025-11-30', '2026-03-31', '2026-10-31') ORDER BY 1, 2, 3`;
    expect(rows(piped, sql)).toEqual(rows(loaded, sql));
  });
});

describe('demo activity extracts through the import pipeline', () => {
  it('imports the fixed-width holdings with their layout, the transactions and the work log', async () => {
    const layout = JSON.parse(fs.readFileSync(path.join(files.dir, 'holdings_20261031.layout.json'), 'utf8')) as unknown;
    const holdings = expectOk(await importFile(piped.app, path.join(files.dir, 'holdings_20261031.txt'), 'holdings', { options: { layout } }));
    expect(holdings).toMatchObject({ rejected: 0, format: 'fixed_width' });
    for (const [kind, file] of [
      ['transactions', 'transactions_20251101_20261031.csv'],
      ['worklog', 'worklog_20251101_20261031.csv'],
    ] as const) {
      expect(expectOk(await importFile(piped.app, path.join(files.dir, file), kind))).toMatchObject({ rejected: 0 });
    }
  }, 120_000);

  it('holds the same holdings, transactions and contacts as the demo loader', () => {
    const same = (sql: string): void => expect(rows(piped, sql)).toEqual(rows(loaded, sql));
    same(`SELECT h.account_no, c.client_no, h.product_type, h.product_code, h.product_name, h.amount_fen, h.open_date, h.maturity_date, h.status
          FROM product_holding h JOIN client c ON c.id = h.client_id ORDER BY h.account_no`);
    same(`SELECT t.txn_ref, c.client_no, t.account_no, t.txn_at, t.amount_fen, t.channel, t.summary, t.counterparty
          FROM txn t JOIN client c ON c.id = t.client_id ORDER BY t.txn_ref`);
    same(`SELECT k.ext_ref, c.client_no, m.staff_no, substr(k.contact_at, 1, 16) AS at, k.channel, k.purpose, k.outcome, k.next_step, k.follow_up_on
          FROM contact k JOIN client c ON c.id = k.client_id JOIN manager m ON m.id = k.manager_id ORDER BY k.ext_ref`);
  });
});
