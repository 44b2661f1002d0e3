import { AS_OF, HISTORY_START, isoOfCompact } from './calendar.js';
import { nameInitials as initials } from '../clients/initials.js';
import { parseCsvLine } from './csv.js';
import {
  ASSIGNMENT_CHANGE_HEADER,
  CLIENT_FOOTER_LABEL,
  CLIENT_HEADER,
  CLIENT_PREAMBLE_PREFIX,
  FILES,
  GENDER_LABELS,
  ID_TYPE_LABELS,
  invert,
} from './formats.js';
import type { Gender, IdType } from './formats.js';
import type { LoadContext } from './load-context.js';
import { LineReader } from './line-reader.js';

/** What later files need to know about a loaded client. */
export interface ClientIndex {
  idOf: Map<string, number>;
  /** The one assignment_change (kind 'import') all loaded assignments belong to. */
  changeId: number;
}

function columns<const H extends readonly string[]>(header: string[], expected: H, ctx: LoadContext, file: string, line: number): Record<H[number], number> {
  const out = {} as Record<H[number], number>;
  for (const name of expected as readonly H[number][]) {
    const i = header.indexOf(name);
    if (i < 0) ctx.fail(file, line, `missing column ${name}`);
    out[name] = i;
  }
  return out;
}

/**
 * The GBK client file: a 数据日期 preamble, the header, the rows and a 合计 footer whose count must
 * match. Each client's current manager (客户经理号 since 管户日期) becomes a primary assignment.
 */
export function loadClients(ctx: LoadContext, orgIds: Map<string, number>, managerIds: Map<string, number>): ClientIndex {
  const file = FILES.clients;
  const reader = new LineReader(ctx.file(file), 'gbk');
  try {
    let line = 0;
    let text = reader.next();
    let asOf: string | null = null;
    while (text !== null && !text.startsWith(`${CLIENT_HEADER[0]},`)) {
      line++;
      if (text.startsWith(CLIENT_PREAMBLE_PREFIX)) asOf = text.slice(CLIENT_PREAMBLE_PREFIX.length).trim();
      text = reader.next();
    }
    if (text === null) ctx.fail(file, line, 'no header row');
    line++;
    const c = columns(parseCsvLine(text), CLIENT_HEADER, ctx, file, line);
    const batch = ctx.beginBatch({ kind: 'clients', file, format: 'csv', encoding: 'gbk', asOf: asOf ?? AS_OF });
    const db = ctx.store.db;
    const insert = db.prepare(
      `INSERT INTO client (client_no, name, name_initials, kind, id_type, id_no, phone, gender, birth_date, open_date, org_unit_id, batch_id)
       VALUES (?, ?, ?, 'individual', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const assign = db.prepare(
      `INSERT INTO assignment (client_id, manager_id, role, share_bp, valid_from, valid_to, change_id) VALUES (?, ?, 'primary', 10000, ?, NULL, ?)`,
    );
    const changeId = Number(
      db
        .prepare(`INSERT INTO assignment_change (kind, reason, created_by, created_at, batch_id) VALUES ('import', ?, ?, ?, ?)`)
        .run('演示数据导入：客户文件的客户经理号及管户移交记录', ctx.userName, ctx.now(), batch).lastInsertRowid,
    );
    const idTypes = invert<IdType>(ID_TYPE_LABELS);
    const genders = invert<Gender>(GENDER_LABELS);
    const index: ClientIndex = { idOf: new Map(), changeId };
    let rows = 0;
    let footer: number | null = null;
    ctx.tick('load:clients', 0);
    for (text = reader.next(); text !== null; text = reader.next()) {
      line++;
      if (text === '') continue;
      const f = parseCsvLine(text);
      if (f[0] === CLIENT_FOOTER_LABEL) {
        footer = Number(f[1]);
        break;
      }
      const at = (k: keyof typeof c): string => f[c[k]] ?? '';
      const name = at('客户名称');
      const openDate = isoOfCompact(at('开户日期'));
      const id = Number(
        insert.run(
          at('客户号'),
          name,
          initials(name),
          idTypes.get(at('证件类型')) ?? null,
          at('证件号码') || null,
          at('手机号') || null,
          genders.get(at('性别')) ?? null,
          isoOfCompact(at('出生日期')),
          openDate,
          orgIds.get(at('所属网点')) ?? null,
          batch,
        ).lastInsertRowid,
      );
      index.idOf.set(at('客户号'), id);
      const staffNo = at('客户经理号');
      if (staffNo !== '') {
        const manager = managerIds.get(staffNo) ?? ctx.fail(file, line, `unknown manager ${staffNo}`);
        const since = isoOfCompact(at('管户日期')) ?? (openDate !== null && openDate > HISTORY_START ? openDate : HISTORY_START);
        assign.run(id, manager, since, changeId);
      }
      rows++;
      if (rows % 20_000 === 0) ctx.tick('load:clients', rows);
    }
    if (footer !== rows) ctx.fail(file, line, `合计 footer says ${String(footer)}, file has ${rows} rows`);
    ctx.tick('load:clients', rows, rows);
    ctx.finishBatch(batch, 'clients', { ...reader.finish(), rowsRead: rows, inserted: rows });
    return index;
  } finally {
    reader.close();
  }
}

/**
 * Handovers during the year: the client file only shows the current manager, so the previous one's
 * assignment is rebuilt from here, from max(open date, history start) up to the handover day.
 */
export function loadAssignmentChanges(ctx: LoadContext, clients: ClientIndex, managerIds: Map<string, number>): void {
  const file = FILES.assignmentChanges;
  const reader = new LineReader(ctx.file(file), 'utf-8');
  try {
    const header = reader.next();
    if (header === null) ctx.fail(file, 1, 'empty file');
    const c = columns(parseCsvLine(header), ASSIGNMENT_CHANGE_HEADER, ctx, file, 1);
    const batch = ctx.beginBatch({ kind: 'assignments', file, format: 'csv', encoding: 'utf-8', asOf: AS_OF });
    const insert = ctx.store.db.prepare(
      `INSERT INTO assignment (client_id, manager_id, role, share_bp, valid_from, valid_to, change_id) VALUES (?, ?, 'primary', 10000, ?, ?, ?)`,
    );
    const openDate = ctx.store.db.prepare('SELECT open_date AS d FROM client WHERE id = ?').pluck();
    let line = 1;
    let rows = 0;
    for (let text = reader.next(); text !== null; text = reader.next()) {
      line++;
      if (text === '') continue;
      const f = parseCsvLine(text);
      const at = (k: keyof typeof c): string => f[c[k]] ?? '';
      const client = clients.idOf.get(at('客户号')) ?? ctx.fail(file, line, `unknown client ${at('客户号')}`);
      const previous = managerIds.get(at('原客户经理号'));
      rows++;
      if (previous === undefined) continue;
      const open = (openDate.get(client) as string | null | undefined) ?? HISTORY_START;
      insert.run(client, previous, open > HISTORY_START ? open : HISTORY_START, at('变更日期'), clients.changeId);
    }
    ctx.finishBatch(batch, 'assignmentChanges', { ...reader.finish(), rowsRead: rows, inserted: rows });
  } finally {
    reader.close();
  }
}
