import { nameInitials as initials } from '../../clients/initials.js';
import type { BatchContext, KindAdapter, KindSession, Outcome, RowProblem } from './types.js';
import { rebuildOrgBalances } from '../../org/org-balance.js';
import { sqliteCode } from '../../store/sqlite.js';
import { deferIndexes } from './bulk-indexes.js';
import { str as text, unknownManager, unknownOrg } from './field-values.js';
import { SeenKeys, duplicateProblem, managerIdsByStaffNo, orgIdsByCode } from './lookups.js';

interface ClientRow {
  id: number;
  name: string;
  id_type: string | null;
  id_no: string | null;
  phone: string | null;
  gender: string | null;
  birth_date: string | null;
  open_date: string | null;
  org_unit_id: number | null;
  batch_id: number | null;
  name_initials: string | null;
}

/** Field key → client column, for the fields a client file may carry. */
const COLUMNS = {
  name: 'name',
  idType: 'id_type',
  idNo: 'id_no',
  phone: 'phone',
  gender: 'gender',
  birthDate: 'birth_date',
  openDate: 'open_date',
} as const;

type Column = (typeof COLUMNS)[keyof typeof COLUMNS] | 'org_unit_id';


/**
 * 客户基本信息: matched on the client number only. New numbers are inserted; known ones are updated in the
 * mapped columns (the rest keep their values); a 客户经理号 column moves the primary assignment, effective on
 * the batch's as-of date, with the previous one closed — all undone together with the batch.
 */
