import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dayOf } from '../../electron/demo/calendar.js';
import { csvLine, fenOfYuanText, parseCsvLine, yuanText } from '../../electron/demo/csv.js';
import { formatRecord, holdingsLayout, padText } from '../../electron/demo/fixed-width.js';
import { encodeGbk, gbkByteLength } from '../../electron/demo/gbk.js';
import { buildXlsx } from '../../electron/xlsx/build-xlsx.js';
import { columnIndex, columnLetters } from '../../shared/xlsx/cell-ref.js';
import { readXlsx } from '../../electron/demo/xlsx-read.js';

describe('GBK encoding', () => {
  it('round-trips Chinese text, ASCII and full-width punctuation through the GBK decoder', () => {
    const text = '张三,李四 1000000001（南京）：数据日期；“引号”、〇一二 ABC';
    const bytes = encodeGbk(text);
    expect(new TextDecoder('gbk').decode(bytes)).toBe(text);
    expect(bytes.length).toBe(gbkByteLength(text));
    expect([...encodeGbk('张')]).toEqual([0xd5, 0xc5]);
  });

  it('replaces characters GBK lacks with a question mark', () => {
    expect(new TextDecoder('gbk').decode(encodeGbk('a😀b'))).toBe('a??b');
  });
});

describe('CSV and amounts', () => {
  it('quotes only when needed and parses what it writes', () => {
    expect(csvLine(['a', 'b,c', 'd"e', ''])).toBe('a,"b,c","d""e",\r\n');
    expect(parseCsvLine('a,"b,c","d""e",')).toEqual(['a', 'b,c', 'd"e', '']);
  });

  it('formats fen as yuan with two decimals and back, by integers only', () => {
    for (const fen of [0, 1, 9, 10, 99, 100, 123_456, -5, -1_234_567, 9_007_199_254_740_991]) {
      const text = yuanText(fen);
      expect(text).toMatch(/^-?\d+\.\d\d$/);
      expect(fenOfYuanText(text)).toBe(fen);
    }
    expect(yuanText(-5)).toBe('-0.05');
    expect(fenOfYuanText('1,000.00')).toBeNull();
  });
});

describe('fixed-width records', () => {
  it('places every field at its byte offset once encoded as GBK', () => {
    const layout = holdingsLayout('x.txt', '2026-10-31');
    expect(layout.recordLength).toBe(layout.fields.reduce((s, f) => s + f.length, 0));
    const record = formatRecord(layout, {
      account_no: '3215001000000000012',
      client_no: '1000000008',
      product_class: 'DQ',
      product_code: 'DE2026003',
      product_name: '大额存单2026年第3期（3年）',
      currency: 'CNY',
      amount: 123_456_789,
      open_date: '20251101',
      maturity_date: '',
      status: '0',
    });
    const bytes = Buffer.from(encodeGbk(record));
    expect(bytes.length).toBe(layout.recordLength);
    const field = (name: string): Buffer => {
      const f = layout.fields.find((x) => x.field === name);
      if (f === undefined) throw new Error(name);
      return bytes.subarray(f.start - 1, f.start - 1 + f.length);
    };
    expect(field('client_no').toString('latin1')).toBe('1000000008');
    expect(new TextDecoder('gbk').decode(field('product_name')).trimEnd()).toBe('大额存单2026年第3期（3年）');
    expect(field('amount').toString('latin1')).toBe('00000000123456789');
    expect(field('maturity_date').toString('latin1')).toBe('        ');
  });

  it('cuts long text at a character boundary, never inside a double-byte character', () => {
    const padded = padText('一二三四五', 7);
    expect(padded).toBe('一二三 ');
    expect(gbkByteLength(padded)).toBe(7);
  });
});

describe('xlsx writer', () => {
  const sheet = {
    name: '测试',
    boldRows: [1],
    merges: ['A1:C1'],
    rows: [['标题'], ['文本', '数字', '日期'], ['<&"特殊">', 12.5, { day: dayOf('2026-07-01') }], ['0123', -3, null]],
  };

  it('is byte-for-byte deterministic', () => {
    expect(Buffer.from(buildXlsx([sheet])).equals(Buffer.from(buildXlsx([sheet])))).toBe(true);
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(27)).toBe('AB');
    for (const i of [0, 25, 26, 701, 702, 16383]) expect(columnIndex(columnLetters(i))).toBe(i);
  });

  it('opens in exceljs with strings, numbers, dates and the merged title', async () => {
    const wb = new ExcelJS.Workbook();
    // exceljs declares its own Buffer type (an ArrayBuffer), so hand it one.
    const bytes = buildXlsx([sheet]);
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
    const ws = wb.worksheets[0];
    expect(ws?.name).toBe('测试');
    expect(ws?.getCell('A3').value).toBe('<&"特殊">');
    expect(ws?.getCell('B3').value).toBe(12.5);
    expect(ws?.getCell('C3').value).toEqual(new Date(Date.UTC(2026, 6, 1)));
    expect(ws?.getCell('A4').value).toBe('0123');
    expect(ws?.getCell('A1').isMerged).toBe(true);
  });

  it('reads back through the loader reader', () => {
    const [read] = readXlsx(buildXlsx([sheet]));
    expect(read?.name).toBe('测试');
    expect(read?.rows[2]).toEqual(['<&"特殊">', 12.5, dayOf('2026-07-01') + 25_569]);
    expect(read?.rows[3]).toEqual(['0123', -3]);
  });
});
