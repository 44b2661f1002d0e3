import ExcelJS from 'exceljs';
import type { RawRow } from './read-delimited.js';
import type { SourceFile } from './source-file.js';

const pad = (n: number): string => n.toString().padStart(2, '0');

/** Dates come back from exceljs as UTC instants of the serial (1900 or 1904 system already applied). */
function dateText(d: Date): string {
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? date : `${date} ${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** Drops binary-float noise Excel stores (1234.5600000000001) without rounding real digits. */
function numberText(n: number): string {
  if (Number.isInteger(n)) return Number.isSafeInteger(n) ? n.toString() : n.toPrecision(15);
  return Number(n.toPrecision(15)).toString();
}

/** One cell as the text a user would see in it; formulas give their cached result, errors their code. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return value.error;
  if ('result' in value) return cellText((value.result ?? null));
  if ('formula' in value || 'sharedFormula' in value) return '';
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
  return '';
}

export interface XlsxOptions {
  /** Sheet name or zero-based position; default the first sheet. */
  sheet?: string | number;
  batchSize?: number;
}

/**
 * Streams one worksheet of an .xlsx file as batches of text rows; the workbook is never loaded whole.
 * Record numbers are the sheet's row numbers, as Excel shows them.
 */
export async function* readXlsx(file: string | SourceFile, opts: XlsxOptions = {}): AsyncGenerator<RawRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(typeof file === 'string' ? file : file.open(), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const size = opts.batchSize ?? 2000;
  let position = 0;
  let found = false;
  for await (const sheet of reader) {
    const ws = sheet as unknown as AsyncIterable<ExcelJS.Row> & { name?: string };
    const wanted = opts.sheet === undefined ? position === 0 : typeof opts.sheet === 'number' ? position === opts.sheet : ws.name === opts.sheet;
    position++;
    if (!wanted) {
      // Drain the sheet so the reader can move on to the next one.
      for await (const row of ws) void row;
      continue;
    }
    found = true;
    let batch: RawRow[] = [];
    for await (const row of ws) {
      const values = Array.isArray(row.values) ? (row.values) : [];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i] ?? null));
      batch.push({ record: row.number, cells });
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
    break;
  }
  if (!found) throw new Error(`worksheet ${String(opts.sheet ?? 0)} not found`);
}
