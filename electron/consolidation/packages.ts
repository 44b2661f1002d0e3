import type { ConsolidatedPackageInfo } from '../../shared/api/ops/package.js';
import type { Store } from '../store/store.js';

/** Imported packages as the API shows them. */
const SELECT = `SELECT p.id, p.manifest_sha256, p.file_name, p.bank_code, p.bank_name, p.unit_code, p.unit_name, p.unit_level, p.period, p.scheme_code,
  p.scheme_version, p.scheme_name, p.run_id, p.run_status, p.generated_at, p.generated_by, p.signed, p.imported_by, p.imported_at, p.superseded_by,
  (SELECT count(*) FROM consolidation_manager m WHERE m.package_id = p.id) AS managers
  FROM consolidation_package p`;

interface Row {
  id: number;
  manifest_sha256: string;
  file_name: string;
  bank_code: string;
  bank_name: string;
  unit_code: string;
  unit_name: string;
  unit_level: string;
  period: string;
  scheme_code: string;
  scheme_version: number;
  scheme_name: string;
  run_id: number;
  run_status: string;
  generated_at: string;
  generated_by: string;
  signed: number;
  imported_by: string;
  imported_at: string;
  superseded_by: number | null;
  managers: number;
}

const info = (r: Row): ConsolidatedPackageInfo => ({
  id: r.id,
  manifestSha256: r.manifest_sha256,
  fileName: r.file_name,
  bankCode: r.bank_code,
  bankName: r.bank_name,
  unitCode: r.unit_code,
  unitName: r.unit_name,
  unitLevel: r.unit_level,
  period: r.period,
  schemeCode: r.scheme_code,
  schemeVersion: r.scheme_version,
  schemeName: r.scheme_name,
  runId: r.run_id,
  runStatus: r.run_status,
  generatedAt: r.generated_at,
  generatedBy: r.generated_by,
  signed: r.signed === 1,
  managers: r.managers,
  importedBy: r.imported_by,
  importedAt: r.imported_at,
  supersededBy: r.superseded_by,
});

export function packageInfo(store: Store, id: number): ConsolidatedPackageInfo {
  return info(store.db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as Row);
}

/** Every imported package (of a period), newest import first. */
export function listPackages(store: Store, period?: string): ConsolidatedPackageInfo[] {
  const rows = store.db.prepare(`${SELECT} WHERE (@period IS NULL OR p.period = @period) ORDER BY p.id DESC`).all({ period: period ?? null }) as Row[];
  return rows.map(info);
}

/** The current (not superseded) packages of a period, by unit code. */
export function currentPackages(store: Store, period: string): ConsolidatedPackageInfo[] {
  const rows = store.db.prepare(`${SELECT} WHERE p.period = ? AND p.superseded_by IS NULL ORDER BY p.unit_code, p.id`).all(period) as Row[];
  return rows.map(info);
}
