import { z } from 'zod';
import type { LocalizedText } from '../i18n/locale.js';

/**
 * The head-office export package (上报包): one .zip holding `manifest.json`, the summary workbook, the evaluation
 * sheets and the data behind them as CSV, optionally signed (HMAC-SHA256 over the manifest's bytes, `manifest.sig`).
 * docs/export-package.md describes the format; electron/package/ builds and verifies it.
 */
export const PACKAGE_FORMAT_VERSION = 1;
export const PACKAGE_KIND = 'branch-workbench/evaluation-package';
export const MANIFEST_PATH = 'manifest.json';
export const SIGNATURE_PATH = 'manifest.sig';
export const SIGNATURE_ALGORITHM = 'HMAC-SHA256';

/** The members of a package, by fixed ASCII names so every unzip tool shows them alike. */
export const PACKAGE_FILES = {
  workbook: 'summary.xlsx',
  sheets: 'sheets.pdf',
  managers: 'data/managers.csv',
  items: 'data/item-scores.csv',
  units: 'data/units.csv',
  unitItems: 'data/unit-items.csv',
  clients: 'data/clients.csv',
} as const;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'lowercase hex SHA-256');
const count = z.number().int().nonnegative();

export const manifestFileSchema = z
  .object({
    path: z.string().min(1).max(200),
    /** csv: data rows (the header row not counted); xlsx: rows of every sheet together; pdf: pages. */
    kind: z.enum(['csv', 'xlsx', 'pdf']),
    sha256,
    bytes: count,
    rows: count,
    /** xlsx only: each sheet's rows, in workbook order. */
    sheets: z.array(z.object({ name: z.string(), rows: count }).strict()).optional(),
  })
  .strict();
export type ManifestFile = z.infer<typeof manifestFileSchema>;

const unitRef = z.object({ code: z.string().min(1).max(40), name: z.string().max(100) }).strict();

export const manifestSchema = z
  .object({
    formatVersion: z.number().int().positive(),
    kind: z.literal(PACKAGE_KIND),
    /** The top of the sending workspace's org tree. */
    bank: unitRef,
    /** The unit the package reports for: the run's org unit (a supervisor's 支行), or for a branch-wide run the lowest unit above all its outlets. */
    unit: unitRef.extend({ level: z.enum(['head', 'tier1', 'tier2', 'sub', 'outlet']) }).strict(),
    period: z.string().regex(/^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$/),
    run: z
      .object({
        id: z.number().int().positive(),
        status: z.enum(['draft', 'review', 'locked']),
        schemeCode: z.string().min(1).max(32),
        schemeVersion: z.number().int().nonnegative(),
        schemeName: z.string().max(60),
        computedAt: z.string(),
        lockedAt: z.string().nullable(),
        managers: count,
      })
      .strict(),
    generatedAt: z.string().min(1),
    generatedBy: z.object({ user: z.string(), role: z.enum(['admin', 'supervisor', 'manager']) }).strict(),
    /** Whether ID and phone numbers in data/clients.csv are masked (they are unless the exporting role may see them). */
    identity: z.enum(['masked', 'full']),
    files: z.array(manifestFileSchema).min(1).max(100),
  })
  .strict();
export type PackageManifest = z.infer<typeof manifestSchema>;

/** `manifest.sig`: which key signed (a fingerprint, never the key) and the HMAC of manifest.json's exact bytes. */
export const signatureSchema = z
  .object({
    algorithm: z.literal(SIGNATURE_ALGORITHM),
    /** First 16 hex digits of SHA-256 of the key's bytes: tells which key was used without revealing it. */
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    hmac: sha256,
  })
  .strict();
export type PackageSignature = z.infer<typeof signatureSchema>;

export const PROBLEM_CODES = [
  'zip_unreadable',
  'unsafe_path',
  'duplicate_entry',
  'entry_corrupt',
  'manifest_missing',
  'manifest_invalid',
  'manifest_version',
  'file_missing',
  'file_unlisted',
  'size_mismatch',
  'hash_mismatch',
  'rows_mismatch',
  'content_unreadable',
  'signature_missing',
  'signature_invalid',
  'signature_unchecked',
  'key_invalid',
  'data_inconsistent',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** One thing wrong with a package, with the member it concerns (null: the package as a whole). */
export interface PackageProblem {
  code: ProblemCode;
  /** A warning leaves the package acceptable (a signature nobody could check without the key). */
  level: 'error' | 'warning';
  file: string | null;
  message: LocalizedText;
}

export type SignatureState = 'valid' | 'invalid' | 'absent' | 'unchecked';

export interface VerifiedFile {
  path: string;
  bytes: number;
  sha256: string;
  /** Counted from the content itself (null when it could not be read). */
  rows: number | null;
  /** Listed in the manifest and matching it in size, hash and rows. */
  ok: boolean;
}

export interface VerifyReport {
  /** No error-level problem. */
  ok: boolean;
  /** SHA-256 of manifest.json's bytes: the package's identity (null without a readable manifest). */
  manifestSha256: string | null;
  manifest: PackageManifest | null;
  signature: SignatureState;
  files: VerifiedFile[];
  problems: PackageProblem[];
}
