import { OUTCOME_LABELS, pointsText } from '../../shared/evaluation/card.js';
import type { EvaluationSheet, EvaluationSheetItem } from '../../shared/evaluation/sheet.js';
import { GRADE_LABELS, ITEM_STATUS_LABELS, RUN_STATUS_LABELS, TYPE_LABELS, figureText, traceValue } from '../../shared/evaluation/sheet.js';
import { FONT_FAMILY } from './fonts.js';
import { cssString, html } from './html.js';
import type { SafeHtml } from './html.js';
import { itemNames, ruleText, stepLabelText, stepValueText } from './evaluation-rules.js';
import { printPageHtml } from './page.js';
import type { PrintDocument } from './printer.js';

/**
 * The printed 考核表: one manager's scorecard of a run on A4 — indicator table, qualitative scores, deductions,
 * result with rank and suggested outcome, the supervisor's comments, signatures, and an appendix with the whole
 * calculation. Several managers print into one document, each starting on a new page with their own footer.
 */
export const EVALUATION_SHEET_TITLE = '考核表';

/** Ideographic space: the blank a Chinese form leaves for handwriting. */
const GAP = '\u3000';

const SHEET_CSS = `
section.sheet+section.sheet{break-before:page}
.org{text-align:center;font-size:11pt;margin-bottom:1mm}
.scheme{text-align:center;font-size:10.5pt;margin:0 0 1mm}
.docno{display:flex;justify-content:space-between;align-items:flex-end;font-size:9.5pt;margin:2mm 0 1.5mm}
.stamp{border:1.2pt solid #000;padding:.3mm 3mm;font-weight:700;letter-spacing:.2em}
table.info td{border:.6pt solid #000;padding:1mm 1.6mm}
table.info td.k{background:#e8e8e8;font-weight:700;white-space:nowrap;width:22mm}
.rule{display:block;font-size:8pt;color:#444;line-height:1.25}
table.items td.name{line-height:1.3}
table.result td{text-align:center;font-size:10.5pt;padding:1.5mm 1mm}
table.result td.total{font-size:14pt;font-weight:700}
.warn{border:1.2pt solid #000;padding:1.5mm 3mm;margin-top:2mm;font-weight:700}
.note{margin-top:1.5mm;font-size:9pt}
.comments{margin:1mm 0 0 5mm;padding:0}
.sign{break-inside:avoid;margin-top:4mm}
.sign p{margin-bottom:2mm}
table.signatures td{border:.6pt solid #000;padding:1mm 2mm;height:12mm}
table.signatures td.role{width:32mm;font-weight:700;white-space:nowrap}
table.signatures td.who{width:44mm}
table.signatures td.date{width:46mm;white-space:nowrap}
section.sheet h2.appendix{margin-top:7mm;border-top:.6pt dashed #000;padding-top:3mm}
table.trace{font-size:8.5pt}
table.trace td{line-height:1.45}
table.trace .step{white-space:nowrap}
table.trace b{font-weight:700;font-variant-numeric:tabular-nums}
section.sheet h2{margin-top:3.5mm}
`;

const person = (s: EvaluationSheet): string => `${s.card.manager.name}（${s.card.manager.staffNo}）`;

/** A timestamp (ISO, usually UTC) in the local time of the PC that prints, to the minute. */
function localMinute(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number): string => n.toString().padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function footerNote(s: EvaluationSheet): string {
  return `${EVALUATION_SHEET_TITLE} · ${person(s)} · ${s.run.period} · ${s.run.schemeCode} 第 ${s.run.schemeVersion} 版`;
}

function header(s: EvaluationSheet): SafeHtml {
  const m = s.card.manager;
  const org = [s.bankName, s.branchName, s.outletName].filter((x) => x !== '').join(' ');
  const stamp = s.run.status === 'locked' ? '' : html`<span class="stamp">${RUN_STATUS_LABELS[s.run.status]}</span>`;
  return html`<div class="org">${org}</div>
<h1>${EVALUATION_SHEET_TITLE}</h1>
<div class="scheme">${s.run.schemeName}（${s.run.period}）</div>
<div class="docno"><span>考核编号：第 ${s.run.id} 号${GAP}方案：${s.run.schemeCode} 第 ${s.run.schemeVersion} 版</span>${stamp}</div>
<table class="info">
<tr><td class="k">客户经理</td><td>${person(s)}</td><td class="k">所属网点</td><td>${m.outletName}（${m.outletCode}）</td></tr>
<tr><td class="k">岗位等级</td><td>${GRADE_LABELS[m.grade]} · ${TYPE_LABELS[m.type]}</td><td class="k">考核期</td><td>${s.run.period}（${s.run.from} 至 ${s.run.to}）</td></tr>
<tr><td class="k">计算时间</td><td>${localMinute(s.run.computedAt)}</td><td class="k">生成</td><td>${localMinute(s.generatedAt)} · ${s.generatedBy}</td></tr>
</table>`;
}

