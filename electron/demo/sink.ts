import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { encodeGbk, encodeGbkInto } from './gbk.js';

export interface WrittenFile {
  name: string;
  bytes: number;
  sha256: string;
}

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gbk';

const BUFFER_BYTES = 1 << 20;
const PENDING_CHARS = 32_768;

/**
 * A text file written through one reused 1 MB buffer and hashed on the way out. Records are encoded
 * straight into the buffer, so no text is retained between flushes and memory stays flat however
 * big the file gets; the SHA-256 needs no second pass.
 */
export class TextSink {
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private pending = '';
  private used = 0;
  private bytes = 0;
  private readonly hash: Hash = createHash('sha256');

  private constructor(
    private readonly fd: number,
    private readonly name: string,
    private readonly gbk: boolean,
  ) {}

  static open(dir: string, name: string, encoding: TextEncoding): TextSink {
    const sink = new TextSink(fs.openSync(path.join(dir, name), 'w'), name, encoding === 'gbk');
    if (encoding === 'utf-8-bom') sink.write('\ufeff');
    return sink;
  }

  write(text: string): void {
    // Many small records are gathered into one string first: one encode call per ~32K characters
    // is much cheaper than one per record.
    this.pending += text;
    if (this.pending.length >= PENDING_CHARS) this.encodePending();
  }

  private encodePending(): void {
    const text = this.pending;
    this.pending = '';
    // Worst case is 3 bytes per UTF-16 unit in UTF-8, 2 in GBK.
    if (this.used + text.length * 3 > BUFFER_BYTES) this.flushBuffer();
    if (text.length * 3 > BUFFER_BYTES) {
      this.writeBytes(this.gbk ? encodeGbk(text) : Buffer.from(text, 'utf8'));
      return;
    }
    this.used = this.gbk ? encodeGbkInto(text, this.buffer, this.used).end : this.used + this.buffer.write(text, this.used, 'utf8');
  }

  flush(): void {
    this.encodePending();
    this.flushBuffer();
  }

  private flushBuffer(): void {
    if (this.used === 0) return;
    this.writeBytes(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  close(): WrittenFile {
    try {
      this.flush();
    } finally {
      fs.closeSync(this.fd);
    }
    return { name: this.name, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }

  /** Closes without reporting, for the error path. */
  abandon(): void {
    fs.closeSync(this.fd);
  }

  private writeBytes(bytes: Uint8Array): void {
    this.hash.update(bytes);
    this.bytes += bytes.length;
    let offset = 0;
    while (offset < bytes.length) offset += fs.writeSync(this.fd, bytes, offset, bytes.length - offset);
  }
}

export async function writeWholeFile(dir: string, name: string, bytes: Uint8Array): Promise<WrittenFile> {
  await fs.promises.writeFile(path.join(dir, name), bytes);
  return { name, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}
