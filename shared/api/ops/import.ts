import { z } from 'zod';
import { IMPORT_KINDS } from '../../import/kinds.js';
import type { ImportKind } from '../../import/kinds.js';
import type { LocalizedText } from '../../i18n/locale.js';
import { ADMIN_ONLY, op } from '../contract.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** Where the file is: a path on this machine (CLI, desktop) or bytes the renderer uploaded (browser mode). */
export const importSource = z.discriminatedUnion('type', [
  z.object({ type: z.literal('path'), path: z.string().min(1) }).strict(),
  z.object({ type: z.literal('upload'), uploadId: z.string().min(1) }).strict(),
]);
export type ImportSource = z.infer<typeof importSource>;

export const importOptions = z
  .object({
    /** Overrides the detected encoding (GBK, UTF-8 …). */
    encoding: z.string().max(32).optional(),
    sheet: z.union([z.string().max(64), z.number().int().nonnegative()]).optional(),
    delimiter: z.enum([',', '\t', ';', '|']).optional(),
    /** 1-based record (line or sheet row) holding the header, when detection picked the wrong one. */
    headerRecord: z.number().int().positive().optional(),
    /** As-of date for kinds that need one when the file has no date column (balances). */
    asOf: isoDate.optional(),
    amountUnit: z.enum(['yuan', 'wan']).default('yuan'),
    /** A fixed-width layout (JSON) for mainframe text extracts. */
    layout: z.unknown().optional(),
  })
  .strict();
export type ImportOptions = z.input<typeof importOptions>;

/** Field key → zero-based column index. */
export const importMapping = z.record(z.string().max(40), z.number().int().nonnegative());

const kind = z.enum(IMPORT_KINDS);

export interface BatchRef {
  id: number;
  kind: ImportKind;
  fileName: string;
  asOf: string | null;
  version: number;
  finishedAt: string;
}

/** What detection found in a file: how it is encoded and laid out, and where its header is. */
export interface DetectedLayout {
  format: 'csv' | 'xlsx' | 'fixed_width';
  encoding: string | null;
  encodingBasis: string | null;
  delimiter: string | null;
  sheets: string[] | null;
  /** The sheet that was read (xlsx). */
  sheet: string | null;
  headerRecord: number;
  headers: string[];
  /** Lines above the header (titles, 账号/币种 rows), shown so the user sees what was skipped. */
  preamble: string[];
}

export interface ImportInspection extends DetectedLayout {
  fileName: string;
  sizeBytes: number;
  sha256: string;
  kind: ImportKind | null;
  mapping: Record<string, number>;
  mappingSource: 'profile' | 'suggested';
  profileName: string | null;
  missingRequired: string[];
  /** The same bytes were imported before and are still in force: committing again does nothing. */
  sameFile: BatchRef | null;
}

export interface ImportRowError {
  record: number;
  column: string;
  field: string;
  value: string;
  reason: LocalizedText;
}

export interface SkippedRow {
  record: number;
  reason: 'footer' | 'blank' | 'preamble';
  text: string;
}

export interface PreviewRow {
  record: number;
  cells: string[];
  errors: Array<{ columnIndex: number | null; field: string; reason: LocalizedText }>;
}

export interface ImportPreview {
  headers: string[];
  rows: PreviewRow[];
  skipped: SkippedRow[];
}

