import type { HandoverClient, HandoverPerson, HandoverReceiver, HandoverSheet, HandoverTask } from '../../shared/assignment/handover.js';
import { TIER_LABELS } from '../../shared/book/labels.js';
import { formatFen } from '../../shared/model/money.js';
import { html } from './html.js';
import type { SafeHtml } from './html.js';
import { printPageHtml } from './page.js';
import type { PrintDocument } from './printer.js';

/**
 * The printed 客户移交清单: what the leaving manager hands to whom, signed on paper by both sides and the
 * supervisor. Clients are listed by receiver, so each receiver checks and signs for one block.
 */
export const HANDOVER_SHEET_TITLE = '客户移交清单';

const PRIORITY: Record<HandoverTask['priority'], string> = { low: '低', normal: '普通', high: '高', urgent: '紧急' };
const STATUS: Record<HandoverTask['status'], string> = { todo: '待办', doing: '进行中' };
const UNPLACED = '未安排';
/** Ideographic space: the blank a Chinese form leaves for handwriting. */
const GAP = '\u3000';

const SHEET_CSS = `
.org{text-align:center;font-size:11pt;margin-bottom:1mm}
.docno{display:flex;justify-content:space-between;align-items:flex-end;font-size:9.5pt;margin:2mm 0 1.5mm}
.draft{border:1.2pt solid #000;padding:.3mm 3mm;font-weight:700;letter-spacing:.2em}
table.info td{border:.6pt solid #000;padding:1mm 1.6mm}
table.info td.k{background:#e8e8e8;font-weight:700;white-space:nowrap;width:23mm}
table.summary{font-size:9.5pt}
table.summary .unit{font-size:8.5pt}
tr.group td{background:#f3f3f3;font-weight:700;break-after:avoid}
td.flag{font-weight:700}
.notes{margin:2mm 0 0 5mm;padding:0}
.sign{break-inside:avoid;margin-top:6mm}
.sign p{margin-bottom:2mm}
table.signatures td{border:.6pt solid #000;padding:1mm 2mm;height:13mm}
table.signatures td.role{width:30mm;font-weight:700;white-space:nowrap}
table.signatures td.who{width:42mm}
table.signatures td.date{width:46mm;white-space:nowrap}
`;

function person(p: Pick<HandoverPerson, 'name' | 'code'>): string {
  return `${p.name}（${p.code}）`;
}

/** Business dates come as local `YYYY-MM-DD…` text; only the day is printed. */
function day(value: string | null, none: string): string {
  if (value === null || value === '') return none;
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
}

/** A timestamp (ISO, usually UTC) in the local time of the PC that prints, to the minute. */
function localMinute(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number): string => n.toString().padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

const isVip = (c: HandoverClient): boolean => c.tier !== 'standard';
const sumFen = (cs: readonly HandoverClient[]): number => cs.reduce((s, c) => s + c.aumFen, 0);

function changeLabel(sheet: HandoverSheet): string {
  return sheet.changeId === null ? '草稿（未生效）' : `第 ${sheet.changeId} 号`;
}

function header(sheet: HandoverSheet): SafeHtml {
  const { plan } = sheet;
  const org = [sheet.bankName, sheet.branchName, sheet.outletName ?? ''].filter((s) => s !== '').join(' ');
  return html`<div class="org">${org}</div>
<h1>${HANDOVER_SHEET_TITLE}</h1>
<div class="docno"><span>变更编号：${changeLabel(sheet)}</span>${sheet.changeId === null ? html`<span class="draft">草稿</span>` : ''}</div>
<table class="info">
<tr><td class="k">移交客户经理</td><td>${person(plan.leaving)}</td><td class="k">所属机构</td><td>${plan.leaving.orgUnitName ?? '—'}</td></tr>
<tr><td class="k">生效日期</td><td>${plan.from}</td><td class="k">主管</td><td>${sheet.supervisorName ?? '—'}</td></tr>
<tr><td class="k">生成时间</td><td>${localMinute(sheet.generatedAt)}</td><td class="k">生成人</td><td>${sheet.generatedBy}</td></tr>
</table>`;
}

