import { gbkByteLength } from './gbk.js';
import { HOLDING_CLASS_CODES } from './formats.js';

export type FieldType = 'string' | 'decimal' | 'date';

export interface FixedField {
  field: string;
  label: string;
  /** 1-based byte offset, as in the bank's layout documents. */
  start: number;
  length: number;
  type: FieldType;
  /** Implied decimals of a decimal field: "000000000012345" with 2 means 123.45. */
  decimals?: number;
  /** For dates: the pattern (always YYYYMMDD here); blank means no date. */
  format?: string;
}

export interface FixedLayout {
  name: string;
  file: string;
  encoding: 'GBK';
  lineEnding: 'CRLF';
  recordLength: number;
  positions: '1-based byte offsets';
  asOf: string;
  fields: FixedField[];
  codes: Record<string, Record<string, string>>;
}

const SPEC: ReadonlyArray<Omit<FixedField, 'start'>> = [
  { field: 'account_no', label: '账号', length: 20, type: 'string' },
  { field: 'client_no', label: '客户号', length: 10, type: 'string' },
  { field: 'product_class', label: '产品类别', length: 2, type: 'string' },
  { field: 'product_code', label: '产品代码', length: 12, type: 'string' },
  { field: 'product_name', label: '产品名称', length: 40, type: 'string' },
  { field: 'currency', label: '币种', length: 3, type: 'string' },
  { field: 'amount', label: '金额', length: 17, type: 'decimal', decimals: 2 },
  { field: 'open_date', label: '开户日期', length: 8, type: 'date', format: 'YYYYMMDD' },
  { field: 'maturity_date', label: '到期日期', length: 8, type: 'date', format: 'YYYYMMDD' },
  { field: 'status', label: '状态', length: 1, type: 'string' },
];

/** The holdings layout; amounts are the balance, or the credit limit for credit cards (产品类别 XK). */
export function holdingsLayout(file: string, asOf: string): FixedLayout {
  let start = 1;
  const fields = SPEC.map((f) => {
    // Key order matters only for a readable layout file: position first, then the type details.
    const field: FixedField = { field: f.field, label: f.label, start, length: f.length, type: f.type };
    if (f.decimals !== undefined) field.decimals = f.decimals;
    if (f.format !== undefined) field.format = f.format;
    start += f.length;
    return field;
  });
  return {
    name: '产品持有明细',
    file,
    encoding: 'GBK',
    lineEnding: 'CRLF',
    recordLength: start - 1,
    positions: '1-based byte offsets',
    asOf,
    fields,
    codes: {
      product_class: { ...HOLDING_CLASS_CODES },
      status: { '0': 'open', '1': 'closed' },
    },
  };
}

/** Left-justified, space-padded to `bytes` GBK bytes, cut at a character boundary. */
export function padText(text: string, bytes: number): string {
  let out = text;
  while (gbkByteLength(out) > bytes) out = out.slice(0, -1);
  return out + ' '.repeat(bytes - gbkByteLength(out));
}

/** Zero-padded digits of an amount in fen (2 implied decimals). */
export function padAmount(fen: number, bytes: number): string {
  if (fen < 0 || !Number.isSafeInteger(fen)) throw new Error(`amount out of range: ${fen}`);
  return fen.toString().padStart(bytes, '0');
}

/** One record as text; the caller encodes it to GBK, after which every field sits at its byte offset. */
export function formatRecord(layout: FixedLayout, values: Record<string, string | number>): string {
  let line = '';
  for (const f of layout.fields) {
    const v = values[f.field];
    if (f.type === 'decimal') line += padAmount(typeof v === 'number' ? v : 0, f.length);
    else line += padText(v === undefined ? '' : String(v), f.length);
  }
  return line;
}
