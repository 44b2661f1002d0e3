import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { ManagerGrade, ManagerStatus, ManagerType } from '../../shared/model/manager.js';
import type { OrgLevel } from '../../shared/model/org.js';
import { dayOf, dayOfExcelSerial, isoOf } from './calendar.js';
import { FILES, GRADE_LABELS, LEVEL_LABELS, STATUS_LABELS, TYPE_LABELS, invert } from './formats.js';
import type { LoadContext } from './load-context.js';
import type { XlsxValue } from './xlsx-read.js';
import { readXlsx } from './xlsx-read.js';

interface Table {
  rows: XlsxValue[][];
  /** 0-based index of the header row. */
  headerRow: number;
  col: (name: string) => number;
  sha256: string;
  size: number;
}

/** The first sheet, with its header row found by its first column's title (title rows may precede it). */
export function readTable(ctx: LoadContext, file: string, firstHeader: string): Table {
  const bytes = fs.readFileSync(ctx.file(file));
  const sheet = readXlsx(bytes)[0];
  const rows = sheet?.rows ?? [];
  const headerRow = rows.findIndex((r) => r[0] === firstHeader);
  if (headerRow < 0) ctx.fail(file, 1, `no header row starting with ${firstHeader}`);
  const header = (rows[headerRow] ?? []).map((v) => (v === null ? '' : String(v)));
  return {
    rows,
    headerRow,
    col: (name) => {
      const i = header.indexOf(name);
      if (i < 0) ctx.fail(file, headerRow + 1, `missing column ${name}`);
      return i;
    },
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
  };
}

function text(v: XlsxValue | undefined): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

/** A date cell: an Excel serial number, or text as YYYY-MM-DD / YYYYMMDD. */
export function dateCell(v: XlsxValue | undefined): string | null {
  if (typeof v === 'number') return isoOf(dayOfExcelSerial(v));
  const t = text(v);
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  if (/^\d{8}$/.test(t)) return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
  return null;
}

function code<K extends string>(map: Map<string, K>, value: XlsxValue | undefined, ctx: LoadContext, file: string, line: number): K {
  const found = map.get(text(value));
  if (found === undefined) ctx.fail(file, line, `unknown value ${text(value)}`);
  return found;
}

/** Org units, parents before children as the file lists them; returns code → id. */
export function loadOrgUnits(ctx: LoadContext): Map<string, number> {
  const t = readTable(ctx, FILES.orgUnits, '机构号');
  const batch = ctx.beginBatch({ kind: 'org_units', file: FILES.orgUnits, format: 'xlsx', encoding: null, asOf: null });
  const insert = ctx.store.db.prepare(
    'INSERT INTO org_unit (code, name, level, parent_id, head_name, address, phone, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const levels = invert<OrgLevel>(LEVEL_LABELS);
  const ids = new Map<string, number>();
  const c = { code: t.col('机构号'), name: t.col('机构名称'), level: t.col('机构层级'), parent: t.col('上级机构号'), head: t.col('负责人'), address: t.col('地址'), phone: t.col('联系电话') };
  let read = 0;
  for (let r = t.headerRow + 1; r < t.rows.length; r++) {
    const row = t.rows[r] ?? [];
    if (text(row[c.code]) === '') continue;
    read++;
    const parentCode = text(row[c.parent]);
    const parent = parentCode === '' ? null : (ids.get(parentCode) ?? ctx.fail(FILES.orgUnits, r + 1, `parent ${parentCode} not listed before its child`));
    const info = insert.run(text(row[c.code]), text(row[c.name]), code(levels, row[c.level], ctx, FILES.orgUnits, r + 1), parent, text(row[c.head]) || null, text(row[c.address]) || null, text(row[c.phone]) || null, batch);
    ids.set(text(row[c.code]), Number(info.lastInsertRowid));
  }
  ctx.finishBatch(batch, 'orgUnits', { sha256: t.sha256, size: t.size, rowsRead: read, inserted: read });
  return ids;
}

/**
 * The roster: one manager per staff number and one manager_period per row. The file's 失效日期 is
 * the last day a row applied, so valid_to is the day after.
 */
export function loadManagers(ctx: LoadContext, orgIds: Map<string, number>): Map<string, number> {
  const t = readTable(ctx, FILES.managers, '员工号');
  const batch = ctx.beginBatch({ kind: 'managers', file: FILES.managers, format: 'xlsx', encoding: null, asOf: null });
  const db = ctx.store.db;
  const insertManager = db.prepare('INSERT INTO manager (staff_no, name, phone, hired_on, batch_id) VALUES (?, ?, ?, ?, ?)');
  const insertPeriod = db.prepare(
    `INSERT INTO manager_period (manager_id, valid_from, valid_to, org_unit_id, grade, type, status, max_clients, max_vip_clients, batch_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const grades = invert<ManagerGrade>(GRADE_LABELS);
  const types = invert<ManagerType>(TYPE_LABELS);
  const statuses = invert<ManagerStatus>(STATUS_LABELS);
  const col = (n: string): number => t.col(n);
  const c = { staff: col('员工号'), name: col('姓名'), phone: col('手机号'), hired: col('入职日期'), org: col('所属机构号'), grade: col('岗位级别'), type: col('用工类型'), status: col('人员状态'), max: col('管户上限'), maxVip: col('中高端管户上限'), from: col('生效日期'), to: col('失效日期') };
  const ids = new Map<string, number>();
  let read = 0;
  for (let r = t.headerRow + 1; r < t.rows.length; r++) {
    const row = t.rows[r] ?? [];
    const staffNo = text(row[c.staff]);
    if (staffNo === '') continue;
    read++;
    const line = r + 1;
    let id = ids.get(staffNo);
    if (id === undefined) {
      id = Number(insertManager.run(staffNo, text(row[c.name]), text(row[c.phone]) || null, dateCell(row[c.hired]), batch).lastInsertRowid);
      ids.set(staffNo, id);
    }
    const from = dateCell(row[c.from]) ?? ctx.fail(FILES.managers, line, 'missing 生效日期');
    const lastDay = dateCell(row[c.to]);
    const org = orgIds.get(text(row[c.org])) ?? ctx.fail(FILES.managers, line, `unknown org unit ${text(row[c.org])}`);
    insertPeriod.run(
      id,
      from,
      lastDay === null ? null : isoOf(dayOf(lastDay) + 1),
      org,
      code(grades, row[c.grade], ctx, FILES.managers, line),
      code(types, row[c.type], ctx, FILES.managers, line),
      code(statuses, row[c.status], ctx, FILES.managers, line),
      typeof row[c.max] === 'number' ? row[c.max] : null,
      typeof row[c.maxVip] === 'number' ? row[c.maxVip] : null,
      batch,
    );
  }
  ctx.finishBatch(batch, 'managerPeriods', { sha256: t.sha256, size: t.size, rowsRead: read, inserted: read });
  return ids;
}
