import fs from 'node:fs';
import path from 'node:path';
import type { EvaluationRunDetail, SchemeVersionInfo } from '../../shared/api/ops/evaluation.js';
import { OUTCOME_LABELS, pointsText } from '../../shared/evaluation/card.js';
import { schemeSchema } from '../../shared/evaluation/scheme.js';
import type { Scheme } from '../../shared/evaluation/scheme.js';
import { parsePeriod, periodRange } from '../../shared/targets/periods.js';
import { localAdminSession } from '../api/types.js';
import { createApp } from '../app.js';
import { AppError } from '../platform/app-error.js';
import { canonicalJson } from '../security/canonical-json.js';
import type { CommonFlags, Flags } from './commands.js';
import { passphraseFromEnv, storeFileOf, unwrap, workerFileOf } from './commands.js';
import type { Output } from './output.js';
import { UsageError } from './output.js';
import { runPackageExport } from './package-commands.js';

/**
 * `branch-workbench evaluate --scheme FILE --period P` and `branch-workbench export --period P --out DIR`: the
 * evaluation from a terminal, through the same operations the app uses (evaluation.saveScheme / compute / run /
 * sheets / workbook), so the CLI's figures are the app's figures.
 */
function periodFlag(flags: Flags): string {
  const period = flags['period'];
  if (typeof period !== 'string' || parsePeriod(period) === null) throw new UsageError('--period takes a period: 2026-10, 2026Q3 or 2026');
  return period;
}

function readScheme(file: string): Scheme {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read the scheme file ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = schemeSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError(
      'INVALID_INPUT',
      { zh: `考核方案文件 ${file} 格式有误：${problems.map((p) => `${p.path} ${p.message}`).join('；')}`, en: `The scheme file ${file} is not valid: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}` },
      { problems },
    );
  }
  return parsed.data;
}

/** The version the period would be computed with: the latest in force on its first day (as schemeInForce picks it). */
function versionInForce(versions: readonly SchemeVersionInfo[], code: string, from: string): SchemeVersionInfo | undefined {
  return versions
    .filter((v) => v.code === code && v.validFrom <= from)
    .sort((a, b) => (a.validFrom === b.validFrom ? b.version - a.version : a.validFrom < b.validFrom ? 1 : -1))[0];
}

function detailLines(d: EvaluationRunDetail, saved: SchemeVersionInfo | null): string[] {
  const r = d.run;
  return [
    ...(saved === null ? [] : [`方案已保存 Scheme saved: ${saved.code} 第 ${saved.version} 版 version ${saved.version}, in force from ${saved.validFrom}`]),
    `考核 Run #${r.id}: ${r.schemeName} (${r.schemeCode} v${r.schemeVersion}) ${r.period} — ${r.managers} managers, ${r.complete} fully scored, status ${r.status}`,
    ...d.cards.map((c) => {
      const rank = c.rankBranch === null ? '—' : `${c.rankBranch}/${c.of.branch}`;
      const outcome = c.outcome === null ? '—' : `${OUTCOME_LABELS[c.outcome].zh} ${OUTCOME_LABELS[c.outcome].en}`;
      return `  ${c.manager.staffNo}  ${c.manager.name}  ${c.manager.outletName}  总分 total ${pointsText(c.total)}  排名 rank ${rank}  ${outcome}${c.bottom ? '  ※ 末位 bottom' : ''}`;
    }),
  ];
}

