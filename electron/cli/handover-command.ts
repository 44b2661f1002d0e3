import fs from 'node:fs';
import { formatFen } from '../../shared/model/money.js';
import type { HandoverPlan } from '../../shared/assignment/handover.js';
import { localAdminSession } from '../api/types.js';
import { createApp } from '../app.js';
import type { CommonFlags, Flags } from './commands.js';
import { passphraseFromEnv, storeFileOf, unwrap, workerFileOf } from './commands.js';
import type { Output } from './output.js';
import { UsageError } from './output.js';

/**
 * `branch-workbench handover --manager NO --to NO[,NO…] --from DATE [--dry-run] [--pdf FILE] [--tolerance PCT]
 * [--include-on-leave] [--reason TEXT]`: hands a leaving manager's clients and open tasks to colleagues through the
 * same operations the app uses (handover.plan / handover.apply / handover.sheet), and prints the 移交清单 as PDF.
 */
export async function runHandoverCommand(common: CommonFlags, flags: Flags, out: Output): Promise<boolean> {
  const leaving = flags['manager'];
  const to = flags['to'];
  const from = flags['from'];
  if (typeof leaving !== 'string' || typeof to !== 'string') throw new UsageError('handover needs --manager STAFF_NO and --to STAFF_NO[,STAFF_NO…]');
  if (typeof from !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(from)) throw new UsageError('handover needs --from YYYY-MM-DD (the first day the receivers hold the clients)');
  const tolerance = flags['tolerance'];
  if (tolerance !== undefined && (typeof tolerance !== 'string' || !/^\d+(\.\d+)?$/.test(tolerance))) throw new UsageError('--tolerance takes a percentage, e.g. 10');
  const pdf = flags['pdf'];
  if (pdf !== undefined && typeof pdf !== 'string') throw new UsageError('--pdf takes a file name');
  const app = createApp({ storeFile: storeFileOf(common), mode: 'cli', workerFile: workerFileOf(), passphrase: passphraseFromEnv(storeFileOf(common)) });
  try {
    const session = localAdminSession();
    const idOf = (staffNo: string): number => {
      const id = app.services.store.db.prepare('SELECT id FROM manager WHERE staff_no = ?').pluck().get(staffNo.trim()) as number | undefined;
      if (id === undefined) throw new UsageError(`no manager with staff number ${staffNo}`);
      return id;
    };
    const request = {
      managerId: idOf(leaving),
      receiverIds: to.split(',').filter((s) => s.trim() !== '').map(idOf),
      from,
      includeOnLeave: flags['include-on-leave'] === true,
      ...(tolerance === undefined ? {} : { tolerancePct: Number(tolerance) }),
      ...(typeof flags['reason'] === 'string' ? { reason: flags['reason'] } : {}),
    };
    const dryRun = flags['dry-run'] === true;
    const applied = dryRun ? null : unwrap(await app.dispatcher.invoke('handover.apply', request, { session }));
    const plan = applied?.plan ?? unwrap(await app.dispatcher.invoke('handover.plan', request, { session }));
    if (pdf !== undefined) {
      const sheet = unwrap(await app.dispatcher.invoke('handover.sheet', applied?.changeId != null ? { changeId: applied.changeId } : { draft: request }, { session }));
      fs.writeFileSync(pdf, Buffer.from(sheet.base64, 'base64'));
    }
    out.result({ plan, applied: applied === null ? null : { changeId: applied.changeId, changed: applied.changed, tasksMoved: applied.tasksMoved }, pdf: pdf ?? null }, planLines(plan, applied, pdf).join('\n'));
    return true;
  } finally {
    // Chromium must be gone before the process can exit.
    await app.services.printer.close();
    app.close();
  }
}

function planLines(plan: HandoverPlan, applied: { changeId: number | null; changed: number; tasksMoved: number } | null, pdf: string | undefined): string[] {
  return [
    `${applied === null ? '预览 Preview' : '已移交 Handed over'}: ${plan.leaving.name} (${plan.leaving.code}) from ${plan.from} — ${plan.totals.clients} clients, ${formatFen(plan.totals.aumFen, { withUnit: true })}, ${plan.totals.tasks} open tasks, ${plan.totals.unplaced} unplaced`,
    ...plan.receivers.map((r) => `  → ${r.name} (${r.code}): +${r.clientsReceived} clients (${r.clientsBefore} → ${r.clientsAfter}), +${r.tasksReceived} tasks`),
    ...plan.warnings.map((w) => `  ! ${w.message.zh} / ${w.message.en}`),
    ...(applied === null ? [] : [`变更 Change #${String(applied.changeId)}: ${applied.changed} clients, ${applied.tasksMoved} tasks moved (undo with assignment.undo)`]),
    ...(pdf === undefined ? [] : [`移交清单 Sheet: ${pdf}`]),
  ];
}
