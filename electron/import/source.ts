import type { DetectedLayout, ImportOptions } from '../../shared/api/ops/import.js';
import type { SkippedRow } from '../../shared/api/ops/import.js';
import type { LocalizedText } from '../../shared/i18n/locale.js';
import { AppError } from '../platform/app-error.js';
import { layoutHeaders, parseLayout } from './fixed-width-layout.js';
import { readFixedWidth } from './read-fixed-width.js';
import { detectEncoding, normalizeEncodingName } from './detect-encoding.js';
import { detectFormat } from './detect-format.js';
import { detectDelimiter, detectHeaderRow, dropTrailingEmpty, isFooterCell } from './detect-layout.js';
import { readDelimited } from './read-delimited.js';
import type { RawRow } from './read-delimited.js';
import { readXlsx } from './read-xlsx.js';
import type { SourceFile } from './source-file.js';
import { isKnownHeader } from './suggest-mapping.js';
import { cleanCell } from './text.js';
import { parseDate } from './values.js';
import { listSheets } from './xlsx-sheets.js';

const SAMPLE_BYTES = 64 * 1024;
const SAMPLE_ROWS = 40;

/** What detection found, and how to read the data rows that follow the header. */
export interface OpenedSource extends DetectedLayout {
  /** A date the preamble states (数据日期：2026-10-31), used as the batch's as-of date when none is given. */
  statedAsOf: string | null;
  /** A problem with a whole record found while reading (a fixed-width record of the wrong length). */
  recordProblem(record: number): LocalizedText | null;
  /** Data rows after the header; blank and footer rows come out through `skipped`, not as data. */
  dataRows(skipped: SkippedRow[]): AsyncGenerator<RawRow[]>;
}

function refuse(zh: string, en: string, file: string): never {
  throw new AppError('IMPORT_INVALID', { zh, en }, { problems: [{ file, message: en }] });
}

function rowText(cells: readonly string[]): string {
  return dropTrailingEmpty([...cells]).join(',').slice(0, 200);
}

/** A footer row's stated count: 合计,200000 / 共66笔 / Total: 12 rows. */
export function trailerCount(cells: readonly string[]): number | null {
  const text = cells.map(cleanCell).filter((c) => c !== '');
  const joined = text.join(' ');
  const stated = /共\s*(\d+)\s*(?:笔|条|户|行)|(\d+)\s*(?:笔|条|户|行|rows?)\b/i.exec(joined);
  if (stated !== null) return Number(stated[1] ?? stated[2]);
  if (text.length === 2 && /^\d+$/.test(text[1] ?? '')) return Number(text[1]);
  return null;
}

/**
 * Splits what follows the header into data rows and skipped rows (blank, footer), and records a trailer's
 * row count so the control total can be checked.
 */
async function* classify(rows: AsyncGenerator<RawRow[]>, headerRecord: number, skipped: SkippedRow[], trailer: { count: number | null }): AsyncGenerator<RawRow[]> {
  for await (const batch of rows) {
    const data: RawRow[] = [];
    for (const row of batch) {
      if (row.record <= headerRecord) continue;
      const first = row.cells.find((c) => cleanCell(c) !== '');
      if (first === undefined) {
        skipped.push({ record: row.record, reason: 'blank', text: '' });
        continue;
      }
      if (isFooterCell(first)) {
        skipped.push({ record: row.record, reason: 'footer', text: rowText(row.cells) });
        trailer.count = trailerCount(row.cells) ?? trailer.count;
        continue;
      }
      data.push(row);
    }
    if (data.length > 0) yield data;
  }
}

async function sampleRows(gen: AsyncGenerator<RawRow[]>): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const batch of gen) {
    out.push(...batch);
    if (out.length >= SAMPLE_ROWS) break;
  }
  await gen.return(undefined);
  return out.slice(0, SAMPLE_ROWS);
}

const STATED_DATE = /(?:数据日期|统计日期|截止日期|报表日期|as\s*of)\s*[:：]?\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{8})/i;

/** The as-of date a preamble line states, if any. */
export function statedDate(preamble: readonly string[]): string | null {
  for (const line of preamble) {
    const m = STATED_DATE.exec(line);
    if (m !== null) {
      const parsed = parseDate(m[1] ?? '');
      if (parsed.ok && parsed.value !== null) return parsed.value;
    }
  }
  return null;
}

function pickHeader(sample: RawRow[], opts: ImportOptions): { headerRecord: number; headers: string[]; preamble: string[]; statedAsOf: string | null } {
  let index: number;
  if (opts.headerRecord !== undefined) {
    index = sample.findIndex((r) => r.record === opts.headerRecord);
    if (index < 0) index = 0;
  } else {
    index = detectHeaderRow(
      sample.map((r) => r.cells),
      isKnownHeader,
    ).index;
  }
  const header = sample[index];
  const preamble = sample.slice(0, Math.max(0, index)).map((r) => rowText(r.cells));
  return {
    headerRecord: header?.record ?? 0,
    headers: dropTrailingEmpty([...(header?.cells ?? [])]).map(cleanCell),
    preamble,
    statedAsOf: statedDate(preamble),
  };
}