function summary(sheet: HandoverSheet, byReceiver: Map<number, HandoverClient[]>, unplaced: HandoverClient[]): SafeHtml {
  const { plan } = sheet;
  const rows = plan.receivers.map((r: HandoverReceiver, i) => {
    const cs = byReceiver.get(r.managerId) ?? [];
    return html`<tr><td class="center">${i + 1}</td><td><span class="nowrap">${person(r)}</span><br><span class="muted unit">${r.orgUnitName ?? ''}</span></td>
<td class="num">${r.clientsReceived}</td><td class="num">${cs.filter(isVip).length}</td><td class="num">${formatFen(sumFen(cs))}</td>
<td class="num">${r.tasksReceived}</td><td class="num">${r.clientsBefore}</td><td class="num">${r.clientsAfter}</td>
<td class="num">${formatFen(r.aumFenBefore)}</td><td class="num">${formatFen(r.aumFenAfter)}</td></tr>`;
  });
  const unplacedRow =
    unplaced.length === 0
      ? ''
      : html`<tr><td></td><td class="flag">※ ${UNPLACED}（仍由移交人管户）</td><td class="num">${unplaced.length}</td>
<td class="num">${unplaced.filter(isVip).length}</td><td class="num">${formatFen(sumFen(unplaced))}</td><td colspan="5"></td></tr>`;
  return html`<h2>一、接收人汇总</h2>
<table class="grid summary">
<colgroup><col style="width:8mm"><col><col style="width:13mm"><col style="width:13mm"><col style="width:26mm"><col style="width:13mm">
<col style="width:12mm"><col style="width:12mm"><col style="width:26mm"><col style="width:26mm"></colgroup>
<thead><tr><th rowspan="2">序号</th><th rowspan="2">接收客户经理</th><th rowspan="2">接收客户<br>（户）</th><th rowspan="2">其中贵宾<br>（户）</th>
<th rowspan="2">接收资产（元）</th><th rowspan="2">接收任务<br>（项）</th><th colspan="2">管户数（户）</th><th colspan="2">管户资产（元）</th></tr>
<tr><th>移交前</th><th>移交后</th><th>移交前</th><th>移交后</th></tr></thead>
<tbody>${rows}${unplacedRow}
<tr class="total"><td></td><td>合计</td><td class="num">${plan.totals.clients}</td><td class="num">${plan.totals.vip}</td>
<td class="num">${formatFen(plan.totals.aumFen)}</td><td class="num">${plan.totals.tasks}</td><td colspan="4"></td></tr>
</tbody></table>`;
}

interface ClientGroup {
  label: string;
  receiver: string;
  clients: HandoverClient[];
  flagged: boolean;
}

function clientGroups(sheet: HandoverSheet, byReceiver: Map<number, HandoverClient[]>, unplaced: HandoverClient[]): ClientGroup[] {
  const groups: ClientGroup[] = sheet.plan.receivers.map((r) => ({
    label: `接收人：${person(r)}`,
    receiver: person(r),
    clients: byReceiver.get(r.managerId) ?? [],
    flagged: false,
  }));
  // A client sent to someone not listed as a receiver would be a bug upstream; it is still printed, never dropped.
  const listed = new Set(sheet.plan.receivers.map((r) => r.managerId));
  for (const [id, clients] of byReceiver) {
    if (!listed.has(id)) groups.push({ label: `接收人：#${id}`, receiver: `#${id}`, clients, flagged: true });
  }
  if (unplaced.length > 0) {
    groups.push({ label: `※ ${UNPLACED}接收人（仍由移交人管户，须另行安排）`, receiver: `※ ${UNPLACED}`, clients: unplaced, flagged: true });
  }
  return groups.filter((g) => g.clients.length > 0);
}

function clientList(sheet: HandoverSheet, byReceiver: Map<number, HandoverClient[]>, unplaced: HandoverClient[]): SafeHtml {
  let n = 0;
  const body = clientGroups(sheet, byReceiver, unplaced).map((g) => {
    const rows = g.clients.map(
      (c) => html`<tr><td class="center">${++n}</td><td class="nowrap">${c.clientNo}</td><td>${c.name}</td>
<td class="center">${TIER_LABELS[c.tier].zh}</td><td class="num">${formatFen(c.aumFen)}</td><td class="center nowrap">${day(c.lastContactAt, '无')}</td>
<td${g.flagged ? html` class="flag"` : ''}>${g.receiver}</td></tr>`,
    );
    return html`<tr class="group"><td colspan="7">${g.label}${GAP}共 ${g.clients.length} 户，资产 ${formatFen(sumFen(g.clients))} 元</td></tr>${rows}`;
  });
  return html`<h2>二、移交客户明细（共 ${sheet.plan.totals.clients} 户）</h2>
<table class="grid clients">
<thead><tr><th style="width:10mm">序号</th><th style="width:30mm">客户号</th><th>客户名称</th><th style="width:12mm">等级</th>
<th style="width:31mm">资产（元）</th><th style="width:22mm">最近联系</th><th style="width:34mm">接收客户经理</th></tr></thead>
<tbody>${body}
<tr class="total"><td colspan="4">合计 ${sheet.plan.totals.clients} 户</td><td class="num">${formatFen(sheet.plan.totals.aumFen)}</td><td colspan="2"></td></tr>
</tbody></table>`;
}

