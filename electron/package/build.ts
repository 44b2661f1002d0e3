import crypto from 'node:crypto';
import type { Role } from '../../shared/api/contract.js';
import type { EvaluationRunDetail } from '../../shared/api/ops/evaluation.js';
import type { OrgLevel } from '../../shared/model/org.js';
import { MANIFEST_PATH, PACKAGE_FILES, PACKAGE_FORMAT_VERSION, PACKAGE_KIND, SIGNATURE_ALGORITHM, SIGNATURE_PATH } from '../../shared/package/manifest.js';
import type { ManifestFile, PackageManifest, PackageSignature } from '../../shared/package/manifest.js';
import { evaluationSheets } from '../evaluation/sheet-data.js';
import { evaluationWorkbook } from '../evaluation/workbook.js';
import { toCsv } from '../export/csv.js';
import { AppError } from '../platform/app-error.js';
import { evaluationSheetsDocument } from '../print/evaluation-sheet.js';
import type { PdfPrinter } from '../print/printer.js';
import { seesFullIdentity } from '../security/identity.js';
import type { Store } from '../store/store.js';
import { writeZip } from '../zip/write.js';
import type { ZipMember } from '../zip/write.js';
import { countContent } from './content.js';
import { clientRows, itemRows, managerRows, unitItemRows, unitRows } from './data.js';
import { hmacHex } from './key.js';
import type { PackageKey } from './key.js';

/**
 * Builds the head-office package of a stored evaluation run (docs/export-package.md). The caller has checked that
 * the session may see the run (`detail` comes from runDetail). Given the same run, time and key, everything but
 * the PDF (Chromium stamps its own creation time) comes out byte for byte the same.
 */
export interface PackageAuthor {
  user: string;
  role: Role;
}

export interface BuiltPackage {
  fileName: string;
  bytes: Buffer;
  manifest: PackageManifest;
  manifestSha256: string;
}

interface UnitRow {
  id: number;
  code: string;
  name: string;
  level: OrgLevel;
  parent_id: number | null;
}

function chainOf(store: Store, unitId: number): UnitRow[] {
  const get = store.db.prepare('SELECT id, code, name, level, parent_id FROM org_unit WHERE id = ?');
  const chain: UnitRow[] = [];
  let next: number | null = unitId;
  while (next !== null && chain.length < 16) {
    const row = get.get(next) as UnitRow | undefined;
    if (row === undefined) break;
    chain.push(row);
    next = row.parent_id;
  }
  return chain;
}

/**
 * The unit a run reports for and the bank above it: the run's own org unit (a supervisor's run), else the lowest
 * unit above every evaluated outlet (a branch-wide run: 南京分行 in the demo); the bank is the top of its chain.
 */
export function packageUnits(store: Store, detail: EvaluationRunDetail): { bank: UnitRow; unit: UnitRow } {
  let chain: UnitRow[];
  if (detail.run.orgUnitId !== null) {
    chain = chainOf(store, detail.run.orgUnitId);
  } else {
    const chains = [...new Set(detail.cards.map((c) => c.manager.outletId))].map((id) => chainOf(store, id).reverse());
    const first = chains[0] ?? [];
    let depth = 0;
    while (depth < first.length && chains.every((c) => c[depth]?.id === first[depth]?.id)) depth++;
    chain = first.slice(0, depth).reverse();
    if (chain.length === 0) {
      const root = store.db.prepare('SELECT id FROM org_unit WHERE parent_id IS NULL ORDER BY code LIMIT 1').pluck().get() as number | undefined;
      chain = root === undefined ? [] : chainOf(store, root);
    }
  }
  const unit = chain[0];
  const bank = chain[chain.length - 1];
  if (unit === undefined || bank === undefined) {
    throw new AppError('NOT_FOUND', { zh: '找不到该考核所属的机构', en: 'The org unit of this run cannot be found' });
  }
  return { bank, unit };
}

const sha256 = (data: Uint8Array): string => crypto.createHash('sha256').update(data).digest('hex');

