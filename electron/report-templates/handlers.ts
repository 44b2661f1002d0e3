import crypto from 'node:crypto';
import type { TemplateDetail, TemplateProblemInfo } from '../../shared/api/ops/templates.js';
import { REPORT_CATALOG } from '../../shared/reports/catalog.js';
import type { ReportId, ReportParams, ReportTable } from '../../shared/reports/report.js';
import { checkMappings } from '../../shared/reports/template.js';
import type { TemplateMapping, TemplateProblem } from '../../shared/reports/template.js';
import { parsePeriod } from '../../shared/targets/periods.js';
import type { DomainHandlers, HandlerContext } from '../api/types.js';
import { AppError } from '../platform/app-error.js';
import { localIsoDate } from '../platform/clock.js';
import { buildReport } from '../reports/registry.js';
import { resolveReportScope } from '../reports/scope.js';
import type { HeaderValues } from './figures.js';
import { templateCells } from './figures.js';
import { fillXlsx } from './fill-xlsx.js';
import { inspectTemplate, templateShapes } from './inspect-xlsx.js';
import { CellRefusedError } from './sheet-edit.js';
import { deleteTemplate, editableTemplate, insertTemplate, listTemplates, saveMappings, templateBytes, templateFor, templateMappings } from './template-store.js';
import { asTemplateError, checkUpload, decodeUpload } from './upload-check.js';
import { openTemplatePackage } from './workbook-package.js';

/**
 * 报表模板 (docs/report-templates.md): upload a head-office workbook, map its cells to figures, fill it for a
 * period. Every figure comes from `buildReport` called with the caller's session, so a supervisor's filled
 * template holds only their units' figures; the fill is an export, audited with what went out.
 */
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const problemInfo = (p: TemplateProblem): TemplateProblemInfo => ({ sheet: p.sheet, cell: p.cell, message: p.text });

function params(period: string, orgUnitId: number | undefined): ReportParams {
  return { period, ...(orgUnitId === undefined ? {} : { orgUnitId }) };
}

function reportsFor(ctx: HandlerContext, mappings: readonly TemplateMapping[], p: ReportParams): Map<ReportId, ReportTable> {
  const out = new Map<ReportId, ReportTable>();
  for (const m of mappings) {
    if (m.figure.kind !== 'header' && !out.has(m.figure.report)) out.set(m.figure.report, buildReport(ctx.store, ctx.session, m.figure.report, p, ctx.clock.now()));
  }
  return out;
}

function detail(ctx: HandlerContext, id: number): TemplateDetail {
  const template = templateFor(ctx.store, ctx.session, id);
  let sheets;
  try {
    sheets = inspectTemplate(openTemplatePackage(templateBytes(ctx.store, id)));
  } catch (e) {
    throw asTemplateError(template.fileName, e);
  }
  const mappings = templateMappings(ctx.store, id);
  return { template, sheets, mappings, problems: checkMappings(mappings, templateShapes(sheets)).map(problemInfo), catalog: [...REPORT_CATALOG] };
}

const PERIOD_LABEL = (period: string): string => {
  const p = parsePeriod(period);
  if (p === null) return period;
  return p.kind === 'year' ? `${p.year}年` : p.kind === 'quarter' ? `${p.year}年第${p.index}季度` : `${p.year}年${p.index}月`;
};

function headerValues(ctx: HandlerContext, p: ReportParams): HeaderValues {
  const scope = resolveReportScope(ctx.store, ctx.session, p);
  const today = localIsoDate(ctx.clock.now());
  const userId = ctx.session.userId;
  const display = userId === undefined ? undefined : (ctx.store.db.prepare('SELECT display_name FROM user WHERE id = ?').pluck().get(userId) as string | undefined);
  return {
    period: p.period,
    periodLabel: PERIOD_LABEL(p.period),
    unitName: scope.roots.map((r) => r.name).join('、'),
    unitCode: scope.roots.map((r) => r.code).join('、'),
    // A period not yet over is reported as of today.
    asOf: scope.to < today ? scope.to : today,
    generatedAt: today,
    preparedBy: display ?? ctx.session.userName,
  };
}

/** A file name part without the characters Windows refuses (and no control characters). */
const safeName = (s: string): string => [...s].map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('').trim() || 'template';

