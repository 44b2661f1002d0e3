import { Inflate, deflateSync } from 'fflate';

/**
 * The zip container of an .xlsx, read and written entry by entry so that a filled template differs from the
 * uploaded one only in the parts the filler changed: every other entry (styles, drawings, images, other sheets)
 * is copied with its compressed bytes, timestamps and flags exactly as the writing program left them.
 * fflate inflates the few parts that are read and deflates the few that are rewritten.
 */
export interface ZipEntry {
  /** The name as stored (OOXML part names are ASCII). */
  name: string;
  /** Folded for lookups: OPC part names are case-insensitive, zip names are not. */
  key: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** The central directory record as read (46 bytes + name + extra + comment). */
  central: Uint8Array;
  /** The local header, data and data descriptor as read. */
  local: Uint8Array;
  /** Where the compressed data starts inside `local`. */
  dataStart: number;
}

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_DESCRIPTOR = 0x08074b50;

/** A part this large inflated is not a report template but damage or a zip bomb. */
export const MAX_PART_BYTES = 64 * 1024 * 1024;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = (CRC_TABLE[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const view = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);

export const partKeyOf = (name: string): string => name.replace(/^\/+/, '').toLowerCase();

function findEnd(dv: DataView): number {
  // The end record is 22 bytes plus a comment of at most 65,535.
  const stop = Math.max(0, dv.byteLength - 22 - 0xffff);
  for (let at = dv.byteLength - 22; at >= stop; at--) if (dv.getUint32(at, true) === SIG_END) return at;
  throw new ZipFormatError('not a zip archive (no end of central directory)');
}

/** The entries in central-directory order; refuses what it cannot rewrite faithfully (ZIP64, split archives). */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  if (bytes.length < 22) throw new ZipFormatError('not a zip archive (too short)');
  const dv = view(bytes);
  const end = findEnd(dv);
  if (end >= 20 && dv.getUint32(end - 20, true) === SIG_ZIP64_LOCATOR) throw new ZipFormatError('ZIP64 archives are not supported');
  if (dv.getUint16(end + 4, true) !== 0 || dv.getUint16(end + 6, true) !== 0) throw new ZipFormatError('split archives are not supported');
  const count = dv.getUint16(end + 10, true);
  const cdSize = dv.getUint32(end + 12, true);
  const cdOffset = dv.getUint32(end + 16, true);
  if (cdOffset + cdSize > end) throw new ZipFormatError('the central directory lies outside the file');
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || dv.getUint32(at, true) !== SIG_CENTRAL) throw new ZipFormatError(`central directory record ${i + 1} is damaged`);
    const flags = dv.getUint16(at + 8, true);
    const method = dv.getUint16(at + 10, true);
    const crc = dv.getUint32(at + 16, true);
    const compressedSize = dv.getUint32(at + 20, true);
    const size = dv.getUint32(at + 24, true);
    const nameLen = dv.getUint16(at + 28, true);
    const extraLen = dv.getUint16(at + 30, true);
    const commentLen = dv.getUint16(at + 32, true);
    const localOffset = dv.getUint32(at + 42, true);
    const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(bytes.subarray(at + 46, at + 46 + nameLen));
    const central = bytes.subarray(at, at + 46 + nameLen + extraLen + commentLen);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw new ZipFormatError('ZIP64 entries are not supported');
    if (localOffset + 30 > bytes.length || dv.getUint32(localOffset, true) !== SIG_LOCAL) throw new ZipFormatError(`the local header of ${name} is missing`);
    const dataStart = 30 + dv.getUint16(localOffset + 26, true) + dv.getUint16(localOffset + 28, true);
    let length = dataStart + compressedSize;
    if (flags & 0x8) {
      // A data descriptor follows the data, with or without its optional signature.
      const d = localOffset + length;
      length += d + 4 <= bytes.length && dv.getUint32(d, true) === SIG_DESCRIPTOR ? 16 : 12;
    }
    if (localOffset + length > bytes.length) throw new ZipFormatError(`the data of ${name} runs past the end of the file`);
    entries.push({ name, key: partKeyOf(name), method, flags, crc, compressedSize, size, central, local: bytes.subarray(localOffset, localOffset + length), dataStart });
    at += central.length;
  }
  return entries;
}

