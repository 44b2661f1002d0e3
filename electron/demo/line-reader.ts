import { createHash } from 'node:crypto';
import fs from 'node:fs';

/**
 * Small chunks on purpose: the balance load keeps twelve readers open at once, and lines that
 * linger in a big chunk survive young-generation collections and pile up in the old generation.
 */
const CHUNK_BYTES = 64 * 1024;

/**
 * Reads a text file line by line, synchronously (the loader runs inside one SQLite transaction),
 * hashing the bytes as they pass. A UTF-8 byte-order mark is dropped by the decoder; CR LF and LF
 * endings are both accepted.
 */
export class LineReader {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private readonly decoder: TextDecoder;
  private readonly hash = createHash('sha256');
  private text = '';
  private pos = 0;
  private eof = false;
  private size = 0;
  private closed = false;

  constructor(file: string, encoding: 'utf-8' | 'gbk') {
    this.fd = fs.openSync(file, 'r');
    this.decoder = new TextDecoder(encoding);
  }

  /** The next line without its ending, or null at the end of the file. */
  next(): string | null {
    for (;;) {
      const nl = this.text.indexOf('\n', this.pos);
      if (nl >= 0) {
        const end = nl > this.pos && this.text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        const line = this.text.slice(this.pos, end);
        this.pos = nl + 1;
        return line;
      }
      if (!this.fill()) {
        if (this.pos >= this.text.length) return null;
        const last = this.text.slice(this.pos);
        this.pos = this.text.length;
        return last.endsWith('\r') ? last.slice(0, -1) : last;
      }
    }
  }

  /** SHA-256 and size of everything read; call after the last line. */
  finish(): { sha256: string; size: number } {
    this.close();
    return { sha256: this.hash.digest('hex'), size: this.size };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
  }

  /** Appends the next chunk to the unread rest; false at the end of the file. */
  private fill(): boolean {
    if (this.eof) return false;
    const n = fs.readSync(this.fd, this.buffer, 0, CHUNK_BYTES, null);
    const rest = this.text.slice(this.pos);
    if (n === 0) {
      this.eof = true;
      this.text = rest + this.decoder.decode();
    } else {
      const bytes = this.buffer.subarray(0, n);
      this.hash.update(bytes);
      this.size += n;
      this.text = rest + this.decoder.decode(bytes, { stream: true });
    }
    this.pos = 0;
    return n > 0 || this.text.length > 0;
  }
}
