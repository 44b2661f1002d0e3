import zlib from 'node:zlib';
import type { LocalizedText } from '../../shared/i18n/locale.js';

/**
 * A strict reader of the .zip files the workbench writes (and of the .xlsx inside them), written out so the
 * verifier sees what a general unzip tool hides: every central-directory entry with its raw name (an entry named
 * `../x` or `/etc/x` is reported, never resolved), duplicate names, the stored CRC-32 against the data, and the
 * declared sizes (a member may not inflate past what it declares, so a crafted archive cannot exhaust memory).
 * Zip64 and encrypted entries are not produced by the workbench and are refused.
 */
export interface ZipEntry {
  name: string;
  /** The member's bytes; null when they could not be read (see the issues). */
  data: Buffer | null;
  directory: boolean;
}

export type ZipIssue =
  | { kind: 'unsafe_path'; name: string }
  | { kind: 'duplicate'; name: string }
  | { kind: 'corrupt'; name: string; detail: LocalizedText };

export interface ZipContents {
  /** Set when the archive as a whole cannot be read: nothing else is then reported. */
  fatal: string | null;
  entries: ZipEntry[];
  issues: ZipIssue[];
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;
const MAX_ENTRIES = 10_000;
/** Largest member the reader inflates (the 200,000-client credited-clients CSV is about 40 MB). */
export const MAX_MEMBER_BYTES = 1 << 30;

/** A path inside an archive that stays inside it: relative, forward slashes, no `.`/`..` segments, no drive. */
export function isSafeZipPath(name: string): boolean {
  if (name === '' || name.length > 400) return false;
  if (name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name)) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return false;
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  return segments.every((s) => s !== '' && s !== '.' && s !== '..');
}

function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 65_535);
  for (let i = buf.length - 22; i >= min; i--) if (buf.readUInt32LE(i) === EOCD_SIG) return i;
  return -1;
}

const fail = (fatal: string): ZipContents => ({ fatal, entries: [], issues: [] });

/** Why an entry cannot be read, in both languages. */
class EntryError extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.en);
  }
}
const broken = (zh: string, en: string): EntryError => new EntryError({ zh, en });

function inflate(method: number, raw: Buffer, size: number): Buffer {
  if (method === 0) return raw;
  if (method !== 8) throw broken(`不支持的压缩方式 ${method}`, `compression method ${method} is not supported`);
  if (size > MAX_MEMBER_BYTES) throw broken(`声明 ${size} 字节，超过允许的 ${MAX_MEMBER_BYTES} 字节`, `declares ${size} bytes, more than the ${MAX_MEMBER_BYTES} allowed`);
  try {
    // One byte more than declared, so an entry that inflates past its declared size is caught, not truncated.
    return zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, size + 1) });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw broken(`无法解压（${why}）`, `does not inflate (${why})`);
  }
}

/** Reads every entry of a zip archive; never throws. */
export function readZip(bytes: Uint8Array): ZipContents {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22) return fail('too short to be a zip archive');
  const eocd = findEocd(buf);
  if (eocd < 0) return fail('no end-of-central-directory record: not a zip archive, or cut short');
  const total = buf.readUInt16LE(eocd + 10);
  const cenSize = buf.readUInt32LE(eocd + 12);
  const cenOffset = buf.readUInt32LE(eocd + 16);
  if (buf.readUInt16LE(eocd + 4) !== 0 || buf.readUInt16LE(eocd + 6) !== 0) return fail('multi-volume archives are not supported');
  if (total === 0xffff || cenOffset === 0xffffffff || cenSize === 0xffffffff) return fail('zip64 archives are not supported');
  if (total > MAX_ENTRIES) return fail(`more than ${MAX_ENTRIES} entries`);
  if (cenOffset + cenSize > eocd) return fail('the central directory lies outside the archive');
  const entries: ZipEntry[] = [];
  const issues: ZipIssue[] = [];
  const seen = new Set<string>();
  let p = cenOffset;
  for (let n = 0; n < total; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CEN_SIG) return fail(`central directory entry ${n + 1} is damaged`);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const csize = buf.readUInt32LE(p + 20);
    const usize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen > eocd) return fail(`central directory entry ${n + 1} is damaged`);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    const directory = name.endsWith('/');
    if (!isSafeZipPath(name)) issues.push({ kind: 'unsafe_path', name });
    if (seen.has(name)) issues.push({ kind: 'duplicate', name });
    seen.add(name);
    const entry: ZipEntry = { name, data: null, directory };
    entries.push(entry);
    try {
      if ((flags & 1) !== 0) throw broken('已加密', 'is encrypted');
      if (csize === 0xffffffff || usize === 0xffffffff) throw broken('使用 zip64 大小', 'uses zip64 sizes');
      if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOC_SIG) throw broken('目录所指位置没有本地文件头', 'has no local header where the directory says');
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      if (start + csize > buf.length) throw broken('超出压缩包末尾', 'runs past the end of the archive');
      const data = inflate(method, buf.subarray(start, start + csize), usize);
      if (data.length !== usize) throw broken(`实有 ${data.length} 字节，目录记录为 ${usize} 字节`, `holds ${data.length} bytes, the directory says ${usize}`);
      // Keep the data for the hash check even when its CRC fails (a stored member flipped in place still hashes).
      entry.data = data;
      if (zlib.crc32(data) >>> 0 !== crc >>> 0) throw broken('CRC-32 校验不符', 'fails its CRC-32 check');
    } catch (e) {
      issues.push({ kind: 'corrupt', name, detail: e instanceof EntryError ? e.text : { zh: String(e), en: String(e) } });
    }
  }
  return { fatal: null, entries, issues };
}
