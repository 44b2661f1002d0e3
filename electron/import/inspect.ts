import type { ImportInspection, ImportOptions, ImportPreview, PreviewRow, SkippedRow } from '../../shared/api/ops/import.js';
import { IMPORT_KINDS, KIND_FIELDS } from '../../shared/import/kinds.js';
import type { ImportKind } from '../../shared/import/kinds.js';
import type { Store } from '../store/store.js';
import { findSameFile, toBatchRef } from './batches.js';
import { ADAPTERS } from './kinds/index.js';
import { profileByName, profileForLayout } from './profiles.js';
import { openSource } from './source.js';
import type { SourceFile } from './source-file.js';
import { missingRequired, suggestMapping } from './suggest-mapping.js';
import type { Mapping } from './suggest-mapping.js';
import { validateRow } from './validate-row.js';

/** The kind whose required fields the headers cover best (ties: more fields mapped). */
export function guessKind(headers: readonly string[]): ImportKind | null {
  let best: { kind: ImportKind; score: number } | null = null;
  for (const kind of IMPORT_KINDS) {
    const mapping = suggestMapping(kind, headers);
    const required = KIND_FIELDS[kind].filter((f) => f.required);
    const covered = required.filter((f) => mapping[f.key] !== undefined).length / Math.max(1, required.length);
    const score = covered * 100 + Object.keys(mapping).length;
    if (covered > 0 && (best === null || score > best.score)) best = { kind, score };
  }
  return best?.kind ?? null;
}

/**
 * Detects the file, then picks the mapping: a profile the user named, else the one last used for this very
 * layout, else suggestions from the header names.
 */
export async function inspectFile(store: Store, file: SourceFile, kind: ImportKind | undefined, options: ImportOptions, profile?: string): Promise<ImportInspection> {
  const opened = await openSource(file, options);
  const named = profile === undefined ? null : profileByName(store, profile, opened.headers);
  const chosen = kind ?? named?.kind ?? guessKind(opened.headers);
  const saved = named !== null && named.kind === chosen ? { name: profile ?? '', mapping: named.mapping } : chosen === null ? null : profileForLayout(store, chosen, opened.headers);
  const mapping = saved?.mapping ?? (chosen === null ? {} : suggestMapping(chosen, opened.headers));
  const sha256 = await file.sha256();
  const same = chosen === null ? null : findSameFile(store, chosen, sha256);
  return {
    fileName: file.name,
    sizeBytes: file.size,
    sha256,
    format: opened.format,
    encoding: opened.encoding,
    encodingBasis: opened.encodingBasis,
    delimiter: opened.delimiter,
    sheets: opened.sheets,
    sheet: opened.sheet,
    headerRecord: opened.headerRecord,
    headers: opened.headers,
    preamble: opened.preamble,
    kind: chosen,
    mapping,
    mappingSource: saved === null ? 'suggested' : 'profile',
    profileName: saved?.name ?? null,
    missingRequired: chosen === null ? [] : missingRequired(chosen, mapping),
    sameFile: same === null ? null : toBatchRef(same),
  };
}

/** The first rows as mapped, each error pinned to its column (store checks included, nothing written). */
export async function previewFile(store: Store, file: SourceFile, kind: ImportKind, mapping: Mapping, options: ImportOptions, limit: number, now: string): Promise<ImportPreview> {
  const opened = await openSource(file, options);
  const skipped: SkippedRow[] = [];
  const rows: PreviewRow[] = [];
  const adapter = ADAPTERS[kind];
  const session = adapter.begin({
      store,
      batchId: null,
      asOf: options.asOf ?? null,
      supersedes: null,
      userName: '',
      now,
      mapped: new Set(Object.keys(mapping)),
      undo: () => undefined,
    });
  const columnIndex = (field: string): number | null => mapping[field] ?? null;
  const gen = opened.dataRows(skipped);
  outer: for await (const batch of gen) {
    for (const row of batch) {
      const typed = validateRow(kind, mapping, opened.headers, row.record, row.cells, { amountUnit: options.amountUnit ?? 'yuan', excelSerialDates: opened.format === 'xlsx' });
      const errors: PreviewRow['errors'] = typed.errors.map((e) => ({ columnIndex: columnIndex(e.field), field: e.field, reason: e.reason }));
      const recordProblem = opened.recordProblem(row.record);
      if (recordProblem !== null) errors.push({ columnIndex: null, field: '(record)', reason: recordProblem });
      if (errors.length === 0) {
        const result = session.apply(row.record, typed.values);
        if ('problems' in result) for (const p of result.problems) errors.push({ columnIndex: columnIndex(p.field), field: p.field, reason: p.reason });
      }
      rows.push({ record: row.record, cells: row.cells, errors });
      if (rows.length >= limit) break outer;
    }
  }
  await gen.return(undefined);
  return { headers: opened.headers, rows, skipped };
}
