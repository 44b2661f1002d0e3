import type { ExportedFile } from '../../shared/api/ops/import.js';
import { STAGE_LABELS, TIER_LABELS, segmentLabel } from '../../shared/book/labels.js';
import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';
import type { XlsxCell } from '../xlsx/build-xlsx.js';
import { buildXlsx } from '../xlsx/build-xlsx.js';
import { countClients, listClients } from './queries.js';
import type { ScopedFilters } from './queries.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A workbook built in memory: past this many rows, narrow the view first. */
export const EXPORT_LIMIT = 100_000;
const PAGE = 500;

/**
 * The current client-list view as a workbook, exactly the rows and columns on screen (identity masked as
 * listed). Money is written in yuan with two decimals from integer fen.
 */
export function exportClients(store: Store, filters: ScopedFilters, asOf: string, now: Date): ExportedFile {
  const total = countClients(store, filters, asOf);
  if (total > EXPORT_LIMIT) {
    throw new AppError('INVALID_INPUT', {
      zh: `当前筛选有 ${total} 户，超过单次导出上限 ${EXPORT_LIMIT} 户，请缩小范围后再导出。`,
      en: `The view holds ${total} clients, more than the ${EXPORT_LIMIT} one export takes; narrow it first.`,
    });
  }
  const units = new Map((store.db.prepare('SELECT id, name FROM org_unit').all() as Array<{ id: number; name: string }>).map((u) => [u.id, u.name]));
  const managers = new Map((store.db.prepare('SELECT id, name FROM manager').all() as Array<{ id: number; name: string }>).map((m) => [m.id, m.name]));
  const rows: XlsxCell[][] = [
    [`客户清单 Clients · ${asOf} · ${total} 户`],
    ['客户号', '客户名称', '证件号码', '手机号', '客户层级', '客户分群', '生命周期', '贡献度', '忠诚度', '金融资产（元）', '所属网点', '客户经理'],
  ];
  let after: number | undefined;
  for (;;) {
    const page = listClients(store, { filters, after, limit: PAGE, asOf });
    for (const r of page.rows) {
      rows.push([
        r.clientNo,
        r.name,
        r.idNoMasked,
        r.phoneMasked,
        r.tier === null ? null : TIER_LABELS[r.tier].zh,
        r.segment === null ? null : segmentLabel(r.segment).zh,
        r.stage === null ? null : STAGE_LABELS[r.stage].zh,
        r.contribution,
        r.loyalty,
        r.aumFen === null ? null : r.aumFen / 100,
        r.orgUnitId === null ? null : (units.get(r.orgUnitId) ?? null),
        r.managerId === null ? null : (managers.get(r.managerId) ?? null),
      ]);
    }
    if (page.nextCursor === null) break;
    after = page.nextCursor;
  }
  const bytes = buildXlsx([{ name: '客户清单', rows, boldRows: [1, 2], merges: ['A1:L1'], widths: [14, 10, 22, 14, 8, 22, 8, 8, 8, 16, 16, 10] }], { modifiedAt: now });
  return { fileName: `客户清单-${asOf}.xlsx`, mimeType: XLSX_MIME, base64: Buffer.from(bytes).toString('base64') };
}
