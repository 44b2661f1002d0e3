import type { ExportedFile, ImportRowError } from '../../shared/api/ops/import.js';
import { buildXlsx } from '../xlsx/build-xlsx.js';
import type { Store } from '../store/store.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every row error of an import as a workbook the user can sort, filter and send back to whoever made the file. */
export function errorWorkbook(sourceName: string, errors: readonly ImportRowError[], now: Date): ExportedFile {
  const rows = [
    [`导入错误清单 Import errors: ${sourceName}`],
    ['行号 Row', '列 Column', '值 Value', '原因', 'Reason'],
    ...errors.map((e) => [e.record, e.column, e.value, e.reason.zh, e.reason.en]),
  ];
  const bytes = buildXlsx([{ name: '错误清单', rows, boldRows: [1, 2], widths: [10, 16, 28, 48, 56], merges: ['A1:E1'] }], { modifiedAt: now });
  const base = sourceName.replace(/\.[^.]+$/, '');
  return { fileName: `${base}-错误清单.xlsx`, mimeType: XLSX_MIME, base64: Buffer.from(bytes).toString('base64') };
}

/** The rows a `skip` import kept out, from the quarantine. */
export function batchErrors(store: Store, batchId: number): ImportRowError[] {
  const rows = store.db
    .prepare('SELECT record, column, field, value, reason_zh, reason_en FROM import_row_error WHERE batch_id = ? ORDER BY record, id')
    .all(batchId) as Array<{ record: number; column: string; field: string; value: string; reason_zh: string; reason_en: string }>;
  return rows.map((r) => ({ record: r.record, column: r.column, field: r.field, value: r.value, reason: { zh: r.reason_zh, en: r.reason_en } }));
}
