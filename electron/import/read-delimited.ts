import fs from 'node:fs';
import { Transform } from 'node:stream';
import Papa from 'papaparse';
import type { TextEncoding } from './detect-encoding.js';
import type { SourceFile } from './source-file.js';

export interface DelimitedOptions {
  encoding: TextEncoding;
  bomLength: number;
  delimiter: string;
}

/** A decoded row and its 1-based record number in the file (preamble lines included). */
export interface RawRow {
  record: number;
  cells: string[];
}

function decodeTransform(encoding: TextEncoding): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
}

/**
 * Streams a delimited text file as batches of rows: decode (any supported encoding) → papaparse's chunk mode,
 * pausing the parser until the consumer asks for more, so memory stays flat however large the file is.
 * (papaparse's NODE_STREAM_INPUT duplex was ~100× slower here, so it is not used.)
 */
export async function* readDelimited(file: string | SourceFile, opts: DelimitedOptions): AsyncGenerator<RawRow[]> {
  const source = typeof file === 'string' ? fs.createReadStream(file, { start: opts.bomLength, highWaterMark: 1 << 20 }) : file.open(opts.bomLength);
  const text = source.pipe(decodeTransform(opts.encoding));
  const queue: RawRow[][] = [];
  let finished = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  // Held in an object: TypeScript cannot see the callback assign it and would narrow a plain variable to null.
  const handle: { parser: Papa.Parser | null } = { parser: null };
  let record = 0;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const fail = (e: unknown): void => {
    failure ??= e;
    finished = true;
    notify();
  };
  source.on('error', fail);
  text.on('error', fail);
  Papa.parse(text as unknown as NodeJS.ReadableStream, {
    delimiter: opts.delimiter,
    header: false,
    skipEmptyLines: false,
    chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
      handle.parser = parser;
      queue.push(results.data.map((cells) => ({ record: ++record, cells })));
      parser.pause();
      notify();
    },
    complete() {
      finished = true;
      notify();
    },
    error(e: Error) {
      fail(e);
    },
  });
  try {
    for (;;) {
      const batch = queue.shift();
      if (batch !== undefined) {
        if (batch.length > 0) yield batch;
        continue;
      }
      if (failure !== null) throw failure instanceof Error ? failure : new Error('reading the file failed');
      if (finished) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
        handle.parser?.resume();
      });
    }
  } finally {
    if (!finished) {
      handle.parser?.abort();
      source.destroy();
    }
  }
}
