import fs from 'node:fs';
import { parseAssignmentRules } from '../../shared/assignment/rules.js';
import { applyMoves } from '../assignment/assign.js';
import { loadBook } from '../assignment/load-book.js';
import { planAssignment } from '../assignment/rules-engine.js';
import { AppError } from '../platform/app-error.js';
import { systemClock } from '../platform/clock.js';
import { openStore } from '../store/store.js';
import type { CommonFlags, Flags } from './commands.js';
import { passphraseFromEnv, storeFileOf } from './commands.js';
import type { Output } from './output.js';
import { UsageError } from './output.js';

/**
 * `branch-workbench assign --rules FILE [--dry-run]`: plans a rule-based assignment (docs/assignment.md) and, unless
 * --dry-run, applies it from the rules' as-of date as one change (kind 'rules') that `assignment.undo` reverses.
 * Prints the preview: per manager before/after, the moves, warnings, and whether every constraint could be met.
 */
export function runAssignCommand(common: CommonFlags, flags: Flags, out: Output): boolean {
  const file = flags['rules'];
  if (typeof file !== 'string') throw new UsageError('assign needs --rules FILE (JSON, see docs/assignment.md)');
  let rules;
  try {
    rules = parseAssignmentRules(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (e) {
    throw new AppError('INVALID_INPUT', { zh: `规则文件 ${file} 无效：${String(e)}`, en: `The rules file ${file} is invalid: ${String(e)}` });
  }
  const store = openStore(storeFileOf(common), { create: false, passphrase: passphraseFromEnv(storeFileOf(common)) });
  try {
    const started = performance.now();
    const preview = planAssignment(loadBook(store, rules.asOf), rules);
    const planMs = Math.round(performance.now() - started);
    const applied =
      flags['dry-run'] === true
        ? null
        : applyMoves(store, {
            moves: preview.moves.map((m) => ({ clientId: m.clientId, managerId: m.toManagerId })),
            from: rules.asOf,
            kind: 'rules',
            reason: `按规则分配 rules ${file}`,
            user: 'cli',
            now: systemClock.now().toISOString(),
          });
    const lines = [
      `${applied === null ? '预览 Preview' : '已应用 Applied'}: ${preview.selected} clients selected, ${preview.moves.length} moves, ${preview.unplaced.length} unplaced, feasible ${String(preview.feasible)} (${planMs} ms)`,
      ...preview.managers
        .filter((m) => m.clientsBefore !== m.clientsAfter)
        .map((m) => `  #${m.managerId}: clients ${m.clientsBefore} → ${m.clientsAfter}, VIP ${m.vipBefore} → ${m.vipAfter}${m.overCapacity ? ' (over capacity)' : ''}`),
      ...preview.warnings.map((w) => `  ! ${w.message.zh} / ${w.message.en}`),
      ...(applied === null ? [] : [`变更 Change #${String(applied.changeId)}: ${applied.changed} clients moved (undo with assignment.undo)`]),
    ];
    out.result({ preview, planMs, applied }, lines.join('\n'));
    return true;
  } finally {
    store.close();
  }
}
