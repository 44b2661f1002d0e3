import type { LocalizedText } from '../../shared/i18n/locale.js';

/**
 * The structure of a zip archive (PKWARE APPNOTE), read from its end-of-central-directory record and central
 * directory: every entry as the directory records it, with its raw central record and its local header, data
 * and data descriptor exactly as they lie in the file. Nothing is inflated here (see inflate.ts), so a reader
 * inflates only what it needs and a rewriter copies what it keeps byte for byte (see write.ts).
 * Multi-volume and zip64 archives are refused as a whole (ZipFormatError); an entry whose data cannot be
 * located carries a `fault` instead, so a verifier can report it next to the others and a reader can refuse it.
 */
export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_END = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_DESCRIPTOR = 0x08074b50;

export const FLAG_ENCRYPTED = 0x1;
const FLAG_DESCRIPTOR = 0x8;
/** General-purpose flag bit 11: the name is UTF-8. */
export const FLAG_UTF8 = 0x800;

/** Sizes and offsets at or above this need zip64. */
export const MAX_32 = 0xffffffff;
/** Entry counts at or above this need zip64. */
export const MAX_16 = 0xffff;

/** The archive as a whole cannot be read. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

/** One entry cannot be read; `detail` says why, in both languages, without the name. */
export class ZipEntryError extends ZipFormatError {
  constructor(
    readonly entryName: string,
    readonly detail: LocalizedText,
  ) {
    super(`${entryName} ${detail.en}`);
    this.name = 'ZipEntryError';
  }
}

export interface ZipEntryRecord {
  /** The name as stored, decoded as UTF-8 (never resolved: `../x` stays `../x`). */
  name: string;
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** The central directory record as read (46 bytes + name + extra + comment). */
  central: Uint8Array;
  /** The local header, data and data descriptor as read; empty when `fault` is set. */
  local: Uint8Array;
  /** Where the compressed data starts inside `local`. */
  dataStart: number;
  /** Why the entry's data cannot be located (zip64 sizes, no local header, past the end), or null. */
  fault: LocalizedText | null;
}

export interface ZipArchive {
  /** In central-directory order, duplicates included. */
  entries: ZipEntryRecord[];
  /** The archive comment, as stored. */
  comment: Uint8Array;
}

export interface ReadOptions {
  /** More entries than this are refused as a whole. */
  maxEntries?: number;
}

const asBuffer = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

function findEnd(buf: Buffer): number {
  // The end record is 22 bytes followed by a comment of at most 65,535.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let at = buf.length - 22; at >= stop; at--) if (buf.readUInt32LE(at) === SIG_END) return at;
  throw new ZipFormatError('no end-of-central-directory record: not a zip archive, or cut short');
}

const fault = (zh: string, en: string): LocalizedText => ({ zh, en });

/** Locates an entry's local header, data and data descriptor. */
function localOf(buf: Buffer, offset: number, compressedSize: number, size: number, flags: number): Pick<ZipEntryRecord, 'local' | 'dataStart' | 'fault'> {
  const none = { local: buf.subarray(0, 0), dataStart: 0 };
  if (compressedSize === MAX_32 || size === MAX_32) return { ...none, fault: fault('使用 zip64 大小', 'uses zip64 sizes') };
  if (offset + 30 > buf.length || buf.readUInt32LE(offset) !== SIG_LOCAL) return { ...none, fault: fault('目录所指位置没有本地文件头', 'has no local header where the directory says') };
  const dataStart = 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
  let length = dataStart + compressedSize;
  if ((flags & FLAG_DESCRIPTOR) !== 0) {
    // A data descriptor follows the data, with or without its optional signature.
    const d = offset + length;
    length += d + 4 <= buf.length && buf.readUInt32LE(d) === SIG_DESCRIPTOR ? 16 : 12;
  }
  if (offset + length > buf.length) return { ...none, fault: fault('超出压缩包末尾', 'runs past the end of the archive') };
  return { local: buf.subarray(offset, offset + length), dataStart, fault: null };
}

/** The entries of a zip archive in central-directory order; throws ZipFormatError when the archive as a whole is unreadable. */
export function readCentralDirectory(bytes: Uint8Array, opts: ReadOptions = {}): ZipArchive {
  const buf = asBuffer(bytes);
  if (buf.length < 22) throw new ZipFormatError('too short to be a zip archive');
  const end = findEnd(buf);
  const count = buf.readUInt16LE(end + 10);
  const cdSize = buf.readUInt32LE(end + 12);
  const cdOffset = buf.readUInt32LE(end + 16);
  if (buf.readUInt16LE(end + 4) !== 0 || buf.readUInt16LE(end + 6) !== 0) throw new ZipFormatError('multi-volume archives are not supported');
  const zip64Locator = end >= 20 && buf.readUInt32LE(end - 20) === SIG_ZIP64_LOCATOR;
  if (zip64Locator || count === MAX_16 || cdOffset === MAX_32 || cdSize === MAX_32) throw new ZipFormatError('zip64 archives are not supported');
  const maxEntries = opts.maxEntries ?? MAX_16;
  if (count > maxEntries) throw new ZipFormatError(`more than ${maxEntries} entries`);
  if (cdOffset + cdSize > end) throw new ZipFormatError('the central directory lies outside the archive');
  const entries: ZipEntryRecord[] = [];
  let at = cdOffset;
  for (let n = 0; n < count; n++) {
    const damaged = (): ZipFormatError => new ZipFormatError(`central directory entry ${n + 1} is damaged`);
    if (at + 46 > end || buf.readUInt32LE(at) !== SIG_CENTRAL) throw damaged();
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const compressedSize = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const length = 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    if (at + length > end) throw damaged();
    const nameBytes = buf.subarray(at + 46, at + 46 + nameLen);
    const local = localOf(buf, buf.readUInt32LE(at + 42), compressedSize, size, flags);
    entries.push({ name: nameBytes.toString('utf8'), nameBytes, flags, method, crc, compressedSize, size, central: buf.subarray(at, at + length), ...local });
    at += length;
  }
  return { entries, comment: buf.subarray(end + 22, end + 22 + buf.readUInt16LE(end + 20)) };
}

/** The entry's data as stored (compressed or not). */
export function storedData(entry: ZipEntryRecord): Buffer {
  return asBuffer(entry.local.subarray(entry.dataStart, entry.dataStart + entry.compressedSize));
}
