import type { ConsolidationImportResult } from '../../shared/api/ops/package.js';
import { ITEM_COLUMNS, MANAGER_COLUMNS, UNIT_COLUMNS } from '../../shared/package/columns.js';
import { PACKAGE_FILES } from '../../shared/package/manifest.js';
import type { PackageManifest, PackageProblem, VerifyReport } from '../../shared/package/manifest.js';
import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';
import { verifyPackage } from '../package/verify.js';
import { readZip } from '../package/zip-read.js';
import type { CsvRecord } from './csv-read.js';
import { readTable } from './csv-read.js';
import { hundredthsOf, isDecimal } from './decimal.js';
import { packageInfo } from './packages.js';

/**
 * Imports a package for consolidation (汇总): verified first (a package with any error is refused with every
 * problem the verifier found), its data read and checked for consistency, then stored in one transaction. The
 * same package again (same manifest SHA-256) changes nothing; a newer package of the same unit and period
 * supersedes the current one, an older one is kept as superseded.
 */
interface ManagerRow {
  staffNo: string;
  name: string;
  outletCode: string;
  outletName: string;
  grade: string;
  type: string;
  quantitative: bigint | null;
  adjusted: bigint | null;
  qualitative: bigint | null;
  deductions: bigint | null;
  total: bigint | null;
  outcome: string | null;
  rank: number | null;
}

interface ItemRow {
  position: number;
  staffNo: string;
  key: string;
  name: string;
  kind: string;
  indicator: string | null;
  unit: string;
  target: string | null;
  actual: string | null;
  completion: string | null;
  points: bigint | null;
  status: string;
}

interface UnitRow {
  code: string;
  name: string;
  level: string;
  managers: number;
  scored: number;
  totalPoints: bigint;
}

export interface PackageData {
  managers: ManagerRow[];
  items: ItemRow[];
  units: UnitRow[];
}

function refuse(problems: PackageProblem[]): never {
  const first = problems[0];
  throw new AppError(
    'IMPORT_INVALID',
    {
      zh: `上报包未通过校验，未导入（${problems.length} 个问题）：${first === undefined ? '' : `${first.file ?? ''} ${first.message.zh}`}`,
      en: `The package failed verification and was not imported (${problems.length} problems): ${first === undefined ? '' : `${first.file ?? ''} ${first.message.en}`}`,
    },
    { problems: problems.map((p) => ({ ...(p.file === null ? {} : { file: p.file }), message: p.message.en, text: p.message })) },
  );
}

const inconsistent = (file: string, zh: string, en: string): PackageProblem => ({ code: 'data_inconsistent', level: 'error', file, message: { zh, en } });

const optional = (v: string): string | null => (v === '' ? null : v);
const int = (v: string): number | null => (v === '' ? null : /^\d+$/.test(v) ? Number(v) : Number.NaN);

function decimalOrNull(v: string, file: string, what: string, problems: PackageProblem[]): string | null {
  if (v === '') return null;
  if (!isDecimal(v)) problems.push(inconsistent(file, `${what} 不是数字：${v}`, `${what} is not a number: ${v}`));
  return v;
}

function points(v: string, file: string, what: string, problems: PackageProblem[]): bigint | null {
  try {
    return hundredthsOf(v);
  } catch {
    problems.push(inconsistent(file, `${what} 不是两位小数的分数：${v}`, `${what} is not points with two decimals: ${v}`));
    return null;
  }
}

function table(files: Map<string, string>, path: string, columns: readonly string[], problems: PackageProblem[]): CsvRecord[] {
  const text = files.get(path);
  if (text === undefined) {
    problems.push(inconsistent(path, `汇总需要的 ${path} 不在上报包中`, `${path}, which consolidation needs, is not in the package`));
    return [];
  }
  const t = readTable(text, columns);
  if (!t.ok) {
    problems.push(inconsistent(path, `${path} 的格式不对：${t.reason}`, `${path} is not in the expected layout: ${t.reason}`));
    return [];
  }
  return t.rows;
}

