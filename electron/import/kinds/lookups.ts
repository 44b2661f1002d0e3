import type { Store } from '../../store/store.js';

/** Code → id of every org unit, for resolving 所属网点 columns. */
export function orgIdsByCode(store: Store): Map<string, number> {
  const rows = store.db.prepare('SELECT id, code FROM org_unit').all() as Array<{ id: number; code: string }>;
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Staff number → id of every manager. */
export function managerIdsByStaffNo(store: Store): Map<string, number> {
  const rows = store.db.prepare('SELECT id, staff_no FROM manager').all() as Array<{ id: number; staff_no: string }>;
  return new Map(rows.map((r) => [r.staff_no, r.id]));
}

/** Tracks natural keys seen in this file so a repeated key is an error on the second row, never a silent merge. */
export class SeenKeys {
  private readonly seen = new Map<string, number>();

  /** The record that first held `key`, or null (and remembers this one). */
  firstRecord(key: string, record: number): number | null {
    const first = this.seen.get(key);
    if (first !== undefined) return first;
    this.seen.set(key, record);
    return null;
  }
}

export function duplicateProblem(field: string, key: string, first: number): { field: string; reason: { zh: string; en: string } } {
  return { field, reason: { zh: `“${key}”与第 ${first} 行重复`, en: `“${key}” repeats row ${first}` } };
}
