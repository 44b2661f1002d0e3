import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDemoExtracts } from '../../electron/demo/extracts.js';
import { FILES } from '../../electron/demo/formats.js';
import { encodeGbk, gbkByteLength } from '../../electron/demo/gbk.js';
import { layoutHeaders, parseLayout } from '../../electron/import/fixed-width-layout.js';
import type { FixedWidthEncoding, FixedWidthField, FixedWidthLayout, FixedWidthLineEnding } from '../../electron/import/fixed-width-layout.js';
import type { RawRow } from '../../electron/import/read-delimited.js';
import { insertImpliedPoint, readFixedWidth } from '../../electron/import/read-fixed-width.js';
import type { FixedWidthOptions } from '../../electron/import/read-fixed-width.js';
import { parseAmountFen } from '../../electron/import/values.js';
import { makeTempDir } from '../helpers/temp.js';

const tmp = makeTempDir('fixed-width');
afterAll(() => tmp.cleanup());

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'fixed-width');
const fixtureBytes = fs.readFileSync(path.join(FIXTURES, 'clients-gbk.txt'));

function mustParse(json: unknown): FixedWidthLayout {
  const parsed = parseLayout(json);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.layout;
}

const fixtureLayout = mustParse(JSON.parse(fs.readFileSync(path.join(FIXTURES, 'clients-gbk.layout.json'), 'utf8')));

async function readAll(source: string | Buffer, layout: FixedWidthLayout, opts: FixedWidthOptions = {}): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const batch of readFixedWidth(source, layout, opts)) rows.push(...batch);
  return rows;
}

