import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPORT_KINDS, KIND_FIELDS } from '../../shared/import/kinds.js';
import { suggestMapping } from '../../electron/import/suggest-mapping.js';
import { validateRow } from '../../electron/import/validate-row.js';

const headers = ['客户号', '客户名称', '证件号码', '手机号', '性别', '开户日期', '所属网点'];
const mapping = suggestMapping('clients', headers);

describe('validateRow', () => {
  it('types a good client row', () => {
    const r = validateRow('clients', mapping, headers, 5, ['="C0001"', ' 张三 ', '11010519491231002x', '138 1234 5678', '男', '2026年1月5日', '０１０１']);
    expect(r.errors).toEqual([]);
    expect(r.values).toMatchObject({
      clientNo: 'C0001',
      name: '张三',
      idNo: '11010519491231002X',
      phone: '13812345678',
      gender: 'M',
      openDate: '2026-01-05',
      orgCode: '0101',
    });
  });

  it('names the row, column, value and reason of every bad cell', () => {
    const r = validateRow('clients', mapping, headers, 9, ['', '李四', '110105194912310021', '12345', '未知', '2026-02-30', '']);
    const byField = Object.fromEntries(r.errors.map((e) => [e.field, e]));
    expect(Object.keys(byField).sort()).toEqual(['clientNo', 'gender', 'idNo', 'openDate', 'phone']);
    expect(byField['idNo']).toMatchObject({ record: 9, column: '证件号码', value: '110105194912310021' });
    expect(byField['idNo']?.reason.zh).toContain('校验位');
    expect(byField['clientNo']?.reason.en).toContain('required');
    expect(byField['gender']?.reason.zh).toContain('男');
  });

  it('refuses Excel error values even in text columns', () => {
    const r = validateRow('clients', mapping, headers, 2, ['C1', '#N/A']);
    expect(r.errors[0]).toMatchObject({ field: 'name', value: '#N/A' });
  });

  it('reads 万元 columns and Excel serial dates when told to', () => {
    const h = ['客户号', '产品类型', '时点余额', '数据日期'];
    const m = suggestMapping('balances', h);
    const r = validateRow('balances', m, h, 3, ['C1', '理财', '12.5', '46326'], { amountUnit: 'wan', excelSerialDates: true });
    expect(r.errors).toEqual([]);
    expect(r.values).toMatchObject({ productType: 'wealth', balance: 12500000, asOf: '2026-10-31' });
  });

  it('never throws and reports only mapped fields, for any kind and any cells', () => {
    fc.assert(
      fc.property(fc.constantFrom(...IMPORT_KINDS), fc.array(fc.string(), { maxLength: 12 }), (kind, cells) => {
        const fields = KIND_FIELDS[kind];
        const map = Object.fromEntries(fields.map((f, i) => [f.key, i]));
        const r = validateRow(kind, map, fields.map((f) => f.zh), 1, cells);
        for (const e of r.errors) expect(fields.map((f) => f.key)).toContain(e.field);
        for (const f of fields) if (!r.errors.some((e) => e.field === f.key)) expect(f.key in r.values).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('ID numbers by document type', () => {
  const h = ['客户号', '客户名称', '证件类型', '证件号码'];
  const m = suggestMapping('clients', h);
  it('checks resident IDs by checksum and other documents by shape', () => {
    expect(validateRow('clients', m, h, 2, ['C1', '张三', '居民身份证', '110105194912310021']).errors).toHaveLength(1);
    expect(validateRow('clients', m, h, 3, ['C2', '汤柔', '港澳居民来往内地通行证', 'H87241850']).errors).toEqual([]);
    expect(validateRow('clients', m, h, 4, ['C3', 'Ann', '护照', 'E6101527']).values['idNo']).toBe('E6101527');
    expect(validateRow('clients', m, h, 5, ['C4', 'Bob', '护照', '#$%']).errors[0]?.field).toBe('idNo');
  });
});
