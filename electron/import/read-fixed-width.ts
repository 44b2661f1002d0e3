import fs from 'node:fs';
import { createLogger } from '../platform/log.js';
import { expectedRecordBytes } from './fixed-width-layout.js';
import type { FixedWidthLayout } from './fixed-width-layout.js';
import type { RawRow } from './read-delimited.js';

const log = createLogger('import.fixed-width');

export interface FixedWidthOptions {
  batchSize?: number;
  /**
   * A record whose byte length (line ending excluded) is not the layout's recordLength, or without one is
   * shorter than the last field's end. Called before the batch holding that record is yielded; the row
   * itself is still yielded, with the fields it lacks as ''.
   */
  onLengthMismatch?: (record: number, actualBytes: number, expectedBytes: number) => void;
}

const CHUNK_BYTES = 1 << 20;
const LF = 0x0a;
const CR = 0x0d;
/** Ctrl-Z: old DOS-era extract tools end the file with it. */
const EOF_MARK = 0x1a;
const MAX_HELD_BLANKS = 10_000;

const isPad = (b: number): boolean => b === 0x20 || b === 0x00;
const isBlankByte = (b: number): boolean => b === 0x20 || b === 0x00 || b === 0x09 || b === EOF_MARK || b === CR || b === LF;

function isBlank(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isBlankByte(buf[i] ?? 0)) return false;
  return true;
}

/**
 * Puts the implied decimal point into a digit string, keeping a leading or trailing sign where it is
 * ("-0000012345" → "-123.45", "0000012345-" → "123.45-"). Anything else is left for validation to reject.
 */
export function insertImpliedPoint(text: string, decimals: number): string {
  if (decimals <= 0) return text;
  const m = /^([+-]?) *(\d+) *([+-]?)$/.exec(text);
  if (m === null) return text;
  const lead = m[1] ?? '';
  const trail = m[3] ?? '';
  if (lead !== '' && trail !== '') return text;
  const digits = (m[2] ?? '').replace(/^0+/, '').padStart(decimals + 1, '0');
  return `${lead}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}${trail}`;
}

const ALL_ZEROS = /^0+$/;
/** GBK text fields are often padded with ideographic spaces (A1A1) as well as ASCII ones. */
const WIDE_PADDING = /^[ \u3000]+|[ \u3000]+$/g;

/** Cuts the fields of one record out of its bytes; compiled once per file so the per-record loop is plain arithmetic. */
class FieldCutter {
  private readonly offsets: number[];
  private readonly lengths: number[];
  private readonly decimals: number[];
  private readonly dates: boolean[];
  private readonly decoder: TextDecoder;
  private readonly span: number;

  constructor(layout: FixedWidthLayout) {
    this.offsets = layout.fields.map((f) => f.start - 1);
    this.lengths = layout.fields.map((f) => f.length);
    this.decimals = layout.fields.map((f) => (f.type === 'amount' || f.type === 'number' ? (f.decimals ?? 0) : 0));
    this.dates = layout.fields.map((f) => f.type === 'date');
    this.span = Math.max(...layout.fields.map((f) => f.start - 1 + f.length));
    // Not fatal: a field cut through a character (a wrong layout) shows U+FFFD, which validation then rejects.
    this.decoder = new TextDecoder(layout.encoding);
  }

  cells(buf: Buffer, recStart: number, recEnd: number): string[] {
    const out = new Array<string>(this.offsets.length);
    // One native call per record instead of one per field: in latin1 each byte is one char, so ASCII fields
    // are plain string slices at their byte offsets (twice as fast as decoding each field on its own).
    const bytes = buf.toString('latin1', recStart, Math.min(recEnd, recStart + this.span));
    for (let i = 0; i < out.length; i++) out[i] = this.cell(buf, recStart, recEnd, bytes, i);
    return out;
  }

  private cell(buf: Buffer, recStart: number, recEnd: number, bytes: string, i: number): string {
    let s = recStart + (this.offsets[i] ?? 0);
    let e = Math.min(s + (this.lengths[i] ?? 0), recEnd);
    while (s < e && isPad(buf[s] ?? 0)) s++;
    while (e > s && isPad(buf[e - 1] ?? 0)) e--;
    if (s >= e) return '';
    let ascii = true;
    for (let k = s; k < e; k++) {
      if ((buf[k] ?? 0) >= 0x80) {
        ascii = false;
        break;
      }
    }
    // Both supported encodings agree with ASCII below 0x80; only fields with other bytes need the decoder.
    const text = ascii ? bytes.slice(s - recStart, e - recStart) : this.decoder.decode(buf.subarray(s, e)).replace(WIDE_PADDING, '');
    const decimals = this.decimals[i] ?? 0;
    if (decimals > 0) return insertImpliedPoint(text, decimals);
    // Mainframe extracts write "no date" as zeros as often as blanks.
    if (this.dates[i] === true && ALL_ZEROS.test(text)) return '';
    return text;
  }
}

