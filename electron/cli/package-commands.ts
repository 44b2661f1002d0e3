import fs from 'node:fs';
import path from 'node:path';
import type { ConsolidatedResults, ConsolidationImportResult } from '../../shared/api/ops/package.js';
import type { EvaluationRunInfo } from '../../shared/api/ops/evaluation.js';
import type { PackageProblem, VerifyReport } from '../../shared/package/manifest.js';
import { localAdminSession } from '../api/types.js';
import type { App } from '../app.js';
import { createApp } from '../app.js';
import { isAppError } from '../platform/app-error.js';
import { verifyPackage } from '../package/verify.js';
import type { CommonFlags, Flags } from './commands.js';
import { passphraseFromEnv, storeFileOf, unwrap, workerFileOf } from './commands.js';
import type { Output } from './output.js';
import { UsageError } from './output.js';

/**
 * The head-office package from a terminal (docs/export-package.md): `export --out FILE.zip` builds one through
 * package.build, `verify PACKAGE` checks one (a pure check of the file: no workspace is opened, so head office can
 * verify without one), `consolidate PACKAGE…` imports packages through consolidation.import and prints the
 * consolidated ranking and institution results.
 */
function readKeyFlag(flags: Flags): string | undefined {
  const file = flags['key'];
  if (file === undefined) return undefined;
  if (typeof file !== 'string') throw new UsageError('--key takes a key file');
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read the key file ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function readPackageFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new UsageError(`cannot read the package ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const problemLine = (p: PackageProblem): string => `  ${p.level === 'error' ? '✗' : '!'} ${p.file ?? '(package)'}: ${p.message.zh} / ${p.message.en}`;

export function reportLines(file: string, r: VerifyReport): string[] {
  const m = r.manifest;
  const head =
    m === null
      ? [`上报包 Package ${file}`]
      : [
          `上报包 Package ${file}`,
          `  ${m.bank.name} › ${m.unit.name}（${m.unit.code}）${m.period} · ${m.run.schemeName}（${m.run.schemeCode} v${m.run.schemeVersion}）run #${m.run.id} ${m.run.status}`,
          `  generated ${m.generatedAt} by ${m.generatedBy.user} (${m.generatedBy.role}), identity ${m.identity}, manifest SHA-256 ${r.manifestSha256 ?? '—'}`,
          ...r.files.map((f) => `  ${f.ok ? '✓' : '✗'} ${f.path}  ${f.bytes} B  ${f.rows ?? '—'} ${f.path.endsWith('.pdf') ? 'pages' : 'rows'}  ${f.sha256.slice(0, 16)}…`),
        ];
  const sig = { valid: '签名有效 signature valid', invalid: '签名无效 signature INVALID', absent: '未签名 not signed', unchecked: '已签名，未校验（未提供密钥）signed, not checked (no key)' }[r.signature];
  const verdict = r.ok ? `校验通过 OK (${sig})` : `校验未通过 FAILED: ${r.problems.filter((p) => p.level === 'error').length} problem(s) (${sig})`;
  return [...head, ...r.problems.map(problemLine), verdict];
}

export function runVerifyCommand(flags: Flags, positionals: string[], out: Output): boolean {
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError('verify takes one package file: verify PACKAGE [--key FILE]');
  const report = verifyPackage(readPackageFile(file), readKeyFlag(flags) ?? null);
  out.result(report, reportLines(file, report).join('\n'));
  return report.ok;
}

function chooseRun(runs: readonly EvaluationRunInfo[], period: string, runFlag: string | boolean | undefined, code: string | undefined): EvaluationRunInfo | undefined {
  if (runFlag === undefined) return runs.find((r) => r.period === period && (code === undefined || r.schemeCode === code));
  const id = Number(runFlag);
  if (typeof runFlag !== 'string' || !Number.isInteger(id) || id <= 0) throw new UsageError('--run takes a run number');
  const run = runs.find((r) => r.id === id);
  if (run !== undefined && run.period !== period) throw new UsageError(`run #${id} is of ${run.period}, not ${period}`);
  return run;
}

