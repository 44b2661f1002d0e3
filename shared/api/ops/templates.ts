import { z } from 'zod';
import type { LocalizedText } from '../../i18n/locale.js';
import type { ReportCatalogEntry } from '../../reports/catalog.js';
import { templateMappingsSchema } from '../../reports/template.js';
import type { TemplateMapping } from '../../reports/template.js';
import { STAFF_ROLES, op } from '../contract.js';
import type { ExportedFile } from './import.js';

const id = z.number().int().positive();
const period = z.string().regex(/^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'expected 2026, 2026Q3 or 2026-10');

/** A template file larger than this is not a report layout; the limit also keeps the upload within one request. */
export const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

export interface ReportTemplateInfo {
  id: number;
  name: string;
  fileName: string;
  size: number;
  sha256: string;
  /** Counts every change of the mappings (1 on upload). */
  version: number;
  mappings: number;
  /** The unit whose supervisors own it; null: uploaded by an administrator, offered to every supervisor. */
  ownerUnitId: number | null;
  ownerUnitName: string | null;
  /** May the caller change its mappings or delete it (fill is open to everyone who sees it). */
  editable: boolean;
  uploadedBy: string;
  uploadedAt: string;
  updatedBy: string;
  updatedAt: string;
}

export interface TemplateCellInfo {
  ref: string;
  text: string;
  formula: boolean;
  /** The cell shows numbers as dates. */
  date?: boolean;
}

export interface TemplateSheetInfo {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** A worksheet with cells (chart sheets cannot be filled). */
  worksheet: boolean;
  usedRange: string | null;
  /** Last used row (1-based) and column count. */
  rows: number;
  cols: number;
  merges: string[];
  arrayFormulas: string[];
  /** Non-empty cells of the first rows and columns (see `truncated`). */
  cells: TemplateCellInfo[];
  truncated: boolean;
}

export interface TemplateProblemInfo {
  sheet: string;
  cell: string;
  message: LocalizedText;
}

export interface TemplateDetail {
  template: ReportTemplateInfo;
  sheets: TemplateSheetInfo[];
  mappings: TemplateMapping[];
  /** Problems of the stored mappings against this file and the report catalog (none after a save). */
  problems: TemplateProblemInfo[];
  /** The reports a cell can point at (their columns come with each report: `reports.view`). */
  catalog: ReportCatalogEntry[];
}

export interface FilledTemplate extends ExportedFile {
  /**
   * Cells left empty or cut, each named: a row key or column the period's report does not have, a report without a
   * totals row, report rows beyond a spill's maxRows.
   */
  warnings: TemplateProblemInfo[];
  cells: number;
}

export const templatesOps = {
  'templates.list': op<ReportTemplateInfo[]>()({
    summary: 'Report templates (报表模板) the caller may fill, newest first',
    input: z.object({}).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
  }),
  'templates.upload': op<ReportTemplateInfo>()({
    summary: "Store a head-office .xlsx template (base64) under a name; anything that is not an .xlsx workbook, or is over 5 MB, is refused",
    input: z
      .object({
        name: z.string().trim().min(1).max(100),
        fileName: z.string().trim().min(1).max(200),
        // Twice the limit as text, so that a file just over it gets the handler's message naming its size.
        base64: z.string().min(1).max(Math.ceil((MAX_TEMPLATE_BYTES * 8) / 3)),
      })
      .strict(),
    roles: STAFF_ROLES,
    scope: 'org',
    mutates: true,
  }),
  'templates.inspect': op<TemplateDetail>()({
    summary: "A template's sheets (used range, merges, the text of its first rows and columns), its mappings and the report catalog",
    input: z.object({ id }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
  }),
  'templates.setMappings': op<TemplateDetail>()({
    summary: "Replace a template's cell mappings; refused with every problem named by its cell (columns checked against the period's reports when given)",
    input: z.object({ id, mappings: templateMappingsSchema, period: period.optional(), orgUnitId: id.optional() }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
    mutates: true,
  }),
  'templates.fill': op<FilledTemplate>()({
    summary: "Fill a template with a period's figures (for a unit, within the caller's scope) and hand out the .xlsx",
    input: z.object({ id, period, orgUnitId: id.optional() }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
    exports: true,
  }),
  'templates.delete': op<{ deleted: true }>()({
    summary: 'Delete a template and its mappings',
    input: z.object({ id }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
    mutates: true,
  }),
};
