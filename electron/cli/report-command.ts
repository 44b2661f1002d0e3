import fs from 'node:fs';
import { REPORT_CATALOG } from '../../shared/reports/catalog.js';
import { cellKind, formatReportValue } from '../../shared/reports/format.js';
import { REPORT_IDS } from '../../shared/reports/report.js';
import type { ReportId, ReportTable } from '../../shared/reports/report.js';
import { parsePeriod } from '../../shared/targets/periods.js';
import { localAdminSession } from '../api/types.js';
import { createApp } from '../app.js';
import type { CommonFlags, Flags } from './commands.js';
import { passphraseFromEnv, storeFileOf, unwrap, workerFileOf } from './commands.js';
import type { Output } from './output.js';
import { UsageError } from './output.js';

/**
 * `branch-workbench report --id ID --period P [--unit CODE] [--pdf F.pdf] [--xlsx F.xlsx] [--json]`: one standard
 * report (docs/reports.md) through the same operations the app uses (reports.view / reports.pdf / reports.xlsx, each
 * export audited), as the administrator.
 */
const isReportId = (v: string): v is ReportId => (REPORT_IDS as readonly string[]).includes(v);

function tableLines(t: ReportTable): string[] {
  const line = (cells: string[]): string => cells.join('\t');
  const lines = [`${t.title.zh} ${t.title.en} · ${t.scopeLabel}`, `${t.basis.zh}`, line(t.columns.map((c) => c.label.zh))];
  for (const r of t.rows) lines.push(line(t.columns.map((c) => formatReportValue(cellKind(c, r), r.cells[c.key] ?? null))));
  const totals = t.totals;
  if (totals !== null) lines.push(line(t.columns.map((c) => formatReportValue(c.kind, totals[c.key] ?? null))));
  if (t.detail != null) lines.push(`${t.detail.title.zh}: ${t.detail.truncated?.total ?? t.detail.rows.length} (--json / --xlsx for the list)`);
  return lines;
}

export async function runReportCommand(common: CommonFlags, flags: Flags, out: Output): Promise<boolean> {
  const id = flags['id'];
  if (typeof id !== 'string' || !isReportId(id)) {
    throw new UsageError(`report needs --id, one of:\n${REPORT_CATALOG.map((e) => `  ${e.id.padEnd(18)} ${e.title.zh} — ${e.description.zh}`).join('\n')}`);
  }
  const period = flags['period'];
  if (typeof period !== 'string' || parsePeriod(period) === null) throw new UsageError('--period takes a period: 2026-10, 2026Q3 or 2026');
  const unit = flags['unit'];
  const pdf = flags['pdf'];
  const xlsx = flags['xlsx'];
  if (unit !== undefined && typeof unit !== 'string') throw new UsageError('--unit takes an org unit code');
  if ((pdf !== undefined && typeof pdf !== 'string') || (xlsx !== undefined && typeof xlsx !== 'string')) throw new UsageError('--pdf and --xlsx take a file name');
  const app = createApp({ storeFile: storeFileOf(common), mode: 'cli', workerFile: workerFileOf(), passphrase: passphraseFromEnv(storeFileOf(common)) });
  try {
    const session = localAdminSession();
    let orgUnitId: number | undefined;
    if (unit !== undefined) {
      orgUnitId = app.services.store.db.prepare('SELECT id FROM org_unit WHERE code = ?').pluck().get(unit.trim()) as number | undefined;
      if (orgUnitId === undefined) throw new UsageError(`no org unit with code ${unit}`);
    }
    const request = { id, period, ...(orgUnitId === undefined ? {} : { orgUnitId }) };
    const table = unwrap(await app.dispatcher.invoke('reports.view', request, { session }));
    const written: string[] = [];
    if (pdf !== undefined) {
      fs.writeFileSync(pdf, Buffer.from(unwrap(await app.dispatcher.invoke('reports.pdf', request, { session })).base64, 'base64'));
      written.push(pdf);
    }
    if (xlsx !== undefined) {
      fs.writeFileSync(xlsx, Buffer.from(unwrap(await app.dispatcher.invoke('reports.xlsx', request, { session })).base64, 'base64'));
      written.push(xlsx);
    }
    out.result({ ...table, files: written }, [...tableLines(table), ...written.map((f) => `已写入 Written: ${f}`)].join('\n'));
    return true;
  } finally {
    // Chromium must be gone before the process can exit.
    await app.services.printer.close();
    app.close();
  }
}