/** `export --period P --out FILE.zip [--run N] [--scheme CODE] [--key FILE]`: the package of a run. */
export async function runPackageExport(common: CommonFlags, flags: Flags, period: string, file: string, out: Output): Promise<boolean> {
  const code = flags['scheme'];
  if (code !== undefined && typeof code !== 'string') throw new UsageError('--scheme takes a scheme code');
  const keySecret = readKeyFlag(flags);
  const app = createApp({ storeFile: storeFileOf(common), mode: 'cli', workerFile: workerFileOf(), passphrase: passphraseFromEnv(storeFileOf(common)) });
  try {
    const session = localAdminSession();
    const runs = unwrap(await app.dispatcher.invoke('evaluation.runs', { limit: 200 }, { session }));
    const run = chooseRun(runs, period, flags['run'], code);
    if (run === undefined) throw new UsageError(`no evaluation run of ${period}${flags['run'] === undefined ? '' : ` numbered ${String(flags['run'])}`}; run evaluate first`);
    const built = unwrap(await app.dispatcher.invoke('package.build', { runId: run.id, ...(keySecret === undefined ? {} : { keySecret }) }, { session }));
    const bytes = Buffer.from(built.base64, 'base64');
    const target = path.resolve(file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
    out.result(
      { runId: run.id, period, file: target, bytes: bytes.length, manifestSha256: built.manifestSha256, signed: built.signed },
      `上报包已生成 Package written: ${target}  ${bytes.length} B (run #${run.id} ${run.schemeCode} ${period}, ${built.signed ? 'signed 已签名' : 'not signed 未签名'})\n  manifest SHA-256 ${built.manifestSha256}`,
    );
    return true;
  } finally {
    await app.services.printer.close();
    app.close();
  }
}

function resultLines(r: ConsolidatedResults): string[] {
  const lines = [`汇总 Consolidated ${r.period}: ${r.packages.length} package(s)${r.mixedSchemes ? ' — 注意：各包考核方案不同 schemes differ' : ''}`];
  lines.push('  排名 Ranking:');
  for (const m of r.managers) lines.push(`    ${m.rank ?? '—'}/${m.of}  ${m.staffNo} ${m.name}  ${m.unitName} ${m.outletName}  总分 ${m.total ?? '—'}`);
  lines.push('  机构 Institutions:');
  for (const i of r.institutions) {
    const pad = i.kind === 'outlet' ? '      ' : '    ';
    const figures = i.indicators.map((x) => `${x.name} ${x.actual}/${x.target}${x.unit}`).join('; ');
    lines.push(`${pad}${i.code === '' ? '' : `${i.code} `}${i.name}: ${i.managers} managers, ${i.scored} scored, 总分合计 ${i.totalPoints}, 平均 ${i.averagePoints ?? '—'}${figures === '' ? '' : `; ${figures}`}`);
  }
  return lines;
}

async function importOne(app: App, file: string, keySecret: string | undefined): Promise<ConsolidationImportResult | { error: string; problems: string[] }> {
  const base64 = readPackageFile(file).toString('base64');
  const r = await app.dispatcher.invoke('consolidation.import', { fileName: path.basename(file), base64, ...(keySecret === undefined ? {} : { keySecret }) }, { session: localAdminSession() });
  if (r.ok) return r.value;
  return { error: r.error.message, problems: (r.error.details?.problems ?? []).map((p) => `${p.file ?? '(package)'}: ${p.message}`) };
}

/** `consolidate PACKAGE… [--key FILE]`: import each, then the consolidated results of every period touched. */
export async function runConsolidateCommand(common: CommonFlags, flags: Flags, positionals: string[], out: Output): Promise<boolean> {
  if (positionals.length === 0) throw new UsageError('consolidate takes one or more package files');
  const keySecret = readKeyFlag(flags);
  const app = createApp({ storeFile: storeFileOf(common), mode: 'cli', workerFile: workerFileOf(), passphrase: passphraseFromEnv(storeFileOf(common)) });
  try {
    const imports: Array<{ file: string; result: ConsolidationImportResult | { error: string; problems: string[] } }> = [];
    for (const file of positionals) {
      try {
        imports.push({ file, result: await importOne(app, file, keySecret) });
      } catch (e) {
        if (e instanceof UsageError || isAppError(e)) imports.push({ file, result: { error: e.message, problems: [] } });
        else throw e;
      }
    }
    const periods = [...new Set(imports.flatMap((i) => ('status' in i.result ? [i.result.package.period] : [])))].sort();
    const results = [];
    for (const period of periods) results.push(unwrap(await app.dispatcher.invoke('consolidation.results', { period }, { session: localAdminSession() })));
    const lines = imports.map(({ file, result }) =>
      'status' in result
        ? `${{ imported: '已导入 imported', already_imported: '已导入过，未变化 already imported', superseded: '已导入，但已有更新的包 imported as superseded' }[result.status]}: ${file} → ${result.package.unitName}（${result.package.unitCode}）${result.package.period}${result.replaced === null ? '' : `, replaces package #${result.replaced.id}`}`
        : [`拒绝 REFUSED: ${file}: ${result.error}`, ...result.problems.map((p) => `  ✗ ${p}`)].join('\n'),
    );
    out.result({ imports: imports.map((i) => ({ file: i.file, ...i.result })), results }, [...lines, ...results.flatMap(resultLines)].join('\n'));
    return imports.every((i) => 'status' in i.result);
  } finally {
    app.close();
  }
}
