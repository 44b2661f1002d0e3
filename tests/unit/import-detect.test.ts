import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectEncoding, normalizeEncodingName } from '../../electron/import/detect-encoding.js';
import { detectFormat } from '../../electron/import/detect-format.js';
import { detectDelimiter, detectHeaderRow, dropTrailingEmpty, isFooterCell } from '../../electron/import/detect-layout.js';
import { splitLine } from '../../electron/import/split-line.js';
import { isKnownHeader, missingRequired, suggestMapping } from '../../electron/import/suggest-mapping.js';
import { REAL, SHARED_DATA, hasSharedData } from '../helpers/real-data.js';

const gbk = (text: string): Uint8Array => {
  // Encode via the decoder's inverse for the few characters used here: build from a known GBK byte table.
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(table.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(bytes);
};

describe('encoding detection', () => {
  it('reads BOMs', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toMatchObject({ encoding: 'utf-8', bomLength: 3 });
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toMatchObject({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0, 0x61]))).toMatchObject({ encoding: 'utf-16be', bomLength: 2 });
  });

  it('tells UTF-8 from GBK even when Chinese is sparse', () => {
    const line = 'C0001,2026-10-31,deposit_demand,1234.56,1200.00\n'.repeat(40);
    expect(detectEncoding(new TextEncoder().encode(`${line}C9,张三\n`)).encoding).toBe('utf-8');
    expect(detectEncoding(gbk(`${line}C9,张三\n`)).encoding).toBe('gb18030');
  });

  it('does not misjudge UTF-8 cut in the middle of a character', () => {
    const bytes = new TextEncoder().encode('客户号,客户名称\n');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 2)).encoding).toBe('utf-8');
  });

  it('sees UTF-16 without a BOM', () => {
    const text = 'a,b,c\n1,2,3\n';
    const le = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) le[i * 2] = text.charCodeAt(i);
    expect(detectEncoding(le).encoding).toBe('utf-16le');
  });

  it('accepts the names users type', () => {
    expect(normalizeEncodingName('GBK')).toBe('gb18030');
    expect(normalizeEncodingName('utf8')).toBe('utf-8');
    expect(normalizeEncodingName('latin9')).toBeNull();
  });
});

describe('layout detection', () => {
  it('picks the delimiter that splits lines consistently, ignoring a preamble', () => {
    expect(detectDelimiter(['数据日期：2026-10-31', 'a;b;c', '1;2,5;3', '4;5;6'])).toBe(';');
    expect(detectDelimiter(['a\tb\tc', '1\t2\t3'])).toBe('\t');
    expect(detectDelimiter(['a,b,c,', '1,2,3,', '4,5,6,'])).toBe(',');
  });

  it('splits quoted fields and drops the empty field of a trailing comma', () => {
    expect(splitLine('"1,234.56","a ""b""",x', ',')).toEqual(['1,234.56', 'a "b"', 'x']);
    expect(dropTrailingEmpty(['a', 'b', '', ''])).toEqual(['a', 'b']);
  });

  it('finds the header under a preamble and recognises footers', () => {
    const rows = [['数据日期：2026-10-31'], ['客户号', '客户名称', '证件号码', '手机号'], ['C1', '张三', '', '']];
    expect(detectHeaderRow(rows, isKnownHeader).index).toBe(1);
    expect(isFooterCell('合计')).toBe(true);
    expect(isFooterCell('人民币合计')).toBe(true);
    expect(isFooterCell('共 66 笔')).toBe(true);
    expect(isFooterCell('合肥路支行')).toBe(false);
  });

  it('suggests a mapping from Chinese and English headers and names the gaps', () => {
    const mapping = suggestMapping('clients', ['客户编号', '户名', '身份证号', '联系电话', 'X']);
    expect(mapping).toEqual({ clientNo: 0, name: 1, idNo: 2, phone: 3 });
    expect(missingRequired('clients', mapping)).toEqual([]);
    expect(missingRequired('balances', suggestMapping('balances', ['客户号', '余额']))).toEqual(['productType']);
  });
});

describe('format detection on real files', () => {
  const head = (rel: string): Uint8Array => {
    const fd = fs.openSync(rel.startsWith('berka/') ? path.join(SHARED_DATA, rel) : path.join(REAL, rel), 'r');
    const buf = Buffer.alloc(8192);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    fs.closeSync(fd);
    return new Uint8Array(buf.subarray(0, n));
  };

  it('sees through file extensions', () => {
    expect(detectFormat(head('excel/merge_cells.xlsx'))).toBe('xlsx');
    expect(detectFormat(head('excel/merge_cells.xls'))).toBe('xls');
    expect(detectFormat(head('cn-bank-statements/hxsec__example-hxsec-records.xls'))).toBe('text');
    expect(detectFormat(head('bank-marketing/bank.csv'))).toBe('text');
  });

  it('detects the encodings of the Chinese statement exports', () => {
    expect(detectEncoding(head('cn-bank-statements/alipay__example-alipay-records.csv')).encoding).toBe('gb18030');
    expect(detectEncoding(head('cn-bank-statements/hxsec__example-hxsec-records.xls')).encoding).toBe('gb18030');
    expect(detectEncoding(head('cn-bank-statements/cmb__debit__example-cmb-records.csv')).encoding).toBe('utf-8');
    expect(detectEncoding(head('cn-bank-statements/icbc__debit-v2__example-icbc-debit-v2-records.csv')).encoding).toBe('utf-8');
    expect(detectEncoding(head('bank-marketing/bank-additional-names.txt'))).toMatchObject({ encoding: 'utf-8', bomLength: 3 });
  });

  const lines = (rel: string): string[] => new TextDecoder().decode(head(rel)).split(/\r?\n/).slice(0, 20);

  it('finds the delimiter of the UCI file', () => {
    expect(detectDelimiter(lines('bank-marketing/bank.csv'))).toBe(';');
  });

  it.runIf(hasSharedData)('finds the delimiter of a Berka file', () => {
    expect(detectDelimiter(lines('berka/account.asc'))).toBe(';');
  });
});

describe('stated as-of dates', () => {
  it('reads the date a preamble states', async () => {
    const { statedDate } = await import('../../electron/import/source.js');
    expect(statedDate(['数据日期：2026-10-31'])).toBe('2026-10-31');
    expect(statedDate(['报表日期:20261031'])).toBe('2026-10-31');
    expect(statedDate(['统计日期 2026年10月31日'])).toBe('2026-10-31');
    expect(statedDate(['明细查询文件下载', '卡号: 1234'])).toBeNull();
  });
});

describe('docs/import.md', () => {
  it('documents every kind and every canonical field', async () => {
    const { IMPORT_KINDS, KIND_FIELDS } = await import('../../shared/import/kinds.js');
    const doc = fs.readFileSync('docs/import.md', 'utf8');
    for (const kind of IMPORT_KINDS) {
      expect(doc).toContain(`--kind ${kind}`);
      for (const f of KIND_FIELDS[kind]) expect(doc).toContain(`| \`${f.key}\` | ${f.zh} |`);
    }
  });
});
