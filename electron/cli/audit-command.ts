import fs from 'node:fs';
import path from 'node:path';
import type { AuditVerifyReport } from '../../shared/api/ops/audit.js';
import { createApp } from '../app.js';
import { localAdminSession } from '../api/types.js';
import { openStore } from '../store/store.js';
import type { CommonFlags, Flags } from './commands.js';
import { passphraseFromEnv, storeFileOf, unwrap, workerFileOf } from './commands.js';
import type { Output } from './output.js';
import { UsageError } from './output.js';

const REASON_ZH = { 'hash mismatch': '内容与哈希不符（记录被修改）', 'chain break': '链条断开（记录被删除、移动或截断）' } as const;

/** The one-line verdict; exported for the tests of its wording. */
export function verifyMessage(r: AuditVerifyReport): string {
  if (r.firstBroken === undefined) return `审计链完整 Audit chain intact: ${r.entries} entries${r.head === null ? '' : `, head #${r.head.id}`}`;
  const { id, reason } = r.firstBroken;
  const where = r.head !== null && id > r.lastId && id <= r.head.id ? ` (the log ends at #${r.lastId}, the head records #${r.head.id})` : '';
  return `审计链已损坏：第 ${id} 条${REASON_ZH[reason]}\nAudit chain broken at entry #${id}: ${reason}${where}`;
}

/**
 * `branch-workbench audit verify | export --out FILE.xlsx`. Verify exits 0 when the chain is intact and 1 (with the
 * first broken entry on stderr) when not; both go through the same operations as the viewer.
 * Returns whether the command succeeded.
 */
export async function runAuditCommand(common: CommonFlags, flags: Flags, args: string[], out: Output): Promise<boolean> {
  const sub = args[0];
  if (sub !== 'verify' && sub !== 'export') throw new UsageError('audit takes a subcommand: verify | export --out FILE.xlsx');
  if (args.length > 1) throw new UsageError(`unexpected argument: ${args[1]}`);
  const outFile = flags['out'];
  if (sub === 'export' && (typeof outFile !== 'string' || !outFile.toLowerCase().endsWith('.xlsx'))) throw new UsageError('audit export needs --out FILE.xlsx');
  const storeFile = storeFileOf(common);
  // create: false, so verifying a mistyped path fails instead of making an empty (and "intact") workspace there.
  const store = openStore(storeFile, { create: false, passphrase: passphraseFromEnv(storeFile) });
  const app = createApp({ storeFile, store, mode: 'cli', workerFile: workerFileOf() });
  try {
    const session = localAdminSession();
    if (sub === 'verify') {
      const report = unwrap(await app.dispatcher.invoke('audit.verify', {}, { session }));
      const message = verifyMessage(report);
      if (report.ok) out.result(report, message);
      else {
        if (out.json) out.result(report, message);
        process.stderr.write(`${message}\n`);
      }
      return report.ok;
    }
    const file = unwrap(await app.dispatcher.invoke('audit.export', {}, { session }));
    const target = path.resolve(outFile as string);
    fs.writeFileSync(target, Buffer.from(file.base64, 'base64'));
    out.result({ file: target, bytes: fs.statSync(target).size }, `审计日志已导出 Audit log exported to ${target}`);
    return true;
  } finally {
    app.close();
  }
}