export interface ImportCounts {
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportPlan extends ImportCounts {
  kind: ImportKind;
  asOf: string | null;
  errorCount: number;
  /** The first errors (all of them are in the error export). */
  errors: ImportRowError[];
  skipped: SkippedRow[];
  control: { expectedRows: number | null; source: 'trailer' | 'user' | null; ok: boolean };
  sameFile: BatchRef | null;
  /** The batch this file replaces (same kind and as-of date), when it is a corrected file. */
  supersedes: BatchRef | null;
}

export interface ImportBatchInfo extends ImportCounts {
  id: number;
  kind: ImportKind;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  asOf: string | null;
  format: string;
  encoding: string | null;
  version: number;
  supersedesId: number | null;
  status: 'committed' | 'rolled_back' | 'superseded';
  createdBy: string;
  startedAt: string;
  finishedAt: string;
  /** True when the commit found the same file already imported and changed nothing. */
  noop?: boolean;
}

export interface RollbackEffect {
  batch: ImportBatchInfo;
  /** Rows the rollback deletes / restores to their previous values, per table. */
  deletes: Record<string, number>;
  restores: Record<string, number>;
  /** Why the rollback cannot run (e.g. later batches depend on it); empty when it can. */
  blockers: LocalizedText[];
}

const fileInput = { source: importSource, options: importOptions.default({ amountUnit: 'yuan' }) };

export interface MappingProfileInfo {
  name: string;
  kind: ImportKind;
  /** Field → the header it reads. */
  fields: Record<string, string>;
  updatedAt: string;
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  /** The file's bytes, base64; the renderer offers them as a download. */
  base64: string;
}

export const importOps = {
  'import.inspect': op<ImportInspection>()({
    summary: 'Detect format, encoding, header and suggest the kind and mapping of a file',
    input: z.object({ ...fileInput, kind: kind.optional(), profile: z.string().min(1).max(100).optional() }).strict(),
    roles: ADMIN_ONLY,
    scope: 'org',
  }),
  'import.preview': op<ImportPreview>()({
    summary: 'The first rows of a file as mapped, with every error in place',
    input: z.object({ ...fileInput, kind, mapping: importMapping, limit: z.number().int().min(1).max(500).default(50) }).strict(),
    roles: ADMIN_ONLY,
    scope: 'org',
  }),
  'import.plan': op<ImportPlan>()({
    summary: 'Validate every row and count what a commit would insert, change, leave and reject',
    input: z.object({ ...fileInput, kind, mapping: importMapping, expectedRows: z.number().int().nonnegative().optional() }).strict(),
    roles: ADMIN_ONLY,
    scope: 'org',
    long: true,
  }),
  'import.commit': op<ImportBatchInfo>()({
    summary: 'Import a file as one batch: all or nothing (reject) or good rows only (skip)',
    input: z
      .object({
        ...fileInput,
        kind,
        mapping: importMapping,
        onError: z.enum(['reject', 'skip']).default('reject'),
        expectedRows: z.number().int().nonnegative().optional(),
      })
      .strict(),
    roles: ADMIN_ONLY,
    scope: 'org',
    mutates: true,
    long: true,
  }),
  'import.errorsExport': op<ExportedFile>()({
    summary: 'Every row error of a file (validated again in full) or of a committed batch, as an .xlsx workbook',
    input: z.union([
      z.object({ batchId: z.number().int().positive() }).strict(),
      z.object({ ...fileInput, kind, mapping: importMapping }).strict(),
    ]),
    roles: ADMIN_ONLY,
    scope: 'org',
    long: true,
    exports: true,
  }),
  'import.profiles': op<MappingProfileInfo[]>()({
    summary: 'Saved mapping profiles (named by users, or remembered per layout)',
    input: z.object({ kind: kind.optional() }).strict(),
    roles: ADMIN_ONLY,
    scope: 'org',
  }),
  'import.saveProfile': op<MappingProfileInfo>()({
    summary: 'Save a mapping under a name, to apply to files of this source later',
    input: z.object({ name: z.string().trim().min(1).max(100), kind, headers: z.array(z.string().max(200)).max(500), mapping: importMapping }).strict(),
    roles: ADMIN_ONLY,
    scope: 'org',
    mutates: true,
  }),
  'import.batches': op<ImportBatchInfo[]>()({
    summary: 'Import history, newest first',
    input: z.object({ kind: kind.optional(), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    roles: ADMIN_ONLY,
    scope: 'org',
  }),
  'import.rollbackPreview': op<RollbackEffect>()({
    summary: 'What rolling a batch back would delete and restore',
    input: z.object({ batchId: z.number().int().positive() }).strict(),
    roles: ADMIN_ONLY,
    scope: 'org',
  }),
  'import.rollback': op<ImportBatchInfo>()({
    summary: 'Roll a batch back as one step',
    input: z.object({ batchId: z.number().int().positive(), reason: z.string().max(500).optional() }).strict(),
    roles: ADMIN_ONLY,
    scope: 'org',
    mutates: true,
  }),
};
