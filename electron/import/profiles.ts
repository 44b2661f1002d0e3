import crypto from 'node:crypto';
import type { MappingProfileInfo } from '../../shared/api/ops/import.js';
import { normalizeHeader } from '../../shared/import/kinds.js';
import type { ImportKind } from '../../shared/import/kinds.js';
import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';
import type { Mapping } from './suggest-mapping.js';

/** Identifies a layout by its header names, so a saved mapping comes back when the same layout does. */
export function headerSignature(headers: readonly string[]): string {
  return crypto.createHash('sha1').update(headers.map(normalizeHeader).join('\u0001')).digest('hex');
}

interface ProfileRow {
  name: string;
  kind: ImportKind;
  mapping: string;
  updated_at: string;
}

/** Profiles keep field → header name, so a named profile also fits a file whose columns moved. */
function toIndices(fields: Record<string, string>, headers: readonly string[]): { mapping: Mapping; missing: string[] } {
  const mapping: Mapping = {};
  const missing: string[] = [];
  for (const [field, header] of Object.entries(fields)) {
    const index = headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(header));
    if (index < 0) missing.push(header);
    else mapping[field] = index;
  }
  return { mapping, missing };
}

function toInfo(r: ProfileRow): MappingProfileInfo {
  return { name: r.name, kind: r.kind, fields: JSON.parse(r.mapping) as Record<string, string>, updatedAt: r.updated_at };
}

export function saveProfile(store: Store, p: { name: string; kind: ImportKind; headers: readonly string[]; mapping: Mapping; now: string }): MappingProfileInfo {
  const fields: Record<string, string> = {};
  for (const [field, index] of Object.entries(p.mapping)) {
    const header = p.headers[index];
    if (header !== undefined) fields[field] = header;
  }
  store.db
    .prepare(
      `INSERT INTO mapping_profile (name, kind, header_signature, mapping, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, header_signature = excluded.header_signature, mapping = excluded.mapping, updated_at = excluded.updated_at`,
    )
    .run(p.name, p.kind, headerSignature(p.headers), JSON.stringify(fields), p.now);
  return { name: p.name, kind: p.kind, fields, updatedAt: p.now };
}

/** Remembers the mapping a commit used, under an automatic name per kind and layout (the last one wins). */
export function rememberMapping(store: Store, kind: ImportKind, headers: readonly string[], mapping: Mapping, now: string): void {
  saveProfile(store, { name: `${kind}:${headerSignature(headers).slice(0, 12)}`, kind, headers, mapping, now });
}

/** The latest profile saved for exactly this layout and kind, as column indices. */
export function profileForLayout(store: Store, kind: ImportKind, headers: readonly string[]): { name: string; mapping: Mapping } | null {
  const row = store.db
    .prepare('SELECT name, kind, mapping, updated_at FROM mapping_profile WHERE kind = ? AND header_signature = ? ORDER BY updated_at DESC LIMIT 1')
    .get(kind, headerSignature(headers)) as ProfileRow | undefined;
  if (row === undefined) return null;
  const { mapping, missing } = toIndices(toInfo(row).fields, headers);
  return missing.length === 0 ? { name: row.name, mapping } : null;
}

/** A profile the user named, applied to this file's headers; every header it needs must be there. */
export function profileByName(store: Store, name: string, headers: readonly string[]): { kind: ImportKind; mapping: Mapping } {
  const row = store.db.prepare('SELECT name, kind, mapping, updated_at FROM mapping_profile WHERE name = ?').get(name) as ProfileRow | undefined;
  if (row === undefined) throw new AppError('NOT_FOUND', { zh: `没有名为“${name}”的映射方案`, en: `No mapping profile named “${name}”` });
  const { mapping, missing } = toIndices(toInfo(row).fields, headers);
  if (missing.length > 0) {
    throw new AppError('IMPORT_INVALID', {
      zh: `映射方案“${name}”需要的列在文件中找不到：${missing.join('、')}`,
      en: `Mapping profile “${name}” needs columns the file lacks: ${missing.join(', ')}`,
    });
  }
  return { kind: row.kind, mapping };
}

export function listProfiles(store: Store, kind: ImportKind | undefined): MappingProfileInfo[] {
  const rows = (
    kind === undefined
      ? store.db.prepare('SELECT name, kind, mapping, updated_at FROM mapping_profile ORDER BY name').all()
      : store.db.prepare('SELECT name, kind, mapping, updated_at FROM mapping_profile WHERE kind = ? ORDER BY name').all(kind)
  ) as ProfileRow[];
  return rows.map(toInfo);
}