function member(path: string, kind: ManifestFile['kind'], bytes: Uint8Array): ManifestFile {
  const counted = countContent(kind, bytes);
  if (!counted.ok) throw new Error(`package member ${path} cannot be read back: ${counted.reason}`);
  return { path, kind, sha256: sha256(bytes), bytes: bytes.length, rows: counted.rows, ...(counted.sheets === undefined ? {} : { sheets: counted.sheets }) };
}

const safeName = (s: string): string => s.replace(/[\\/:*?"<>|\s]+/g, '_');

export async function buildPackage(
  deps: { store: Store; printer: PdfPrinter },
  detail: EvaluationRunDetail,
  author: PackageAuthor,
  now: Date,
  key: PackageKey | null,
): Promise<BuiltPackage> {
  if (detail.cards.length === 0) {
    throw new AppError('NOT_FOUND', { zh: `考核 #${detail.run.id} 没有任何考核结果，无法生成上报包`, en: `Run #${detail.run.id} has no scorecards to send` });
  }
  const { store } = deps;
  const generatedAt = now.toISOString();
  const { bank, unit } = packageUnits(store, detail);
  const unitRef = { code: unit.code, name: unit.name, level: unit.level };
  const workbook = Buffer.from(evaluationWorkbook(store, detail, now).base64, 'base64');
  const pdf = await deps.printer.print(evaluationSheetsDocument(evaluationSheets(store, detail, author.user, generatedAt)));
  const csv = {
    [PACKAGE_FILES.managers]: toCsv(managerRows(detail)),
    [PACKAGE_FILES.items]: toCsv(itemRows(store, detail)),
    [PACKAGE_FILES.units]: toCsv(unitRows(detail, unitRef)),
    [PACKAGE_FILES.unitItems]: toCsv(unitItemRows(store, detail, unitRef)),
    [PACKAGE_FILES.clients]: toCsv(clientRows(store, detail, author.role)),
  };
  const files: ManifestFile[] = [
    member(PACKAGE_FILES.workbook, 'xlsx', workbook),
    member(PACKAGE_FILES.sheets, 'pdf', pdf),
    ...Object.entries(csv).map(([path, bytes]) => member(path, 'csv', bytes)),
  ];
  const { run } = detail;
  const manifest: PackageManifest = {
    formatVersion: PACKAGE_FORMAT_VERSION,
    kind: PACKAGE_KIND,
    bank: { code: bank.code, name: bank.name },
    unit: unitRef,
    period: run.period,
    run: {
      id: run.id,
      status: run.status,
      schemeCode: run.schemeCode,
      schemeVersion: run.schemeVersion,
      schemeName: run.schemeName,
      computedAt: run.computedAt,
      lockedAt: run.lockedAt,
      managers: detail.cards.length,
    },
    generatedAt,
    generatedBy: { user: author.user, role: author.role },
    identity: seesFullIdentity(author.role) ? 'full' : 'masked',
    files,
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  // Already-compressed members (the workbook is a zip, the PDF's streams are deflated) are stored as they are.
  const members: ZipMember[] = [
    { name: MANIFEST_PATH, data: manifestBytes },
    { name: PACKAGE_FILES.workbook, data: workbook, store: true },
    { name: PACKAGE_FILES.sheets, data: pdf, store: true },
    ...Object.entries(csv).map(([name, data]) => ({ name, data })),
  ];
  if (key !== null) {
    const signature: PackageSignature = { algorithm: SIGNATURE_ALGORITHM, keyId: key.id, hmac: hmacHex(key, manifestBytes) };
    members.push({ name: SIGNATURE_PATH, data: Buffer.from(`${JSON.stringify(signature, null, 2)}\n`, 'utf8') });
  }
  const bytes = writeZip(members, now);
  return { fileName: `上报包-${safeName(unit.code)}-${safeName(run.schemeCode)}-${run.period}.zip`, bytes, manifest, manifestSha256: sha256(manifestBytes) };
}