function taskList(sheet: HandoverSheet): SafeHtml {
  const names = new Map(sheet.plan.receivers.map((r) => [r.managerId, person(r)]));
  const { tasks } = sheet.plan;
  const rows =
    tasks.length === 0
      ? html`<tr><td colspan="7" class="center">无未完成任务</td></tr>`
      : tasks.map(
          (t, i) => html`<tr><td class="center">${i + 1}</td><td>${t.title}</td><td class="center nowrap">${day(t.dueAt, '—')}</td>
<td class="center">${PRIORITY[t.priority]}</td><td class="center">${STATUS[t.status]}</td><td class="num">${t.openClients}</td>
<td>${names.get(t.toManagerId) ?? String(t.toManagerId)}</td></tr>`,
        );
  return html`<h2>三、移交未完成任务（共 ${tasks.length} 项）</h2>
<table class="grid tasks">
<thead><tr><th style="width:10mm">序号</th><th>任务</th><th style="width:22mm">到期</th><th style="width:14mm">优先级</th>
<th style="width:15mm">状态</th><th style="width:18mm">关联客户数</th><th style="width:34mm">接收人</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

function notes(sheet: HandoverSheet, unplaced: number): SafeHtml {
  const { plan } = sheet;
  const lines: string[] = [];
  if (unplaced > 0) lines.push(`有 ${unplaced} 户客户未安排接收人，仍由移交人管户，须另行安排后再办理移交。`);
  if (!plan.feasible && plan.reason !== null) lines.push(plan.reason.zh);
  // The reason is usually the first warning again: say each thing once.
  for (const w of plan.warnings) if (!lines.includes(w.message.zh)) lines.push(w.message.zh);
  const t = plan.totals;
  return html`<h2>四、合计与说明</h2>
<p>本次移交客户 <b>${t.clients}</b> 户（其中贵宾 ${t.vip} 户${unplaced > 0 ? `，未安排 ${unplaced} 户` : ''}），资产合计 <b>${formatFen(t.aumFen)}</b> 元；未完成任务 <b>${t.tasks}</b> 项。</p>
${lines.length === 0 ? '' : html`<ol class="notes">${lines.map((l) => html`<li>${l}</li>`)}</ol>`}`;
}

function signatures(sheet: HandoverSheet): SafeHtml {
  const row = (role: string, who: string): SafeHtml =>
    html`<tr><td class="role">${role}</td><td class="who">${who}</td><td></td><td class="date">日期：${GAP.repeat(3)}年${GAP.repeat(2)}月${GAP.repeat(2)}日</td></tr>`;
  return html`<div class="sign">
<p>以上客户及未完成任务自 ${sheet.plan.from} 起由接收人管户。移交双方已逐户核对，确认无误。</p>
<table class="signatures">
${row('移交人（签字）', person(sheet.plan.leaving))}
${sheet.plan.receivers.map((r) => row('接收人（签字）', person(r)))}
${row('主管（签字）', sheet.supervisorName ?? '')}
</table></div>`;
}

/** The whole sheet as one HTML document for a `PdfPrinter`; every value from the sheet is escaped. */
export function handoverSheetHtml(sheet: HandoverSheet): string {
  const byReceiver = new Map<number, HandoverClient[]>();
  const unplaced: HandoverClient[] = [];
  for (const c of sheet.plan.clients) {
    if (c.toManagerId === null) unplaced.push(c);
    else {
      const list = byReceiver.get(c.toManagerId);
      if (list === undefined) byReceiver.set(c.toManagerId, [c]);
      else list.push(c);
    }
  }
  const body = html`${header(sheet)}
${summary(sheet, byReceiver, unplaced)}
${clientList(sheet, byReceiver, unplaced)}
${taskList(sheet)}
${notes(sheet, unplaced.length)}
${signatures(sheet)}`;
  return printPageHtml({
    title: `${HANDOVER_SHEET_TITLE} ${sheet.plan.leaving.name} ${sheet.plan.from}`,
    body,
    css: SHEET_CSS,
    footerNote: `${HANDOVER_SHEET_TITLE} · ${person(sheet.plan.leaving)} · ${sheet.plan.from} · ${changeLabel(sheet)}`,
  });
}

export function handoverSheetDocument(sheet: HandoverSheet): PrintDocument {
  return { html: handoverSheetHtml(sheet), title: `${HANDOVER_SHEET_TITLE}-${sheet.plan.leaving.name}-${sheet.plan.from}` };
}
