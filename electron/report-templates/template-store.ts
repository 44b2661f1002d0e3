import crypto from 'node:crypto';
import type { ReportTemplateInfo } from '../../shared/api/ops/templates.js';
import type { Figure, TemplateMapping } from '../../shared/reports/template.js';
import { templateMappingSchema } from '../../shared/reports/template.js';
import type { Session } from '../api/types.js';
import { AppError } from '../platform/app-error.js';
import { unitsInScope } from '../security/scope.js';
import type { Store } from '../store/store.js';

/**
 * The stored templates and who may reach them. Administrators see and change every template; a supervisor sees
 * the administrators' templates (head office's layouts, offered to all) and those owned by a unit in their
 * scope, and changes only the latter. Filling is open to whoever sees a template: the figures it takes are
 * limited to the caller's scope by the report builders.
 */
interface TemplateRow {
  id: number;
  name: string;
  file_name: string;
  file_size: number;
  file_sha256: string;
  owner_unit_id: number | null;
  owner_name: string | null;
  version: number;
  mappings: number;
  uploaded_by: string;
  uploaded_at: string;
  updated_by: string;
  updated_at: string;
}

const SELECT = `SELECT t.id, t.name, t.file_name, t.file_size, t.file_sha256, t.owner_unit_id, o.name AS owner_name, t.version,
    (SELECT count(*) FROM report_template_mapping m WHERE m.template_id = t.id) AS mappings,
    t.uploaded_by, t.uploaded_at, t.updated_by, t.updated_at
  FROM report_template t LEFT JOIN org_unit o ON o.id = t.owner_unit_id`;

const notFound = (id: number): never => {
  throw new AppError('NOT_FOUND', { zh: `找不到报表模板 #${id}`, en: `Report template #${id} not found` });
};

function canSee(store: Store, session: Session, owner: number | null): boolean {
  const units = unitsInScope(store, session);
  return units === null || owner === null || units.has(owner);
}

function canEdit(store: Store, session: Session, owner: number | null): boolean {
  const units = unitsInScope(store, session);
  return units === null || (owner !== null && units.has(owner));
}

function info(store: Store, session: Session, r: TemplateRow): ReportTemplateInfo {
  return {
    id: r.id,
    name: r.name,
    fileName: r.file_name,
    size: r.file_size,
    sha256: r.file_sha256,
    version: r.version,
    mappings: r.mappings,
    ownerUnitId: r.owner_unit_id,
    ownerUnitName: r.owner_name,
    editable: canEdit(store, session, r.owner_unit_id),
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  };
}

export function listTemplates(store: Store, session: Session): ReportTemplateInfo[] {
  const rows = store.db.prepare(`${SELECT} ORDER BY t.id DESC`).all() as TemplateRow[];
  return rows.filter((r) => canSee(store, session, r.owner_unit_id)).map((r) => info(store, session, r));
}

/** A template the caller may see (NOT_FOUND otherwise: another unit's template is not even confirmed to exist). */
export function templateFor(store: Store, session: Session, id: number): ReportTemplateInfo {
  const row = store.db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as TemplateRow | undefined;
  if (row === undefined || !canSee(store, session, row.owner_unit_id)) return notFound(id);
  return info(store, session, row);
}

/** A template the caller may change: seeing is not enough (head office's templates are the administrators'). */
export function editableTemplate(store: Store, session: Session, id: number): ReportTemplateInfo {
  const t = templateFor(store, session, id);
  if (!t.editable) {
    throw new AppError('FORBIDDEN', {
      zh: `报表模板「${t.name}」由${t.ownerUnitName ?? '管理员'}维护，您可以填报但不能修改或删除`,
      en: `Report template "${t.name}" is maintained by ${t.ownerUnitName ?? 'an administrator'}; you may fill it but not change or delete it`,
    });
  }
  return t;
}

