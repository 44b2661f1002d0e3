import type { ApiError, ErrorLocation } from '../../../../shared/api/errors.js';
import type { ImportPreview, ImportRowError, PreviewRow } from '../../../../shared/api/ops/import.js';
import type { LocalizedText } from '../../../../shared/i18n/locale.js';

/** Reasons per column of one preview row; errors not tied to a column are under `null`. */
export function errorsByColumn(row: PreviewRow): Map<number | null, LocalizedText[]> {
  const map = new Map<number | null, LocalizedText[]>();
  for (const e of row.errors) map.set(e.columnIndex, [...(map.get(e.columnIndex) ?? []), e.reason]);
  return map;
}

/** One line of the list under the preview table: “第 N 行 · 列 · 原因”. */
export interface ErrorLine {
  record: number;
  /** The file's header of the cell, or the field key when the error has no column. */
  column: string;
  reason: LocalizedText;
}

/** Every error of the previewed rows, in file order, with the column named as the file names it. */
export function previewErrorLines(preview: ImportPreview): ErrorLine[] {
  const lines: ErrorLine[] = [];
  for (const row of preview.rows) {
    for (const e of row.errors) {
      const header = e.columnIndex === null ? undefined : preview.headers[e.columnIndex];
      lines.push({ record: row.record, column: header ?? e.field, reason: e.reason });
    }
  }
  return lines.sort((a, b) => a.record - b.record);
}

export interface ErrorGroup {
  column: string;
  count: number;
  /** The first few records, to find them in the file. */
  records: number[];
}

/** Plan errors grouped by column, biggest group first: “证件号码 ×12 (第 6, 9, … 行)” reads faster than 12 lines. */
export function groupByColumn(errors: readonly ImportRowError[], maxRecords = 5): ErrorGroup[] {
  const groups = new Map<string, ErrorGroup>();
  for (const e of errors) {
    const column = e.column === '' ? e.field : e.column;
    const group = groups.get(column) ?? { column, count: 0, records: [] };
    group.count += 1;
    if (group.records.length < maxRecords && !group.records.includes(e.record)) group.records.push(e.record);
    groups.set(column, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.column.localeCompare(b.column));
}

export type Problem = ErrorLocation & { message: string };

/** The problems an import error points at (file, row, column, value), if it carries any. */
export function problemsOf(error: ApiError): Problem[] {
  const problems = error.details?.problems;
  return Array.isArray(problems) ? problems : [];
}
