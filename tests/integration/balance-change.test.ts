import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportBatchInfo } from '../../shared/api/ops/import.js';
import { makeTestApp } from '../helpers/app.js';
import { adminSession, expectOk, importFile } from '../helpers/import.js';

let t: ReturnType<typeof makeTestApp>;
beforeEach(async () => {
  t = makeTestApp('balance-change');
  const clients = path.join(t.dir, 'clients.csv');
  fs.writeFileSync(clients, '客户号,客户名称\nA,甲\nB,乙\nC,丙\nD,丁\n');
  expectOk(await importFile(t.app, clients, 'clients'));
});
afterEach(() => t.cleanup());

async function month(asOf: string, lines: string[]): Promise<ImportBatchInfo> {
  const file = path.join(t.dir, `balances_${asOf}.csv`);
  fs.writeFileSync(file, ['客户号,数据日期,产品类型,时点余额', ...lines.map((l) => `${l.split(',')[0]},${asOf},${l.split(',').slice(1).join(',')}`)].join('\n'));
  return expectOk(await importFile(t.app, file, 'balances')) as ImportBatchInfo;
}

const changes = (asOf: string): unknown[] =>
  t.app.services.store.db
    .prepare(
      `SELECT c.client_no AS client, b.prev_as_of AS prev, b.aum_fen AS aum, b.prev_aum_fen AS prevAum, b.net_growth_fen AS growth, b.is_new AS isNew, b.is_lost AS isLost, b.complete
       FROM balance_change b JOIN client c ON c.id = b.client_id WHERE b.as_of = ? ORDER BY c.client_no`,
    )
    .all(asOf);

describe('derived change indicators (变动)', () => {
  it('computes net growth, new and lost clients between snapshots, marking estimates, hand-checked', async () => {
    // A: 活期 100 + 定期 50 (loans are not assets); B: 200; C: nothing yet; D: 30.
    await month('2026-09-30', ['A,活期,100.00', 'A,定期,50.00', 'A,贷款,900.00', 'B,理财,200.00', 'D,基金,30.00']);
    expect(changes('2026-09-30')).toEqual([
      { client: 'A', prev: null, aum: 15000, prevAum: 0, growth: 15000, isNew: 1, isLost: 0, complete: 0 },
      { client: 'B', prev: null, aum: 20000, prevAum: 0, growth: 20000, isNew: 1, isLost: 0, complete: 0 },
      { client: 'D', prev: null, aum: 3000, prevAum: 0, growth: 3000, isNew: 1, isLost: 0, complete: 0 },
    ]);
    // October: A grows to 180, B leaves (zero), C arrives with 10, D unchanged.
    const oct = await month('2026-10-31', ['A,活期,130.00', 'A,定期,50.00', 'B,理财,0.00', 'C,活期,10.00', 'D,基金,30.00']);
    expect(changes('2026-10-31')).toEqual([
      { client: 'A', prev: '2026-09-30', aum: 18000, prevAum: 15000, growth: 3000, isNew: 0, isLost: 0, complete: 1 },
      { client: 'B', prev: '2026-09-30', aum: 0, prevAum: 20000, growth: -20000, isNew: 0, isLost: 1, complete: 1 },
      { client: 'C', prev: '2026-09-30', aum: 1000, prevAum: 0, growth: 1000, isNew: 1, isLost: 0, complete: 1 },
      { client: 'D', prev: '2026-09-30', aum: 3000, prevAum: 3000, growth: 0, isNew: 0, isLost: 0, complete: 1 },
    ]);
    // Rolling October back removes its indicators; importing an earlier month recomputes the one after it.
    expectOk(await t.app.dispatcher.invoke('import.rollback', { batchId: oct.id }, { session: adminSession }));
    expect(changes('2026-10-31')).toEqual([]);
    await month('2026-08-31', ['A,活期,150.00']);
    expect((changes('2026-09-30') as Array<{ client: string; complete: number; isNew: number }>).map((c) => [c.client, c.complete, c.isNew])).toEqual([
      ['A', 1, 0],
      ['B', 1, 1],
      ['D', 1, 1],
    ]);
  });
});
