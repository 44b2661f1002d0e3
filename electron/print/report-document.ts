import { cellKind, formatReportValue, isNumericKind, unitSuffix } from '../../shared/reports/format.js';
import type { ReportColumn, ReportRow, ReportTable, ReportValue } from '../../shared/reports/report.js';
import { html } from './html.js';
import type { SafeHtml } from './html.js';
import type { PageOrientation } from './page.js';
import { printPageHtml } from './page.js';
import type { PrintDocument } from './printer.js';

/**
 * One printed layout for every standard report (docs/reports.md): the bank, the title, the unit and period, the
 * basis the figures rest on, who generated it and when; the table with its header repeated on every page (thead),
 * numbers right-aligned (元 with thousands separators, percentages, points); the totals row; then the detail list
 * when the report has one. Page numbers come from page.ts. Every value goes through the escaping `html` tag.
 */
export interface ReportPrintContext {
  /** The top of the org tree (the bank's name as the header prints it). */
  bankName: string;
}

const REPORT_CSS = `
.org{text-align:center;font-size:11pt;margin-bottom:1mm}
table.info{margin:2mm 0 3mm;font-size:9pt}
table.info td{border:.6pt solid #000;padding:.8mm 1.6mm}
table.info td.k{background:#e8e8e8;font-weight:700;white-space:nowrap;width:20mm}
table.grid{font-size:8.5pt}
table.grid th{white-space:normal}
table.grid th:first-child{white-space:nowrap}
table.grid td.text{white-space:nowrap}
.note{font-size:8.5pt;margin-top:1.5mm}
`;

/** Landscape once the table is wider than a portrait page holds comfortably. */
export function reportOrientation(table: Pick<ReportTable, 'columns' | 'detail'>): PageOrientation {
  const widest = Math.max(table.columns.length, table.detail?.columns.length ?? 0);
  return widest > 7 ? 'landscape' : 'portrait';
}

/** A timestamp (ISO, usually UTC) in the local time of the PC that prints, to the minute. */
function localMinute(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number): string => n.toString().padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A column's unit goes into its header only when every cell of it is in that unit. */
function headerLabel(column: ReportColumn, rows: readonly ReportRow[]): string {
  const mixed = rows.some((r) => r.kinds?.[column.key] !== undefined && r.kinds[column.key] !== column.kind);
  return `${column.label.zh}${mixed ? '' : unitSuffix(column.kind, 'zh')}`;
}

function cell(column: ReportColumn, row: ReportRow | null, value: ReportValue | undefined): SafeHtml {
  const kind = cellKind(column, row);
  const text = formatReportValue(kind, value ?? null);
  return isNumericKind(kind) && typeof value === 'number' ? html`<td class="num">${text}</td>` : html`<td class="text">${text}</td>`;
}

function grid(columns: readonly ReportColumn[], rows: readonly ReportRow[], totals: Record<string, ReportValue> | null): SafeHtml {
  return html`<table class="grid">
<thead><tr><th>序号</th>${columns.map((c) => html`<th>${headerLabel(c, rows)}</th>`)}</tr></thead>
<tbody>${rows.map((r, i) => html`<tr><td class="center">${i + 1}</td>${columns.map((c) => cell(c, r, r.cells[c.key]))}</tr>`)}
${totals === null ? '' : html`<tr class="total"><td></td>${columns.map((c) => cell(c, null, totals[c.key]))}</tr>`}
</tbody></table>`;
}

export function reportHtml(table: ReportTable, ctx: ReportPrintContext): string {
  const detail = table.detail ?? null;
  const body = html`<div class="org">${ctx.bankName}</div>
<h1>${table.title.zh}</h1>
<table class="info">
<tr><td class="k">机构 · 期间</td><td>${table.scopeLabel}</td><td class="k">生成</td><td>${table.generatedBy ?? ''} · ${localMinute(table.generatedAt)}</td></tr>
<tr><td class="k">数据口径</td><td colspan="3">${table.basis.zh}</td></tr>
</table>
${table.rows.length === 0 ? html`<p>本期没有数据。</p>` : grid(table.columns, table.rows, table.totals)}
${
  detail === null
    ? ''
    : html`<h2>${detail.title.zh}</h2>
${detail.rows.length === 0 ? html`<p>无。</p>` : grid(detail.columns, detail.rows, null)}
${detail.truncated === null ? '' : html`<p class="note">※ 明细共 ${detail.truncated.total} 户，此处列出前 ${detail.truncated.limit} 户；上表合计包含全部客户。</p>`}`
}`;
  return printPageHtml({ title: reportTitle(table), body, orientation: reportOrientation(table), footerNote: `${table.title.zh} · ${table.scopeLabel}`, css: REPORT_CSS });
}

/** The document title, which also names the saved file: 客户经理排名_南京分行_2026-10. */
export function reportTitle(table: Pick<ReportTable, 'title' | 'scopeLabel'>): string {
  return `${table.title.zh}_${table.scopeLabel.replace(/\s*·\s*/g, '_')}`;
}

export function reportDocument(table: ReportTable, ctx: ReportPrintContext): PrintDocument {
  return { html: reportHtml(table, ctx), title: reportTitle(table), orientation: reportOrientation(table) };
}
