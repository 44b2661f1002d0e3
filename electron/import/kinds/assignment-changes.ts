import type { BatchContext, KindAdapter, KindSession, RowProblem } from './types.js';
import { str, unknownClient } from './field-values.js';
import { SeenKeys, duplicateProblem, managerIdsByStaffNo } from './lookups.js';

interface Span {
  id: number;
  manager_id: number;
  valid_from: string;
  valid_to: string | null;
}

const managerProblem = (field: string, staffNo: string): RowProblem => ({
  field,
  reason: { zh: `客户经理号“${staffNo}”不存在，请先导入客户经理`, en: `Manager number “${staffNo}” is unknown; import the roster first` },
});

/**
 * 管户变更: handovers, each "client C passed from manager F to manager T on day D". The row is checked against
 * the stored primary-assignment history and fills in what is missing:
 * - F's span still runs through D: it is closed on D and T's span begins on D (a handover after the client file);
 * - T's span begins on D and nothing covers the day before: F's span is rebuilt, from 原管户起始日期, else the end
 *   of the client's previous span, else the open date (the client file knows only the current manager);
 * - both spans already meet on D: unchanged.
 * Anything else contradicts the stored history and is reported, never overwritten. All writes belong to one
 * assignment change of this batch, so a rollback removes them together.
 */
function begin(ctx: BatchContext): KindSession {
  const db = ctx.store.db;
  const managerIds = managerIdsByStaffNo(ctx.store);
  const seen = new SeenKeys();
  const clientOf = db.prepare('SELECT id, open_date FROM client WHERE client_no = ?');
  const spans = db.prepare("SELECT id, manager_id, valid_from, valid_to FROM assignment WHERE client_id = ? AND role = 'primary' ORDER BY valid_from");
  const staffNoOf = db.prepare('SELECT staff_no FROM manager WHERE id = ?').pluck();
  const close = db.prepare('UPDATE assignment SET valid_to = ? WHERE id = ?');
  const insert = db.prepare("INSERT INTO assignment (client_id, manager_id, role, share_bp, valid_from, valid_to, change_id) VALUES (?, ?, 'primary', 10000, ?, ?, ?)");
  let changeId: number | null = null;
  const change = (): number => {
    changeId ??= Number(
      db
        .prepare("INSERT INTO assignment_change (kind, reason, created_by, created_at, batch_id) VALUES ('import', ?, ?, ?, ?)")
        .run('管户变更导入 assignment-change import', ctx.userName, ctx.now, ctx.batchId).lastInsertRowid,
    );
    return changeId;
  };
  const heldBy = (span: Span): string => (staffNoOf.get(span.manager_id) as string | undefined) ?? `#${span.manager_id}`;

  return {
    apply(record, values) {
      const clientNo = str(values['clientNo']) ?? '';
      const fromNo = str(values['fromManagerNo']) ?? '';
      const toNo = str(values['toManagerNo']) ?? '';
      const day = str(values['changeDate']) ?? '';
      const first = seen.firstRecord(`${clientNo}|${day}`, record);
      if (first !== null) return { problems: [duplicateProblem('changeDate', `${clientNo} ${day}`, first)] };
      const problems: RowProblem[] = [];
      const client = clientOf.get(clientNo) as { id: number; open_date: string | null } | undefined;
      if (client === undefined) problems.push(unknownClient(clientNo));
      const from = managerIds.get(fromNo);
      if (from === undefined) problems.push(managerProblem('fromManagerNo', fromNo));
      const to = managerIds.get(toNo);
      if (to === undefined) problems.push(managerProblem('toManagerNo', toNo));
      if (fromNo === toNo) problems.push({ field: 'toManagerNo', reason: { zh: '新旧客户经理相同', en: 'The previous and new managers are the same' } });
      if (problems.length > 0 || client === undefined || from === undefined || to === undefined) return { problems };

      const all = spans.all(client.id) as Span[];
      const before = all.find((s) => s.valid_from < day && (s.valid_to === null || s.valid_to >= day));
      const on = all.find((s) => s.valid_from <= day && (s.valid_to === null || s.valid_to > day));
      const conflict = (field: string, span: Span, zh: string, en: string): { problems: RowProblem[] } => ({
        problems: [{ field, reason: { zh: `${zh}已记录由客户经理 ${heldBy(span)} 管户（${span.valid_from} 起），与文件不符`, en: `${en} the stored history has manager ${heldBy(span)} (from ${span.valid_from}), not the file's` } }],
      });

      if (before !== undefined) {
        if (before.manager_id !== from) return conflict('fromManagerNo', before, `${day} 之前`, `Before ${day}`);
        if (on !== undefined && on.id !== before.id) {
          return on.manager_id === to && before.valid_to === day ? { outcome: 'unchanged' } : conflict('toManagerNo', on, `${day} 当天`, `On ${day}`);
        }
        // F's span runs through D: split it.
        if (ctx.batchId !== null) {
          ctx.undo('assignment', 'update', String(before.id), { valid_to: before.valid_to });
          close.run(day, before.id);
          insert.run(client.id, to, day, before.valid_to, change());
        }
        return { outcome: 'update' };
      }
      if (on !== undefined && (on.manager_id !== to || on.valid_from !== day)) return conflict('toManagerNo', on, `${day} 当天`, `On ${day}`);

      // Nothing covers the day before D: rebuild F's span up to D.
      const previousEnd = all.filter((s) => s.valid_to !== null && s.valid_to < day).map((s) => s.valid_to as string).pop();
      const since = str(values['fromSince']) ?? previousEnd ?? client.open_date;
      if (since === null || since >= day) {
        return { problems: [{ field: 'fromSince', reason: { zh: `无法确定原客户经理的管户起始日期（须早于 ${day}）`, en: `The previous manager's start date is unknown or not before ${day}` } }] };
      }
      const overlap = all.find((s) => s.valid_from < day && (s.valid_to === null || s.valid_to > since));
      if (overlap !== undefined) return conflict('fromSince', overlap, `${since} 至 ${day} 期间`, `Between ${since} and ${day}`);
      const next = all.find((s) => s.valid_from > day);
      if (ctx.batchId !== null) {
        insert.run(client.id, from, since, day, change());
        if (on === undefined) insert.run(client.id, to, day, next?.valid_from ?? null, change());
      }
      return { outcome: on === undefined ? 'insert' : 'update' };
    },
  };
}

export const assignmentChangesAdapter: KindAdapter = { kind: 'assignments', snapshot: false, begin };
