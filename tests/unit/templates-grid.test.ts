import { describe, expect, it } from 'vitest';
import type { TemplateSheetInfo } from '../../shared/api/ops/templates.js';
import { REPORT_CATALOG } from '../../shared/reports/catalog.js';
import type { TemplateMapping } from '../../shared/reports/template.js';
import { bytesToBase64, figureLabel, gridModel, gridSize, withMapping } from '../../renderer/src/pages/templates/template-grid.js';

/** The template grid of the page: spans of merged ranges, mapped cells and spill blocks, labels, the draft edits. */
const sheet: TemplateSheetInfo = {
  name: '客户变动',
  state: 'visible',
  worksheet: true,
  usedRange: 'A1:H20',
  rows: 20,
  cols: 8,
  merges: ['A1:H1', 'B2:C2'],
  arrayFormulas: [],
  cells: [
    { ref: 'A1', text: '网点客户变动情况月报', formula: false },
    { ref: 'C16', text: '', formula: true },
  ],
  truncated: false,
};
const mappings: TemplateMapping[] = [
  { sheet: '客户变动', cell: 'B2', figure: { kind: 'header', field: 'unitName' } },
  { sheet: '客户变动', cell: 'A6', figure: { kind: 'spill', report: 'clientMovement', columns: ['code', 'name'], maxRows: 30 } },
  { sheet: '填报说明', cell: 'C6', figure: { kind: 'cell', report: 'clientMovement', rowKey: '320115001', column: 'endAum', moneyUnit: 'wan' } },
];

describe('the template grid', () => {
  it('draws merged ranges as one cell and marks mapped cells and spill blocks of this sheet only', () => {
    const g = gridModel(sheet, mappings);
    expect(gridSize(sheet, mappings)).toEqual({ rows: 38, cols: 10 });
    expect([g.rows, g.cols]).toEqual([38, 10]);
    const at = (row: number, col: number) => g.cells[row - 1]?.[col];
    expect(at(1, 0)).toMatchObject({ text: '网点客户变动情况月报', colSpan: 8, rowSpan: 1, covered: false });
    expect(at(1, 5)?.covered).toBe(true);
    expect(at(2, 1)).toMatchObject({ colSpan: 2, mapped: { index: 0, role: 'anchor' } });
    expect(at(2, 2)?.covered).toBe(true);
    expect(at(6, 0)?.mapped).toEqual({ index: 1, role: 'anchor' });
    expect(at(35, 1)?.mapped).toEqual({ index: 1, role: 'area' });
    expect(at(36, 0)?.mapped).toBeNull();
    expect(at(6, 2)?.mapped).toBeNull();
    expect(at(16, 2)).toMatchObject({ formula: true, text: '' });
  });

  it('keeps to its limits on a large sheet', () => {
    expect(gridSize({ ...sheet, rows: 5000, cols: 300 }, [])).toEqual({ rows: 80, cols: 26 });
    expect(gridSize({ ...sheet, rows: 0, cols: 0 }, [])).toEqual({ rows: 15, cols: 8 });
  });

  it('labels figures in both languages', () => {
    expect(mappings.map((m) => figureLabel(m.figure, REPORT_CATALOG, 'zh'))).toEqual(['机构名称', '客户变动 ↓ code、name (≤ 30 行)', '客户变动 · 320115001 · endAum (万元)']);
    expect(figureLabel({ kind: 'total', report: 'contactCoverage', column: 'rate', ratioUnit: 'percent' }, REPORT_CATALOG, 'en')).toBe('Contact-plan coverage · totals · rate (%)');
  });

  it('replaces or removes the mapping of one cell in the draft', () => {
    const moved = withMapping(mappings, '客户变动', 'B2', { kind: 'header', field: 'period' });
    expect(moved.map((m) => `${m.sheet}!${m.cell}:${m.figure.kind}`)).toEqual(['客户变动!A6:spill', '填报说明!C6:cell', '客户变动!B2:header']);
    expect(withMapping(mappings, '填报说明', 'C6', null)).toHaveLength(2);
  });

  it('encodes file bytes as base64 in chunks', () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
