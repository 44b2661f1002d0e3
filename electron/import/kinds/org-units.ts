import type { BatchContext, KindAdapter, KindSession, RowProblem } from './types.js';
import { str } from './field-values.js';
import { SeenKeys, duplicateProblem, orgIdsByCode } from './lookups.js';

interface OrgRow {
  id: number;
  name: string;
  level: string;
  parent_id: number | null;
  head_name: string | null;
  address: string | null;
  phone: string | null;
  batch_id: number | null;
}

const COLUMNS = { name: 'name', level: 'level', headName: 'head_name', address: 'address', phone: 'phone' } as const;

/** 机构: keyed on the org code; a parent must already exist or come earlier in the same file. */
function begin(ctx: BatchContext): KindSession {
  const db = ctx.store.db;
  const ids = orgIdsByCode(ctx.store);
  const inFile = new Set<string>();
  const seen = new SeenKeys();
  const find = db.prepare('SELECT id, name, level, parent_id, head_name, address, phone, batch_id FROM org_unit WHERE code = ?');
  const insert = db.prepare('INSERT INTO org_unit (code, name, level, parent_id, head_name, address, phone, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  return {
    apply(record, values) {
      const code = str(values['code']) ?? '';
      const first = seen.firstRecord(code, record);
      if (first !== null) return { problems: [duplicateProblem('code', code, first)] };
      const parentCode = str(values['parentCode']);
      const problems: RowProblem[] = [];
      if (parentCode === code) problems.push({ field: 'parentCode', reason: { zh: '上级机构不能是自己', en: 'An org unit cannot be its own parent' } });
      else if (parentCode !== null && !ids.has(parentCode) && !inFile.has(parentCode)) {
        problems.push({ field: 'parentCode', reason: { zh: `上级机构“${parentCode}”不存在（上级须已导入或在本文件中排在前面）`, en: `Parent “${parentCode}” is unknown (it must exist or come earlier in this file)` } });
      }
      if (problems.length > 0) return { problems };
      inFile.add(code);
      const parentId = parentCode === null ? null : (ids.get(parentCode) ?? null);
      const existing = find.get(code) as OrgRow | undefined;
      if (existing === undefined) {
        if (ctx.batchId !== null) {
          const id = Number(insert.run(code, str(values['name']), str(values['level']), parentId, str(values['headName']), str(values['address']), str(values['phone']), ctx.batchId).lastInsertRowid);
          ids.set(code, id);
        }
        return { outcome: 'insert' };
      }
      const next: Record<string, string | number | null> = {};
      for (const [field, column] of Object.entries(COLUMNS)) if (ctx.mapped.has(field) && str(values[field]) !== existing[column]) next[column] = str(values[field]);
      if (ctx.mapped.has('parentCode') && parentId !== existing.parent_id) next['parent_id'] = parentId;
      if (Object.keys(next).length === 0) return { outcome: 'unchanged' };
      if (ctx.batchId !== null) {
        const { id: _id, ...before } = existing;
        ctx.undo('org_unit', 'update', code, before);
        db.prepare(`UPDATE org_unit SET ${Object.keys(next).map((c) => `${c} = @${c}`).join(', ')}, batch_id = @batch_id WHERE id = @id`).run({ ...next, batch_id: ctx.batchId, id: existing.id });
      }
      return { outcome: 'update' };
    },
  };
}

export const orgUnitsAdapter: KindAdapter = { kind: 'org_units', snapshot: false, begin };
