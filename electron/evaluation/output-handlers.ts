import type { DomainHandlers } from '../api/types.js';
import { AppError } from '../platform/app-error.js';
import { evaluationSheetsDocument } from '../print/evaluation-sheet.js';
import { pdfFileName } from '../print/printer.js';
import { runDetail } from './access.js';
import { evaluationSheets } from './sheet-data.js';
import { evaluationWorkbook } from './workbook.js';

type OutputOps = 'evaluation.sheets' | 'evaluation.workbook';

/**
 * The evaluation's printed sheets and summary workbook (docs/evaluation.md). Both read the stored run as its caller
 * may see it: `runDetail` keeps a client manager to their own card, so "all sheets" is just their own one.
 */
export const evaluationOutputHandlers: Pick<DomainHandlers<'evaluation'>, OutputOps> = {
  'evaluation.sheets': async (input, ctx) => {
    if (ctx.session.role === 'manager' && input.managerId !== undefined && input.managerId !== ctx.session.managerId) {
      throw new AppError('FORBIDDEN', { zh: '客户经理只能打印本人的考核表', en: 'A client manager prints only their own sheet' });
    }
    const detail = runDetail(ctx, input.runId);
    const sheets = evaluationSheets(ctx.store, detail, ctx.session.userName, ctx.clock.now().toISOString(), input.managerId);
    if (sheets.length === 0) {
      throw new AppError('NOT_FOUND', {
        zh: input.managerId === undefined ? `考核 #${input.runId} 没有可打印的考核表` : '该客户经理不在本次考核中',
        en: input.managerId === undefined ? `Run #${input.runId} has no sheet to print` : 'This manager is not part of the run',
      });
    }
    const doc = evaluationSheetsDocument(sheets);
    const pdf = await ctx.printer.print(doc);
    ctx.auditNote({ entity: 'evaluation_sheets', entityId: input.runId, after: { managerIds: sheets.map((s) => s.card.managerId) } });
    return { fileName: pdfFileName(doc), mimeType: 'application/pdf', base64: pdf.toString('base64') };
  },
  'evaluation.workbook': (input, ctx) => {
    const file = evaluationWorkbook(ctx.store, runDetail(ctx, input.runId), ctx.clock.now());
    ctx.auditNote({ entity: 'evaluation_workbook', entityId: input.runId, after: { fileName: file.fileName } });
    return file;
  },
};
