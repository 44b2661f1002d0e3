import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Zip, ZipDeflate, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ZipEntryError, ZipFormatError, readCentralDirectory } from '../../electron/zip/central-directory.js';
import type { ZipEntryRecord } from '../../electron/zip/central-directory.js';
import { checkCrc, entryData, inflateEntry } from '../../electron/zip/inflate.js';
import { rewriteZip, writeZip } from '../../electron/zip/write.js';
import { REAL } from '../helpers/real-data.js';

/**
 * The one zip module (electron/zip/) against archives written by another implementation (fflate) and checked by
 * other readers (fflate, Info-ZIP `unzip -t` where installed). Damaged archives are made by patching fields at
 * offsets the zip specification gives (APPNOTE 4.3.7 local header, 4.3.12 central record, 4.3.16 end record).
 */
const HELLO = strToU8('hello, 网点');
const BIG = strToU8('客户号,名称,余额\r\n'.repeat(2000));

/** A stored entry, a deflated one and an empty one (fflate deflates it to an empty block). */
const sample = (): Buffer => Buffer.from(zipSync({ 'a.txt': [HELLO, { level: 0 }], 'dir/b.csv': [BIG, { level: 6 }], 'e.txt': new Uint8Array(0) }));

/** Offsets of every occurrence of a four-byte signature. */
function signatures(buf: Buffer, sig: number): number[] {
  const out: number[] = [];
  for (let at = 0; at + 4 <= buf.length; at++) if (buf.readUInt32LE(at) === sig) out.push(at);
  return out;
}
const centralAt = (buf: Buffer, n: number): number => signatures(buf, 0x02014b50)[n] ?? -1;
const endAt = (buf: Buffer): number => buf.length - 22; // fflate writes no archive comment

/** What `f` throws, which must be a `kind`. */
function thrown<E extends Error>(kind: abstract new (...args: never[]) => E, f: () => unknown): E {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(kind);
    return e as E;
  }
  throw new Error('nothing thrown');
}
const refusal = (f: () => unknown): string => thrown(ZipFormatError, f).message;
const detail = (f: () => unknown): { zh: string; en: string } => thrown(ZipEntryError, f).detail;

const entry = (bytes: Uint8Array, name: string): ZipEntryRecord => {
  const e = readCentralDirectory(bytes).entries.find((x) => x.name === name);
  if (e === undefined) throw new Error(`no ${name}`);
  return e;
};

