import { AppError } from '../../platform/app-error.js';
import type { ManagerPeriodRow as PeriodRow } from '../../org/queries.js';
import type { BatchContext, KindAdapter, KindSession, RowProblem } from './types.js';
import { num, str, unknownOrg } from './field-values.js';
import { SeenKeys, duplicateProblem, orgIdsByCode } from './lookups.js';



/** HR files write the last day a row applies (inclusive); the store keeps [from, to). */
function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * 客户经理花名册: the person keyed on the staff number, each row one effective-dated period keyed on its start
 * date. A row without a start date states the roster as of the batch date: when it differs from the period in
 * force, that period is closed and a new one begins — so any past date still shows who was where.
 */
function begin(ctx: BatchContext): KindSession {
  const db = ctx.store.db;
  const orgIds = orgIdsByCode(ctx.store);
  const seen = new SeenKeys();
  const touched = new Set<number>();
  const findManager = db.prepare('SELECT id, name, phone, hired_on, batch_id FROM manager WHERE staff_no = ?');
  const insertManager = db.prepare('INSERT INTO manager (staff_no, name, phone, hired_on, batch_id) VALUES (?, ?, ?, ?, ?)');
  const findPeriod = db.prepare('SELECT * FROM manager_period WHERE manager_id = ? AND valid_from = ?');
  const openBefore = db.prepare('SELECT * FROM manager_period WHERE manager_id = ? AND valid_to IS NULL AND valid_from < ?');
  const insertPeriod = db.prepare(
    `INSERT INTO manager_period (manager_id, valid_from, valid_to, org_unit_id, grade, type, status, max_clients, max_vip_clients, batch_id)
     VALUES (@manager_id, @valid_from, @valid_to, @org_unit_id, @grade, @type, @status, @max_clients, @max_vip_clients, @batch_id)`,
  );
  const today = ctx.asOf ?? ctx.now.slice(0, 10);

  return {
    apply(record, values) {
      const staffNo = str(values['staffNo']) ?? '';
      const explicitFrom = str(values['validFrom']);
      const validFrom = explicitFrom ?? today;
      const first = seen.firstRecord(`${staffNo}|${validFrom}`, record);
      if (first !== null) return { problems: [duplicateProblem('validFrom', `${staffNo} ${validFrom}`, first)] };
      const problems: RowProblem[] = [];
      const orgCode = str(values['orgCode']) ?? '';
      const orgUnitId = orgIds.get(orgCode);
      if (orgUnitId === undefined) problems.push(unknownOrg(orgCode));
      const lastDay = str(values['validTo']);
      const validTo = lastDay === null ? null : dayAfter(lastDay);
      if (validTo !== null && validTo <= validFrom) problems.push({ field: 'validTo', reason: { zh: '失效日期早于生效日期', en: 'Valid-to is before valid-from' } });
      if (problems.length > 0 || orgUnitId === undefined) return { problems };

      let outcome: 'insert' | 'update' | 'unchanged' = 'unchanged';
      const person = findManager.get(staffNo) as { id: number; name: string; phone: string | null; hired_on: string | null; batch_id: number | null } | undefined;
      let managerId = person?.id ?? null;
      if (person === undefined) {
        outcome = 'insert';
        if (ctx.batchId !== null) managerId = Number(insertManager.run(staffNo, str(values['name']), str(values['phone']), str(values['hiredOn']), ctx.batchId).lastInsertRowid);
      } else {
        const next: Record<string, string | null> = {};
        if (str(values['name']) !== person.name) next['name'] = str(values['name']);
        if (ctx.mapped.has('phone') && str(values['phone']) !== person.phone) next['phone'] = str(values['phone']);
        if (ctx.mapped.has('hiredOn') && str(values['hiredOn']) !== person.hired_on) next['hired_on'] = str(values['hiredOn']);
        if (Object.keys(next).length > 0) {
          outcome = 'update';
          if (ctx.batchId !== null) {
            const { id: _id, ...before } = person;
            ctx.undo('manager', 'update', staffNo, before);
            db.prepare(`UPDATE manager SET ${Object.keys(next).map((c) => `${c} = @${c}`).join(', ')}, batch_id = @batch_id WHERE id = @id`).run({ ...next, batch_id: ctx.batchId, id: person.id });
          }
        }
      }
      const period = {
        manager_id: managerId,
        valid_from: validFrom,
        valid_to: validTo,
        org_unit_id: orgUnitId,
        grade: str(values['grade']),
        type: str(values['type']),
        status: str(values['status']) ?? 'active',
        max_clients: num(values['maxClients']),
        max_vip_clients: num(values['maxVipClients']),
        batch_id: ctx.batchId,
      };
      const existing = managerId === null ? undefined : (findPeriod.get(managerId, validFrom) as PeriodRow | undefined);
      if (existing === undefined) {
        const open = managerId === null ? undefined : (openBefore.get(managerId, validFrom) as PeriodRow | undefined);
        // A dateless row that restates the period in force changes nothing.
        const restates =
          explicitFrom === null &&
          open !== undefined &&
          open.org_unit_id === period.org_unit_id &&
          open.grade === period.grade &&
          open.type === period.type &&
          open.status === period.status &&
          (!ctx.mapped.has('maxClients') || open.max_clients === period.max_clients) &&
          (!ctx.mapped.has('maxVipClients') || open.max_vip_clients === period.max_vip_clients);
        if (!restates) {
          if (outcome === 'unchanged') outcome = person === undefined ? 'insert' : 'update';
          if (ctx.batchId !== null && managerId !== null) {
            if (open !== undefined) {
              ctx.undo('manager_period', 'update', String(open.id), { valid_to: open.valid_to });
              db.prepare('UPDATE manager_period SET valid_to = ? WHERE id = ?').run(validFrom, open.id);
            }
            insertPeriod.run(period);
          }
        }
      } else {
        const changed = (['valid_to', 'org_unit_id', 'grade', 'type', 'status', 'max_clients', 'max_vip_clients'] as const).some((c) => existing[c] !== period[c]);
        if (changed) {
          if (outcome === 'unchanged') outcome = 'update';
          if (ctx.batchId !== null) {
            const { id: _id, ...before } = existing;
            ctx.undo('manager_period', 'update', String(existing.id), before);
            db.prepare(
              `UPDATE manager_period SET valid_to = @valid_to, org_unit_id = @org_unit_id, grade = @grade, type = @type, status = @status,
                 max_clients = @max_clients, max_vip_clients = @max_vip_clients, batch_id = @batch_id WHERE id = @id`,
            ).run({ ...period, id: existing.id });
          }
        }
      }
      if (managerId !== null) touched.add(managerId);
      return { outcome };
    },
    finish() {
      if (ctx.batchId === null || touched.size === 0) return;
      const overlap = db
        .prepare(
          `SELECT m.staff_no AS staffNo, a.valid_from AS a, b.valid_from AS b FROM manager_period a
           JOIN manager_period b ON b.manager_id = a.manager_id AND b.id > a.id
           JOIN manager m ON m.id = a.manager_id
           WHERE a.valid_from < coalesce(b.valid_to, '9999-12-31') AND b.valid_from < coalesce(a.valid_to, '9999-12-31') LIMIT 1`,
        )
        .get() as { staffNo: string; a: string; b: string } | undefined;
      if (overlap !== undefined) {
        throw new AppError('IMPORT_INVALID', {
          zh: `客户经理 ${overlap.staffNo} 的任职期间重叠（${overlap.a} 与 ${overlap.b} 起的两段），未导入任何数据`,
          en: `Manager ${overlap.staffNo} has overlapping periods (from ${overlap.a} and from ${overlap.b}); nothing was imported`,
        });
      }
    },
  };
}

export const managersAdapter: KindAdapter = { kind: 'managers', snapshot: false, begin };
