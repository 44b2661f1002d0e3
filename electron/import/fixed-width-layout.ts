import { z } from 'zod';
import { normalizeEncodingName } from './detect-encoding.js';
import type { TextEncoding } from './detect-encoding.js';

/**
 * A saved layout of a fixed-width (mainframe) text extract. Positions are 1-based BYTE offsets, as in the
 * bank's layout documents: in GBK a Chinese character takes 2 bytes, so character offsets would be wrong.
 */

export const FIXED_WIDTH_TYPES = ['string', 'number', 'amount', 'date', 'integer'] as const;
export type FixedWidthType = (typeof FIXED_WIDTH_TYPES)[number];

/** Types that may carry implied decimals ("000000000012345" with 2 decimals is 123.45). */
const DECIMAL_TYPES: ReadonlySet<FixedWidthType> = new Set(['number', 'amount']);

/** Byte-based slicing needs an ASCII-compatible encoding; UTF-16 extracts are not fixed-width in practice. */
export type FixedWidthEncoding = Exclude<TextEncoding, 'utf-16le' | 'utf-16be'>;

/** CRLF and LF read alike (a stray CR is dropped either way); `none` means back-to-back records of recordLength bytes. */
export type FixedWidthLineEnding = 'CRLF' | 'LF' | 'none';

export interface FixedWidthField {
  /** Identifier of the field (English, e.g. account_no). */
  field: string;
  /** The header the mapping step matches on (the Chinese column name, e.g. 账号). */
  label: string;
  /** 1-based byte offset. */
  start: number;
  /** Bytes. */
  length: number;
  type: FixedWidthType;
  /** Implied decimals of a number or amount field. */
  decimals?: number;
  /** Free-form pattern of a date field (e.g. YYYYMMDD), kept for the user; validation parses dates itself. */
  format?: string;
  /** Code → meaning (e.g. 0 → open), kept for the mapping step; the reader returns the raw code. */
  values?: Record<string, string>;
}

export interface FixedWidthLayout {
  name: string;
  encoding: FixedWidthEncoding;
  /** Bytes per record without the line ending; required when lineEnding is `none`. */
  recordLength?: number;
  lineEnding: FixedWidthLineEnding;
  fields: FixedWidthField[];
}

/** Larger records than this are a wrong layout, not data; the bound also keeps the reader's memory flat. */
export const MAX_RECORD_BYTES = 1 << 20;

const codeMap = z.record(z.string(), z.string());

const fieldInput = z.looseObject({
  field: z.string().trim().min(1, 'field name is empty'),
  label: z.string().trim().optional(),
  start: z.number().int('start must be a whole number'),
  length: z.number().int('length must be a whole number'),
  // 'decimal' is what the demo generator (and many layout documents) call a number with implied decimals.
  type: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum([...FIXED_WIDTH_TYPES, 'decimal'], { error: `type must be one of ${FIXED_WIDTH_TYPES.join(', ')}` }))
    .default('string'),
  decimals: z.number().int('decimals must be a whole number').min(0, 'decimals must not be negative').max(18).optional(),
  format: z.string().optional(),
  values: codeMap.optional(),
});

/**
 * The JSON a layout is saved or handed over as. Unknown keys (file, asOf, positions …) are ignored, so the
 * demo's layout files and layouts written by other tools load as they are.
 */
export const fixedWidthLayoutInput = z.looseObject({
  name: z.string().trim().min(1, 'name is empty'),
  encoding: z.string().trim().min(1, 'encoding is empty'),
  recordLength: z.number().int('recordLength must be a whole number').optional(),
  lineEnding: z.string().trim().default('CRLF'),
  /** Only documentation in the demo files, but a layout that says 0-based must not be read as 1-based. */
  positions: z.string().optional(),
  fields: z.array(fieldInput).min(1, 'a layout needs at least one field').max(1000),
  /** Code maps keyed by field name, as the demo writes them; merged into each field's `values`. */
  codes: z.record(z.string(), codeMap).optional(),
});

export type FixedWidthLayoutInput = z.input<typeof fixedWidthLayoutInput>;

export type LayoutParse = { ok: true; layout: FixedWidthLayout } | { ok: false; problems: string[] };

const LINE_ENDINGS: Record<string, FixedWidthLineEnding> = { crlf: 'CRLF', lf: 'LF', none: 'none' };

const fieldEnd = (f: { start: number; length: number }): number => f.start + f.length - 1;

/** "金额 (amount)" — the label is what users see, the name what the layout file says. */
const nameOf = (f: { field: string; label: string }): string => (f.label === f.field ? f.field : `${f.label} (${f.field})`);

function zodProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    return where === '' ? issue.message : `${where}: ${issue.message}`;
  });
}

function encodingOf(name: string, problems: string[]): FixedWidthEncoding {
  const encoding = normalizeEncodingName(name);
  if (encoding === null) problems.push(`encoding “${name}” is not known (use GBK, GB18030 or UTF-8)`);
  else if (encoding === 'utf-16le' || encoding === 'utf-16be') problems.push(`encoding “${name}”: UTF-16 fixed-width files are not supported (use GBK, GB18030 or UTF-8)`);
  else return encoding;
  return 'gb18030';
}

