import path from 'node:path';
import { AppError } from '../platform/app-error.js';
import type { RawRow } from './read-delimited.js';
import type { SourceFile } from './source-file.js';
import { SheetRowsHandler } from './xlsx/sheet-rows.js';
import type { WorkbookParts } from './xlsx/workbook-parts.js';
import { readWorkbookParts } from './xlsx/workbook-parts.js';
import { SLICE, ZipEntries, openBytes, xmlSink } from './xlsx/zip-entries.js';

export interface XlsxOptions {
  /** Sheet name or zero-based position; default the first sheet. */
  sheet?: string | number;
  batchSize?: number;
}

const nameOf = (file: string | SourceFile): string => (typeof file === 'string' ? path.basename(file) : file.name);

/** A workbook this reader cannot read, said in both languages; the detail names what was wrong. */
export function unreadable(file: string | SourceFile, detail: string): AppError {
  const name = nameOf(file);
  return new AppError(
    'IMPORT_INVALID',
    { zh: `${name} 不是可读取的 .xlsx 工作簿（${detail}）`, en: `${name} is not a readable .xlsx workbook (${detail})` },
    { problems: [{ file: name, message: detail }] },
  );
}

/** Anything thrown while reading the zip or its XML becomes one clean, explained error. */
export function asUnreadable(file: string | SourceFile, e: unknown): Error {
  if (e instanceof AppError) return e;
  return unreadable(file, e instanceof Error ? e.message : String(e));
}

/** The parts of pass one; a zip without a workbook part is not a workbook. */
export async function workbookParts(file: string | SourceFile, withCells: boolean): Promise<WorkbookParts> {
  let parts: WorkbookParts | null;
  try {
    parts = await readWorkbookParts(file, withCells);
  } catch (e) {
    throw asUnreadable(file, e);
  }
  if (parts === null) throw unreadable(file, 'no xl/workbook.xml in the archive');
  return parts;
}

function sheetNotFound(file: string | SourceFile, wanted: string | number): AppError {
  const name = nameOf(file);
  return new AppError(
    'IMPORT_INVALID',
    { zh: `${name} 中没有工作表 ${String(wanted)}`, en: `worksheet ${String(wanted)} not found in ${name}` },
    { problems: [{ file: name, message: `worksheet ${String(wanted)} not found` }] },
  );
}

/**
 * Streams one worksheet of an .xlsx file as batches of text rows, in two passes over the zip and nothing
 * written anywhere: the first reads the workbook, styles and shared strings (wherever they sit in the zip),
 * the second inflates and tokenizes only the chosen sheet, yielding rows as they complete.
 * Record numbers are the sheet's row numbers, as Excel shows them.
 */
export async function* readXlsx(file: string | SourceFile, opts: XlsxOptions = {}): AsyncGenerator<RawRow[]> {
  const parts = await workbookParts(file, true);
  const wanted = opts.sheet ?? 0;
  const sheet = typeof wanted === 'number' ? parts.sheets[wanted] : parts.sheets.find((s) => s.name === wanted);
  if (sheet === undefined) throw sheetNotFound(file, wanted);
  const part = parts.sheetParts.get(sheet.relId);
  if (part === undefined) throw unreadable(file, `sheet ${sheet.name} has no part in xl/_rels/workbook.xml.rels`);

  const size = Math.max(1, opts.batchSize ?? 2000);
  const queue: RawRow[] = [];
  let ended = false;
  const rows = new SheetRowsHandler(parts, (row) => queue.push(row));
  const zip = new ZipEntries((key) => (key === part ? xmlSink(rows, () => (ended = true)) : null));
  const stream = openBytes(file);
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Uint8Array;
      // Feed in slices and hand rows on between them, so a megabyte read never piles up as rows in memory.
      for (let at = 0; at < bytes.length; at += SLICE) {
        try {
          zip.push(bytes.subarray(at, Math.min(bytes.length, at + SLICE)));
        } catch (e) {
          throw asUnreadable(file, e);
        }
        while (queue.length >= size) yield queue.splice(0, size);
        if (ended) break;
      }
      if (ended) break;
    }
    if (!ended) {
      try {
        zip.finish();
      } catch (e) {
        throw asUnreadable(file, e);
      }
    }
  } finally {
    stream.destroy();
  }
  if (!zip.has(part)) throw unreadable(file, `the part ${part} of sheet ${sheet.name} is missing`);
  if (!ended) throw unreadable(file, `the part ${part} of sheet ${sheet.name} is cut short`);
  while (queue.length > 0) yield queue.splice(0, size);
}
