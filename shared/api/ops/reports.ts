import { z } from 'zod';
import type { ReportCatalogEntry } from '../../reports/catalog.js';
import { REPORT_IDS } from '../../reports/report.js';
import type { ReportTable } from '../../reports/report.js';
import { STAFF_ROLES, op } from '../contract.js';
import type { ExportedFile } from './import.js';

/** One report asked for: which, for which period, for which org unit (absent: everything the caller may see). */
export const reportRequestSchema = z
  .object({
    id: z.enum(REPORT_IDS),
    period: z.string().regex(/^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'expected 2026, 2026Q3 or 2026-10'),
    orgUnitId: z.number().int().positive().optional(),
  })
  .strict();

/**
 * 标准报表 (issue 9, docs/reports.md): administrators and supervisors (their units and below). Viewing reads; the
 * PDF and the workbook hand data out, so the dispatcher audits them and the handler notes the report and params.
 */
export const reportsOps = {
  'reports.catalog': op<ReportCatalogEntry[]>()({
    summary: 'The standard reports: id, title and a one-line description in both languages',
    input: z.object({}).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
  }),
  'reports.view': op<ReportTable>()({
    summary: 'One standard report for a period and org unit, as a table with its totals row',
    input: reportRequestSchema,
    roles: STAFF_ROLES,
    scope: 'org',
  }),
  'reports.pdf': op<ExportedFile>()({
    summary: 'One standard report printed to an A4 PDF (landscape when its columns need it)',
    input: reportRequestSchema,
    roles: STAFF_ROLES,
    scope: 'org',
    exports: true,
  }),
  'reports.xlsx': op<ExportedFile>()({
    summary: 'One standard report as an .xlsx workbook (yuan and percentages as numbers)',
    input: reportRequestSchema,
    roles: STAFF_ROLES,
    scope: 'org',
    exports: true,
  }),
};
