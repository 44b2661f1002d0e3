import crypto from 'node:crypto';
import type { LocalizedText } from '../../shared/i18n/locale.js';
import { MANIFEST_PATH, PACKAGE_FORMAT_VERSION, SIGNATURE_PATH, manifestSchema, signatureSchema } from '../../shared/package/manifest.js';
import type { ManifestFile, PackageManifest, PackageProblem, ProblemCode, SignatureState, VerifiedFile, VerifyReport } from '../../shared/package/manifest.js';
import { countContent, kindOfPath } from './content.js';
import type { Counted } from './content.js';
import { hmacHex, parseKeyFile } from './key.js';
import type { PackageKey } from './key.js';
import { isSafeZipPath, readZip } from './zip-read.js';
import type { ZipEntry } from './zip-read.js';

/**
 * Checks a package (docs/export-package.md) from its bytes alone and reports every problem with the member it
 * concerns: the archive, unsafe or duplicate entry names, damaged members, the manifest (missing, not JSON, not
 * the format), members missing or not listed, size / SHA-256 / row-count mismatches, and the signature. Sizes,
 * hashes and counts are computed from the members themselves; the manifest only says what they should be.
 * Pure: no store, no clock, no file system.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true });
const sha256 = (data: Uint8Array): string => crypto.createHash('sha256').update(data).digest('hex');

class Problems {
  readonly list: PackageProblem[] = [];
  add(code: ProblemCode, file: string | null, zh: string, en: string, level: 'error' | 'warning' = 'error'): void {
    this.list.push({ code, level, file, message: { zh, en } satisfies LocalizedText });
  }
}

function readManifest(entry: ZipEntry | undefined, problems: Problems): PackageManifest | null {
  if (entry === undefined) {
    problems.add('manifest_missing', MANIFEST_PATH, '上报包中没有 manifest.json（清单）', 'The package has no manifest.json');
    return null;
  }
  if (entry.data === null) return null; // already reported as damaged
  let raw: unknown;
  try {
    raw = JSON.parse(utf8.decode(entry.data));
  } catch (e) {
    problems.add('manifest_invalid', MANIFEST_PATH, `manifest.json 不是有效的 JSON：${String(e)}`, `manifest.json is not valid JSON: ${String(e)}`);
    return null;
  }
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > PACKAGE_FORMAT_VERSION) {
    problems.add('manifest_version', MANIFEST_PATH, `清单格式版本 ${version} 高于本程序支持的 ${PACKAGE_FORMAT_VERSION}，请升级`, `Format version ${version} is newer than ${PACKAGE_FORMAT_VERSION}, the newest this version reads; upgrade`);
    return null;
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    problems.add('manifest_invalid', MANIFEST_PATH, `manifest.json 内容不符合格式：${where}`, `manifest.json does not follow the format: ${where}`);
    return null;
  }
  return parsed.data;
}

function listedProblems(files: readonly ManifestFile[], problems: Problems): Set<string> {
  const listed = new Set<string>();
  for (const f of files) {
    if (!isSafeZipPath(f.path)) problems.add('unsafe_path', f.path, `清单列出了不安全的路径 ${f.path}`, `The manifest lists an unsafe path ${f.path}`);
    if (listed.has(f.path)) problems.add('manifest_invalid', f.path, `清单重复列出 ${f.path}`, `The manifest lists ${f.path} twice`);
    if (f.path === MANIFEST_PATH || f.path === SIGNATURE_PATH) problems.add('manifest_invalid', f.path, `清单不应列出 ${f.path}`, `The manifest must not list ${f.path}`);
    if (kindOfPath(f.path) !== f.kind) problems.add('manifest_invalid', f.path, `${f.path} 的类型应为其扩展名（清单写的是 ${f.kind}）`, `${f.path}: the kind must follow its extension (the manifest says ${f.kind})`);
    listed.add(f.path);
  }
  return listed;
}

function sheetsText(sheets: ReadonlyArray<{ name: string; rows: number }> | undefined): string {
  return (sheets ?? []).map((s) => `${s.name}:${s.rows}`).join(', ');
}

function checkMember(f: ManifestFile, entry: ZipEntry, problems: Problems): VerifiedFile {
  const data = entry.data as Buffer;
  const actual = { bytes: data.length, sha256: sha256(data) };
  let ok = true;
  if (actual.bytes !== f.bytes) {
    ok = false;
    problems.add('size_mismatch', f.path, `${f.path} 大小为 ${actual.bytes} 字节，清单记录为 ${f.bytes} 字节`, `${f.path} is ${actual.bytes} bytes; the manifest says ${f.bytes}`);
  }
  if (actual.sha256 !== f.sha256) {
    ok = false;
    problems.add('hash_mismatch', f.path, `${f.path} 的 SHA-256 与清单不符（文件已被改动或损坏）`, `${f.path}: SHA-256 differs from the manifest (changed or damaged)`);
  }
  const counted: Counted = countContent(f.kind, data);
  if (!counted.ok) {
    problems.add('content_unreadable', f.path, `无法读取 ${f.path}：${counted.reason}`, `${f.path} cannot be read: ${counted.reason}`);
    return { path: f.path, ...actual, rows: null, ok: false };
  }
  const unit = f.kind === 'pdf' ? { zh: '页', en: 'pages' } : { zh: '行', en: 'rows' };
  if (counted.rows !== f.rows) {
    ok = false;
    problems.add('rows_mismatch', f.path, `${f.path} 有 ${counted.rows} ${unit.zh}，清单记录为 ${f.rows} ${unit.zh}`, `${f.path} has ${counted.rows} ${unit.en}; the manifest says ${f.rows}`);
  } else if (f.kind === 'xlsx' && sheetsText(counted.sheets) !== sheetsText(f.sheets)) {
    ok = false;
    problems.add('rows_mismatch', f.path, `${f.path} 各工作表行数为 ${sheetsText(counted.sheets)}，清单记录为 ${sheetsText(f.sheets)}`, `${f.path} sheets hold ${sheetsText(counted.sheets)}; the manifest says ${sheetsText(f.sheets)}`);
  }
  return { path: f.path, ...actual, rows: counted.rows, ok };
}

function checkSignature(sigEntry: ZipEntry | undefined, manifestEntry: ZipEntry | undefined, key: PackageKey | null, problems: Problems): SignatureState {
  if (sigEntry === undefined) {
    if (key !== null) problems.add('signature_missing', SIGNATURE_PATH, '已提供密钥，但上报包没有签名（manifest.sig）', 'A key was given but the package is not signed (no manifest.sig)');
    return 'absent';
  }
  if (sigEntry.data === null) return 'invalid';
  let sig;
  try {
    sig = signatureSchema.safeParse(JSON.parse(utf8.decode(sigEntry.data)));
  } catch {
    sig = null;
  }
  if (sig === null || !sig.success) {
    problems.add('signature_invalid', SIGNATURE_PATH, 'manifest.sig 格式无效', 'manifest.sig is not a valid signature file');
    return 'invalid';
  }
  if (key === null) {
    problems.add('signature_unchecked', SIGNATURE_PATH, `上报包已签名（密钥编号 ${sig.data.keyId}），但未提供密钥，签名未校验`, `The package is signed (key id ${sig.data.keyId}) but no key was given: the signature was not checked`, 'warning');
    return 'unchecked';
  }
  if (manifestEntry?.data === null || manifestEntry?.data === undefined) return 'invalid';
  if (sig.data.keyId !== key.id) {
    problems.add('signature_invalid', SIGNATURE_PATH, `签名所用密钥（编号 ${sig.data.keyId}）不是所提供的密钥（编号 ${key.id}）`, `Signed with key ${sig.data.keyId}, not with the key given (${key.id})`);
    return 'invalid';
  }
  const expected = Buffer.from(hmacHex(key, manifestEntry.data), 'hex');
  if (!crypto.timingSafeEqual(expected, Buffer.from(sig.data.hmac, 'hex'))) {
    problems.add('signature_invalid', SIGNATURE_PATH, '签名与 manifest.json 不符：清单在签名后被改动', 'The signature does not match manifest.json: the manifest changed after signing');
    return 'invalid';
  }
  return 'valid';
}

/** `keyText`: the head-office key file's text (see key.ts); absent: the signature, if any, is reported unchecked. */
export function verifyPackage(bytes: Uint8Array, keyText?: string | null): VerifyReport {
  const problems = new Problems();
  let key: PackageKey | null = null;
  if (keyText !== undefined && keyText !== null) {
    const parsed = parseKeyFile(keyText);
    if (parsed.ok) key = parsed.key;
    else problems.add('key_invalid', null, `密钥无效：${parsed.message.zh}`, `The key is not usable: ${parsed.message.en}`);
  }
  const zip = readZip(bytes);
  if (zip.fatal !== null) {
    problems.add('zip_unreadable', null, `无法作为 zip 读取：${zip.fatal}`, `Not readable as a zip archive: ${zip.fatal}`);
    return { ok: false, manifestSha256: null, manifest: null, signature: 'absent', files: [], problems: problems.list };
  }
  for (const issue of zip.issues) {
    if (issue.kind === 'unsafe_path') problems.add('unsafe_path', issue.name, `条目路径不安全（含 .. 、绝对路径或盘符）：${issue.name}`, `Unsafe entry path (.., absolute or a drive): ${issue.name}`);
    else if (issue.kind === 'duplicate') problems.add('duplicate_entry', issue.name, `条目重复：${issue.name}`, `Duplicate entry: ${issue.name}`);
    else problems.add('entry_corrupt', issue.name, `${issue.name} 已损坏：${issue.detail.zh}`, `${issue.name} is damaged: ${issue.detail.en}`);
  }
  const byName = new Map<string, ZipEntry>();
  for (const e of zip.entries) if (!e.directory && !byName.has(e.name)) byName.set(e.name, e);
  const manifestEntry = byName.get(MANIFEST_PATH);
  const manifest = readManifest(manifestEntry, problems);
  const files: VerifiedFile[] = [];
  const listed = manifest === null ? new Set<string>() : listedProblems(manifest.files, problems);
  for (const f of manifest?.files ?? []) {
    const entry = byName.get(f.path);
    if (entry === undefined) {
      problems.add('file_missing', f.path, `清单列出的 ${f.path} 不在上报包中`, `${f.path} is listed in the manifest but not in the package`);
    } else if (entry.data !== null) {
      files.push(checkMember(f, entry, problems));
    }
  }
  for (const [name, entry] of byName) {
    if (name === MANIFEST_PATH || name === SIGNATURE_PATH || listed.has(name)) continue;
    if (manifest !== null) problems.add('file_unlisted', name, `${name} 不在清单中（多出的文件）`, `${name} is not listed in the manifest (an extra file)`);
    if (entry.data !== null) files.push({ path: name, bytes: entry.data.length, sha256: sha256(entry.data), rows: null, ok: false });
  }
  const signature = checkSignature(byName.get(SIGNATURE_PATH), manifestEntry, key, problems);
  const manifestSha256 = manifestEntry?.data === null || manifestEntry === undefined ? null : sha256(manifestEntry.data);
  return { ok: problems.list.every((p) => p.level !== 'error'), manifestSha256, manifest, signature, files, problems: problems.list };
}
