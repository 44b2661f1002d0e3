import type { ImportBatchInfo, SkippedRow } from '../../../../shared/api/ops/import.js';
import { KIND_LABELS } from '../../../../shared/import/kinds.js';
import type { ImportKind } from '../../../../shared/import/kinds.js';
import { pickText } from '../../../../shared/i18n/locale.js';
import type { Locale } from '../../../../shared/i18n/locale.js';
import type { MessageKey, Translate } from '../../i18n/messages.js';
import type { WizardStep } from './wizard-state.js';

export const stepKey = (step: WizardStep): MessageKey => `import.step.${step}`;
export const statusKey = (status: ImportBatchInfo['status']): MessageKey => `import.status.${status}`;
export const skippedKey = (reason: SkippedRow['reason']): MessageKey => `import.skipped.${reason}`;

export function kindLabel(kind: ImportKind, locale: Locale): string {
  return pickText(KIND_LABELS[kind], locale);
}

/** Encodings the user may force, by the names the server understands; GBK files decode as GB18030 (a superset). */
export const ENCODING_CHOICES = ['gb18030', 'utf-8', 'utf-16le', 'utf-16be'] as const;

const ENCODING_NAMES: Readonly<Record<string, string>> = {
  gb18030: 'GB18030 (GBK)',
  gbk: 'GBK',
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};

export function encodingName(encoding: string): string {
  return ENCODING_NAMES[encoding.toLowerCase()] ?? encoding.toUpperCase();
}

const DELIMITER_KEYS: Readonly<Record<string, MessageKey>> = {
  ',': 'import.delimiter.comma',
  '\t': 'import.delimiter.tab',
  ';': 'import.delimiter.semicolon',
  '|': 'import.delimiter.pipe',
};

export function delimiterLabel(delimiter: string, t: Translate): string {
  const key = DELIMITER_KEYS[delimiter];
  return key === undefined ? JSON.stringify(delimiter) : t(key);
}

const TABLE_KEYS: Readonly<Record<string, MessageKey>> = {
  client: 'import.table.client',
  assignment: 'import.table.assignment',
  balance_snapshot: 'import.table.balance_snapshot',
  product_holding: 'import.table.product_holding',
  txn: 'import.table.txn',
  contact: 'import.table.contact',
  manager: 'import.table.manager',
  manager_period: 'import.table.manager_period',
  org_unit: 'import.table.org_unit',
};

/** A store table as the user knows it; a table added later without a label still shows, by its name. */
export function tableLabel(table: string, t: Translate): string {
  const key = TABLE_KEYS[table];
  return key === undefined ? table : t(key);
}

/** Sizes as 12.3 KB: the user checks they picked the right file, not the exact byte count. */
export function formatSize(bytes: number, locale: Locale): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit] ?? 'B'}`;
}

/** A stored ISO timestamp in the user's local time, to the minute. */
export function formatTime(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', hour12: false }).format(d);
}
