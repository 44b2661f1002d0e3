import type { AuditEntryView, AuditFilters, AuditOutcome, AuditPage, JsonValue } from '../../shared/api/ops/audit.js';
import type { ExportedFile } from '../../shared/api/ops/import.js';
import { AppError } from '../platform/app-error.js';
import { localIsoDate } from '../platform/clock.js';
import type { Store } from '../store/store.js';
import type { XlsxCell } from '../xlsx/build-xlsx.js';
import { buildXlsx } from '../xlsx/build-xlsx.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A workbook is built in memory: past this many entries, narrow the filters first. */
export const AUDIT_EXPORT_LIMIT = 100_000;
/** Excel refuses a cell longer than this. */
const CELL_MAX = 32_000;
const PAGE = 1000;

interface Row {
  id: number;
  at: string;
  username: string;
  role: string;
  action: string;
  outcome: AuditOutcome;
  entity: string | null;
  entity_id: string | null;
  detail: string | null;
  before: string | null;
  after: string | null;
  hash: string;
}

const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A local calendar day's first instant, as the UTC text `at` is stored in. */
function localDayStart(day: string, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

/** The WHERE clause of the filters; every value is a parameter. */
function whereOf(filters: AuditFilters): { sql: string; params: Record<string, string | number> } {
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  const username = filters.username?.trim();
  if (username) {
    clauses.push('username = @username COLLATE NOCASE');
    params['username'] = username;
  }
  const action = filters.action?.trim();
  if (action) {
    // A prefix on a name boundary or the whole name: `clients` finds `clients.export`, not `clientsX`.
    clauses.push("(action = @action OR action LIKE @actionPrefix ESCAPE '\\')");
    params['action'] = action;
    params['actionPrefix'] = `${likeEscape(action.replace(/\.$/, ''))}.%`;
  }
  if (filters.outcome !== undefined) {
    clauses.push('outcome = @outcome');
    params['outcome'] = filters.outcome;
  }
  if (filters.from !== undefined) {
    clauses.push('at >= @from');
    params['from'] = localDayStart(filters.from);
  }
  if (filters.to !== undefined) {
    clauses.push('at < @to');
    params['to'] = localDayStart(filters.to, 1);
  }
  const text = filters.text?.trim();
  if (text) {
    clauses.push("(entity LIKE @text ESCAPE '\\' OR entity_id LIKE @text ESCAPE '\\' OR detail LIKE @text ESCAPE '\\')");
    params['text'] = `%${likeEscape(text)}%`;
  }
  return { sql: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
}

const parseJson = (text: string | null): JsonValue | null => (text === null ? null : (JSON.parse(text) as JsonValue));

function toView(r: Row): AuditEntryView {
  return {
    id: r.id,
    at: r.at,
    username: r.username,
    role: r.role,
    action: r.action,
    outcome: r.outcome,
    entity: r.entity,
    entityId: r.entity_id,
    detail: parseJson(r.detail),
    before: parseJson(r.before),
    after: parseJson(r.after),
    hash: r.hash,
  };
}

/**
 * One page of matching entries, newest first. Keyset on id (the append order; `at` follows the clock, which can
 * step back), so a page costs the same at the end of a million entries as at the start.
 */
export function listAudit(store: Store, input: { filters: AuditFilters; before?: number | undefined; limit: number }): AuditPage {
  const { sql, params } = whereOf(input.filters);
  const keyset = input.before === undefined ? '' : `${sql === '' ? 'WHERE' : ' AND'} id < @before`;
  const rows = store.db
    .prepare(`SELECT id, at, username, role, action, outcome, entity, entity_id, detail, before, after, hash FROM audit_log ${sql}${keyset} ORDER BY id DESC LIMIT @limit`)
    .all({ ...params, ...(input.before === undefined ? {} : { before: input.before }), limit: input.limit + 1 }) as Row[];
  const more = rows.length > input.limit;
  const page = more ? rows.slice(0, input.limit) : rows;
  return { rows: page.map(toView), nextCursor: more ? (page[page.length - 1]?.id ?? null) : null };
}

const OUTCOME_ZH: Readonly<Record<AuditOutcome, string>> = { ok: '成功', denied: '拒绝', failed: '失败' };

/** Local wall-clock time, as the supervisor reads it on screen. */
function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  const ss = String(d.getSeconds()).padStart(2, '0');
  return `${localIsoDate(d)} ${hh}:${mm}:${ss}`;
}

const cellText = (text: string | null): string | null => (text === null ? null : text.length > CELL_MAX ? `${text.slice(0, CELL_MAX)}…` : text);

/** The filtered log as a workbook, newest first, JSON columns as their stored text (what the hash covers). */
export function exportAudit(store: Store, filters: AuditFilters, now: Date): ExportedFile {
  const { sql, params } = whereOf(filters);
  const total = (store.db.prepare(`SELECT count(*) AS n FROM audit_log ${sql}`).get(params) as { n: number }).n;
  if (total > AUDIT_EXPORT_LIMIT) {
    throw new AppError('INVALID_INPUT', {
      zh: `当前筛选有 ${total} 条审计记录，超过单次导出上限 ${AUDIT_EXPORT_LIMIT} 条，请缩小范围后再导出。`,
      en: `The filters match ${total} audit entries, more than the ${AUDIT_EXPORT_LIMIT} one export takes; narrow them first.`,
    });
  }
  const rows: XlsxCell[][] = [
    [`审计日志 Audit log · ${localTime(now.toISOString())} · ${total} 条`],
    ['序号', '时间', '用户', '角色', '操作', '结果', '对象', '对象编号', '详情', '修改前', '修改后', '哈希'],
  ];
  const read = store.db.prepare(
    `SELECT id, at, username, role, action, outcome, entity, entity_id, detail, before, after, hash FROM audit_log ${sql}${sql === '' ? 'WHERE' : ' AND'} id < @before ORDER BY id DESC LIMIT ${PAGE}`,
  );
  let before = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const page = read.all({ ...params, before }) as Row[];
    for (const r of page) {
      rows.push([r.id, localTime(r.at), r.username, r.role, r.action, OUTCOME_ZH[r.outcome] ?? r.outcome, r.entity, r.entity_id, cellText(r.detail), cellText(r.before), cellText(r.after), r.hash]);
    }
    const last = page[page.length - 1];
    if (page.length < PAGE || last === undefined) break;
    before = last.id;
  }
  const bytes = buildXlsx([{ name: '审计日志', rows, boldRows: [1, 2], merges: ['A1:L1'], widths: [8, 20, 14, 10, 24, 8, 14, 14, 50, 40, 40, 20] }], { modifiedAt: now });
  return { fileName: `审计日志-${localIsoDate(now)}.xlsx`, mimeType: XLSX_MIME, base64: Buffer.from(bytes).toString('base64') };
}