function begin(ctx: BatchContext): KindSession {
  const db = ctx.store.db;
  const orgIds = orgIdsByCode(ctx.store);
  const managerIds = managerIdsByStaffNo(ctx.store);
  const empty = (db.prepare('SELECT NOT EXISTS (SELECT 1 FROM client) AS e').get() as { e: number }).e === 1;
  // A first load into an empty table lets the UNIQUE index catch repeats: a million-key map costs ~100 MB.
  const seen = empty && ctx.batchId !== null ? null : new SeenKeys();
  const rebuildIndexes = empty && ctx.batchId !== null ? deferIndexes(db, 'client') : null;
  const find = db.prepare('SELECT id, name, id_type, id_no, phone, gender, birth_date, open_date, org_unit_id, batch_id, name_initials FROM client WHERE client_no = ?');
  const insert = db.prepare(
    `INSERT INTO client (client_no, name, name_initials, id_type, id_no, phone, gender, birth_date, open_date, org_unit_id, batch_id)
     VALUES (@clientNo, @name, @initials, @idType, @idNo, @phone, @gender, @birthDate, @openDate, @orgUnitId, @batchId)`,
  );
  const currentPrimary = db.prepare(
    `SELECT id, manager_id, valid_from, valid_to FROM assignment
     WHERE client_id = ? AND role = 'primary' AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) LIMIT 1`,
  );
  const closeAssignment = db.prepare('UPDATE assignment SET valid_to = ? WHERE id = ?');
  const insertAssignment = db.prepare(
    `INSERT INTO assignment (client_id, manager_id, role, share_bp, valid_from, valid_to, change_id) VALUES (?, ?, 'primary', 10000, ?, NULL, ?)`,
  );
  const effective = ctx.asOf ?? ctx.now.slice(0, 10);
  let movedOutlet = false;
  let changeId: number | null = null;
  const assignmentChange = (): number => {
    changeId ??= Number(
      db
        .prepare("INSERT INTO assignment_change (kind, reason, created_by, created_at, batch_id) VALUES ('import', ?, ?, ?, ?)")
        .run('客户信息导入 client import', ctx.userName, ctx.now, ctx.batchId).lastInsertRowid,
    );
    return changeId;
  };

  /** Moves the primary assignment to `managerId`; returns whether anything changes (writes only when committing). */
  const assign = (clientId: number | null, managerId: number, openDate: string | null, assignedOn: string | null): boolean => {
    const current =
      clientId === null ? undefined : (currentPrimary.get(clientId, effective, effective) as { id: number; manager_id: number; valid_from: string; valid_to: string | null } | undefined);
    if (current?.manager_id === managerId) return false;
    // A same-day reassignment is a supervisor's decision, not an import's.
    if (current !== undefined && current.valid_from === effective) return false;
    if (ctx.batchId === null || clientId === null) return true;
    // The file's 管户日期 when it gives one (never after the batch date, never before the assignment it replaces).
    let from = assignedOn !== null && assignedOn <= effective ? assignedOn : effective;
    if (current !== undefined) {
      if (from <= current.valid_from) from = effective;
      ctx.undo('assignment', 'update', String(current.id), { valid_to: current.valid_to });
      closeAssignment.run(from, current.id);
    } else if (assignedOn === null && openDate !== null && openDate < effective) {
      from = openDate;
    }
    insertAssignment.run(clientId, managerId, from, assignmentChange());
    return true;
  };

  return {
    apply(record, values) {
      const clientNo = text(values['clientNo']) ?? '';
      const first = seen === null ? null : seen.firstRecord(clientNo, record);
      if (first !== null) return { problems: [duplicateProblem('clientNo', clientNo, first)] };
      const problems: RowProblem[] = [];
      let orgUnitId: number | null = null;
      const orgCode = text(values['orgCode']);
      if (orgCode !== null) {
        orgUnitId = orgIds.get(orgCode) ?? null;
        if (orgUnitId === null) problems.push(unknownOrg(orgCode));
      }
      let managerId: number | null = null;
      const managerNo = text(values['managerNo']);
      if (managerNo !== null) {
        managerId = managerIds.get(managerNo) ?? null;
        if (managerId === null) problems.push(unknownManager(managerNo));
      }
      if (problems.length > 0) return { problems };

      const existing = empty ? undefined : (find.get(clientNo) as ClientRow | undefined);
      let outcome: Outcome;
      let clientId: number | null = existing?.id ?? null;
      if (existing === undefined) {
        outcome = 'insert';
        if (ctx.batchId !== null) {
          const name = text(values['name']) ?? '';
          let result;
          try {
            result = insert.run({
              clientNo,
              name,
              initials: initials(name),
              idType: text(values['idType']),
              idNo: text(values['idNo']),
              phone: text(values['phone']),
              gender: text(values['gender']),
              birthDate: text(values['birthDate']),
              openDate: text(values['openDate']),
              orgUnitId,
              batchId: ctx.batchId,
            });
          } catch (e) {
            if (sqliteCode(e) === 'SQLITE_CONSTRAINT_UNIQUE') return { problems: [{ field: 'clientNo', reason: { zh: `客户号“${clientNo}”与本文件中前面的行重复`, en: `Client number “${clientNo}” repeats an earlier row of this file` } }] };
            throw e;
          }
          clientId = Number(result.lastInsertRowid);
        }
      } else {
        const next: Partial<Record<Column, string | number | null>> = {};
        for (const [field, column] of Object.entries(COLUMNS) as Array<[string, Column]>) {
          if (ctx.mapped.has(field) && text(values[field]) !== existing[column as keyof ClientRow]) next[column] = text(values[field]);
        }
        if (ctx.mapped.has('orgCode') && orgUnitId !== existing.org_unit_id) {
          next.org_unit_id = orgUnitId;
          movedOutlet = true;
        }
        outcome = Object.keys(next).length === 0 ? 'unchanged' : 'update';
        if (outcome === 'update' && ctx.batchId !== null) {
          const { id: _id, ...before } = existing;
          ctx.undo('client', 'update', clientNo, before);
          const sets = Object.keys(next).map((c) => `${c} = @${c}`);
          if ('name' in next) sets.push('name_initials = @name_initials');
          db.prepare(`UPDATE client SET ${sets.join(', ')}, batch_id = @batch_id WHERE id = @id`).run({
            ...next,
            ...('name' in next ? { name_initials: initials(String(next.name ?? '')) } : {}),
            batch_id: ctx.batchId,
            id: existing.id,
          });
        }
      }
      if (managerId !== null && assign(clientId, managerId, text(values['openDate']), text(values['assignedOn'])) && outcome === 'unchanged') outcome = 'update';
      return { outcome };
    },
    finish() {
      rebuildIndexes?.();
      // Clients that changed outlet take their balances with them in the per-outlet sums.
      if (movedOutlet && ctx.batchId !== null) rebuildOrgBalances(ctx.store);
    },
  };
}

export const clientsAdapter: KindAdapter = { kind: 'clients', snapshot: false, begin };
