import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanCell, toHalfWidth } from '../../electron/import/text.js';
import {
  excelSerialToIso,
  idCheckChar,
  parseAmountFen,
  parseDate,
  parseDateTime,
  parseDebitCredit,
  parseIdNo,
  parseInteger,
  parseMobile,
} from '../../electron/import/values.js';

const value = <T>(p: { ok: true; value: T } | { ok: false }): T | 'ERR' => (p.ok ? p.value : 'ERR');

describe('cleaning', () => {
  it('handles padding, Excel text cells, full-width and dash placeholders', () => {
    expect(cleanCell('  12.50\t')).toBe('12.50');
    expect(cleanCell('="6222021234"')).toBe('6222021234');
    expect(cleanCell('\u3000张三\u3000')).toBe('张三');
    expect(cleanCell('-')).toBe('');
    expect(cleanCell('-------------------')).toBe('');
    expect(toHalfWidth('１２３，４５６．７８')).toBe('123,456.78');
  });
});

describe('amounts in fen', () => {
  it.each([
    ['1,234.56', 123456],
    ['"1,234.56"'.slice(1, -1), 123456],
    ['-0.01', -1],
    ['+12', 1200],
    ['(1,000.00)', -100000],
    ['500.00-', -50000],
    ['１２３．４５', 12345],
    ['12.5元', 1250],
    ['3.5万元', 3500000],
    ['1.234567万', 1234567],
    ['¥ 88.80', 8880],
    ['0.10', 10],
    ['.5', 50],
    ['1.000', 100],
    ['', null],
    ['-', null],
  ])('%s → %s fen', (raw, fen) => {
    expect(value(parseAmountFen(raw))).toBe(fen);
  });

  it('reads a 万元 column', () => {
    expect(value(parseAmountFen('12.345678', 'wan'))).toBe(12345678);
    expect(value(parseAmountFen('12.3456789', 'wan'))).toBe('ERR');
  });

  it.each(['abc', '1.234', '1,23.00', '12-3', '1..2', '--5x'])('refuses %s', (raw) => {
    expect(value(parseAmountFen(raw))).toBe('ERR');
  });

  it('sums exactly where floats would drift', () => {
    const fen = ['0.10', '0.20', '0.30'].map((a) => value(parseAmountFen(a)) as number);
    expect(fen.reduce((s, x) => s + x, 0)).toBe(60);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseAmountFen(s);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips every fen amount written with two decimals and separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (fen) => {
        const abs = Math.abs(fen);
        const yuan = Math.floor(abs / 100)
          .toString()
          .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        const text = `${fen < 0 ? '-' : ''}${yuan}.${(abs % 100).toString().padStart(2, '0')}`;
        expect(value(parseAmountFen(text))).toBe(fen === 0 ? 0 : fen);
      }),
    );
  });
});

describe('debit/credit flags', () => {
  it.each([
    ['借', -1],
    ['Dr', -1],
    ['贷', 1],
    ['CR', 1],
    ['支出', -1],
    ['收入', 1],
  ])('%s → %s', (raw, sign) => {
    expect(value(parseDebitCredit(raw))).toBe(sign);
  });
  it('refuses anything else', () => {
    expect(value(parseDebitCredit('maybe'))).toBe('ERR');
  });
});

describe('dates', () => {
  it.each([
    ['20261031', '2026-10-31'],
    ['2026-10-31', '2026-10-31'],
    ['2026/10/31', '2026-10-31'],
    ['2026/1/3', '2026-01-03'],
    ['2026.10.31', '2026-10-31'],
    ['2026年10月31日', '2026-10-31'],
    ['261031', '2026-10-31'],
    ['930101', '1993-01-01'],
    ['931107 00:00:00', '1993-11-07'],
    ['2025/12/03  14:06:51', '2025-12-03'],
    ['２０２６－１０－３１', '2026-10-31'],
    ['', null],
  ])('%s → %s', (raw, iso) => {
    expect(value(parseDate(raw))).toBe(iso);
  });

  it.each(['20260231', '2026-13-01', '2026-00-10', 'yesterday', '12345', '2026/10'])('refuses %s', (raw) => {
    expect(value(parseDate(raw))).toBe('ERR');
  });

  it('reads Excel serials in both date systems only when asked', () => {
    expect(excelSerialToIso(46326)).toBe('2026-10-31');
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(1, true)).toBe('1904-01-02');
    expect(value(parseDate('46326', { excelSerial: true }))).toBe('2026-10-31');
    expect(value(parseDate('46326'))).toBe('ERR');
  });

  it('keeps times', () => {
    expect(value(parseDateTime('2025/12/03  14:06:51'))).toBe('2025-12-03 14:06:51');
    expect(value(parseDateTime('20240101 9:05'))).toBe('2024-01-01 09:05:00');
    expect(value(parseDateTime('2024-01-01'))).toBe('2024-01-01 00:00:00');
    expect(value(parseDateTime('2024-01-01 25:00'))).toBe('ERR');
  });
});

describe('ID numbers', () => {
  // 11010519491231002X is the standard's published example.
  it('accepts valid numbers, X in either case', () => {
    expect(value(parseIdNo('11010519491231002X'))).toBe('11010519491231002X');
    expect(value(parseIdNo('11010519491231002x'))).toBe('11010519491231002X');
    expect(idCheckChar('11010519491231002')).toBe('X');
  });
  it('upgrades 15-digit legacy numbers', () => {
    expect(value(parseIdNo('110105491231002'))).toBe('11010519491231002X');
  });
  it('refuses a wrong checksum, a bad date and a bad length', () => {
    expect(value(parseIdNo('110105194912310021'))).toBe('ERR');
    expect(value(parseIdNo('110105194913310020'))).toBe('ERR');
    expect(value(parseIdNo('1101051949123100'))).toBe('ERR');
  });
  it('accepts every number whose check character is computed, and rejects every other check character', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-6]\d{5}(19[5-9]\d|20[01]\d)(0[1-9]|1[0-2])(0[1-9]|1\d|2[0-8])\d{3}$/), (first17) => {
        const good = first17 + idCheckChar(first17);
        expect(value(parseIdNo(good))).toBe(good);
        for (const c of '0123456789X') if (c !== good[17]) expect(value(parseIdNo(first17 + c))).toBe('ERR');
      }),
      { numRuns: 300 },
    );
  });
});

describe('mobile numbers and integers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['12812345678', 'ERR'],
    ['1381234567', 'ERR'],
  ])('%s → %s', (raw, phone) => {
    expect(value(parseMobile(raw))).toBe(phone);
  });
  it('parses counts', () => {
    expect(value(parseInteger('1,024'))).toBe(1024);
    expect(value(parseInteger('3.5'))).toBe('ERR');
  });
});
