import zlib from 'node:zlib';
import { FLAG_ENCRYPTED, ZipEntryError, storedData } from './central-directory.js';
import type { ZipEntryRecord } from './central-directory.js';

/**
 * An entry's bytes, bounded: a deflated entry may inflate to its declared size and no further (Node's zlib stops
 * one byte past it, so a crafted entry is caught, not truncated, and cannot exhaust memory), and a declared size
 * above the caller's limit is refused before inflating. Stored (0) and deflated (8) entries only; encrypted ones
 * are refused. Each refusal is a ZipEntryError naming the entry.
 */
const broken = (entry: ZipEntryRecord, zh: string, en: string): ZipEntryError => new ZipEntryError(entry.name, { zh, en });

/** The entry's bytes, exactly its declared size; the CRC is left to `checkCrc` so a caller may keep data that fails it. */
export function inflateEntry(entry: ZipEntryRecord, maxBytes: number): Buffer {
  if ((entry.flags & FLAG_ENCRYPTED) !== 0) throw broken(entry, '已加密', 'is encrypted');
  if (entry.fault !== null) throw new ZipEntryError(entry.name, entry.fault);
  const raw = storedData(entry);
  const { method, size } = entry;
  let data: Buffer;
  if (method === 0) data = raw;
  else if (method !== 8) throw broken(entry, `不支持的压缩方式 ${method}`, `compression method ${method} is not supported`);
  else {
    if (size > maxBytes) throw broken(entry, `声明 ${size} 字节，超过允许的 ${maxBytes} 字节`, `declares ${size} bytes, more than the ${maxBytes} allowed`);
    try {
      // One byte more than declared, so an entry that inflates past its declared size fails here.
      data = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, size + 1) });
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw broken(entry, `无法解压（${why}）`, `does not inflate (${why})`);
    }
  }
  if (data.length !== size) throw broken(entry, `实有 ${data.length} 字节，目录记录为 ${size} 字节`, `holds ${data.length} bytes, the directory says ${size}`);
  return data;
}

export function checkCrc(entry: ZipEntryRecord, data: Uint8Array): void {
  if (zlib.crc32(data) >>> 0 !== entry.crc >>> 0) throw broken(entry, 'CRC-32 校验不符', 'fails its CRC-32 check');
}

/** The entry's bytes, bounded and checked against its CRC-32. */
export function entryData(entry: ZipEntryRecord, maxBytes: number): Buffer {
  const data = inflateEntry(entry, maxBytes);
  checkCrc(entry, data);
  return data;
}
