import { z } from 'zod';
import type { PackageProblem, VerifyReport } from '../../package/manifest.js';
import { STAFF_ROLES, op } from '../contract.js';
import type { ExportedFile } from './import.js';

/**
 * The head-office export package (上报包) and consolidation (汇总): docs/export-package.md.
 *
 * The key is the head-office key file's text (hex or base64, ≥ 32 bytes). It travels as `keySecret` so the audit
 * log's redaction drops it: an HMAC key in the log would let anyone who reads the log forge packages.
 */
const keySecret = z.string().min(1).max(4096);
/** A package as base64 (the renderer reads the file); 400 MB of base64 at most. */
const base64 = z.string().min(1).max(400_000_000);
const period = z.string().regex(/^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'expected 2026, 2026Q3 or 2026-10');

export interface PackageBuildResult extends ExportedFile {
  manifestSha256: string;
  signed: boolean;
}

export interface ConsolidatedPackageInfo {
  id: number;
  manifestSha256: string;
  fileName: string;
  bankCode: string;
  bankName: string;
  unitCode: string;
  unitName: string;
  unitLevel: string;
  period: string;
  schemeCode: string;
  schemeVersion: number;
  schemeName: string;
  runId: number;
  runStatus: string;
  generatedAt: string;
  generatedBy: string;
  /** The signature was checked with a key at import. */
  signed: boolean;
  managers: number;
  importedBy: string;
  importedAt: string;
  supersededBy: number | null;
}

export interface ConsolidationImportResult {
  /** imported: new and current; already_imported: the same package (same manifest) was there, nothing changed; superseded: imported, but a newer package of the unit and period is current. */
  status: 'imported' | 'already_imported' | 'superseded';
  package: ConsolidatedPackageInfo;
  /** The package this one replaced as current for its unit and period. */
  replaced: ConsolidatedPackageInfo | null;
  /** Warnings of the verification (an unchecked signature). */
  warnings: PackageProblem[];
}

export interface ConsolidatedManager {
  rank: number | null;
  of: number;
  staffNo: string;
  name: string;
  unitCode: string;
  unitName: string;
  outletCode: string;
  outletName: string;
  grade: string;
  type: string;
  /** Points as decimal text with two places (null: not fully scored). */
  total: string | null;
  quantitative: string | null;
  qualitative: string | null;
  deductions: string | null;
  outcome: string | null;
  /** The rank in the package's own run. */
  sourceRank: number | null;
  packageId: number;
}

export interface ConsolidatedIndicator {
  key: string;
  name: string;
  unit: string;
  /** Exact decimal sums in the unit (元, %, 户 …). */
  target: string;
  actual: string;
}

export interface ConsolidatedInstitution {
  code: string;
  name: string;
  /** 'package': a sending unit (支行 …); 'outlet': a 网点 within one; 'total': every current package. */
  kind: 'package' | 'outlet' | 'total';
  parentCode: string | null;
  managers: number;
  scored: number;
  totalPoints: string;
  averagePoints: string | null;
  indicators: ConsolidatedIndicator[];
}

export interface ConsolidatedResults {
  period: string;
  packages: ConsolidatedPackageInfo[];
  managers: ConsolidatedManager[];
  institutions: ConsolidatedInstitution[];
  /** Schemes differ between the packages: the ranking compares totals of different scorecards. */
  mixedSchemes: boolean;
}

export const packageOps = {
  'package.build': op<PackageBuildResult>()({
    summary: 'The head-office package (上报包, .zip) of an evaluation run: manifest, workbook, sheets, data as CSV; signed with a head-office key when given',
    input: z.object({ runId: z.number().int().positive(), keySecret: keySecret.optional() }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
    exports: true,
  }),
  'package.verify': op<VerifyReport>()({
    summary: 'Check a package: completeness, sizes, SHA-256, row counts and signature, every problem named with its file',
    input: z.object({ base64, keySecret: keySecret.optional() }).strict(),
    roles: STAFF_ROLES,
    scope: 'any',
  }),
  'consolidation.import': op<ConsolidationImportResult>()({
    summary: 'Import a verified package for consolidation (汇总); the same package again changes nothing, a newer one for the unit and period supersedes the older',
    input: z.object({ fileName: z.string().trim().min(1).max(260), base64, keySecret: keySecret.optional() }).strict(),
    roles: STAFF_ROLES,
    scope: 'any',
    mutates: true,
  }),
  'consolidation.packages': op<ConsolidatedPackageInfo[]>()({
    summary: 'Imported packages, newest first (superseded ones too)',
    input: z.object({ period: period.optional() }).strict(),
    roles: STAFF_ROLES,
    scope: 'any',
  }),
  'consolidation.results': op<ConsolidatedResults>()({
    summary: 'Consolidated ranking of managers and institution results over the current packages of a period',
    input: z.object({ period }).strict(),
    roles: STAFF_ROLES,
    scope: 'any',
  }),
};
