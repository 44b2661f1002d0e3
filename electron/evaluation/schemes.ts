import type { Scheme } from '../../shared/evaluation/scheme.js';
import { schemeSchema } from '../../shared/evaluation/scheme.js';
import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';
import type { SchemeProblem } from './validate-scheme.js';
import { validateScheme } from './validate-scheme.js';

export interface StoredScheme {
  id: number;
  code: string;
  version: number;
  validFrom: string;
  note: string | null;
  createdBy: string;
  createdAt: string;
  scheme: Scheme;
}

interface SchemeRow {
  id: number;
  code: string;
  version: number;
  body: string;
  valid_from: string;
  note: string | null;
  created_by: string;
  created_at: string;
}

const fromRow = (r: SchemeRow): StoredScheme => ({
  id: r.id,
  code: r.code,
  version: r.version,
  validFrom: r.valid_from,
  note: r.note,
  createdBy: r.created_by,
  createdAt: r.created_at,
  scheme: schemeSchema.parse(JSON.parse(r.body)),
});

export function knownIndicators(store: Store): Set<string> {
  return new Set(store.db.prepare('SELECT code FROM indicator').pluck().all() as string[]);
}

/** The editor's checks against this store (indicators that exist). */
export function checkScheme(store: Store, scheme: Scheme): SchemeProblem[] {
  return validateScheme(scheme, knownIndicators(store));
}

/**
 * Saves a scheme as a new version of its code, in force from `validFrom` (a period's first day). A scheme with
 * problems is refused with all of them listed; earlier versions stay, so a past period is still evaluated with the
 * version that was in force for it.
 */
export function saveScheme(store: Store, scheme: Scheme, validFrom: string, user: string, now: string, note?: string): StoredScheme {
  const problems = checkScheme(store, scheme);
  if (problems.length > 0) {
    throw new AppError('INVALID_INPUT', {
      zh: `考核方案有 ${problems.length} 处问题：${problems.map((p) => p.message.zh).join('；')}`,
      en: `The scheme has ${problems.length} problem(s): ${problems.map((p) => p.message.en).join('; ')}`,
    }, { problems: problems.map((p) => ({ ...(p.item === null ? {} : { path: `items.${p.item}` }), message: p.message.en, text: p.message })) });
  }
  return store.transaction(() => {
    const version = ((store.db.prepare('SELECT max(version) FROM scheme WHERE code = ?').pluck().get(scheme.code) as number | null) ?? 0) + 1;
    const id = Number(
      store.db
        .prepare('INSERT INTO scheme (code, version, name, period_type, body, valid_from, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(scheme.code, version, scheme.name, scheme.periodType, JSON.stringify(scheme), validFrom, note ?? null, user, now).lastInsertRowid,
    );
    return { id, code: scheme.code, version, validFrom, note: note ?? null, createdBy: user, createdAt: now, scheme };
  });
}

export function schemeById(store: Store, id: number): StoredScheme {
  const row = store.db.prepare('SELECT * FROM scheme WHERE id = ?').get(id) as SchemeRow | undefined;
  if (row === undefined) throw new AppError('NOT_FOUND', { zh: `找不到考核方案 #${id}`, en: `Scheme #${id} not found` });
  return fromRow(row);
}

/** The version of a scheme in force for a period starting on `periodFrom`. */
export function schemeInForce(store: Store, code: string, periodFrom: string): StoredScheme {
  const row = store.db.prepare('SELECT * FROM scheme WHERE code = ? AND valid_from <= ? ORDER BY valid_from DESC, version DESC LIMIT 1').get(code, periodFrom) as SchemeRow | undefined;
  if (row === undefined) {
    throw new AppError('NOT_FOUND', { zh: `考核方案 ${code} 在 ${periodFrom} 没有生效的版本`, en: `Scheme ${code} has no version in force on ${periodFrom}` });
  }
  return fromRow(row);
}

/** Every version of every scheme, newest first. */
export function listSchemes(store: Store): StoredScheme[] {
  return (store.db.prepare('SELECT * FROM scheme ORDER BY code, version DESC').all() as SchemeRow[]).map(fromRow);
}