function points(e: EvaluationSheetItem): SafeHtml {
  return e.score.points === null ? html`<span class="muted">${ITEM_STATUS_LABELS[e.score.status]}</span>` : html`${pointsText(e.score.points)}`;
}

function nameCell(e: EvaluationSheetItem, nameOf: (key: string) => string): SafeHtml {
  return html`<td class="name">${e.item.name}<span class="rule">${ruleText(e, nameOf)}</span></td>`;
}

/** A target or actual in the table: amounts in 元 (the note under the table says so), counts with their unit, metrics in %. */
function tableFigure(value: string | null, e: EvaluationSheetItem): string {
  const text = figureText(value, e.unit);
  return value !== null && e.unit.kind === 'count' ? `${text} ${e.unit.label}` : text;
}

function quantitative(s: EvaluationSheet, items: EvaluationSheetItem[], nameOf: (key: string) => string): SafeHtml {
  const rows = items.map((e, i) => {
    const completion = e.score.completion === null ? '—' : `${e.score.completion}%`;
    return html`<tr><td class="center">${i + 1}</td>${nameCell(e, nameOf)}<td class="num">${e.item.weight.toFixed(2)}</td>
<td class="num">${tableFigure(traceValue(e.score, 'Target'), e)}</td><td class="num">${tableFigure(traceValue(e.score, 'Actual'), e)}</td>
<td class="num">${completion}</td><td class="num">${points(e)}</td></tr>`;
  });
  const c = s.card.coefficient;
  return html`<h2>一、定量指标</h2>
<table class="grid items">
<thead><tr><th style="width:9mm">序号</th><th>考核指标与计分规则</th><th style="width:13mm">权重</th><th style="width:30mm">目标</th>
<th style="width:30mm">实际</th><th style="width:17mm">完成率</th><th style="width:16mm">得分</th></tr></thead>
<tbody>${rows}
<tr class="total"><td colspan="6">指标得分小计</td><td class="num">${pointsText(s.card.quantitative)}</td></tr>
<tr class="total"><td colspan="6">× 职级系数 ${String(c.grade)} × 网点系数 ${String(c.outlet)} = 调整后指标得分</td><td class="num">${pointsText(s.card.adjusted)}</td></tr>
</tbody></table>
<p class="note muted">金额单位：元；完成率 = 实际 ÷ 目标（越低越好的指标为 目标 ÷ 实际）；得分四舍五入到 0.01 分。</p>`;
}

