import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportBatchInfo } from '../../shared/api/ops/import.js';
import type { ImportKind } from '../../shared/import/kinds.js';
import { makeTestApp } from '../helpers/app.js';
import { adminSession, expectOk, importFile } from '../helpers/import.js';
import { makeTempDir } from '../helpers/temp.js';

/** The per-outlet sums (org_balance) follow every import and rollback that changes them. */
const files = makeTempDir('org-balance');
afterAll(() => files.cleanup());
let seq = 0;
let t: ReturnType<typeof makeTestApp>;
beforeEach(() => {
  t = makeTestApp('org-balance');
});
afterEach(() => t.cleanup());

async function load(kind: ImportKind, lines: string[], asOf?: string): Promise<ImportBatchInfo> {
  const file = path.join(files.dir, `${++seq}-${kind}.csv`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`, 'utf8');
  return expectOk(await importFile(t.app, file, kind, asOf === undefined ? {} : { options: { asOf } })) as ImportBatchInfo;
}
const sums = (): unknown[] =>
  t.app.services.store.db
    .prepare('SELECT o.code AS org, b.as_of AS asOf, b.product_type AS product, b.balance_fen AS fen, b.clients FROM org_balance b JOIN org_unit o ON o.id = b.org_unit_id ORDER BY 1, 2, 3')
    .all();

describe('org_balance', () => {
  it('sums each snapshot date per outlet, and follows clients that change outlet, and rollbacks', async () => {
    await load('org_units', ['机构号,机构名称,机构层级,上级机构号', 'B,分行,二级分行,', 'O1,一号网点,网点,B', 'O2,二号网点,网点,B']);
    await load('clients', ['客户号,客户名称,所属网点', 'A,甲,O1', 'C,丙,O1', 'D,丁,O2'], '2026-09-30');
    await load('balances', ['客户号,数据日期,产品类型,时点余额,月日均余额', 'A,2026-09-30,活期,100.00,90.00', 'C,2026-09-30,活期,50.00,50.00', 'C,2026-09-30,贷款,1000.00,', 'D,2026-09-30,定期,300.00,300.00']);
    expect(sums()).toEqual([
      { org: 'O1', asOf: '2026-09-30', product: 'aum', fen: 15_000, clients: 2 },
      { org: 'O1', asOf: '2026-09-30', product: 'deposit_demand', fen: 15_000, clients: 2 },
      { org: 'O1', asOf: '2026-09-30', product: 'loan', fen: 100_000, clients: 1 },
      { org: 'O2', asOf: '2026-09-30', product: 'aum', fen: 30_000, clients: 1 },
      { org: 'O2', asOf: '2026-09-30', product: 'deposit_time', fen: 30_000, clients: 1 },
    ]);
    const oct = await load('balances', ['客户号,数据日期,产品类型,时点余额', 'A,2026-10-31,活期,200.00']);
    expect(sums()).toContainEqual({ org: 'O1', asOf: '2026-10-31', product: 'deposit_demand', fen: 20_000, clients: 1 });

    // Client A moves to O2: both dates' sums follow it.
    const moved = await load('clients', ['客户号,客户名称,所属网点', 'A,甲,O2'], '2026-10-31');
    expect(sums()).toContainEqual({ org: 'O2', asOf: '2026-10-31', product: 'deposit_demand', fen: 20_000, clients: 1 });
    expect(sums()).toContainEqual({ org: 'O2', asOf: '2026-09-30', product: 'aum', fen: 40_000, clients: 2 });

    expectOk(await t.app.dispatcher.invoke('import.rollback', { batchId: moved.id }, { session: adminSession }));
    expect(sums()).toContainEqual({ org: 'O1', asOf: '2026-10-31', product: 'deposit_demand', fen: 20_000, clients: 1 });
    expectOk(await t.app.dispatcher.invoke('import.rollback', { batchId: oct.id }, { session: adminSession }));
    expect((sums() as Array<{ asOf: string }>).map((r) => r.asOf)).not.toContain('2026-10-31');
  });
});
