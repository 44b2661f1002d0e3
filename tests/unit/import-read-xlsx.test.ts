import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellText, readXlsx } from '../../electron/import/read-xlsx.js';
import type { RawRow } from '../../electron/import/read-delimited.js';
import { REAL } from '../helpers/real-data.js';

const EXCEL = path.join(REAL, 'excel');

async function rowsOf(file: string, sheet?: string | number): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const b of readXlsx(path.join(EXCEL, file), sheet === undefined ? {} : { sheet })) out.push(...b);
  return out;
}

describe('cellText', () => {
  it('renders the values a sheet can hold', () => {
    expect(cellText(1234.56 + 1e-12)).toBe('1234.56');
    expect(cellText(0.30000000000000004)).toBe('0.3');
    expect(cellText(42)).toBe('42');
    expect(cellText(new Date(Date.UTC(2026, 9, 31)))).toBe('2026-10-31');
    expect(cellText(new Date(Date.UTC(2025, 11, 3, 14, 6, 51)))).toBe('2025-12-03 14:06:51');
    expect(cellText({ richText: [{ text: '张' }, { text: '三' }] })).toBe('张三');
    expect(cellText({ formula: 'A1*2', result: 4 })).toBe('4');
    expect(cellText({ error: '#N/A' } as never)).toBe('#N/A');
    expect(cellText(null)).toBe('');
  });
});

describe('readXlsx on the Excel corpus', () => {
  it('reads the 1904 date system as the dates Excel shows', async () => {
    const rows = await rowsOf('1904_1904.xlsx');
    expect(rows[0]?.cells.slice(0, 3)).toEqual(['1', '1904-01-02', '1904-01-02']);
    expect(rows[1]?.cells[1]).toBe('1904-01-12');
  });

  it('keeps merged title cells as their top-left value and empty neighbours', async () => {
    const rows = await rowsOf('merge_cells.xlsx');
    expect(rows[0]?.cells[0]).toBe('A1:B2');
    expect(rows[0]?.cells[1]).toBe('');
  });

  it('reports Excel error values as their codes', async () => {
    const rows = await rowsOf('ErrorTypes.xlsx');
    expect(rows[1]?.cells[0]).toBe('#NULL!');
    expect(rows[2]?.cells[0]).toBe('#DIV/0!');
  });

  it('chooses a sheet by name or position and refuses a missing one', async () => {
    const byName = await rowsOf('formula_stress_test.xlsx', 'Logical');
    expect(byName[0]?.cells[0]).toBe('Singletons');
    const byIndex = await rowsOf('formula_stress_test.xlsx', 1);
    expect(byIndex[0]?.cells[0]).toBe('Singletons');
    await expect(rowsOf('formula_stress_test.xlsx', 'Nope')).rejects.toThrow(/not found/);
  });

  it('streams a large shared-string workbook', async () => {
    let cells = 0;
    for (const sheet of [0, 1, 2]) {
      const rows = await rowsOf('large_strings.xlsx', sheet);
      expect(rows.every((r) => r.record > 0)).toBe(true);
      cells += rows.reduce((n, r) => n + r.cells.filter((c) => c !== '').length, 0);
    }
    expect(cells).toBeGreaterThan(10_000);
  });
});