/** The inflated bytes of one entry, refusing encryption, unknown methods and anything above `limit`. */
export function entryBytes(entry: ZipEntry, limit = MAX_PART_BYTES): Uint8Array {
  if (entry.flags & 0x1) throw new ZipFormatError(`${entry.name} is encrypted`);
  const data = entry.local.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let out: Uint8Array;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) {
    const chunks: Uint8Array[] = [];
    let total = 0;
    const inflate = new Inflate((chunk) => {
      total += chunk.length;
      if (total > limit) throw new ZipFormatError(`${entry.name} inflates to more than ${limit} bytes`);
      chunks.push(chunk);
    });
    for (let i = 0; i < data.length; i += 65_536) inflate.push(data.subarray(i, Math.min(data.length, i + 65_536)), i + 65_536 >= data.length);
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
    out = new Uint8Array(total);
    let pos = 0;
    for (const c of chunks) {
      out.set(c, pos);
      pos += c.length;
    }
  } else throw new ZipFormatError(`${entry.name} uses an unsupported compression method (${entry.method})`);
  if (out.length > limit) throw new ZipFormatError(`${entry.name} is larger than ${limit} bytes`);
  if (crc32(out) !== entry.crc) throw new ZipFormatError(`${entry.name} fails its CRC check`);
  return out;
}

export function entryText(entry: ZipEntry): string {
  return new TextDecoder('utf-8').decode(entryBytes(entry));
}

function u16(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff];
}
function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

/**
 * The archive again with `replace` applied: a part mapped to bytes is deflated anew (its name, timestamp and
 * central-directory extras kept), a part mapped to null is left out, every other entry is copied byte for byte.
 * Entries keep their order; the archive comment is kept.
 */
export function writeZip(original: Uint8Array, entries: readonly ZipEntry[], replace: ReadonlyMap<string, Uint8Array | null>): Uint8Array {
  const dv = view(original);
  const endAt = findEnd(dv);
  const comment = original.subarray(endAt + 22, endAt + 22 + dv.getUint16(endAt + 20, true));
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const next = replace.get(entry.key);
    if (next === null) continue;
    let local = entry.local;
    const central = Uint8Array.from(entry.central);
    const cv = view(central);
    if (next !== undefined) {
      const data = deflateSync(next, { level: 6 });
      const crc = crc32(next);
      // Same name and timestamp; no data descriptor (sizes are known), deflated, UTF-8 flag kept.
      const flags = entry.flags & 0x800;
      const lv = view(entry.local);
      const nameBytes = entry.local.subarray(30, 30 + lv.getUint16(26, true));
      const header = Uint8Array.from([
        ...u32(SIG_LOCAL),
        ...u16(20),
        ...u16(flags),
        ...u16(8),
        ...u16(lv.getUint16(10, true)),
        ...u16(lv.getUint16(12, true)),
        ...u32(crc),
        ...u32(data.length),
        ...u32(next.length),
        ...u16(nameBytes.length),
        ...u16(0),
      ]);
      local = new Uint8Array(header.length + nameBytes.length + data.length);
      local.set(header, 0);
      local.set(nameBytes, header.length);
      local.set(data, header.length + nameBytes.length);
      cv.setUint16(6, 20, true);
      cv.setUint16(8, flags, true);
      cv.setUint16(10, 8, true);
      cv.setUint32(16, crc, true);
      cv.setUint32(20, data.length, true);
      cv.setUint32(24, next.length, true);
    }
    cv.setUint32(42, offset, true);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  if (offset + cdSize > 0xffffffff || centrals.length > 0xffff) throw new ZipFormatError('the filled workbook would need ZIP64');
  const end = Uint8Array.from([
    ...u32(SIG_END),
    ...u16(0),
    ...u16(0),
    ...u16(centrals.length),
    ...u16(centrals.length),
    ...u32(cdSize),
    ...u32(offset),
    ...u16(comment.length),
  ]);
  const out = new Uint8Array(offset + cdSize + end.length + comment.length);
  let pos = 0;
  for (const part of [...locals, ...centrals, end, comment]) {
    out.set(part, pos);
    pos += part.length;
  }
  return out;
}