/** Reads and cross-checks the CSV data of a verified package. */
export function readPackageData(bytes: Uint8Array, manifest: PackageManifest): { data: PackageData; problems: PackageProblem[] } {
  const problems: PackageProblem[] = [];
  const files = new Map<string, string>();
  for (const e of readZip(bytes).entries) if (e.data !== null && e.name.endsWith('.csv')) files.set(e.name, e.data.toString('utf8'));
  const M = PACKAGE_FILES.managers;
  const managers = table(files, M, MANAGER_COLUMNS, problems).map(
    (r): ManagerRow => ({
      staffNo: r('员工号'),
      name: r('姓名'),
      outletCode: r('网点号'),
      outletName: r('网点'),
      grade: r('岗位等级'),
      type: r('专兼职'),
      quantitative: points(r('指标得分'), M, '指标得分', problems),
      adjusted: points(r('调整后指标得分'), M, '调整后指标得分', problems),
      qualitative: points(r('定性得分'), M, '定性得分', problems),
      deductions: points(r('扣分'), M, '扣分', problems),
      total: points(r('总分'), M, '总分', problems),
      outcome: optional(r('建议结果')),
      rank: int(r('排名')),
    }),
  );
  const I = PACKAGE_FILES.items;
  const items = table(files, I, ITEM_COLUMNS, problems).map(
    (r, position): ItemRow => ({
      position,
      staffNo: r('员工号'),
      key: r('项目代码'),
      name: r('项目名称'),
      kind: r('项目类别'),
      indicator: optional(r('指标代码')),
      unit: r('单位'),
      target: decimalOrNull(r('目标'), I, '目标', problems),
      actual: decimalOrNull(r('实际'), I, '实际', problems),
      completion: decimalOrNull(r('完成率（%）'), I, '完成率', problems),
      points: points(r('得分'), I, '得分', problems),
      status: r('状态'),
    }),
  );
  const U = PACKAGE_FILES.units;
  const units = table(files, U, UNIT_COLUMNS, problems).map(
    (r): UnitRow => ({
      code: r('机构号'),
      name: r('机构名称'),
      level: r('层级'),
      managers: int(r('考核人数')) ?? Number.NaN,
      scored: int(r('已完成评分')) ?? Number.NaN,
      totalPoints: points(r('总分合计'), U, '总分合计', problems) ?? 0n,
    }),
  );
  const staff = new Set<string>();
  for (const m of managers) {
    if (m.staffNo === '' || staff.has(m.staffNo)) problems.push(inconsistent(M, `员工号为空或重复：${m.staffNo}`, `Empty or repeated staff number: ${m.staffNo}`));
    staff.add(m.staffNo);
  }
  if (problems.length === 0 && managers.length !== manifest.run.managers) {
    problems.push(inconsistent(M, `有 ${managers.length} 名客户经理，清单记录为 ${manifest.run.managers} 名`, `${managers.length} managers; the manifest says ${manifest.run.managers}`));
  }
  const seen = new Set<string>();
  for (const i of items) {
    if (!staff.has(i.staffNo)) problems.push(inconsistent(I, `得分明细中的员工号 ${i.staffNo} 不在 ${M} 中`, `Staff number ${i.staffNo} of the item scores is not in ${M}`));
    if (seen.has(`${i.staffNo}:${i.key}`)) problems.push(inconsistent(I, `重复的得分明细：${i.staffNo} ${i.key}`, `Repeated item score: ${i.staffNo} ${i.key}`));
    seen.add(`${i.staffNo}:${i.key}`);
  }
  // The package's own unit results must be the sums of its manager rows.
  for (const u of units) {
    const members = u.level === 'outlet' ? managers.filter((m) => m.outletCode === u.code) : managers;
    const scored = members.filter((m) => m.total !== null);
    const sum = scored.reduce((s, m) => s + (m.total ?? 0n), 0n);
    if (u.managers !== members.length || u.scored !== scored.length || u.totalPoints !== sum) {
      problems.push(
        inconsistent(U, `${u.code} ${u.name} 的人数或总分合计与客户经理明细不符`, `${u.code} ${u.name}: head count or total points do not add up to the manager rows`),
      );
    }
  }
  return { data: { managers, items, units }, problems };
}