export const templatesHandlers: DomainHandlers<'templates'> = {
  'templates.list': (_input, ctx) => listTemplates(ctx.store, ctx.session),

  'templates.upload': (input, ctx) => {
    const bytes = decodeUpload(input.fileName, input.base64);
    const { sheets } = checkUpload(input.fileName, bytes);
    const id = insertTemplate(ctx.store, ctx.session, { name: input.name, fileName: input.fileName, bytes }, ctx.clock.now().toISOString());
    const info = templateFor(ctx.store, ctx.session, id);
    ctx.auditNote({ entity: 'report_template', entityId: id, after: { name: info.name, fileName: info.fileName, size: info.size, sha256: info.sha256, sheets: sheets.map((s) => s.name) } });
    return info;
  },

  'templates.inspect': (input, ctx) => detail(ctx, input.id),

  'templates.setMappings': (input, ctx) => {
    const before = editableTemplate(ctx.store, ctx.session, input.id);
    const current = detail(ctx, input.id);
    const shapes = templateShapes(current.sheets);
    // Columns follow a report's data, so they are checked against the period the page is looking at.
    const reports = input.period === undefined ? null : reportsFor(ctx, input.mappings, params(input.period, input.orgUnitId));
    const problems = checkMappings(input.mappings, shapes, reports === null ? undefined : (id) => reports.get(id)?.columns, input.period);
    if (problems.length > 0) {
      const first = problems[0] as TemplateProblem;
      throw new AppError(
        'INVALID_INPUT',
        { zh: `映射有 ${problems.length} 处问题，未保存。${first.text.zh}`, en: `${problems.length} mapping problem(s); nothing saved. ${first.text.en}` },
        { problems: problems.map((p) => ({ path: `${p.sheet}!${p.cell}`, message: p.text.en, text: p.text })) },
      );
    }
    saveMappings(ctx.store, ctx.session, input.id, input.mappings, ctx.clock.now().toISOString());
    const after = detail(ctx, input.id);
    ctx.auditNote({ entity: 'report_template', entityId: input.id, before: { version: before.version, mappings: current.mappings }, after: { version: after.template.version, mappings: after.mappings } });
    return after;
  },

  'templates.fill': (input, ctx) => {
    const template = templateFor(ctx.store, ctx.session, input.id);
    const mappings = templateMappings(ctx.store, input.id);
    if (mappings.length === 0) {
      throw new AppError('INVALID_INPUT', { zh: `报表模板「${template.name}」还没有映射任何单元格`, en: `Report template "${template.name}" has no mapped cells yet` });
    }
    const p = params(input.period, input.orgUnitId);
    const header = headerValues(ctx, p);
    const reports = reportsFor(ctx, mappings, p);
    const { cells, warnings } = templateCells(mappings, reports, header, input.period);
    let bytes: Uint8Array;
    try {
      bytes = fillXlsx(templateBytes(ctx.store, input.id), cells).bytes;
    } catch (e) {
      if (e instanceof CellRefusedError) {
        throw new AppError('INVALID_INPUT', {
          zh: `单元格 ${e.cell} 位于数组公式 ${e.range} 内，Excel 不允许只改数组的一部分：请改映射到其他单元格`,
          en: `Cell ${e.cell} lies in the array formula ${e.range}, which Excel does not allow changing in part: map another cell`,
        });
      }
      throw asTemplateError(template.fileName, e);
    }
    const fileName = `${safeName(template.name)}-${input.period}${header.unitCode === '' ? '' : `-${safeName(header.unitCode)}`}.xlsx`;
    ctx.auditNote({
      entity: 'report_template',
      entityId: input.id,
      after: {
        fileName,
        version: template.version,
        period: input.period,
        orgUnitId: input.orgUnitId ?? null,
        unit: header.unitName,
        reports: [...reports.values()].map((r) => ({ id: r.id, scope: r.scopeLabel, rows: r.rows.length })),
        cells: cells.length,
        warnings: warnings.map((w) => w.message.zh),
        sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
      },
    });
    return { fileName, mimeType: XLSX_MIME, base64: Buffer.from(bytes).toString('base64'), warnings, cells: cells.length };
  },

  'templates.delete': (input, ctx) => {
    const t = editableTemplate(ctx.store, ctx.session, input.id);
    deleteTemplate(ctx.store, input.id);
    ctx.auditNote({ entity: 'report_template', entityId: input.id, before: { name: t.name, fileName: t.fileName, version: t.version, mappings: t.mappings } });
    return { deleted: true };
  },
};
