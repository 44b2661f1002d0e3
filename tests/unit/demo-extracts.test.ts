import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONTH_ENDS } from '../../electron/demo/calendar.js';
import { writeDemoExtracts } from '../../electron/demo/extracts.js';
import type { FixedLayout } from '../../electron/demo/fixed-width.js';
import { BALANCE_HEADER, CLIENT_HEADER, FILES, ROSTER_HEADER, TARGET_HEADER, balanceFileName } from '../../electron/demo/formats.js';
import { genderOfIdNo, isPlausibleMobile, isValidIdNo } from '../../electron/demo/identity.js';
import type { WrittenFile } from '../../electron/demo/sink.js';
import { makeTempDir } from '../helpers/temp.js';

const CLIENTS = 3_000;
let tmp: ReturnType<typeof makeTempDir>;
let first: WrittenFile[];
const dirA = (): string => path.join(tmp.dir, 'a');

beforeAll(async () => {
  tmp = makeTempDir('demo-extracts');
  first = await writeDemoExtracts(dirA(), { clients: CLIENTS, managers: 12 });
});
afterAll(() => tmp.cleanup());

const read = (name: string): Buffer => fs.readFileSync(path.join(dirA(), name));

describe('demo extracts', () => {
  it('lists every file it wrote with its size and SHA-256', () => {
    const names = first.map((f) => f.name).sort();
    expect(names).toEqual(fs.readdirSync(dirA()).sort());
    expect(names).toEqual(expect.arrayContaining([...Object.values(FILES), ...MONTH_ENDS.map(balanceFileName)]));
    for (const f of first) expect(f.bytes).toBe(fs.statSync(path.join(dirA(), f.name)).size);
  });

  it('are byte-identical for the same seed and differ for another seed', async () => {
    const again = await writeDemoExtracts(path.join(tmp.dir, 'b'), { clients: CLIENTS, managers: 12 });
    expect(again).toEqual(first);
    for (const f of first) expect(fs.readFileSync(path.join(tmp.dir, 'b', f.name)).equals(read(f.name))).toBe(true);
    const other = await writeDemoExtracts(path.join(tmp.dir, 'c'), { clients: CLIENTS, managers: 12, seed: 7 });
    const sha = new Map(other.map((f) => [f.name, f.sha256]));
    expect(sha.get(FILES.clients)).not.toBe(first.find((f) => f.name === FILES.clients)?.sha256);
    expect(sha.get(balanceFileName('2026-10-31'))).not.toBe(first.find((f) => f.name === balanceFileName('2026-10-31'))?.sha256);
  });

  it('writes the client file in GBK with a date preamble, a header and a 合计 footer', () => {
    const bytes = read(FILES.clients);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const lines = new TextDecoder('gbk').decode(bytes).split('\r\n');
    expect(lines[0]).toBe('数据日期：2026-10-31');
    expect(lines[1]).toBe(CLIENT_HEADER.join(','));
    expect(lines[lines.length - 1]).toBe('');
    expect(lines[lines.length - 2]).toBe(`合计,${CLIENTS}`);
    const rows = lines.slice(2, -2).map((l) => l.split(','));
    expect(rows).toHaveLength(CLIENTS);
    let residents = 0;
    for (const r of rows) {
      expect(r).toHaveLength(CLIENT_HEADER.length);
      const [no, name, idType, idNo, phone, gender, birth] = r;
      expect(no).toMatch(/^1\d{9}$/);
      expect(name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
      if (idType === '居民身份证') {
        residents++;
        expect(isValidIdNo(idNo ?? '')).toBe(true);
        expect(idNo?.slice(6, 14)).toBe(birth);
        expect(genderOfIdNo(idNo ?? '') === 'M' ? '男' : '女').toBe(gender);
      }
      if (phone !== '') expect(isPlausibleMobile(phone ?? '')).toBe(true);
    }
    expect(residents / CLIENTS).toBeGreaterThan(0.98);
    const numbers = rows.map((r) => r[0] ?? '');
    expect([...numbers].sort()).toEqual(numbers);
    expect(new Set(numbers).size).toBe(CLIENTS);
  });

  it('writes one UTF-8 balance file with BOM per month-end, amounts in yuan with two decimals', () => {
    for (const asOf of MONTH_ENDS) {
      const bytes = read(balanceFileName(asOf));
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
      const lines = bytes.toString('utf8').slice(1).split('\r\n');
      expect(lines[0]).toBe(BALANCE_HEADER.join(','));
      for (const line of lines.slice(1, 200)) {
        if (line === '') continue;
        const [, date, product, point, avg] = line.split(',');
        expect(date).toBe(asOf);
        expect(['活期存款', '定期存款', '理财产品', '基金', '保险', '贷款']).toContain(product);
        expect(point).toMatch(/^\d+\.\d\d$/);
        expect(avg).toMatch(/^\d+\.\d\d$/);
      }
    }
  });

  it('writes the holdings as fixed-width GBK records that match their layout byte for byte', () => {
    const layout = JSON.parse(read(FILES.holdingsLayout).toString('utf8')) as FixedLayout;
    expect(layout.file).toBe(FILES.holdings);
    let start = 1;
    for (const f of layout.fields) {
      expect(f.start).toBe(start);
      start += f.length;
    }
    const records = read(FILES.holdings).toString('latin1').split('\r\n').slice(0, -1);
    expect(records.length).toBeGreaterThan(CLIENTS / 5);
    const gbk = new TextDecoder('gbk');
    const bytes = read(FILES.holdings);
    let offset = 0;
    for (const r of records) {
      expect(r.length).toBe(layout.recordLength);
      const rec = bytes.subarray(offset, offset + layout.recordLength);
      offset += layout.recordLength + 2;
      const cut = (name: string): Buffer => {
        const f = layout.fields.find((x) => x.field === name);
        if (f === undefined) throw new Error(name);
        return rec.subarray(f.start - 1, f.start - 1 + f.length);
      };
      expect(Object.keys(layout.codes['product_class'] ?? {})).toContain(cut('product_class').toString('latin1'));
      expect(cut('amount').toString('latin1')).toMatch(/^\d{17}$/);
      expect(cut('open_date').toString('latin1')).toMatch(/^\d{8}$/);
      expect(cut('maturity_date').toString('latin1')).toMatch(/^(\d{8}| {8})$/);
      expect(gbk.decode(cut('product_name')).trim()).toMatch(/^\S+$/);
    }
  });

  it('writes workbooks that exceljs reads: org tree, effective-dated roster, targets under a title row', async () => {
    const load = async (name: string): Promise<ExcelJS.Worksheet> => {
      const wb = new ExcelJS.Workbook();
      const bytes = read(name);
      // exceljs declares its own Buffer type (an ArrayBuffer), so hand it one.
      await wb.xlsx.load(new Uint8Array(bytes).buffer);
      const ws = wb.worksheets[0];
      if (ws === undefined) throw new Error(name);
      return ws;
    };
    const org = await load(FILES.orgUnits);
    expect(org.getRow(1).getCell(1).value).toBe('机构号');
    const levels = [];
    for (let r = 2; r <= org.rowCount; r++) levels.push(org.getRow(r).getCell(3).value);
    expect(levels.filter((l) => l === '网点')).toHaveLength(8);
    expect(levels.filter((l) => l === '支行')).toHaveLength(3);
    expect(levels.filter((l) => l === '二级分行')).toHaveLength(1);

    const roster = await load(FILES.managers);
    expect((roster.getRow(1).values as unknown[]).slice(1)).toEqual([...ROSTER_HEADER]);
    const staff = new Map<string, number>();
    let closed = 0;
    for (let r = 2; r <= roster.rowCount; r++) {
      const row = roster.getRow(r);
      staff.set(row.getCell(1).text, (staff.get(row.getCell(1).text) ?? 0) + 1);
      expect(row.getCell(13).value).toBeInstanceOf(Date);
      if (row.getCell(14).value instanceof Date) closed++;
    }
    expect(staff.size).toBe(12);
    expect(closed).toBeGreaterThan(0);

    const targets = await load(FILES.targets);
    expect(targets.getRow(1).getCell(1).text).toContain('任务指标');
    expect((targets.getRow(2).values as unknown[]).slice(1)).toEqual([...TARGET_HEADER]);
    expect(targets.rowCount).toBe(2 + 8 * 9);
    expect(typeof targets.getRow(3).getCell(7).value).toBe('number');
  });

  it('writes the transactions and the work log as UTF-8 CSV without BOM', () => {
    for (const name of [FILES.transactions, FILES.worklog]) {
      const text = read(name).toString('utf8');
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      const lines = text.split('\r\n').filter((l) => l !== '');
      expect(lines.length).toBeGreaterThan(10);
    }
  });
});
