import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SkippedRow } from '../../shared/api/ops/import.js';
import { isAppError } from '../../electron/platform/app-error.js';
import { openSource } from '../../electron/import/source.js';
import { resolveSource } from '../../electron/import/source-file.js';
import { REAL, SHARED_DATA, hasSharedData } from '../helpers/real-data.js';

/** Detection and row classification on real exports nobody here wrote (tests/fixtures/real/ATTRIBUTION.md). */
async function read(file: string): Promise<{ format: string; encoding: string | null; delimiter: string | null; headerRecord: number; headers: string[]; rows: number; skipped: SkippedRow[] }> {
  const opened = await openSource(resolveSource({ type: 'path', path: file }, null), {});
  const skipped: SkippedRow[] = [];
  let rows = 0;
  for await (const batch of opened.dataRows(skipped)) rows += batch.length;
  return { format: opened.format, encoding: opened.encoding, delimiter: opened.delimiter, headerRecord: opened.headerRecord, headers: opened.headers, rows, skipped };
}

async function refusal(file: string): Promise<string> {
  try {
    await read(file);
  } catch (e) {
    if (isAppError(e)) return `${e.code}: ${e.text.zh} | ${e.text.en}`;
    throw e;
  }
  throw new Error(`expected ${file} to be refused`);
}

const statement = (name: string): string => path.join(REAL, 'cn-bank-statements', name);

describe('Chinese bank statement exports', () => {
  it.each([
    ['abc_debit__example-abc_debit-records.csv', 'utf-8', 1, '交易日期', 5],
    ['alipay__example-alipay-records.csv', 'gb18030', 25, '交易时间', 10],
    ['boc__debit__example-boc-records.csv', 'utf-8', 2, '记账日期', 17],
    ['bocom_debit__example-bocom_debit-records.csv', 'utf-8', 1, '序号', 6],
    ['cmb__debit__example-cmb-records.csv', 'utf-8', 1, '记账日期', 5],
    ['icbc__credit__example-icbc-credit-records.csv', 'utf-8', 7, '交易日期', 9],
    ['icbc__debit-v2__example-icbc-debit-v2-records.csv', 'utf-8', 7, '交易日期', 11],
  ])('%s: %s, header on line %i starting %s, %i data rows', async (name, encoding, header, first, rows) => {
    const r = await read(statement(name));
    expect(r).toMatchObject({ format: 'csv', encoding, delimiter: ',', headerRecord: header, rows });
    expect(r.headers[0]).toBe(first);
  });

  it('skips the ICBC totals footers (合计金额, 人民币合计) and lists them', async () => {
    const credit = await read(statement('icbc__credit__example-icbc-credit-records.csv'));
    expect(credit.skipped.filter((s) => s.reason === 'footer').map((s) => s.text)).toEqual([expect.stringMatching(/^合计金额/)]);
    const debit = await read(statement('icbc__debit-v2__example-icbc-debit-v2-records.csv'));
    expect(debit.skipped.filter((s) => s.reason === 'footer').map((s) => s.text)).toEqual([expect.stringMatching(/^人民币合计/)]);
  });

  it('reads the hxsec ".xls" for what it is: GBK tab-separated text with ="…" cells', async () => {
    const r = await read(statement('hxsec__example-hxsec-records.xls'));
    expect(r).toMatchObject({ format: 'csv', encoding: 'gb18030', delimiter: '\t', headerRecord: 1, rows: 13 });
    expect(r.headers.slice(0, 2)).toEqual(['交收日期', '成交时间']);
  });

  it.each(['spdb_debit__example-spdb_debit-records.xls', 'citic__credit__example-citic-records.xls', 'ccb__debit-jiaoyimingxi_xxxx_2025xxxx_2025xxxx.xls'])(
    'refuses the legacy BIFF workbook %s with a way forward',
    async (name) => {
      const message = await refusal(statement(name));
      expect(message).toContain('IMPORT_INVALID');
      expect(message).toContain('另存为');
      expect(message).toContain(name);
    },
  );
});

describe('Excel corpus refusals', () => {
  it('refuses a password-protected legacy workbook cleanly', async () => {
    expect(await refusal(path.join(REAL, 'excel', 'password_2002_40_xor.xls'))).toMatch(/IMPORT_INVALID: .*\.xls/);
  });
});

describe('UCI Bank Marketing and Berka', () => {
  it('reads the UCI sample: semicolons, quoted strings, 4,521 rows', async () => {
    const r = await read(path.join(REAL, 'bank-marketing', 'bank.csv'));
    expect(r).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';', headerRecord: 1, rows: 4521 });
    expect(r.headers.slice(0, 3)).toEqual(['age', 'job', 'marital']);
  });

  it.runIf(hasSharedData)('reads Berka client.asc and trans.partial.asc with their exact row counts', async () => {
    const clients = await read(path.join(SHARED_DATA, 'berka', 'client.asc'));
    expect(clients).toMatchObject({ delimiter: ';', headerRecord: 1, rows: 5369 });
    expect(clients.headers).toEqual(['client_id', 'birth_number', 'district_id']);
    const trans = await read(path.join(SHARED_DATA, 'berka', 'trans.partial.asc'));
    expect(trans.rows).toBe(49_102);
  });
});
