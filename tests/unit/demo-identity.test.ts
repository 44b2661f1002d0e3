import fc from 'fast-check';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { AS_OF_DAY, compactOf, dayOf, isoOf } from '../../electron/demo/calendar.js';
import { canEncodeGbk } from '../../electron/demo/gbk.js';
import {
  genderOfIdNo,
  idCheckChar,
  idRegionCodes,
  isPlausibleMobile,
  isValidIdNo,
  isValidLuhn,
  luhnDigit,
  makeIdNo,
  mobileNumber,
} from '../../electron/demo/identity.js';
import { nameInitials } from '../../electron/clients/initials.js';
import { nameAlphabet, personName, surname } from '../../electron/demo/names.js';
import { Rng } from '../../electron/demo/rng.js';

describe('GB 11643 ID numbers', () => {
  it('computes the check character of known numbers', () => {
    // The standard's own example, and one whose check value is 10 (written X).
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(isValidIdNo('11010519491231002X')).toBe(true);
    expect(idCheckChar('44052418800101001')).toBe('4');
    expect(isValidIdNo('440524188001010014')).toBe(true);
  });

  it('rejects wrong check characters, impossible dates and malformed numbers', () => {
    expect(isValidIdNo('110105194912310021')).toBe(false);
    expect(isValidIdNo('110105194902300026')).toBe(false);
    expect(isValidIdNo('11010519491231002x')).toBe(false);
    expect(isValidIdNo('1101051949123100')).toBe(false);
  });

  it('every generated number validates and carries the birth date and gender', () => {
    const regions = idRegionCodes();
    fc.assert(
      fc.property(
        fc.constantFrom(...regions),
        fc.integer({ min: dayOf('1930-01-01'), max: AS_OF_DAY }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom('M' as const, 'F' as const),
        (region, day, seq, gender) => {
          const id = makeIdNo(region, compactOf(day), seq, gender);
          expect(id).toHaveLength(18);
          expect(isValidIdNo(id)).toBe(true);
          expect(id.slice(0, 6)).toBe(region);
          expect(id.slice(6, 14)).toBe(compactOf(day));
          expect(genderOfIdNo(id)).toBe(gender);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('uses Jiangsu region codes for almost everyone', () => {
    const regions = idRegionCodes();
    expect(regions.filter((r) => r.startsWith('32')).length / regions.length).toBeGreaterThan(0.8);
    for (const r of regions) expect(r).toMatch(/^\d{6}$/);
  });
});

describe('phones, cards and names', () => {
  it('generates mobile numbers with real segment prefixes', () => {
    const rng = Rng.derive(7, 1);
    for (let i = 0; i < 2_000; i++) {
      const phone = mobileNumber(rng);
      expect(phone).toMatch(/^1[3-9]\d{9}$/);
      expect(isPlausibleMobile(phone)).toBe(true);
    }
    expect(isPlausibleMobile('12012345678')).toBe(false);
  });

  it('computes Luhn check digits', () => {
    expect(luhnDigit('7992739871')).toBe('3');
    expect(isValidLuhn('79927398713')).toBe(true);
    expect(isValidLuhn('79927398714')).toBe(false);
  });

  it('draws surnames with realistic frequencies', () => {
    const rng = Rng.derive(11, 2);
    const counts = new Map<string, number>();
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const s = surname(rng);
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map((e) => e[0]);
    expect(top).toEqual(expect.arrayContaining(['王', '李', '张', '陈']));
    const wang = (counts.get('王') ?? 0) / n;
    expect(wang).toBeGreaterThan(0.05);
    expect(wang).toBeLessThan(0.1);
    expect(counts.size).toBeGreaterThan(80);
  });

  it('makes names of a surname and a one- or two-character given name, all GBK-encodable', () => {
    const rng = Rng.derive(3, 4);
    for (let i = 0; i < 3_000; i++) {
      const name = personName(rng, i % 2 === 0 ? 'M' : 'F', 1940 + (i % 70));
      expect(name.length).toBeGreaterThanOrEqual(2);
      expect(name.length).toBeLessThanOrEqual(4);
      expect(name).toMatch(/^[\u4e00-\u9fff]+$/);
    }
    expect(canEncodeGbk(nameAlphabet().join(''))).toBe(true);
  });

  it('derives upper-case pinyin initials, reading surnames as surnames', () => {
    expect(nameInitials('张三')).toBe('ZS');
    expect(nameInitials('单雄')).toBe('SX');
    expect(nameInitials('曾小贤')).toBe('ZXX');
    expect(nameInitials('欧阳娜娜')).toBe('OYNN');
    // Every character a name can contain has one letter, so initials never come out ambiguous.
    for (const ch of nameAlphabet()) expect(pinyin(ch, { pattern: 'first', toneType: 'none' })).toMatch(/^[a-z](\s[a-z])?$/);
  });
});

describe('calendar', () => {
  it('round-trips days and formats dates without the local time zone', () => {
    expect(isoOf(dayOf('2026-10-31'))).toBe('2026-10-31');
    expect(compactOf(dayOf('2024-02-29'))).toBe('20240229');
  });
});