function insertPackage(store: Store, data: PackageData, row: Record<string, unknown>): number {
  const db = store.db;
  const id = Number(
    db
      .prepare(
        `INSERT INTO consolidation_package (manifest_sha256, file_name, format_version, bank_code, bank_name, unit_code, unit_name, unit_level, period, scheme_code,
           scheme_version, scheme_name, run_id, run_status, generated_at, generated_by, generated_role, signed, imported_by, imported_at, superseded_by, superseded_at)
         VALUES (@manifestSha256, @fileName, @formatVersion, @bankCode, @bankName, @unitCode, @unitName, @unitLevel, @period, @schemeCode,
           @schemeVersion, @schemeName, @runId, @runStatus, @generatedAt, @generatedBy, @generatedRole, @signed, @importedBy, @importedAt, @supersededBy, @supersededAt)`,
      )
      .run(row).lastInsertRowid,
  );
  const manager = db.prepare(
    `INSERT INTO consolidation_manager (package_id, staff_no, name, outlet_code, outlet_name, grade, type, quantitative, adjusted, qualitative, deductions, total, outcome, source_rank)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const m of data.managers) {
    manager.run(id, m.staffNo, m.name, m.outletCode, m.outletName, m.grade, m.type, m.quantitative, m.adjusted, m.qualitative, m.deductions, m.total, m.outcome, m.rank);
  }
  const item = db.prepare(
    `INSERT INTO consolidation_item (package_id, staff_no, item_key, position, item_name, kind, indicator, unit, target, actual, completion, points, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const i of data.items) item.run(id, i.staffNo, i.key, i.position, i.name, i.kind, i.indicator, i.unit, i.target, i.actual, i.completion, i.points, i.status);
  const unit = db.prepare('INSERT INTO consolidation_unit (package_id, unit_code, unit_name, level, managers, scored, total_points) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const u of data.units) unit.run(id, u.code, u.name, u.level, u.managers, u.scored, u.totalPoints);
  return id;
}

export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  keyText: string | null;
  user: string;
  now: string;
}

export function importPackage(store: Store, req: ImportRequest): ConsolidationImportResult & { report: VerifyReport } {
  const report = verifyPackage(req.bytes, req.keyText);
  const errors = report.problems.filter((p) => p.level === 'error');
  if (errors.length > 0 || report.manifest === null || report.manifestSha256 === null) refuse(errors);
  const manifest = report.manifest;
  const sha = report.manifestSha256;
  const warnings = report.problems.filter((p) => p.level === 'warning');
  const known = store.db.prepare('SELECT id FROM consolidation_package WHERE manifest_sha256 = ?').pluck().get(sha) as number | undefined;
  if (known !== undefined) return { status: 'already_imported', package: packageInfo(store, known), replaced: null, warnings, report };
  const { data, problems } = readPackageData(req.bytes, manifest);
  if (problems.length > 0) refuse(problems);
  return store.transaction(() => {
    const current = store.db
      .prepare('SELECT id, generated_at FROM consolidation_package WHERE period = ? AND unit_code = ? AND superseded_by IS NULL')
      .get(manifest.period, manifest.unit.code) as { id: number; generated_at: string } | undefined;
    const older = current !== undefined && current.generated_at > manifest.generatedAt;
    const id = insertPackage(store, data, {
      manifestSha256: sha,
      fileName: req.fileName,
      formatVersion: manifest.formatVersion,
      bankCode: manifest.bank.code,
      bankName: manifest.bank.name,
      unitCode: manifest.unit.code,
      unitName: manifest.unit.name,
      unitLevel: manifest.unit.level,
      period: manifest.period,
      schemeCode: manifest.run.schemeCode,
      schemeVersion: manifest.run.schemeVersion,
      schemeName: manifest.run.schemeName,
      runId: manifest.run.id,
      runStatus: manifest.run.status,
      generatedAt: manifest.generatedAt,
      generatedBy: manifest.generatedBy.user,
      generatedRole: manifest.generatedBy.role,
      signed: report.signature === 'valid' ? 1 : 0,
      importedBy: req.user,
      importedAt: req.now,
      supersededBy: older ? current.id : null,
      supersededAt: older ? req.now : null,
    });
    if (current !== undefined && !older) {
      store.db.prepare('UPDATE consolidation_package SET superseded_by = ?, superseded_at = ? WHERE id = ?').run(id, req.now, current.id);
    }
    return {
      status: older ? ('superseded' as const) : ('imported' as const),
      package: packageInfo(store, id),
      replaced: current !== undefined && !older ? packageInfo(store, current.id) : null,
      warnings,
      report,
    };
  });
}
