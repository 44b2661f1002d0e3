import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { Unzip, UnzipInflate } from 'fflate';
import type { UnzipDecoder, UnzipDecoderConstructor, UnzipFile } from 'fflate';
import type { SourceFile } from '../source-file.js';
import type { XmlHandler } from './xml-scan.js';
import { XmlScanner } from './xml-scan.js';

/** Receives the inflated bytes of one zip entry. */
export interface EntrySink {
  data(chunk: Uint8Array): void;
  end(): void;
}

/**
 * Compressed bytes are handed to fflate in slices this size, so one read of the file (1 MiB) never turns into
 * tens of megabytes of XML and rows waiting at once (deflate can expand a thousandfold).
 */
export const SLICE = 16 * 1024;

/** Inflated bytes are decoded and scanned in pieces of at most this size, bounding each string made. */
const TEXT_PIECE = 256 * 1024;

const EMPTY = new Uint8Array(0);

/** Part names in OPC are case-insensitive; zip names are not, so compare folded. */
export function partKey(name: string): string {
  return name.replace(/^\/+/, '').toLowerCase();
}

/**
 * A zip read front to back with fflate's streaming `Unzip`, inflating only the entries `select` wants.
 * Every entry is started, unwanted ones into a decoder that drops the bytes: fflate keeps the compressed
 * bytes of entries never started in memory until the end, which for a large sheet would mean the whole file.
 */
export class ZipEntries {
  private readonly unzip: Unzip;
  private failure: Error | null = null;
  private readonly seen = new Set<string>();
  private readonly decoderFor: (compression: number) => UnzipDecoderConstructor;

  constructor(private readonly select: (key: string) => EntrySink | null) {
    const fail = (e: Error): void => {
      this.failure ??= e;
    };
    const seen = this.seen;
    const decoder = (compression: number): new (name: string) => UnzipDecoder =>
      class SelectiveDecoder implements UnzipDecoder {
        ondata: UnzipDecoder['ondata'] = () => undefined;
        private readonly sink: EntrySink | null;
        private readonly inflate: UnzipInflate | null;

        constructor(name: string) {
          const key = partKey(name);
          seen.add(key);
          const sink = select(key);
          // An unknown method only matters for a part we need (a thumbnail in LZMA can be skipped).
          if (sink !== null && compression !== 0 && compression !== 8) fail(new Error(`part ${name} uses an unsupported compression method (${compression})`));
          this.sink = compression === 0 || compression === 8 ? sink : null;
          this.inflate = this.sink !== null && compression === 8 ? new UnzipInflate() : null;
          if (this.inflate !== null) this.inflate.ondata = (err, data, final) => this.deliver(err, data, final);
        }

        push(chunk: Uint8Array, final: boolean): void {
          if (this.sink === null) return;
          if (this.inflate !== null) this.inflate.push(chunk, final);
          else this.deliver(null, chunk, final);
        }

        private deliver(err: Error | null, data: Uint8Array | null, final: boolean): void {
          if (this.sink === null) return;
          try {
            if (err !== null) throw err;
            if (data !== null && data.length > 0) this.sink.data(data);
            if (final) this.sink.end();
          } catch (e) {
            fail(e instanceof Error ? e : new Error(String(e)));
          }
        }
      };
    this.decoderFor = (compression) => Object.assign(decoder(compression), { compression });
    this.unzip = new Unzip((file: UnzipFile) => this.onFile(file));
    this.unzip.register(this.decoderFor(0));
    this.unzip.register(this.decoderFor(8));
  }

  /** Feeds compressed bytes; throws the first problem met in the archive or in a sink. */
  push(chunk: Uint8Array, final = false): void {
    let at = 0;
    do {
      const end = Math.min(chunk.length, at + SLICE);
      try {
        this.unzip.push(chunk.subarray(at, end), final && end === chunk.length);
      } catch (e) {
        this.failure ??= e instanceof Error ? e : new Error(String(e));
      }
      if (this.failure !== null) throw this.failure;
      at = end;
    } while (at < chunk.length);
  }

  finish(): void {
    this.push(EMPTY, true);
  }

  /** Whether an entry of this (folded) name has begun. */
  has(key: string): boolean {
    return this.seen.has(key);
  }

  private onFile(file: UnzipFile): void {
    // Every entry must be started (see above), so methods we cannot inflate get a decoder that drops them.
    if (file.compression !== 0 && file.compression !== 8) this.unzip.register(this.decoderFor(file.compression));
    file.ondata = (err) => {
      if (err !== null) this.failure ??= err;
    };
    // fflate gives an entry of size zero no decoder, so its sink is told here that it is complete.
    if (file.size === 0) {
      const key = partKey(file.name);
      this.seen.add(key);
      try {
        this.select(key)?.end();
      } catch (e) {
        this.failure ??= e instanceof Error ? e : new Error(String(e));
      }
      return;
    }
    file.start();
  }
}

/** The bytes of a path or a source file, in the reads the stream gives. */
export function openBytes(file: string | SourceFile): Readable {
  return typeof file === 'string' ? fs.createReadStream(file, { highWaterMark: 1 << 20 }) : file.open();
}

/**
 * An entry sink that decodes UTF-8 (or, if it begins with a UTF-16 byte-order mark, UTF-16) incrementally
 * and feeds an XML handler.
 */
export function xmlSink(handler: XmlHandler, onEnd: () => void = () => undefined): EntrySink {
  const scanner = new XmlScanner(handler);
  let decoder: TextDecoder | null = null;
  return {
    data(chunk) {
      if (decoder === null) {
        const utf16 = chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8';
        decoder = new TextDecoder(utf16);
      }
      for (let at = 0; at < chunk.length; at += TEXT_PIECE) {
        scanner.push(decoder.decode(chunk.subarray(at, at + TEXT_PIECE), { stream: true }));
      }
    },
    end() {
      if (decoder !== null) scanner.push(decoder.decode());
      scanner.end();
      onEnd();
    },
  };
}
