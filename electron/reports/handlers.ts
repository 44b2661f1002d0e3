import { REPORT_CATALOG } from '../../shared/reports/catalog.js';
import type { ReportParams, ReportTable } from '../../shared/reports/report.js';
import type { DomainHandlers, HandlerContext } from '../api/types.js';
import { reportDocument } from '../print/report-document.js';
import { pdfFileName } from '../print/printer.js';
import type { Store } from '../store/store.js';
import { buildReport } from './registry.js';
import { reportXlsx } from './report-xlsx.js';

/** The bank's name for the printed header: the top of the org tree. */
export function bankName(store: Store): string {
  return (store.db.prepare('SELECT name FROM org_unit WHERE parent_id IS NULL ORDER BY code LIMIT 1').pluck().get() as string | undefined) ?? '';
}

function view(ctx: HandlerContext, input: { id: ReportTable['id']; period: string; orgUnitId?: number | undefined }): ReportTable {
  const params: ReportParams = { period: input.period, ...(input.orgUnitId === undefined ? {} : { orgUnitId: input.orgUnitId }) };
  return buildReport(ctx.store, ctx.session, input.id, params, ctx.clock.now());
}

/** What went out, for the audit entry: the report, its params, how many rows. */
function note(ctx: HandlerContext, table: ReportTable, fileName: string): void {
  ctx.auditNote({ entity: 'report', entityId: table.id, after: { params: table.params, scope: table.scopeLabel, rows: table.rows.length, detailRows: table.detail?.rows.length ?? 0, fileName } });
}

export const reportsHandlers: DomainHandlers<'reports'> = {
  'reports.catalog': () => [...REPORT_CATALOG],
  'reports.view': (input, ctx) => view(ctx, input),
  'reports.pdf': async (input, ctx) => {
    const table = view(ctx, input);
    const doc = reportDocument(table, { bankName: bankName(ctx.store) });
    const pdf = await ctx.printer.print(doc);
    const fileName = pdfFileName(doc);
    note(ctx, table, fileName);
    return { fileName, mimeType: 'application/pdf', base64: pdf.toString('base64') };
  },
  'reports.xlsx': (input, ctx) => {
    const table = view(ctx, input);
    const file = reportXlsx(table, ctx.clock.now());
    note(ctx, table, file.fileName);
    return file;
  },
};