/** The file as chunks: read from disk in 1 MB pieces, or an uploaded buffer in views of the same size. */
async function* chunksOf(source: string | Buffer): AsyncGenerator<Buffer> {
  if (typeof source !== 'string') {
    for (let i = 0; i < source.length; i += CHUNK_BYTES) yield source.subarray(i, i + CHUNK_BYTES);
    return;
  }
  const stream = fs.createReadStream(source, { highWaterMark: CHUNK_BYTES });
  for await (const chunk of stream) yield chunk as Buffer;
}

/** Keeps the bytes of a record that spans chunks; refuses to grow without bound when no record ever ends. */
function appendCarry(carry: Buffer | null, bytes: Buffer, limit: number, record: number): Buffer {
  const joined = carry === null ? Buffer.from(bytes) : Buffer.concat([carry, bytes]);
  if (joined.length > limit) {
    throw new Error(`record ${record} has no line ending within ${limit} bytes; if the file has no line breaks, set the layout's lineEnding to "none"`);
  }
  return joined;
}

/**
 * Streams a fixed-width extract as batches of rows, one cell per layout field in layout order. Fields are cut
 * by byte offset from the raw record and only then decoded, so double-byte characters never shift later
 * fields. Padding (spaces, NULs) is trimmed, implied decimals become a decimal point, all-zero dates are ''.
 * Records are numbered from 1 in file order; trailing blank lines are not records, blank lines elsewhere are.
 */
export async function* readFixedWidth(source: string | Buffer, layout: FixedWidthLayout, opts: FixedWidthOptions = {}): AsyncGenerator<RawRow[]> {
  const size = Math.max(1, opts.batchSize ?? 2000);
  const cutter = new FieldCutter(layout);
  const expected = expectedRecordBytes(layout);
  const exact = layout.recordLength !== undefined;
  const carryLimit = Math.max(64 * 1024, expected * 8);
  const started = Date.now();
  let record = 0;
  let mismatches = 0;
  let batch: RawRow[] = [];
  let ready: RawRow[][] = [];
  const blanks: number[] = [];

  const push = (actual: number, cells: string[]): void => {
    if (exact ? actual !== expected : actual < expected) {
      mismatches++;
      opts.onLengthMismatch?.(record, actual, expected);
    }
    batch.push({ record, cells });
    if (batch.length >= size) {
      ready.push(batch);
      batch = [];
    }
  };
  const cut = (buf: Buffer, start: number, end: number): void => push(end - start, cutter.cells(buf, start, end));
  const blankCells = (): string[] => layout.fields.map(() => '');
  // Blank lines are held back until a record follows them, so that blank lines at the end are dropped;
  // past a bound they cannot be an end-of-file accident, and holding them would let memory grow.
  const flushBlanks = (): void => {
    const current = record;
    record -= blanks.length;
    for (const actual of blanks) {
      record++;
      push(actual, blankCells());
    }
    blanks.length = 0;
    record = current;
  };
  const line = (buf: Buffer, start: number, end: number): void => {
    const stop = end > start && buf[end - 1] === CR ? end - 1 : end;
    if (isBlank(buf, start, stop)) {
      if (blanks.length >= MAX_HELD_BLANKS) flushBlanks();
      record++;
      blanks.push(stop - start);
      return;
    }
    flushBlanks();
    record++;
    cut(buf, start, stop);
  };

  let carry: Buffer | null = null;
  let first = true;
  for await (const chunk of chunksOf(source)) {
    let pos = 0;
    if (first && layout.encoding === 'utf-8' && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) pos = 3;
    first = false;
    if (layout.lineEnding === 'none') {
      if (carry !== null) {
        const need = expected - carry.length;
        if (chunk.length - pos < need) {
          carry = appendCarry(carry, chunk.subarray(pos), carryLimit, record + 1);
          continue;
        }
        const joined = Buffer.concat([carry, chunk.subarray(pos, pos + need)]);
        carry = null;
        record++;
        cut(joined, 0, joined.length);
        pos += need;
      }
      for (; pos + expected <= chunk.length; pos += expected) {
        record++;
        cut(chunk, pos, pos + expected);
      }
    } else {
      if (carry !== null) {
        const lf = chunk.indexOf(LF, pos);
        if (lf < 0) {
          carry = appendCarry(carry, chunk.subarray(pos), carryLimit, record + 1);
          continue;
        }
        const joined = Buffer.concat([carry, chunk.subarray(pos, lf)]);
        carry = null;
        line(joined, 0, joined.length);
        pos = lf + 1;
      }
      for (let lf = chunk.indexOf(LF, pos); lf >= 0; lf = chunk.indexOf(LF, pos)) {
        line(chunk, pos, lf);
        pos = lf + 1;
      }
    }
    if (pos < chunk.length) carry = appendCarry(null, chunk.subarray(pos), carryLimit, record + 1);
    for (const b of ready) yield b;
    ready = [];
  }
  if (carry !== null) {
    if (layout.lineEnding !== 'none') line(carry, 0, carry.length);
    else if (!isBlank(carry, 0, carry.length)) {
      // A final newline or Ctrl-Z after back-to-back records is not a record; anything else is a short one.
      record++;
      cut(carry, 0, carry.length);
    }
  }
  for (const b of ready) yield b;
  if (batch.length > 0) yield batch;
  log.debug('fixed-width file read', { records: record - blanks.length, mismatches, ms: Date.now() - started });
}