export async function runEvaluateCommand(common: CommonFlags, flags: Flags, out: Output): Promise<boolean> {
  const file = flags['scheme'];
  if (typeof file !== 'string') throw new UsageError('evaluate needs --scheme FILE (a scheme as JSON, docs/evaluation.md)');
  const period = periodFlag(flags);
  const scheme = readScheme(file);
  const app = createApp({ storeFile: storeFileOf(common), mode: 'cli', workerFile: workerFileOf(), passphrase: passphraseFromEnv(storeFileOf(common)) });
  try {
    const session = localAdminSession();
    const { from } = periodRange(period);
    const current = versionInForce(unwrap(await app.dispatcher.invoke('evaluation.schemes', {}, { session })), scheme.code, from);
    // Same scheme (canonical JSON, defaults filled on both sides): no new version; otherwise the file becomes the
    // version in force from the period's first day, and later versions keep their own periods.
    const same = current !== undefined && canonicalJson(current.scheme) === canonicalJson(scheme);
    const saved = same ? null : unwrap(await app.dispatcher.invoke('evaluation.saveScheme', { scheme, validFrom: from, note: `branch-workbench evaluate ${path.basename(file)}` }, { session }));
    const started = performance.now();
    const run = unwrap(await app.dispatcher.invoke('evaluation.compute', { schemeCode: scheme.code, period }, { session }));
    // The computation alone (the store is open already): what the encryption benchmark compares.
    const computeMs = Math.round(performance.now() - started);
    const detail = unwrap(await app.dispatcher.invoke('evaluation.run', { runId: run.id }, { session }));
    if (saved !== null && out.json) out.note(`scheme ${saved.code} saved as version ${saved.version}, in force from ${saved.validFrom}`);
    out.result({ ...detail, computeMs }, detailLines(detail, saved).join('\n'));
    return true;
  } finally {
    app.close();
  }
}

export async function runExportCommand(common: CommonFlags, flags: Flags, out: Output): Promise<boolean> {
  const dir = flags['out'];
  if (typeof dir !== 'string') throw new UsageError('export needs --out DIR (loose files) or --out FILE.zip (the head-office package)');
  const period = periodFlag(flags);
  // A .zip is the head-office package (docs/export-package.md); a folder gets the loose sheets and workbook.
  if (dir.toLowerCase().endsWith('.zip')) return runPackageExport(common, flags, period, dir, out);
  const code = flags['scheme'];
  if (code !== undefined && typeof code !== 'string') throw new UsageError('--scheme takes a scheme code');
  const app = createApp({ storeFile: storeFileOf(common), mode: 'cli', workerFile: workerFileOf(), passphrase: passphraseFromEnv(storeFileOf(common)) });
  try {
    const session = localAdminSession();
    const runs = unwrap(await app.dispatcher.invoke('evaluation.runs', { limit: 200 }, { session }));
    // Newest first: the latest run of the period (of the scheme, when given).
    const run = runs.find((r) => r.period === period && (code === undefined || r.schemeCode === code));
    if (run === undefined) {
      throw new AppError('NOT_FOUND', {
        zh: `考核期 ${period}${code === undefined ? '' : `（方案 ${code}）`}尚未计算，请先运行 evaluate`,
        en: `No run of ${period}${code === undefined ? '' : ` for scheme ${code}`}; run evaluate first`,
      });
    }
    const pdf = unwrap(await app.dispatcher.invoke('evaluation.sheets', { runId: run.id }, { session }));
    const xlsx = unwrap(await app.dispatcher.invoke('evaluation.workbook', { runId: run.id }, { session }));
    fs.mkdirSync(dir, { recursive: true });
    const files = [pdf, xlsx].map((f) => {
      const target = path.resolve(dir, f.fileName);
      const bytes = Buffer.from(f.base64, 'base64');
      fs.writeFileSync(target, bytes);
      return { file: target, bytes: bytes.length };
    });
    out.result(
      { runId: run.id, schemeCode: run.schemeCode, period: run.period, status: run.status, files },
      [`考核 Run #${run.id} ${run.schemeCode} ${run.period} (${run.status}) exported:`, ...files.map((f) => `  ${f.file}  ${f.bytes} B`)].join('\n'),
    );
    return true;
  } finally {
    // Chromium must be gone before the process can exit.
    await app.services.printer.close();
    app.close();
  }
}