/** A mainframe extract read with a saved layout: no header record, fields cut by byte position. */
function openFixedWidth(file: SourceFile, opts: ImportOptions, trailer: { count: number | null }): OpenedSource {
  const parsed = parseLayout(opts.layout);
  if (!parsed.ok) {
    throw new AppError(
      'IMPORT_INVALID',
      { zh: `定长文件格式定义无效：${parsed.problems.join('；')}`, en: `The fixed-width layout is invalid: ${parsed.problems.join('; ')}` },
      { problems: parsed.problems.map((message) => ({ file: file.name, message })) },
    );
  }
  const layout = parsed.layout;
  const wrongLength = new Map<number, LocalizedText>();
  const source = 'path' in file.location ? file.location.path : file.location.buffer;
  return {
    format: 'fixed_width',
    encoding: layout.encoding,
    encodingBasis: 'layout',
    delimiter: null,
    sheets: null,
    sheet: null,
    headerRecord: 0,
    headers: layoutHeaders(layout),
    preamble: [],
    statedAsOf: null,
    recordProblem: (record) => wrongLength.get(record) ?? null,
    dataRows: (skipped) =>
      classify(
        readFixedWidth(source, layout, {
          onLengthMismatch: (record, actual, expected) =>
            wrongLength.set(record, { zh: `记录长度 ${actual} 字节，格式定义要求 ${expected} 字节`, en: `Record is ${actual} bytes; the layout needs ${expected}` }),
        }),
        0,
        skipped,
        trailer,
      ),
  };
}

/** Detects how to read a file and opens it. Never trusts the extension (GBK text named .xls exists). */
export async function openSource(file: SourceFile, opts: ImportOptions, trailer: { count: number | null } = { count: null }): Promise<OpenedSource> {
  const head = file.head(SAMPLE_BYTES);
  if (head.length === 0) refuse(`文件 ${file.name} 是空的`, `File ${file.name} is empty`, file.name);
  const format = detectFormat(head);
  if (format === 'ole-encrypted') refuse(`${file.name} 是加密的工作簿，请在 Excel 中取消密码后再导入`, `${file.name} is an encrypted workbook; remove its password in Excel and import again`, file.name);
  if (format === 'xls') {
    refuse(
      `${file.name} 是旧版 .xls 格式，为安全起见不直接读取。请在 Excel 或 WPS 中“另存为” .xlsx（Excel 工作簿）后再导入。`,
      `${file.name} is a legacy .xls workbook, which is not read directly for safety. Save it as .xlsx (Excel Workbook) in Excel or WPS and import that.`,
      file.name,
    );
  }
  if (opts.layout !== undefined) return openFixedWidth(file, opts, trailer);
  if (format === 'zip') refuse(`${file.name} 是压缩包，不是 .xlsx 工作簿`, `${file.name} is a zip archive, not an .xlsx workbook`, file.name);

  if (format === 'xlsx') {
    const sheets = await listSheets(file);
    const wanted = opts.sheet ?? 0;
    const sheetName = typeof wanted === 'number' ? sheets[wanted] : sheets.find((s) => s === wanted);
    if (sheetName === undefined) refuse(`工作簿中没有工作表 ${String(wanted)}`, `The workbook has no sheet ${String(wanted)}`, file.name);
    const sample = await sampleRows(readXlsx(file, { sheet: sheetName }));
    const picked = pickHeader(sample, opts);
    return {
      format: 'xlsx',
      encoding: null,
      encodingBasis: null,
      delimiter: null,
      sheets,
      sheet: sheetName,
      ...picked,
      recordProblem: () => null,
      dataRows: (skipped) => classify(readXlsx(file, { sheet: sheetName }), picked.headerRecord, skipped, trailer),
    };
  }

  const guess = detectEncoding(head);
  let encoding = guess.encoding;
  let basis: string = guess.basis;
  if (opts.encoding !== undefined) {
    const chosen = normalizeEncodingName(opts.encoding);
    if (chosen === null) refuse(`不支持的编码：${opts.encoding}`, `Unsupported encoding: ${opts.encoding}`, file.name);
    encoding = chosen;
    basis = 'user';
  }
  const text = new TextDecoder(encoding).decode(head.subarray(guess.bomLength));
  const lines = text.split(/\r\n|\n|\r/).slice(0, SAMPLE_ROWS);
  const delimiter = opts.delimiter ?? detectDelimiter(lines);
  const read = (): AsyncGenerator<RawRow[]> => readDelimited(file, { encoding, bomLength: guess.bomLength, delimiter });
  const sample = await sampleRows(read());
  const picked = pickHeader(
    sample.map((r) => ({ record: r.record, cells: r.cells })),
    opts,
  );
  return {
    format: 'csv',
    encoding,
    encodingBasis: basis,
    delimiter,
    sheets: null,
    sheet: null,
    ...picked,
    recordProblem: () => null,
    dataRows: (skipped) => classify(read(), picked.headerRecord, skipped, trailer),
  };
}