function checkFields(fields: FixedWidthField[], recordLength: number | undefined, problems: string[]): void {
  const names = new Set<string>();
  const labels = new Set<string>();
  for (const f of fields) {
    const who = `field ${nameOf(f)}`;
    if (names.has(f.field)) problems.push(`field name “${f.field}” is used more than once`);
    names.add(f.field);
    // The mapping step matches columns by header, so two columns with one header could not be told apart.
    if (labels.has(f.label)) problems.push(`label “${f.label}” is used by more than one field`);
    labels.add(f.label);
    if (f.start < 1) problems.push(`${who}: start must be 1 or more (positions are 1-based bytes), got ${f.start}`);
    if (f.length < 1) problems.push(`${who}: length must be at least 1 byte, got ${f.length}`);
    else if (recordLength !== undefined && fieldEnd(f) > recordLength) {
      problems.push(`${who}: bytes ${f.start}–${fieldEnd(f)} run past the record length ${recordLength}`);
    } else if (fieldEnd(f) > MAX_RECORD_BYTES) problems.push(`${who}: ends at byte ${fieldEnd(f)}, beyond the ${MAX_RECORD_BYTES}-byte limit`);
    if (f.decimals !== undefined && f.decimals > 0 && !DECIMAL_TYPES.has(f.type)) problems.push(`${who}: only number and amount fields can have implied decimals`);
    if (f.decimals !== undefined && f.length >= 1 && f.decimals > f.length) problems.push(`${who}: ${f.decimals} decimals do not fit in ${f.length} bytes`);
  }
  const sized = fields.filter((f) => f.length >= 1 && f.start >= 1).sort((a, b) => a.start - b.start);
  let widest: FixedWidthField | undefined;
  for (const f of sized) {
    if (widest !== undefined && f.start <= fieldEnd(widest)) {
      problems.push(`fields ${nameOf(widest)} (bytes ${widest.start}–${fieldEnd(widest)}) and ${nameOf(f)} (bytes ${f.start}–${fieldEnd(f)}) overlap`);
    }
    if (widest === undefined || fieldEnd(f) > fieldEnd(widest)) widest = f;
  }
}

function toField(input: z.output<typeof fieldInput>, codes: Record<string, string> | undefined): FixedWidthField {
  const label = input.label === undefined || input.label === '' ? input.field : input.label;
  const field: FixedWidthField = { field: input.field, label, start: input.start, length: input.length, type: input.type === 'decimal' ? 'number' : input.type };
  if (input.decimals !== undefined) field.decimals = input.decimals;
  if (input.format !== undefined) field.format = input.format;
  const values = { ...codes, ...input.values };
  if (Object.keys(values).length > 0) field.values = values;
  return field;
}

/** Checks a layout (from a saved profile or a layout file) and lists every problem at once. */
export function parseLayout(json: unknown): LayoutParse {
  const parsed = fixedWidthLayoutInput.safeParse(json);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const input = parsed.data;
  const problems: string[] = [];
  const encoding = encodingOf(input.encoding, problems);
  const lineEnding = LINE_ENDINGS[input.lineEnding.toLowerCase()];
  if (lineEnding === undefined) problems.push(`lineEnding “${input.lineEnding}” is not one of CRLF, LF, none`);
  if (input.positions !== undefined && /\b0-based|zero-based/i.test(input.positions)) problems.push(`positions are “${input.positions}”, but only 1-based byte offsets are supported`);
  const { recordLength } = input;
  if (recordLength !== undefined && (recordLength < 1 || recordLength > MAX_RECORD_BYTES)) problems.push(`recordLength must be between 1 and ${MAX_RECORD_BYTES}, got ${recordLength}`);
  if (lineEnding === 'none' && recordLength === undefined) problems.push('recordLength is required when lineEnding is none (records are not separated)');
  const known = new Set(input.fields.map((f) => f.field));
  for (const name of Object.keys(input.codes ?? {})) if (!known.has(name)) problems.push(`codes are given for “${name}”, which is not a field of the layout`);
  const fields = input.fields.map((f) => toField(f, input.codes?.[f.field]));
  checkFields(fields, recordLength, problems);
  if (problems.length > 0) return { ok: false, problems };
  const layout: FixedWidthLayout = { name: input.name, encoding, lineEnding: lineEnding ?? 'CRLF', fields };
  if (recordLength !== undefined) layout.recordLength = recordLength;
  return { ok: true, layout };
}

/** The header row the mapping step sees: the labels, in layout order. */
export function layoutHeaders(layout: FixedWidthLayout): string[] {
  return layout.fields.map((f) => f.label);
}

/** The record length a file should have: the declared one, else up to the end of the last field. */
export function expectedRecordBytes(layout: FixedWidthLayout): number {
  return layout.recordLength ?? Math.max(...layout.fields.map(fieldEnd));
}
