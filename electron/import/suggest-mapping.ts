import { KIND_FIELDS, normalizeHeader } from '../../shared/import/kinds.js';
import type { ImportKind } from '../../shared/import/kinds.js';
import { cleanCell } from './text.js';

/** Field key → zero-based column index. */
export type Mapping = Record<string, number>;

const aliasIndex = new Map<ImportKind, Map<string, string>>();

function aliasesOf(kind: ImportKind): Map<string, string> {
  let index = aliasIndex.get(kind);
  if (index === undefined) {
    index = new Map();
    for (const field of KIND_FIELDS[kind]) {
      for (const alias of field.aliases) {
        const key = normalizeHeader(alias);
        if (!index.has(key)) index.set(key, field.key);
      }
    }
    aliasIndex.set(kind, index);
  }
  return index;
}

/** Whether a header cell names a field of any kind (used to find the header row under a preamble). */
export function isKnownHeader(cell: string): boolean {
  const key = normalizeHeader(cleanCell(cell));
  if (key === '') return false;
  for (const kind of Object.keys(KIND_FIELDS) as ImportKind[]) if (aliasesOf(kind).has(key)) return true;
  return false;
}

/**
 * Suggests a mapping from exact (normalised) header names only: a wrong guess that looks right is worse than
 * a gap the user fills. Each field takes the first column that names it.
 */
export function suggestMapping(kind: ImportKind, headers: readonly string[]): Mapping {
  const index = aliasesOf(kind);
  const mapping: Mapping = {};
  headers.forEach((header, column) => {
    const field = index.get(normalizeHeader(cleanCell(header)));
    if (field !== undefined && mapping[field] === undefined) mapping[field] = column;
  });
  return mapping;
}

/** Required fields the mapping leaves out. */
export function missingRequired(kind: ImportKind, mapping: Mapping): string[] {
  return KIND_FIELDS[kind].filter((f) => f.required && mapping[f.key] === undefined).map((f) => f.key);
}
