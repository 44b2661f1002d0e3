import fs from 'node:fs';
import path from 'node:path';
import type { ImportBatchInfo } from '../../shared/api/ops/import.js';
import type { ImportKind } from '../../shared/import/kinds.js';
import type { App } from '../../electron/app.js';
import { expectOk, importFile } from './import.js';

/**
 * A small client book loaded through the real import pipeline, for the scoring tests. Every figure the tests
 * expect is computed by hand in book-recompute.test.ts from these lines.
 *
 *   A 2020-01-15  活期+定期 six months, 贷款 300,000 in October with daily averages; holdings: wealth (open),
 *                 fund (closed), card (open); 24 transactions in the window plus two just outside it.  → M1
 *   B 2026-08-10  new: 活期 10,000 / 20,000 / 30,000 from August, no daily averages.                 → M1
 *   C 2015-03-01  lost: 理财 20,000 … 5,000, then 0, then nothing.                                     → M2
 *   D (no date)   only a loan of 50,000: no assets ever.                                              (unassigned)
 *   E 2018-06-30  declining: 活期 300,000 ×3 then 200,000 ×3.                                          → M2
 *   F 2019-01-01  growing: 活期 100,000 ×3, 110,000, 130,000, 150,000.                                 (unassigned)
 */
export const MONTHS = ['2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31'] as const;

/** Balance lines per month: client, product, balance (yuan), daily average (yuan, may be blank). */
const BALANCES: Record<(typeof MONTHS)[number], string[]> = {
  '2026-05-31': ['A,活期,100000.00,', 'A,定期,500000.00,', 'C,理财,20000.00,', 'E,活期,300000.00,', 'F,活期,100000.00,'],
  '2026-06-30': ['A,活期,100000.00,', 'A,定期,500000.00,', 'C,理财,20000.00,', 'E,活期,300000.00,', 'F,活期,100000.00,'],
  '2026-07-31': ['A,活期,100000.00,', 'A,定期,500000.00,', 'C,理财,15000.00,', 'E,活期,300000.00,', 'F,活期,100000.00,'],
  '2026-08-31': ['A,活期,100000.00,', 'A,定期,500000.00,', 'B,活期,10000.00,', 'C,理财,5000.00,', 'E,活期,200000.00,', 'F,活期,110000.00,'],
  '2026-09-30': ['A,活期,160000.00,', 'A,定期,500000.00,', 'B,活期,20000.00,', 'C,理财,0.00,', 'E,活期,200000.00,', 'F,活期,130000.00,'],
  '2026-10-31': [
    'A,活期,40000.00,50000.00',
    'A,定期,500000.00,500000.00',
    'A,贷款,300000.00,300000.00',
    'B,活期,30000.00,',
    'D,贷款,50000.00,',
    'E,活期,200000.00,',
    'F,活期,150000.00,',
  ],
};

function transactions(): string[] {
  const lines = ['交易流水号,客户号,交易时间,交易金额'];
  // Two a month for A from 2025-11 to 2026-10: 24 inside the window (2025-10-31, 2026-10-31].
  for (let m = 0; m < 12; m++) {
    const d = new Date(Date.UTC(2025, 10 + m, 1)).toISOString().slice(0, 7);
    lines.push(`T${m}a,A,${d}-05 10:00:00,100.00`, `T${m}b,A,${d}-20 15:30:00,-50.00`);
  }
  // Just outside: the window's first excluded day and the day after the scoring date.
  lines.push('Tout1,A,2025-10-31 23:59:59,10.00', 'Tout2,A,2026-11-01 00:00:01,10.00');
  return lines;
}

export async function buildBookStore(app: App, dir: string): Promise<void> {
  let n = 0;
  const load = async (kind: ImportKind, lines: string[], asOf?: string): Promise<void> => {
    const file = path.join(dir, `${++n}-${kind}.csv`);
    fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`, 'utf8');
    const batch = expectOk(await importFile(app, file, kind, asOf === undefined ? {} : { options: { asOf } })) as ImportBatchInfo;
    if (batch.rejected !== 0) throw new Error(`${kind}: ${batch.rejected} rows rejected`);
  };
  await load('org_units', ['机构号,机构名称,机构层级,上级机构号', '3201,南京分行,二级分行,', '320101,鼓楼网点,网点,3201']);
  await load('managers', ['员工号,姓名,所属网点,岗位等级,专兼职,生效日期', 'M1,王一,320101,客户经理,专职,2024-01-01', 'M2,李二,320101,客户经理,专职,2024-01-01']);
  await load(
    'clients',
    [
      '客户号,客户名称,证件号码,手机号,开户日期,所属网点,客户经理号,管户日期',
      'A,赵甲,320106198001011241,13812345678,20200115,320101,M1,20250101',
      'B,钱乙,,,20260810,320101,M1,20260810',
      'C,孙丙,,,20150301,320101,M2,20250101',
      'D,李丁,,,,320101,,',
      'E,周戊,,,20180630,320101,M2,20250101',
      'F,吴己,,,20190101,320101,,',
    ],
    '2026-10-31',
  );
  for (const month of MONTHS) {
    await load('balances', ['客户号,数据日期,产品类型,时点余额,月日均余额', ...BALANCES[month].map((l) => l.replace(',', `,${month},`))]);
  }
  await load('holdings', [
    '账号,客户号,产品类型,金额,起始日期,状态',
    'H1,A,理财,100000.00,2026-01-10,正常',
    'H2,A,基金,20000.00,2025-03-01,已结清',
    'H3,A,信用卡,50000.00,2019-05-01,正常',
  ]);
  await load('transactions', transactions());
}
