import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { csvDataRows, pdfPages, xlsxRows } from '../../electron/package/content.js';
import { keyId, newKeyFile, parseKeyFile } from '../../electron/package/key.js';
import { isSafeZipPath, readZip } from '../../electron/package/zip-read.js';
import { writeZip } from '../../electron/zip/write.js';
import { parseCsv, readTable } from '../../electron/consolidation/csv-read.js';
import { hundredthsOf, sumDecimals } from '../../electron/consolidation/decimal.js';
import { toCsv } from '../../electron/export/csv.js';
import { buildXlsx } from '../../electron/xlsx/build-xlsx.js';

/** The pieces of the package format: key files, zip entry names, counting members, reading CSV back, exact sums. */
describe('the head-office key file', () => {
  const bytes = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
  it('reads hex, base64 (standard and URL-safe), with comments, prefixes and line breaks', () => {
    const hex = bytes.toString('hex');
    for (const text of [hex, `hex:${hex}`, `# 密钥\n${hex.slice(0, 20)}\n${hex.slice(20)}\n`, `base64:${bytes.toString('base64')}`, bytes.toString('base64url'), `\uFEFF${bytes.toString('base64')}`]) {
      const k = parseKeyFile(text);
      expect(k.ok && k.key.bytes.equals(bytes), text).toBe(true);
      expect(k.ok && k.key.id).toBe(keyId(bytes));
    }
    expect(parseKeyFile(newKeyFile('南京分行', bytes))).toMatchObject({ ok: true, key: { id: keyId(bytes) } });
  });
  it('refuses an empty, short or garbled key with the reason', () => {
    expect(parseKeyFile('# only a comment\n')).toMatchObject({ ok: false, message: { en: 'The key file holds no key' } });
    expect(parseKeyFile('hex:00ff')).toMatchObject({ ok: false, message: { en: 'The key has 2 bytes; at least 32 are needed' } });
    expect(parseKeyFile('hex:abc')).toMatchObject({ ok: false });
    expect(parseKeyFile('not*base64!')).toMatchObject({ ok: false });
  });
});

describe('zip entry names', () => {
  it.each(['data/a.csv', 'manifest.json', 'a/b/c.txt', 'dir/'])('accepts %s', (n) => expect(isSafeZipPath(n)).toBe(true));
  it.each(['../a.csv', 'a/../../b', '/etc/passwd', 'C:/x.csv', 'c:x', 'a\\b.csv', './a.csv', 'a//b', '', 'a\u0000b'])('rejects %j', (n) => expect(isSafeZipPath(n)).toBe(false));
  it('reports duplicate and unsafe entries, and a CRC that does not match', () => {
    const zip = Buffer.from(zipSync({ 'a.txt': [strToU8('hello'), { level: 0 }], '../b.txt': strToU8('x') }));
    const r = readZip(zip);
    expect(r.fatal).toBeNull();
    expect(r.issues).toEqual([{ kind: 'unsafe_path', name: '../b.txt' }]);
    const flipped = Buffer.from(zip);
    flipped[flipped.indexOf('hello') + 1] = 0x45;
    expect(readZip(flipped).issues).toEqual([
      { kind: 'corrupt', name: 'a.txt', detail: { zh: 'CRC-32 校验不符', en: 'fails its CRC-32 check' } },
      { kind: 'unsafe_path', name: '../b.txt' },
    ]);
    const dup = Buffer.from(zipSync({ 'aa.txt': strToU8('1'), 'ab.txt': strToU8('2') }));
    const renamed = Buffer.from(dup.toString('latin1').replaceAll('ab.txt', 'aa.txt'), 'latin1');
    expect(readZip(renamed).issues).toEqual([{ kind: 'duplicate', name: 'aa.txt' }]);
    expect(readZip(Buffer.from('PK')).fatal).toMatch(/too short/);
  });
});

