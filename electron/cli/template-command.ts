import fs from 'node:fs';
import path from 'node:path';
import { parsePeriod } from '../../shared/targets/periods.js';
import { localAdminSession } from '../api/types.js';
import { createApp } from '../app.js';
import type { CommonFlags, Flags } from './commands.js';
import { passphraseFromEnv, storeFileOf, unwrap, workerFileOf } from './commands.js';
import type { Output } from './output.js';
import { UsageError } from './output.js';

/**
 * `branch-workbench template list` and `branch-workbench template fill --id N --period P [--unit CODE] --out F.xlsx`:
 * report templates (docs/report-templates.md) from a terminal, through the operations the app uses
 * (templates.list / templates.fill), as the administrator; the fill is audited like a download in the app.
 */
export async function runTemplateCommand(common: CommonFlags, flags: Flags, args: readonly string[], out: Output): Promise<boolean> {
  const sub = args[0];
  if (sub !== 'list' && sub !== 'fill') throw new UsageError('template takes a subcommand: template list | template fill --id N --period P [--unit CODE] --out FILE.xlsx');
  const app = createApp({ storeFile: storeFileOf(common), mode: 'cli', workerFile: workerFileOf(), passphrase: passphraseFromEnv(storeFileOf(common)) });
  try {
    const session = localAdminSession();
    if (sub === 'list') {
      const list = unwrap(await app.dispatcher.invoke('templates.list', {}, { session }));
      const lines = list.map((t) => `  #${t.id}  ${t.name}  (${t.fileName}, v${t.version}, ${t.mappings} mapped cells${t.ownerUnitName === null ? '' : `, ${t.ownerUnitName}`})`);
      out.result(list, list.length === 0 ? '没有报表模板 No report templates' : ['报表模板 Report templates:', ...lines].join('\n'));
      return true;
    }
    const id = Number(flags['id']);
    if (typeof flags['id'] !== 'string' || !Number.isInteger(id) || id <= 0) throw new UsageError('template fill needs --id N (see template list)');
    const period = flags['period'];
    if (typeof period !== 'string' || parsePeriod(period) === null) throw new UsageError('--period takes a period: 2026-10, 2026Q3 or 2026');
    const file = flags['out'];
    if (typeof file !== 'string' || !/\.xlsx$/i.test(file)) throw new UsageError('template fill needs --out FILE.xlsx');
    const code = flags['unit'];
    if (code !== undefined && typeof code !== 'string') throw new UsageError('--unit takes an org unit code');
    let orgUnitId: number | undefined;
    if (code !== undefined) {
      orgUnitId = app.services.store.db.prepare('SELECT id FROM org_unit WHERE code = ?').pluck().get(code.trim()) as number | undefined;
      if (orgUnitId === undefined) throw new UsageError(`no org unit with code ${code}`);
    }
    const filled = unwrap(await app.dispatcher.invoke('templates.fill', { id, period, ...(orgUnitId === undefined ? {} : { orgUnitId }) }, { session }));
    const target = path.resolve(file);
    const bytes = Buffer.from(filled.base64, 'base64');
    fs.writeFileSync(target, bytes);
    const warnings = filled.warnings.map((w) => `  ! ${w.message.zh} / ${w.message.en}`);
    out.result(
      { file: target, bytes: bytes.length, cells: filled.cells, warnings: filled.warnings },
      [`报表模板 Template #${id} ${period}${code === undefined ? '' : ` ${code}`} filled: ${target}  ${bytes.length} B, ${filled.cells} cells`, ...warnings].join('\n'),
    );
    return true;
  } finally {
    app.close();
  }
}