function unzipTest(bytes: Uint8Array): void {
  if (!fs.existsSync('/usr/bin/unzip')) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-zip-'));
  const file = path.join(dir, 'x.zip');
  fs.writeFileSync(file, bytes);
  expect(execFileSync('/usr/bin/unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
  fs.rmSync(dir, { recursive: true });
}

describe('reading the central directory', () => {
  it('gives every entry as recorded: name, method, sizes, CRC, raw central record and local bytes', () => {
    const zip = sample();
    const { entries, comment } = readCentralDirectory(zip);
    expect(entries.map((e) => [e.name, e.method, e.size, e.fault])).toEqual([
      ['a.txt', 0, HELLO.length, null],
      ['dir/b.csv', 8, BIG.length, null],
      ['e.txt', 8, 0, null],
    ]);
    expect(comment.length).toBe(0);
    const [a, b] = entries as [ZipEntryRecord, ZipEntryRecord];
    expect(a.crc).toBe(zlib.crc32(HELLO));
    expect(a.compressedSize).toBe(HELLO.length);
    expect(b.compressedSize).toBeLessThan(BIG.length / 10);
    // The records are the archive's own bytes: 46 + name (fflate writes no extra field or comment here).
    expect(Buffer.from(a.central).equals(zip.subarray(centralAt(zip, 0), centralAt(zip, 0) + 46 + 5))).toBe(true);
    expect(Buffer.from(a.local).equals(zip.subarray(0, 30 + 5 + HELLO.length))).toBe(true);
    expect(Buffer.from(a.local.subarray(a.dataStart)).equals(Buffer.from(HELLO))).toBe(true);
    expect(strFromU8(a.nameBytes)).toBe('a.txt');
    expect(Buffer.from(entryData(b, 1 << 20)).equals(Buffer.from(BIG))).toBe(true);
    expect(entryData(entries[2] as ZipEntryRecord, 1 << 20).length).toBe(0);
  });

  it('takes a data descriptor after the data into the local bytes', () => {
    const chunks: Uint8Array[] = [];
    const z = new Zip((err, data) => {
      if (err !== null) throw err;
      chunks.push(data);
    });
    const f = new ZipDeflate('streamed.xml', { level: 6 });
    z.add(f);
    f.push(BIG, true);
    z.end();
    const e = entry(Buffer.concat(chunks), 'streamed.xml');
    expect(e.flags & 0x8).toBe(0x8);
    // Signature, CRC and both sizes follow the data.
    expect(e.local.length).toBe(e.dataStart + e.compressedSize + 16);
    expect(Buffer.from(e.local).readUInt32LE(e.local.length - 16)).toBe(0x08074b50);
    expect(Buffer.from(entryData(e, 1 << 20)).equals(Buffer.from(BIG))).toBe(true);
  });

  it('refuses an archive it cannot read as a whole, saying why', () => {
    const zip = sample();
    expect(refusal(() => readCentralDirectory(zip.subarray(0, 10)))).toBe('too short to be a zip archive');
    expect(refusal(() => readCentralDirectory(zip.subarray(0, zip.length - 5)))).toBe('no end-of-central-directory record: not a zip archive, or cut short');
    const split = Buffer.from(zip);
    split.writeUInt16LE(1, endAt(split) + 4);
    expect(refusal(() => readCentralDirectory(split))).toBe('multi-volume archives are not supported');
    const counted = Buffer.from(zip);
    counted.writeUInt16LE(0xffff, endAt(counted) + 10);
    expect(refusal(() => readCentralDirectory(counted))).toBe('zip64 archives are not supported');
    // A zip64 end-of-central-directory locator (20 bytes) just before the end record.
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    const located = Buffer.concat([zip.subarray(0, endAt(zip)), locator, zip.subarray(endAt(zip))]);
    expect(refusal(() => readCentralDirectory(located))).toBe('zip64 archives are not supported');
    expect(refusal(() => readCentralDirectory(zip, { maxEntries: 2 }))).toBe('more than 2 entries');
    const outside = Buffer.from(zip);
    outside.writeUInt32LE(zip.length, endAt(outside) + 16);
    expect(refusal(() => readCentralDirectory(outside))).toBe('the central directory lies outside the archive');
    const damaged = Buffer.from(zip);
    damaged.writeUInt32LE(0, centralAt(zip, 1));
    expect(refusal(() => readCentralDirectory(damaged))).toBe('central directory entry 2 is damaged');
  });

  it('marks an entry whose data cannot be found, and reads the others', () => {
    const zip = sample();
    const moved = Buffer.from(zip);
    moved.writeUInt32LE(3, centralAt(zip, 0) + 42);
    const past = Buffer.from(zip);
    past.writeUInt32LE(zip.length, centralAt(zip, 0) + 20);
    const wide = Buffer.from(zip);
    wide.writeUInt32LE(0xffffffff, centralAt(zip, 0) + 24);
    for (const [bytes, en] of [
      [moved, 'has no local header where the directory says'],
      [past, 'runs past the end of the archive'],
      [wide, 'uses zip64 sizes'],
    ] as const) {
      const [a, b] = readCentralDirectory(bytes).entries as [ZipEntryRecord, ZipEntryRecord];
      expect(a.fault?.en).toBe(en);
      expect(a.local.length).toBe(0);
      expect(() => inflateEntry(a, 1 << 20)).toThrow(`a.txt ${en}`);
      expect(b.fault).toBeNull();
      expect(Buffer.from(entryData(b, 1 << 20)).equals(Buffer.from(BIG))).toBe(true);
    }
  });
});

describe('inflating an entry', () => {
  const patched = (field: number, value: number, n = 1, bytes = 4): ZipEntryRecord => {
    const zip = sample();
    const at = centralAt(zip, n) + field;
    if (bytes === 2) zip.writeUInt16LE(value, at);
    else zip.writeUInt32LE(value, at);
    return readCentralDirectory(zip).entries[n] as ZipEntryRecord;
  };

  it('refuses encryption, unknown methods and a declared size above the limit', () => {
    expect(detail(() => inflateEntry(patched(8, 1, 1, 2), 1 << 20))).toEqual({ zh: '已加密', en: 'is encrypted' });
    expect(detail(() => inflateEntry(patched(10, 12, 1, 2), 1 << 20))).toEqual({ zh: '不支持的压缩方式 12', en: 'compression method 12 is not supported' });
    expect(detail(() => inflateEntry(entry(sample(), 'dir/b.csv'), 1000)).en).toBe(`declares ${BIG.length} bytes, more than the 1000 allowed`);
  });

  it('stops a member that inflates past its declared size, and one that is short of it', () => {
    // dir/b.csv declared as 1,000 bytes: zlib stops at 1,001 and the entry is refused, not truncated.
    expect(detail(() => inflateEntry(patched(24, 1000), 1 << 20)).en).toMatch(/^does not inflate \(.+\)$/);
    expect(detail(() => inflateEntry(patched(24, BIG.length + 1), 1 << 20)).en).toBe(`holds ${BIG.length} bytes, the directory says ${BIG.length + 1}`);
  });

  it('leaves the CRC to checkCrc, so a caller may keep data that fails it', () => {
    const e = patched(16, 12345, 0);
    const data = inflateEntry(e, 1 << 20);
    expect(Buffer.from(data).equals(Buffer.from(HELLO))).toBe(true);
    expect(detail(() => checkCrc(e, data))).toEqual({ zh: 'CRC-32 校验不符', en: 'fails its CRC-32 check' });
    expect(() => entryData(e, 1 << 20)).toThrow('a.txt fails its CRC-32 check');
  });
});

describe('writing and rewriting', () => {
  it('writes UTF-8 names, deflated or stored, that fflate and this reader read back', () => {
    const zip = writeZip(
      [
        { name: '汇总/说明.txt', data: HELLO },
        { name: 'b.pdf', data: BIG, store: true },
      ],
      new Date(2026, 10, 22, 9, 30, 10),
    );
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(['汇总/说明.txt', 'b.pdf']);
    const [a, b] = readCentralDirectory(zip).entries as [ZipEntryRecord, ZipEntryRecord];
    expect([a.name, a.method, a.flags, b.method]).toEqual(['汇总/说明.txt', 8, 0x800, 0]);
    expect(Buffer.from(entryData(a, 1 << 20)).equals(Buffer.from(HELLO))).toBe(true);
    // 09:30:10 on 2026-11-22 in DOS form: hours << 11 | minutes << 5 | seconds / 2; (year - 1980) << 9 | month << 5 | day.
    expect(Buffer.from(a.central).readUInt16LE(12)).toBe((9 << 11) | (30 << 5) | 5);
    expect(Buffer.from(a.central).readUInt16LE(14)).toBe((46 << 9) | (11 << 5) | 22);
    unzipTest(zip);
  });

  it('copies an archive with nothing replaced byte for byte, descriptors, extras and comment included', () => {
    for (const file of ['merge_cells.xlsx', 'large_strings.xlsx']) {
      const bytes = fs.readFileSync(path.join(REAL, 'excel', file));
      expect(rewriteZip(readCentralDirectory(bytes), () => undefined).equals(bytes), file).toBe(true);
    }
    const commented = Buffer.concat([sample(), Buffer.from('备注')]);
    commented.writeUInt16LE(Buffer.byteLength('备注'), commented.length - Buffer.byteLength('备注') - 2);
    expect(rewriteZip(readCentralDirectory(commented), () => undefined).equals(commented)).toBe(true);
  });

  it('replaces and drops entries, keeping the others’ bytes and the replaced one’s name, time and extras', () => {
    const extra = Buffer.from([0x34, 0x12, 4, 0, 1, 2, 3, 4]); // a private extra field (id 0x1234, 4 bytes)
    const original = Buffer.from(
      zipSync({
        'keep.txt': [HELLO, { level: 0, mtime: new Date(2024, 0, 2, 3, 4, 6) }],
        'swap.xml': [strToU8('<a/>'), { level: 6, mtime: new Date(2025, 5, 6, 7, 8, 10), extra: { 0x1234: Uint8Array.from([1, 2, 3, 4]) }, comment: '注' }],
        'drop.bin': strToU8('x'),
      }),
    );
    const before = readCentralDirectory(original).entries;
    const out = rewriteZip(readCentralDirectory(original), (e) => (e.name === 'swap.xml' ? BIG : e.name === 'drop.bin' ? null : undefined));
    const after = readCentralDirectory(out).entries;
    expect(after.map((e) => e.name)).toEqual(['keep.txt', 'swap.xml']);
    const [keep, swap] = after as [ZipEntryRecord, ZipEntryRecord];
    const [keep0, swap0] = before as [ZipEntryRecord, ZipEntryRecord];
    expect(Buffer.from(keep.local).equals(Buffer.from(keep0.local))).toBe(true);
    expect(Buffer.from(keep.central).equals(Buffer.from(keep0.central))).toBe(true);
    // The replaced entry: deflated anew, its central extra field, comment, time and date as they were.
    const c = Buffer.from(swap.central);
    const c0 = Buffer.from(swap0.central);
    expect([swap.method, swap.size, swap.crc]).toEqual([8, BIG.length, zlib.crc32(BIG)]);
    expect(c.subarray(46).equals(c0.subarray(46))).toBe(true);
    expect(c.subarray(46 + 8).includes(extra)).toBe(true);
    expect(c.subarray(12, 16).equals(c0.subarray(12, 16))).toBe(true);
    expect(Buffer.from(swap.local).subarray(10, 14).equals(Buffer.from(swap0.local).subarray(10, 14))).toBe(true);
    expect(strFromU8(unzipSync(out)['swap.xml'] as Uint8Array)).toBe(strFromU8(BIG));
    unzipTest(out);
  });
});
