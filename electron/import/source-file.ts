import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ImportSource } from '../../shared/api/ops/import.js';
import { AppError } from '../platform/app-error.js';
import type { UploadStore } from './uploads.js';

/** The bytes of an import, from a path or an upload, read the same way by every stage. */
export interface SourceFile {
  name: string;
  size: number;
  /** A fresh stream of the bytes from `start`. */
  open(start?: number): Readable;
  head(bytes: number): Buffer;
  sha256(): Promise<string>;
  /** Where the bytes are, for readers that take a path or a buffer (fixed-width). */
  location: { path: string } | { buffer: Buffer };
}

function fromPath(file: string): SourceFile {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError('NOT_FOUND', { zh: `找不到文件：${file}`, en: `File not found: ${file}` }, { file });
  }
  if (!stat.isFile()) throw new AppError('INVALID_INPUT', { zh: `不是文件：${file}`, en: `Not a file: ${file}` }, { file });
  return {
    location: { path: file },
    name: path.basename(file),
    size: stat.size,
    open: (start = 0) => fs.createReadStream(file, { start, highWaterMark: 1 << 20 }),
    head(bytes) {
      const fd = fs.openSync(file, 'r');
      try {
        const buf = Buffer.alloc(Math.min(bytes, stat.size));
        const n = fs.readSync(fd, buf, 0, buf.length, 0);
        return buf.subarray(0, n);
      } finally {
        fs.closeSync(fd);
      }
    },
    sha256: () =>
      new Promise((resolve, reject) => {
        const hash = crypto.createHash('sha256');
        fs.createReadStream(file)
          .on('data', (c) => hash.update(c))
          .on('end', () => resolve(hash.digest('hex')))
          .on('error', reject);
      }),
  };
}

/** An uploaded file; `bytes` may be shared memory handed to a worker. */
export function fromBytes(name: string, bytes: SharedArrayBuffer | Uint8Array): SourceFile {
  const buf = bytes instanceof Uint8Array ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : Buffer.from(bytes);
  const chunk = 1 << 20;
  return {
    location: { buffer: buf },
    name,
    size: buf.length,
    open: (start = 0) =>
      Readable.from(
        (function* chunks() {
          for (let i = start; i < buf.length; i += chunk) yield buf.subarray(i, Math.min(buf.length, i + chunk));
        })(),
      ),
    head: (bytes) => buf.subarray(0, Math.min(bytes, buf.length)),
    sha256: () => Promise.resolve(crypto.createHash('sha256').update(buf).digest('hex')),
  };
}

export function resolveSource(source: ImportSource, uploads: UploadStore | null): SourceFile {
  if (source.type === 'path') return fromPath(source.path);
  if (uploads === null) throw new AppError('NOT_FOUND', { zh: '上传的文件不可用', en: 'The uploaded file is not available here' });
  const upload = uploads.get(source.uploadId);
  return fromBytes(upload.name, upload.bytes);
}