function qualitative(items: EvaluationSheetItem[], nameOf: (key: string) => string, no: string): SafeHtml {
  const rows = items.map(
    (e, i) => html`<tr><td class="center">${i + 1}</td>${nameCell(e, nameOf)}<td class="num">${e.item.weight.toFixed(2)}</td><td class="num">${points(e)}</td></tr>`,
  );
  return html`<h2>${no}、定性评价</h2>
<table class="grid items">
<thead><tr><th style="width:9mm">序号</th><th>评价项目与规则</th><th style="width:13mm">权重</th><th style="width:16mm">评分</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

function deductions(items: EvaluationSheetItem[], nameOf: (key: string) => string, no: string): SafeHtml {
  const rows = items.map(
    (e, i) => html`<tr><td class="center">${i + 1}</td>${nameCell(e, nameOf)}<td class="num">${traceValue(e.score, 'Count') ?? '0'}</td><td class="num">${points(e)}</td></tr>`,
  );
  return html`<h2>${no}、扣分项</h2>
<table class="grid items">
<thead><tr><th style="width:9mm">序号</th><th>扣分项目与规则</th><th style="width:13mm">次数</th><th style="width:16mm">扣分</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

const rankText = (rank: number | null, of: number): string => (rank === null ? '—' : `${rank} / ${of}`);

function result(s: EvaluationSheet, no: string): SafeHtml {
  const c = s.card;
  const open = s.items.filter((e) => e.score.points === null);
  const outcome = c.outcome === null ? '—' : OUTCOME_LABELS[c.outcome].zh;
  const bottom = c.bottom
    ? html`<div class="warn">※ 末位提示：本期总分列全行第 ${c.rankBranch ?? '—'} 名（共 ${c.of.branch} 名），处于末位，请制定改进计划并重点关注。</div>`
    : '';
  const pending =
    open.length === 0
      ? ''
      : html`<p class="note">※ 评分尚未完成，总分与排名暂缺：${open.map((e) => `${e.item.name}（${ITEM_STATUS_LABELS[e.score.status]}）`).join('、')}。</p>`;
  return html`<h2>${no}、考核结果</h2>
<table class="grid result">
<thead><tr><th>调整后指标得分</th><th>定性得分</th><th>扣分</th><th>总分</th><th>网点排名</th><th>全行排名</th><th>建议结果</th></tr></thead>
<tbody><tr><td>${pointsText(c.adjusted)}</td><td>${pointsText(c.qualitative)}</td><td>${pointsText(c.deductions)}</td>
<td class="total">${pointsText(c.total)}</td><td>${rankText(c.rankOutlet, c.of.outlet)}</td><td>${rankText(c.rankBranch, c.of.branch)}</td><td class="total">${outcome}</td></tr></tbody>
</table>${bottom}${pending}`;
}

function comments(s: EvaluationSheet, no: string): SafeHtml {
  const list = s.items.filter((e) => e.comment !== null);
  return html`<h2>${no}、主管评语</h2>
${list.length === 0 ? html`<p class="muted">无</p>` : html`<ol class="comments">${list.map((e) => html`<li>${e.item.name}：${e.comment ?? ''}</li>`)}</ol>`}`;
}

function signatures(s: EvaluationSheet): SafeHtml {
  const row = (role: string, who: string): SafeHtml =>
    html`<tr><td class="role">${role}</td><td class="who">${who}</td><td></td><td class="date">日期：${GAP.repeat(3)}年${GAP.repeat(2)}月${GAP.repeat(2)}日</td></tr>`;
  const ack = s.acknowledged ? '（已在系统中确认）' : '';
  return html`<div class="sign">
<p>本人已阅知以上考核结果${ack}。</p>
<table class="signatures">
${row('客户经理（签字）', person(s))}
${row('主管（签字）', s.supervisorName ?? '')}
</table></div>`;
}

/** One row per item: its trace steps in order, as the hand calculation reads (步骤：数值；…). */
function appendix(s: EvaluationSheet): SafeHtml {
  const steps = (trace: EvaluationSheet['card']['trace'], unit: EvaluationSheetItem['unit']): SafeHtml[] =>
    trace.map((t, i) => html`${i === 0 ? '' : '；'}<span class="step">${stepLabelText(t, unit)}：<b>${stepValueText(t, unit)}</b></span>`);
  const rows = s.items.map((e, i) => html`<tr><td class="center">${i + 1}</td><td class="nowrap">${e.item.name}</td><td>${steps(e.score.trace, e.unit)}</td></tr>`);
  return html`<h2 class="appendix">附录：计算过程</h2>
<table class="grid trace">
<thead><tr><th style="width:9mm">序号</th><th style="width:28mm">项目</th><th>计算步骤与数值（金额以分计算，括号内为元）</th></tr></thead>
<tbody>${rows}
<tr class="total"><td></td><td>总分</td><td>${steps(s.card.trace, { kind: 'none' })}</td></tr>
</tbody></table>`;
}

const SECTION_NUMBERS = ['一', '二', '三', '四', '五', '六'];

function sheetBody(s: EvaluationSheet, index: number): SafeHtml {
  const nameOf = itemNames(s.items.map((e) => e.item));
  const quant = s.items.filter((e) => e.kind === 'quantitative');
  const qual = s.items.filter((e) => e.kind === 'qualitative');
  const ded = s.items.filter((e) => e.kind === 'deduction');
  let n = quant.length > 0 ? 1 : 0;
  const next = (): string => SECTION_NUMBERS[n++] ?? String(n);
  const first = quant.length > 0 ? quantitative(s, quant, nameOf) : '';
  const qualHtml = qual.length > 0 ? qualitative(qual, nameOf, next()) : '';
  const dedHtml = ded.length > 0 ? deductions(ded, nameOf, next()) : '';
  return html`<section class="sheet" style="page:ev${index}">
${header(s)}
${first}${qualHtml}${dedHtml}
${result(s, next())}
${comments(s, next())}
${signatures(s)}
${appendix(s)}
</section>`;
}

/**
 * Each sheet is a named page so its footer names its own manager; the footer text is data, so it goes through
 * `cssString` (hex escapes) like every other generated CSS content.
 */
function footerCss(sheets: readonly EvaluationSheet[]): string {
  return sheets.map((s, i) => `@page ev${i}{@bottom-left{content:${cssString(footerNote(s))};font-family:'${FONT_FAMILY}';font-size:8pt;color:#333}}`).join('\n');
}

/** The sheets as one HTML document for a `PdfPrinter`; every value from the data is escaped. */
export function evaluationSheetsHtml(sheets: readonly EvaluationSheet[]): string {
  const first = sheets[0];
  const body = html`<div class="glyph-preload" aria-hidden="true">${sheets.map(footerNote).join('')}</div>
${sheets.map((s, i) => sheetBody(s, i))}`;
  return printPageHtml({
    title: first === undefined ? EVALUATION_SHEET_TITLE : documentTitle(sheets),
    body,
    css: `${SHEET_CSS}\n${footerCss(sheets)}`,
  });
}

function documentTitle(sheets: readonly EvaluationSheet[]): string {
  const first = sheets[0] as EvaluationSheet;
  return sheets.length === 1
    ? `${EVALUATION_SHEET_TITLE}-${first.card.manager.name}-${first.run.period}`
    : `${EVALUATION_SHEET_TITLE}-${first.run.schemeCode}-${first.run.period}-${sheets.length}人`;
}

export function evaluationSheetsDocument(sheets: readonly EvaluationSheet[]): PrintDocument {
  return { html: evaluationSheetsHtml(sheets), title: sheets.length === 0 ? EVALUATION_SHEET_TITLE : documentTitle(sheets) };
}