function writeTemp(name: string, bytes: Uint8Array): string {
  const file = path.join(tmp.dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** What the fixture holds; see tests/fixtures/fixed-width/README.md. */
const FIXTURE_CELLS = [
  ['1000000001', '张三', '1234.56', '20240315', '0'],
  ['1000000002', '欧阳娜娜', '-0.50', '', '1'],
  ['1000000003', '李四', '1234.56-', '', '0'],
  ['1000000004', '赵钱孙李周吴郑王冯陈', '0.00', '20991231', '0'],
  ['1000000005', 'Zhang Wei 张伟', '', '20240229', ''],
];

describe('parseLayout', () => {
  it('normalises encodings, line endings and the demo vocabulary', () => {
    expect(fixtureLayout.encoding).toBe('gb18030');
    expect(fixtureLayout.lineEnding).toBe('CRLF');
    expect(layoutHeaders(fixtureLayout)).toEqual(['客户号', '客户名称', '余额', '开户日期', '状态']);
    const layout = mustParse({
      name: 'x',
      encoding: 'UTF-8',
      lineEnding: 'lf',
      fields: [
        { field: 'a', start: 1, length: 3, type: 'Decimal', decimals: 1 },
        { field: 'b', label: '乙', start: 4, length: 2 },
      ],
      codes: { b: { '01': '甲类' } },
    });
    expect(layout).toEqual({
      name: 'x',
      encoding: 'utf-8',
      lineEnding: 'LF',
      fields: [
        { field: 'a', label: 'a', start: 1, length: 3, type: 'number', decimals: 1 },
        { field: 'b', label: '乙', start: 4, length: 2, type: 'string', values: { '01': '甲类' } },
      ],
    });
  });

  it('gives back the same layout from its own saved JSON', () => {
    expect(mustParse(JSON.parse(JSON.stringify(fixtureLayout)))).toEqual(fixtureLayout);
  });

  it('lists every problem of a layout at once', () => {
    const parsed = parseLayout({
      name: '坏布局',
      encoding: 'EBCDIC',
      lineEnding: 'none',
      positions: '0-based byte offsets',
      recordLength: 30,
      fields: [
        { field: 'account_no', label: '账号', start: 1, length: 20 },
        { field: 'client_no', label: '客户号', start: 15, length: 10 },
        { field: 'account_no', label: '户名', start: 26, length: 0 },
        { field: 'amount', label: '账号', start: 27, length: 8, type: 'amount', decimals: 2 },
        { field: 'status', label: '状态', start: 0, length: 1, type: 'string', decimals: 1 },
      ],
      codes: { nope: { '0': 'x' } },
    });
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    const expected = [
      /encoding “EBCDIC” is not known/,
      /only 1-based byte offsets/,
      /codes are given for “nope”/,
      /field name “account_no” is used more than once/,
      /label “账号” is used by more than one field/,
      /length must be at least 1 byte, got 0/,
      /bytes 27–34 run past the record length 30/,
      /start must be 1 or more .* got 0/,
      /状态 \(status\): only number and amount fields can have implied decimals/,
      /账号 \(account_no\) \(bytes 1–20\) and 客户号 \(client_no\) \(bytes 15–24\) overlap/,
    ];
    for (const re of expected) expect(problems.some((p) => re.test(p)), `${re.source} in\n${problems.join('\n')}`).toBe(true);
    expect(problems).toHaveLength(expected.length);
  });

  it('reports shape problems with their path, and none without a record length', () => {
    const shape = parseLayout({ name: '', encoding: 'GBK', fields: [{ field: 'a', start: '1', length: 1.5, type: 'blob' }] });
    expect(shape.ok ? [] : shape.problems).toEqual([
      'name: name is empty',
      'fields[0].start: Invalid input: expected number, received string',
      'fields[0].length: length must be a whole number',
      'fields[0].type: type must be one of string, number, amount, date, integer',
    ]);
    const none = parseLayout({ name: 'n', encoding: 'GBK', lineEnding: 'none', fields: [{ field: 'a', start: 1, length: 1 }] });
    expect(none.ok ? [] : none.problems).toEqual(['recordLength is required when lineEnding is none (records are not separated)']);
    expect(parseLayout({ name: 'u', encoding: 'UTF-16LE', fields: [{ field: 'a', start: 1, length: 1 }] }).ok).toBe(false);
    expect(parseLayout(null).ok).toBe(false);
  });
});

describe('insertImpliedPoint', () => {
  it('places the point and keeps signs where they are', () => {
    expect(insertImpliedPoint('00000000000123456', 2)).toBe('1234.56');
    expect(insertImpliedPoint('00000', 2)).toBe('0.00');
    expect(insertImpliedPoint('7', 3)).toBe('0.007');
    expect(insertImpliedPoint('-0000012345', 2)).toBe('-123.45');
    expect(insertImpliedPoint('+12345', 2)).toBe('+123.45');
    expect(insertImpliedPoint('0000012345-', 2)).toBe('123.45-');
    expect(insertImpliedPoint('-   12345', 2)).toBe('-123.45');
    expect(insertImpliedPoint('123.45', 2)).toBe('123.45');
    expect(insertImpliedPoint('-123-', 2)).toBe('-123-');
    expect(insertImpliedPoint('12A45', 2)).toBe('12A45');
    expect(insertImpliedPoint('12345', 0)).toBe('12345');
  });
});

describe('readFixedWidth', () => {
  it('cuts GBK records by byte offset, not by character', async () => {
    // Record 1's name is 2 characters but 4 bytes: character slicing would start the amount 2 bytes late.
    expect(fixtureBytes.indexOf(Buffer.from('000000000123456'))).toBe(30);
    const mismatches: number[] = [];
    const rows = await readAll(path.join(FIXTURES, 'clients-gbk.txt'), fixtureLayout, { onLengthMismatch: (r) => mismatches.push(r) });
    expect(rows.map((r) => r.cells)).toEqual(FIXTURE_CELLS);
    // The blank line at the end is not a record.
    expect(rows.map((r) => r.record)).toEqual([1, 2, 3, 4, 5]);
    expect(mismatches).toEqual([]);
    // The amounts are what validation turns into fen.
    expect(rows.map((r) => parseAmountFen(r.cells[2] ?? ''))).toEqual([
      { ok: true, value: 123456 },
      { ok: true, value: -50 },
      { ok: true, value: -123456 },
      { ok: true, value: 0 },
      { ok: true, value: null },
    ]);
  });

  it('reads an uploaded buffer like a file', async () => {
    const rows = await readAll(fixtureBytes, fixtureLayout, { batchSize: 2 });
    expect(rows.map((r) => r.cells)).toEqual(FIXTURE_CELLS);
  });

  it('reads LF files and back-to-back records without separators', async () => {
    const lf = writeTemp('lf.txt', Buffer.from(fixtureBytes.toString('latin1').replaceAll('\r\n', '\n'), 'latin1'));
    expect((await readAll(lf, { ...fixtureLayout, lineEnding: 'LF' })).map((r) => r.cells)).toEqual(FIXTURE_CELLS);
    // A CRLF layout reads an LF file too: the CR is optional.
    expect((await readAll(lf, fixtureLayout)).map((r) => r.cells)).toEqual(FIXTURE_CELLS);
    // 'none': no separators at all, then a final CRLF that is not a record.
    const joined = `${fixtureBytes.toString('latin1').replaceAll('\r\n', '')}\r\n`;
    const none = writeTemp('none.txt', Buffer.from(joined, 'latin1'));
    const mismatches: number[] = [];
    const rows = await readAll(none, { ...fixtureLayout, lineEnding: 'none' }, { onLengthMismatch: (r) => mismatches.push(r) });
    expect(rows.map((r) => r.cells)).toEqual(FIXTURE_CELLS);
    expect(rows.map((r) => r.record)).toEqual([1, 2, 3, 4, 5]);
    expect(mismatches).toEqual([]);
  });

  it('reports records of the wrong length and still yields them, missing fields empty', async () => {
    const text = fixtureBytes.toString('latin1').split('\r\n');
    const lines = [text[0], (text[1] ?? '').slice(0, 36), `${text[2] ?? ''}XYZ`, '', text[3]];
    const file = writeTemp('short.txt', Buffer.from(`${lines.join('\r\n')}\r\n\r\n\r\n`, 'latin1'));
    const seen: Array<[number, number, number]> = [];
    const rows = await readAll(file, fixtureLayout, { onLengthMismatch: (r, actual, expected) => seen.push([r, actual, expected]) });
    expect(seen).toEqual([
      [2, 36, 54],
      [3, 57, 54],
      [4, 0, 54],
    ]);
    expect(rows.map((r) => r.record)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[1]?.cells).toEqual(['1000000002', '欧阳娜娜', '-0.00', '', '']);
    expect(rows[2]?.cells).toEqual(FIXTURE_CELLS[2]);
    // A blank line inside the file is a record, so its number still matches the line the user sees.
    expect(rows[3]?.cells).toEqual(['', '', '', '', '']);
    // Without a declared record length, only records too short for the last field are reported.
    const open: FixedWidthLayout = { name: fixtureLayout.name, encoding: fixtureLayout.encoding, lineEnding: fixtureLayout.lineEnding, fields: fixtureLayout.fields };
    const loose: number[] = [];
    await readAll(file, open, { onLengthMismatch: (r) => loose.push(r) });
    expect(loose).toEqual([2, 4]);
  });

  it('reports a short final record after back-to-back records', async () => {
    const joined = fixtureBytes.toString('latin1').replaceAll('\r\n', '').slice(0, 54 * 2 + 20);
    const seen: Array<[number, number]> = [];
    const rows = await readAll(Buffer.from(joined, 'latin1'), { ...fixtureLayout, lineEnding: 'none' }, { onLengthMismatch: (r, n) => seen.push([r, n]) });
    expect(seen).toEqual([[3, 20]]);
    expect(rows.map((r) => r.cells[0])).toEqual(['1000000001', '1000000002', '1000000003']);
    expect(rows[2]?.cells.slice(1)).toEqual(['李四', '', '', '']);
  });

  it('keeps records whole across read chunks, in every line mode', async () => {
    const record = fixtureBytes.subarray(0, 54);
    const count = 50_000; // 2.8 MB: records straddle the 1 MB chunks at many offsets
    for (const [mode, sep] of [
      ['CRLF', '\r\n'],
      ['LF', '\n'],
      ['none', ''],
    ] as const) {
      const one = Buffer.concat([record, Buffer.from(sep)]);
      const file = writeTemp(`big-${mode}.txt`, Buffer.concat(Array.from({ length: count }, () => one)));
      const want = (FIXTURE_CELLS[0] ?? []).join('|');
      let n = 0;
      let wrong = 0;
      let mismatches = 0;
      let biggest = 0;
      for await (const batch of readFixedWidth(file, { ...fixtureLayout, lineEnding: mode }, { batchSize: 777, onLengthMismatch: () => mismatches++ })) {
        biggest = Math.max(biggest, batch.length);
        for (const row of batch) if (row.record !== ++n || row.cells.join('|') !== want) wrong++;
      }
      expect({ mode, n, wrong, mismatches, biggest }).toEqual({ mode, n: count, wrong: 0, mismatches: 0, biggest: 777 });
    }
  });

  it('skips a UTF-8 BOM and cuts UTF-8 by bytes (3 per character)', async () => {
    const layout = mustParse({
      name: 'u',
      encoding: 'utf8',
      recordLength: 13,
      fields: [
        { field: 'name', label: '名称', start: 1, length: 9 },
        { field: 'code', label: '代码', start: 10, length: 4 },
      ],
    });
    const bytes = Buffer.from('\ufeff中国人AB12\n工行   C3 \n', 'utf8');
    expect((await readAll(bytes, layout)).map((r) => r.cells)).toEqual([
      ['中国人', 'AB12'],
      ['工行', 'C3'],
    ]);
  });

  it('refuses a file with no line breaks when the layout expects them', async () => {
    const file = writeTemp('one-line.txt', Buffer.alloc(200_000, 0x31));
    await expect(readAll(file, fixtureLayout)).rejects.toThrow(/no line ending within 65536 bytes/);
  });

  it('fails cleanly on a missing file and stops early without error', async () => {
    await expect(readAll(path.join(tmp.dir, 'missing.txt'), fixtureLayout)).rejects.toThrow(/ENOENT/);
    const file = writeTemp('early.txt', Buffer.concat(Array.from({ length: 10 }, () => fixtureBytes)));
    for await (const batch of readFixedWidth(file, fixtureLayout, { batchSize: 3 })) {
      expect(batch).toHaveLength(3);
      break;
    }
  });

  it('reads the demo holdings extract with its own layout file', async () => {
    const dir = path.join(tmp.dir, 'demo');
    await writeDemoExtracts(dir, { clients: 300, managers: 4 }, {});
    const layout = mustParse(JSON.parse(fs.readFileSync(path.join(dir, FILES.holdingsLayout), 'utf8')));
    expect(layout.recordLength).toBe(121);
    expect(layoutHeaders(layout)).toEqual(['账号', '客户号', '产品类别', '产品代码', '产品名称', '币种', '金额', '开户日期', '到期日期', '状态']);
    expect(layout.fields.find((f) => f.field === 'amount')).toMatchObject({ type: 'number', decimals: 2 });
    expect(layout.fields.find((f) => f.field === 'status')?.values).toEqual({ '0': 'open', '1': 'closed' });

    const mismatches: number[] = [];
    const rows = await readAll(path.join(dir, FILES.holdings), layout, { onLengthMismatch: (r) => mismatches.push(r) });
    expect(mismatches).toEqual([]);
    // An independent cut of the same bytes: whole file, split on CRLF, decode each field on its own.
    const bytes = fs.readFileSync(path.join(dir, FILES.holdings));
    const gbk = new TextDecoder('gbk');
    const lines = bytes.toString('latin1').split('\r\n').slice(0, -1);
    expect(rows).toHaveLength(lines.length);
    const clientFile = gbk.decode(fs.readFileSync(path.join(dir, FILES.clients)));
    const clientNos = new Set(clientFile.split('\r\n').map((l) => l.split(',')[0]));
    lines.forEach((_, i) => {
      const rec = bytes.subarray(i * 123, i * 123 + 121);
      const field = (name: string): string => {
        const f = layout.fields.find((x) => x.field === name);
        return f === undefined ? '?' : gbk.decode(rec.subarray(f.start - 1, f.start - 1 + f.length)).trim();
      };
      const cells = rows[i]?.cells ?? [];
      expect(rows[i]?.record).toBe(i + 1);
      expect(cells[0]).toBe(field('account_no'));
      expect(cells[1]).toBe(field('client_no'));
      expect(clientNos.has(cells[1])).toBe(true);
      expect(cells[4]).toBe(field('product_name'));
      expect(parseAmountFen(cells[6] ?? '')).toEqual({ ok: true, value: Number(field('amount')) });
      expect(cells[8]).toBe(field('maturity_date'));
    });
    expect(rows.some((r) => /[\u4e00-\u9fff]/.test(r.cells[4] ?? ''))).toBe(true);
    expect(new Set(rows.map((r) => r.cells[0])).size).toBe(rows.length);
  });
});

/** Text that fits a field: ASCII and Chinese mixed, so byte and character positions part ways. */
const fieldText = (bytes: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom('A', 'z', '7', '-', '.', ' ', '张', '欧', '阳', '·', '行'), maxLength: bytes }).map((s) => {
    let out = s;
    while (gbkByteLength(out) > bytes) out = out.slice(0, -1);
    return out;
  });

interface GenField {
  amount: boolean;
  length: number;
  decimals: number;
  gap: number;
}

const genField: fc.Arbitrary<GenField> = fc.record({
  amount: fc.boolean(),
  length: fc.integer({ min: 1, max: 18 }),
  decimals: fc.integer({ min: 0, max: 3 }),
  gap: fc.integer({ min: 0, max: 3 }),
});

/** A layout of a 6-digit key (so no record is blank) and the generated fields, with gaps between them. */
function buildLayout(gen: GenField[], lineEnding: FixedWidthLineEnding): FixedWidthLayout {
  const fields: FixedWidthField[] = [{ field: 'key', label: 'key', start: 1, length: 6, type: 'string' }];
  let next = 7;
  gen.forEach((g, i) => {
    const start = next + g.gap;
    const f: FixedWidthField = { field: `f${i}`, label: `f${i}`, start, length: g.length, type: g.amount ? 'amount' : 'string' };
    if (g.amount) f.decimals = Math.min(g.decimals, g.length);
    fields.push(f);
    next = start + g.length;
  });
  return { name: 'p', encoding: 'gb18030', lineEnding, recordLength: next - 1, fields };
}

describe('readFixedWidth properties', () => {
  it('reads back whatever was written at the byte positions', async () => {
    const scenario = fc
      .record({ gen: fc.array(genField, { minLength: 1, maxLength: 8 }), lineEnding: fc.constantFrom<FixedWidthLineEnding>('CRLF', 'LF', 'none') })
      .chain(({ gen, lineEnding }) => {
        const layout = buildLayout(gen, lineEnding);
        const value = (f: FixedWidthField): fc.Arbitrary<string> =>
          f.type === 'amount' ? fc.bigInt({ min: 0n, max: 10n ** BigInt(f.length) - 1n }).map((n) => n.toString().padStart(f.length, '0')) : fieldText(f.length);
        const record = fc.tuple(...layout.fields.slice(1).map(value));
        return fc.record({ layout: fc.constant(layout), records: fc.array(record, { minLength: 1, maxLength: 12 }), batchSize: fc.integer({ min: 1, max: 5 }) });
      });
    await fc.assert(
      fc.asyncProperty(scenario, async ({ layout, records, batchSize }) => {
        const width = layout.recordLength ?? 0;
        const sep = { CRLF: '\r\n', LF: '\n', none: '' }[layout.lineEnding];
        const parts = records.map((values, r) => {
          const rec = Buffer.alloc(width, 0x20);
          rec.write(String(r).padStart(6, '0'), 0, 'latin1');
          values.forEach((v, i) => rec.set(encodeGbk(v), (layout.fields[i + 1]?.start ?? 1) - 1));
          return Buffer.concat([rec, Buffer.from(sep)]);
        });
        const expected = records.map((values, r) => [
          String(r).padStart(6, '0'),
          ...values.map((v, i) => {
            const f = layout.fields[i + 1];
            const d = BigInt(f?.decimals ?? 0);
            if (f?.type !== 'amount' || d === 0n) return v.replace(/^ +| +$/g, '');
            const n = BigInt(v);
            return `${n / 10n ** d}.${(n % 10n ** d).toString().padStart(Number(d), '0')}`;
          }),
        ]);
        let mismatches = 0;
        const rows = await readAll(Buffer.concat(parts), layout, { batchSize, onLengthMismatch: () => mismatches++ });
        expect(rows.map((r) => r.cells)).toEqual(expected);
        expect(rows.map((r) => r.record)).toEqual(records.map((_, i) => i + 1));
        expect(mismatches).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random bytes, and always yields one cell per field', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.constantFrom<FixedWidthLineEnding>('CRLF', 'LF', 'none'),
        fc.constantFrom<FixedWidthEncoding>('gb18030', 'utf-8'),
        async (bytes, lineEnding, encoding) => {
          const layout: FixedWidthLayout = { ...fixtureLayout, lineEnding, encoding };
          const reported: number[] = [];
          const rows = await readAll(Buffer.from(bytes), layout, { batchSize: 7, onLengthMismatch: (r) => reported.push(r) });
          let last = 0;
          for (const row of rows) {
            expect(row.record).toBeGreaterThan(last);
            last = row.record;
            expect(row.cells).toHaveLength(5);
            for (const c of row.cells) expect(typeof c).toBe('string');
          }
          const numbers = new Set(rows.map((r) => r.record));
          for (const r of reported) expect(numbers.has(r)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