describe('writing a zip', () => {
  it('writes what another reader (fflate, Info-ZIP unzip -t) reads back byte for byte, stored or deflated', () => {
    const big = strToU8('客户号,名称\r\n'.repeat(5000));
    const zip = writeZip(
      [
        { name: 'manifest.json', data: strToU8('{"a":1}') },
        { name: 'sheets.pdf', data: Uint8Array.from([1, 2, 3]), store: true },
        { name: 'data/clients.csv', data: big },
        { name: '空.txt', data: new Uint8Array(0) },
      ],
      new Date(2026, 10, 22, 9, 30, 10),
    );
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(['manifest.json', 'sheets.pdf', 'data/clients.csv', '空.txt']);
    expect(strFromU8(back['manifest.json'] as Uint8Array)).toBe('{"a":1}');
    expect(Buffer.from(back['data/clients.csv'] as Uint8Array).equals(Buffer.from(big))).toBe(true);
    expect(zip.length).toBeLessThan(big.length / 10);
    expect(readZip(zip)).toMatchObject({ fatal: null, issues: [] });
    // Info-ZIP's own check where the machine has it (it is not among the project's system packages).
    if (fs.existsSync('/usr/bin/unzip')) {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bw-zip-')), 'x.zip');
      fs.writeFileSync(file, zip);
      expect(execFileSync('/usr/bin/unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
      fs.rmSync(path.dirname(file), { recursive: true });
    }
  });
});

describe('counting what a member holds', () => {
  it('counts CSV data rows with quoted line breaks, without the header, with or without a final line break', () => {
    expect(csvDataRows(toCsv([['a', 'b'], ['1', 'x\r\ny'], ['2', '"q"']]))).toEqual({ ok: true, rows: 2 });
    expect(csvDataRows(strToU8('a,b\n1,2'))).toEqual({ ok: true, rows: 1 });
    expect(csvDataRows(strToU8('a,b\r\n'))).toEqual({ ok: true, rows: 0 });
    expect(csvDataRows(strToU8('a,"b\r\n1'))).toMatchObject({ ok: false });
    expect(csvDataRows(Uint8Array.from([0x61, 0xff, 0x0a]))).toMatchObject({ ok: false, reason: 'not valid UTF-8' });
  });
  it('counts rows per sheet of a workbook and pages of a PDF', () => {
    const xlsx = buildXlsx([
      { name: '汇总', rows: [['a'], [1], [null], [2]] },
      { name: 'B&C', rows: [['x']] },
    ]);
    expect(xlsxRows(xlsx)).toEqual({ ok: true, rows: 5, sheets: [{ name: '汇总', rows: 4 }, { name: 'B&C', rows: 1 }] });
    const pdf = strToU8('%PDF-1.4\n1 0 obj << /Type /Pages /Count 2 >>\n2 0 obj << /Type /Page >>\n3 0 obj <</Type/Page/Parent 1 0 R>>\n%%EOF\n');
    expect(pdfPages(pdf)).toEqual({ ok: true, rows: 2 });
    expect(pdfPages(strToU8('%PDF-1.4\n<< /Type /Page >>'))).toMatchObject({ ok: false });
  });
});

describe('reading a package CSV back', () => {
  it('gives back what toCsv wrote, neutralised text restored', () => {
    const rows = [['名称', '金额'], ['=1+2 测试', { decimal: '-12.50' }], ['a,"b"\r\nc', null], ['@x', 3]] as const;
    const parsed = parseCsv(toCsv(rows.map((r) => [...r])).toString('utf8'));
    expect(parsed).toEqual([['名称', '金额'], ["'=1+2 测试", '-12.50'], ['a,"b"\r\nc', ''], ["'@x", '3']]);
    const t = readTable(toCsv(rows.map((r) => [...r])).toString('utf8'), ['名称', '金额']);
    expect(t.ok && t.rows.map((r) => r('名称'))).toEqual(['=1+2 测试', 'a,"b"\r\nc', '@x']);
    expect(readTable('x,y\r\n1,2\r\n', ['名称', '金额'])).toMatchObject({ ok: false });
  });
  it('sums decimal text exactly', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals(['1234567890123456.78', '-0.79', null, '83.3333'])).toBe('1234567890123539.3233');
    expect(sumDecimals([], 2)).toBe('0.00');
    expect(hundredthsOf('85.5')).toBe(8550n);
    expect(hundredthsOf('-0.05')).toBe(-5n);
    expect(() => hundredthsOf('1.234')).toThrow();
  });
});
