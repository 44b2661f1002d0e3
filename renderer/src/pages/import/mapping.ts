import { KIND_FIELDS } from '../../../../shared/import/kinds.js';
import type { FieldSpec, ImportKind } from '../../../../shared/import/kinds.js';
import type { Locale } from '../../../../shared/i18n/locale.js';

/** Field key → zero-based column of the file; a field left out is not imported. */
export type Mapping = Readonly<Record<string, number>>;

/** Maps `field` to `column`, or un-maps it (null) so the import leaves that field alone. */
export function setFieldColumn(mapping: Mapping, field: string, column: number | null): Mapping {
  const { [field]: _old, ...rest } = mapping;
  return column === null ? rest : { ...rest, [field]: column };
}

export function columnOf(mapping: Mapping, field: string): number | null {
  return Object.hasOwn(mapping, field) ? (mapping[field] ?? null) : null;
}

/** Required fields of the kind that no column feeds; the import cannot start while any remain. */
export function missingRequired(kind: ImportKind, mapping: Mapping): string[] {
  return KIND_FIELDS[kind].filter((f) => f.required && columnOf(mapping, f.key) === null).map((f) => f.key);
}

/** Columns that feed more than one field: allowed (a code can be two things), but usually a slip worth showing. */
export function sharedColumns(mapping: Mapping): Map<number, string[]> {
  const byColumn = new Map<number, string[]>();
  for (const [field, column] of Object.entries(mapping)) byColumn.set(column, [...(byColumn.get(column) ?? []), field]);
  return new Map([...byColumn].filter(([, fields]) => fields.length > 1));
}

export interface MappingRow {
  field: FieldSpec;
  column: number | null;
  /** Set when two or more fields read this row's column. */
  sharedWith: string[];
}

/** One row per canonical field, in the kind's order, for the mapping table. */
export function mappingRows(kind: ImportKind, mapping: Mapping): MappingRow[] {
  const shared = sharedColumns(mapping);
  return KIND_FIELDS[kind].map((field) => {
    const column = columnOf(mapping, field.key);
    const others = column === null ? [] : (shared.get(column) ?? []).filter((k) => k !== field.key);
    return { field, column, sharedWith: others };
  });
}

/** The fields each column feeds, for labelling the preview's header cells. */
export function fieldsByColumn(kind: ImportKind, mapping: Mapping): Map<number, FieldSpec[]> {
  const result = new Map<number, FieldSpec[]>();
  for (const field of KIND_FIELDS[kind]) {
    const column = columnOf(mapping, field.key);
    if (column !== null) result.set(column, [...(result.get(column) ?? []), field]);
  }
  return result;
}

/** The field's label in the UI language. */
export function fieldLabel(kind: ImportKind, key: string, locale: Locale): string {
  const spec = KIND_FIELDS[kind].find((f) => f.key === key);
  if (spec === undefined) return key;
  return locale === 'en' ? spec.en : spec.zh;
}
