import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../electron/export/csv.js';
import { neutraliseFormula, startsFormula } from '../../electron/export/safe-cell.js';
import { buildXlsx } from '../../electron/xlsx/build-xlsx.js';

const DANGEROUS = ['=1+1', '+86 138', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', '=HYPERLINK("http://x")'];

describe('formula neutralisation', () => {
  it('prefixes every text that would start a formula, and nothing else', () => {
    for (const t of DANGEROUS) {
      expect(startsFormula(t)).toBe(true);
      expect(neutraliseFormula(t)).toBe(`'${t}`);
      expect(startsFormula(neutraliseFormula(t))).toBe(false);
    }
    for (const t of ['张三', '3201**********1234', '—', '', "'=already"]) expect(neutraliseFormula(t)).toBe(t);
  });

  it('CSV: UTF-8 with BOM, CRLF, quoted where needed, numbers untouched', () => {
    const bytes = toCsv([
      ['客户号', '备注', '金额'],
      ['C001', '=1+1', -1250],
      ['C002', 'a,"b"', null],
    ]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('客户号,备注,金额\r\nC001,\'=1+1,-1250\r\nC002,"a,""b""",\r\n');
  });

  it('xlsx: no shared string starts a formula', () => {
    const bytes = buildXlsx([{ name: 's', rows: [DANGEROUS, [-5, '安全']] }]);
    const sst = strFromU8(unzipSync(bytes)['xl/sharedStrings.xml']!);
    const texts = [...sst.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]!);
    expect(texts).toHaveLength(DANGEROUS.length + 1);
    for (const t of texts) expect(startsFormula(t.replace(/&quot;/g, '"'))).toBe(false);
    const sheet = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<c r="A2"><v>-5</v></c>');
  });
});