export function templateBytes(store: Store, id: number): Uint8Array {
  const bytes = store.db.prepare('SELECT file_bytes FROM report_template WHERE id = ?').pluck().get(id) as Buffer | undefined;
  if (bytes === undefined) return notFound(id);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export interface NewTemplate {
  name: string;
  fileName: string;
  bytes: Uint8Array;
}

export function insertTemplate(store: Store, session: Session, t: NewTemplate, at: string): number {
  // A supervisor's template belongs to their (first) unit; an administrator's to nobody, i.e. to every supervisor.
  const owner = session.role === 'admin' || session.orgUnitIds === null ? null : (session.orgUnitIds[0] ?? null);
  const sha = crypto.createHash('sha256').update(t.bytes).digest('hex');
  const r = store.db
    .prepare(
      `INSERT INTO report_template (name, file_name, file_bytes, file_size, file_sha256, owner_unit_id, uploaded_by, uploaded_at, updated_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(t.name, t.fileName, Buffer.from(t.bytes), t.bytes.length, sha, owner, session.userName, at, session.userName, at);
  return Number(r.lastInsertRowid);
}

interface MappingRow {
  sheet: string;
  cell: string;
  kind: Figure['kind'];
  report_id: string | null;
  row_key: string | null;
  max_rows: number | null;
  header_field: string | null;
  money_unit: string | null;
  ratio_unit: string | null;
  columns: string | null;
}

/** The mappings in saved order, parsed again through the schema (a row that no longer parses is an error). */
export function templateMappings(store: Store, id: number): TemplateMapping[] {
  const rows = store.db
    .prepare(
      `SELECT m.sheet, m.cell, m.kind, m.report_id, m.row_key, m.max_rows, m.header_field, m.money_unit, m.ratio_unit,
         (SELECT json_group_array(c.column_key) FROM (SELECT column_key FROM report_template_column c
            WHERE c.template_id = m.template_id AND c.sheet = m.sheet AND c.cell = m.cell ORDER BY c.position) c) AS columns
       FROM report_template_mapping m WHERE m.template_id = ? ORDER BY m.position`,
    )
    .all(id) as MappingRow[];
  return rows.map((r) => {
    const columns = JSON.parse(r.columns ?? '[]') as string[];
    const units = { ...(r.money_unit === null ? {} : { moneyUnit: r.money_unit }), ...(r.ratio_unit === null ? {} : { ratioUnit: r.ratio_unit }) };
    const figure =
      r.kind === 'header'
        ? { kind: r.kind, field: r.header_field }
        : r.kind === 'spill'
          ? { kind: r.kind, report: r.report_id, columns, maxRows: r.max_rows, ...units }
          : r.kind === 'cell'
            ? { kind: r.kind, report: r.report_id, rowKey: r.row_key, column: columns[0], ...units }
            : { kind: r.kind, report: r.report_id, column: columns[0], ...units };
    return templateMappingSchema.parse({ sheet: r.sheet, cell: r.cell, figure });
  });
}

/** Replaces the mappings and counts a new version; one transaction. */
export function saveMappings(store: Store, session: Session, id: number, mappings: readonly TemplateMapping[], at: string): void {
  store.transaction(() => {
    const db = store.db;
    db.prepare('DELETE FROM report_template_mapping WHERE template_id = ?').run(id);
    const insert = db.prepare(
      `INSERT INTO report_template_mapping (template_id, sheet, cell, position, kind, report_id, row_key, max_rows, header_field, money_unit, ratio_unit)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const column = db.prepare('INSERT INTO report_template_column (template_id, sheet, cell, position, column_key) VALUES (?, ?, ?, ?, ?)');
    mappings.forEach((m, i) => {
      const f = m.figure;
      const report = f.kind === 'header' ? null : f.report;
      const units = f.kind === 'header' ? [null, null] : [f.moneyUnit ?? null, f.ratioUnit ?? null];
      insert.run(id, m.sheet, m.cell, i, f.kind, report, f.kind === 'cell' ? f.rowKey : null, f.kind === 'spill' ? f.maxRows : null, f.kind === 'header' ? f.field : null, ...units);
      const keys = f.kind === 'spill' ? f.columns : f.kind === 'header' ? [] : [f.column];
      keys.forEach((k, j) => column.run(id, m.sheet, m.cell, j, k));
    });
    db.prepare('UPDATE report_template SET version = version + 1, updated_by = ?, updated_at = ? WHERE id = ?').run(session.userName, at, id);
  });
}

export function deleteTemplate(store: Store, id: number): void {
  store.transaction(() => {
    store.db.prepare('DELETE FROM report_template_column WHERE template_id = ?').run(id);
    store.db.prepare('DELETE FROM report_template WHERE id = ?').run(id);
  });
}
