import zlib from 'node:zlib';
import { FLAG_UTF8, MAX_16, MAX_32, SIG_CENTRAL, SIG_END, SIG_LOCAL } from './central-directory.js';
import type { ZipArchive, ZipEntryRecord } from './central-directory.js';

/**
 * Writes plain zip archives (no zip64, no encryption), the counterpart of central-directory.ts: a new archive
 * from members (`writeZip`), or an existing one again with some entries replaced or left out and every other
 * entry copied byte for byte (`rewriteZip`). Data is deflated with Node's zlib (native: the 200,000-client CSV
 * deflates in a fifth of the time a JavaScript deflater takes) or stored when already compressed.
 */
export interface ZipMember {
  name: string;
  data: Uint8Array;
  /** Store without compressing (data that is already compressed). */
  store?: boolean;
}

/** The fields a local header (from offset 4) and a central record (from offset 6) share, in the same layout. */
interface Packed {
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  data: Buffer;
}

const asBuffer = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/** DOS date and time of a moment (local time, as zip tools show it; 2-second steps). */
export function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.min(Math.max(at.getFullYear(), 1980), 2107);
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

function pack(name: string, bytes: Uint8Array, store: boolean, flags: number): Packed {
  const raw = asBuffer(bytes);
  const data = store ? raw : zlib.deflateRawSync(raw, { level: 6 });
  if (raw.length >= MAX_32 || data.length >= MAX_32) throw new RangeError(`${name} is too large for a zip without zip64`);
  return { flags, method: store ? 0 : 8, crc: zlib.crc32(raw) >>> 0, compressedSize: data.length, size: raw.length, data };
}

/** Version needed (2.0), flags, method, time, date, CRC, sizes and the name's length, from `at`. */
function writeFields(header: Buffer, at: number, p: Packed, time: number, date: number, nameLength: number): void {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(p.flags, at + 2);
  header.writeUInt16LE(p.method, at + 4);
  header.writeUInt16LE(time, at + 6);
  header.writeUInt16LE(date, at + 8);
  header.writeUInt32LE(p.crc, at + 10);
  header.writeUInt32LE(p.compressedSize, at + 14);
  header.writeUInt32LE(p.size, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
}

/** A local header without extra field, its name and its data. */
function localParts(p: Packed, name: Uint8Array, time: number, date: number): Uint8Array[] {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(SIG_LOCAL, 0);
  writeFields(header, 4, p, time, date, name.length);
  return [header, name, p.data];
}

interface Piece {
  /** Local header, name, data (and descriptor), in order. */
  local: Uint8Array[];
  /** The central record; its local-header offset is filled in by `assemble`. */
  central: Uint8Array;
}

/** Lays the entries out, points each central record at its local header and ends with the end record. */
function assemble(pieces: readonly Piece[], comment: Uint8Array): Buffer {
  if (pieces.length >= MAX_16) throw new RangeError('too many zip entries for a zip without zip64');
  const offsets: number[] = [];
  let offset = 0;
  for (const p of pieces) {
    if (offset >= MAX_32) throw new RangeError('the archive is too large for a zip without zip64');
    offsets.push(offset);
    for (const part of p.local) offset += part.length;
  }
  const cdSize = pieces.reduce((n, p) => n + p.central.length, 0);
  if (offset + cdSize >= MAX_32) throw new RangeError('the archive is too large for a zip without zip64');
  const out = Buffer.alloc(offset + cdSize + 22 + comment.length);
  let pos = 0;
  for (const p of pieces) {
    for (const part of p.local) {
      out.set(part, pos);
      pos += part.length;
    }
  }
  pieces.forEach((p, i) => {
    out.set(p.central, pos);
    out.writeUInt32LE(offsets[i] ?? 0, pos + 42);
    pos += p.central.length;
  });
  out.writeUInt32LE(SIG_END, pos);
  out.writeUInt16LE(pieces.length, pos + 8);
  out.writeUInt16LE(pieces.length, pos + 10);
  out.writeUInt32LE(cdSize, pos + 12);
  out.writeUInt32LE(offset, pos + 16);
  out.writeUInt16LE(comment.length, pos + 20);
  out.set(comment, pos + 22);
  return out;
}

/** A new archive of the members in the order given, UTF-8 names, every entry dated `modifiedAt`. */
export function writeZip(members: readonly ZipMember[], modifiedAt: Date): Buffer {
  const { time, date } = dosDateTime(modifiedAt);
  const pieces = members.map((m): Piece => {
    const name = Buffer.from(m.name, 'utf8');
    const p = pack(m.name, m.data, m.store === true, FLAG_UTF8);
    const central = Buffer.alloc(46 + name.length);
    central.writeUInt32LE(SIG_CENTRAL, 0);
    central.writeUInt16LE(20, 4); // made by: version 2.0, MS-DOS attributes
    writeFields(central, 6, p, time, date, name.length);
    central.set(name, 46);
    return { local: localParts(p, name, time, date), central };
  });
  return assemble(pieces, new Uint8Array(0));
}

/**
 * The archive again, entries in their order and the comment kept. `replace` says per entry: new bytes (deflated
 * anew under the same name and timestamps, no data descriptor, the UTF-8 flag and the central record's extras
 * and attributes kept), null (left out) or undefined (local header, data, descriptor and central record copied
 * byte for byte). Entries must have no `fault` (see central-directory.ts).
 */
export function rewriteZip(archive: ZipArchive, replace: (entry: ZipEntryRecord) => Uint8Array | null | undefined): Buffer {
  const pieces: Piece[] = [];
  for (const entry of archive.entries) {
    const next = replace(entry);
    if (next === null) continue;
    if (next === undefined) {
      pieces.push({ local: [entry.local], central: entry.central });
      continue;
    }
    const p = pack(entry.name, next, false, entry.flags & FLAG_UTF8);
    const local = asBuffer(entry.local);
    const name = local.subarray(30, 30 + local.readUInt16LE(26));
    const central = Buffer.from(entry.central);
    writeFields(central, 6, p, central.readUInt16LE(12), central.readUInt16LE(14), central.readUInt16LE(28));
    pieces.push({ local: localParts(p, name, local.readUInt16LE(10), local.readUInt16LE(12)), central });
  }
  return assemble(pieces, archive.comment);
}
