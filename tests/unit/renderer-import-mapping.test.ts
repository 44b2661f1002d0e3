import { describe, expect, it } from 'vitest';
import { KIND_FIELDS } from '../../shared/import/kinds.js';
import { fieldLabel, fieldsByColumn, mappingRows, missingRequired, setFieldColumn, sharedColumns } from '../../renderer/src/pages/import/mapping.js';

describe('import mapping edits', () => {
  it('maps and un-maps a field without touching the others', () => {
    const m = { clientNo: 0, name: 1 };
    expect(setFieldColumn(m, 'orgCode', 8)).toEqual({ clientNo: 0, name: 1, orgCode: 8 });
    expect(setFieldColumn(m, 'name', null)).toEqual({ clientNo: 0 });
    expect(setFieldColumn(m, 'name', 3)).toEqual({ clientNo: 0, name: 3 });
    expect(m).toEqual({ clientNo: 0, name: 1 });
  });

  it('lists the required fields without a column', () => {
    expect(missingRequired('clients', {})).toEqual(['clientNo', 'name']);
    expect(missingRequired('clients', { clientNo: 0, name: 0 })).toEqual([]);
    expect(missingRequired('balances', { clientNo: 0 })).toEqual(['productType', 'balance']);
  });

  it('points out a column feeding several fields', () => {
    expect([...sharedColumns({ a: 1, b: 1, c: 2 })]).toEqual([[1, ['a', 'b']]]);
    const rows = mappingRows('clients', { clientNo: 0, name: 0 });
    expect(rows.map((r) => r.field.key)).toEqual(KIND_FIELDS.clients.map((f) => f.key));
    expect(rows.find((r) => r.field.key === 'clientNo')?.sharedWith).toEqual(['name']);
    expect(rows.find((r) => r.field.key === 'orgCode')).toMatchObject({ column: null, sharedWith: [] });
  });

  it('labels columns with the fields they feed, in either language', () => {
    const byColumn = fieldsByColumn('clients', { clientNo: 0, idNo: 3 });
    expect(byColumn.get(3)?.map((f) => f.zh)).toEqual(['证件号码']);
    expect(byColumn.has(1)).toBe(false);
    expect(fieldLabel('clients', 'orgCode', 'zh-CN')).toBe('所属网点');
    expect(fieldLabel('clients', 'orgCode', 'en')).toBe('Outlet code');
    expect(fieldLabel('clients', 'nope', 'en')).toBe('nope');
  });
});
