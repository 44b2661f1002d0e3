import { enumChoices, enumCode } from '../../shared/import/enums.js';
import { KIND_FIELDS } from '../../shared/import/kinds.js';
import type { FieldSpec, ImportKind } from '../../shared/import/kinds.js';
import type { LocalizedText } from '../../shared/i18n/locale.js';
import type { Mapping } from './suggest-mapping.js';
import { cleanCell, toHalfWidth } from './text.js';
import { parseAmountFen, parseDate, parseDateTime, parseDebitCredit, parseDecimal, parseIdNo, parseInteger, parseMobile } from './values.js';
import type { AmountUnit, Parsed } from './values.js';

/** One problem in one cell: what the user needs to find and fix it. */
export interface CellError {
  record: number;
  column: string;
  field: string;
  value: string;
  reason: LocalizedText;
}

export type FieldValue = string | number | null;

export interface RowResult {
  record: number;
  values: Record<string, FieldValue>;
  errors: CellError[];
}

export interface ValidateOptions {
  amountUnit?: AmountUnit;
  /** Cells from a workbook may hold Excel serial dates. */
  excelSerialDates?: boolean;
}

const EXCEL_ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!']);

/** ID types whose numbers are 18-digit resident IDs with a checksum; other documents are checked for shape only. */
const RESIDENT_ID_TYPES = new Set(['', '居民身份证', '身份证', '第二代居民身份证', '临时居民身份证', 'resident_id', '0', '01', '10', '101']);

function isResidentIdType(idType: FieldValue | undefined): boolean {
  return idType === undefined || idType === null || RESIDENT_ID_TYPES.has(String(idType).trim().toLowerCase());
}

const LANDLINE = /^(?:\+?86)?[\d()（）\s-]{7,20}$/;

/** Passports, 港澳/台湾 permits and the like: letters and digits, 5 to 30 of them. */
function parseOtherDocument(raw: string): Parsed<FieldValue> {
  const text = toHalfWidth(cleanCell(raw)).replace(/\s/g, '').toUpperCase();
  if (text === '') return { ok: true, value: null };
  return /^[A-Z0-9()（）-]{5,30}$/.test(text)
    ? { ok: true, value: text }
    : { ok: false, reason: { zh: `证件号码“${raw.trim()}”格式无效`, en: `Document number “${raw.trim()}” is malformed` } };
}

function parseField(spec: FieldSpec, raw: string, opts: ValidateOptions): Parsed<FieldValue> {
  switch (spec.type) {
    case 'amount':
      return parseAmountFen(raw, opts.amountUnit ?? 'yuan');
    case 'date':
      return parseDate(raw, { excelSerial: opts.excelSerialDates ?? false });
    case 'datetime':
      return parseDateTime(raw, { excelSerial: opts.excelSerialDates ?? false });
    case 'id_no':
      return parseIdNo(raw);
    case 'mobile':
      return parseMobile(raw);
    case 'integer':
      return parseInteger(raw);
    case 'decimal':
      return parseDecimal(raw);
    case 'dc_flag':
      return parseDebitCredit(raw);
    case 'phone': {
      const text = toHalfWidth(cleanCell(raw));
      if (text === '') return { ok: true, value: null };
      return LANDLINE.test(text) ? { ok: true, value: text } : { ok: false, reason: { zh: `“${text}”不是有效电话号码`, en: `“${text}” is not a phone number` } };
    }
    case 'enum': {
      const text = toHalfWidth(cleanCell(raw));
      if (text === '') return { ok: true, value: null };
      const code = enumCode(spec.key, text);
      if (code !== null) return { ok: true, value: code };
      const choices = enumChoices(spec.key).join('、');
      return { ok: false, reason: { zh: `“${text}”不是可选值（${choices}）`, en: `“${text}” is not one of: ${choices}` } };
    }
    case 'code':
      return { ok: true, value: toHalfWidth(cleanCell(raw)) || null };
    case 'text':
      return { ok: true, value: cleanCell(raw) || null };
  }
}

/**
 * Turns one row of cells into typed field values or a list of errors; never throws.
 * Every error names the column header and the raw value, so the preview can highlight the cell.
 */
export function validateRow(
  kind: ImportKind,
  mapping: Mapping,
  headers: readonly string[],
  record: number,
  cells: readonly string[],
  opts: ValidateOptions = {},
): RowResult {
  const values: Record<string, FieldValue> = {};
  const errors: CellError[] = [];
  for (const spec of KIND_FIELDS[kind]) {
    const column = mapping[spec.key];
    if (column === undefined) {
      values[spec.key] = null;
      continue;
    }
    const raw = cells[column] ?? '';
    const header = headers[column] ?? `#${column + 1}`;
    const trimmed = cleanCell(raw);
    if (EXCEL_ERRORS.has(trimmed)) {
      errors.push({ record, column: header, field: spec.key, value: raw, reason: { zh: `单元格是 Excel 错误值 ${trimmed}`, en: `The cell holds the Excel error ${trimmed}` } });
      continue;
    }
    const parsed =
      spec.type === 'id_no' && !isResidentIdType(values['idType'] ?? (mapping['idType'] === undefined ? undefined : cleanCell(cells[mapping['idType']] ?? '')))
        ? parseOtherDocument(raw)
        : parseField(spec, raw, opts);
    if (!parsed.ok) {
      errors.push({ record, column: header, field: spec.key, value: raw, reason: parsed.reason });
      continue;
    }
    if (parsed.value === null && spec.required) {
      errors.push({ record, column: header, field: spec.key, value: raw, reason: { zh: `“${spec.zh}”不能为空`, en: `“${spec.en}” is required` } });
      continue;
    }
    values[spec.key] = parsed.value;
  }
  return { record, values, errors };
}
