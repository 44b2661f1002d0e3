import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellValue, scaledDecimal, templateCells } from '../../electron/report-templates/figures.js';
import type { HeaderValues } from '../../electron/report-templates/figures.js';
import { shiftFormula } from '../../electron/report-templates/formula-shift.js';
import type { ReportId, ReportTable } from '../../shared/reports/report.js';
import { checkMappings, parseCellRef, templateMappingSchema } from '../../shared/reports/template.js';
import type { TemplateMapping, TemplateSheetShape } from '../../shared/reports/template.js';

/** The parts of report templates that are plain functions: exact decimals, figures to cells, mapping checks, formula moves. */
describe('exact decimals from integers', () => {
  it.each([
    [123456, 2, '1234.56'],
    [123450, 2, '1234.5'],
    [123400, 2, '1234'],
    [-5, 2, '-0.05'],
    [0, 2, '0'],
    [7, 4, '0.0007'],
    [1049872309, 6, '1049.872309'],
    [-100, 2, '-1'],
  ])('%d × 10^-%d is %s', (n, places, text) => {
    expect(scaledDecimal(n, places)).toBe(text);
  });

  it('gives back the integer when the decimal point is moved back, for any safe integer (no float on the way)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 8 }), (n, places) => {
        const text = scaledDecimal(n, places);
        expect(text).toMatch(/^-?\d+(\.\d*[1-9])?$/);
        const [int, frac = ''] = text.replace('-', '').split('.');
        const back = BigInt(`${int ?? ''}${frac.padEnd(places, '0')}`) * (text.startsWith('-') ? -1n : 1n);
        expect(back).toBe(BigInt(n));
      }),
    );
  });
});

describe('report values as cell values', () => {
  it('writes each kind in its unit', () => {
    expect(cellValue('fen', 123456, {})).toEqual({ type: 'number', text: '1234.56' });
    expect(cellValue('fen', 123456, { moneyUnit: 'wan' })).toEqual({ type: 'number', text: '0.123456' });
    expect(cellValue('basisPoints', 8764, {})).toEqual({ type: 'number', text: '0.8764' });
    expect(cellValue('basisPoints', 8764, { ratioUnit: 'percent' })).toEqual({ type: 'number', text: '87.64' });
    expect(cellValue('points', 9150, {})).toEqual({ type: 'number', text: '91.5' });
    expect(cellValue('count', 12, {})).toEqual({ type: 'number', text: '12' });
    expect(cellValue('text', '湖南路网点', {})).toEqual({ type: 'text', text: '湖南路网点' });
    expect(cellValue('date', '2026-10-31', {})).toEqual({ type: 'date', iso: '2026-10-31' });
    expect(cellValue('fen', null, {})).toEqual({ type: 'blank' });
    expect(cellValue('count', '合计', {})).toEqual({ type: 'text', text: '合计' });
  });
});

const table = (id: ReportId, rows: Array<Record<string, string | number | null>>, totals: Record<string, number | string | null> | null): ReportTable => ({
  id,
  title: { zh: '客户变动', en: 'Client movement' },
  params: { period: '2026-10' },
  scopeLabel: '南京分行 · 2026-10',
  basis: { zh: '', en: '' },
  columns: [
    { key: 'code', label: { zh: '网点号', en: 'Code' }, kind: 'text' },
    { key: 'endAum', label: { zh: '期末资产', en: 'AUM' }, kind: 'fen' },
    { key: 'rate', label: { zh: '比率', en: 'Rate' }, kind: 'basisPoints' },
  ],
  rows: rows.map((cells) => ({ key: String(cells['code']), cells })),
  totals,
  generatedAt: '2026-11-22T01:00:00.000Z',
});

const HEADER: HeaderValues = { period: '2026-10', periodLabel: '2026年10月', unitName: '南京分行', unitCode: '320100000', asOf: '2026-10-31', generatedAt: '2026-11-22', preparedBy: '主管' };
const m = (cell: string, figure: TemplateMapping['figure']): TemplateMapping => templateMappingSchema.parse({ sheet: 'S', cell, figure });

describe('mappings to cells', () => {
  const movement = table('clientMovement', [{ code: 'O1', endAum: 100, rate: 5000 }, { code: 'O2', endAum: 250, rate: null }, { code: 'O3', endAum: -1, rate: 1 }], { code: '合计', endAum: 349, rate: null });
  const reports = new Map<ReportId, ReportTable>([['clientMovement', movement]]);

  it('spills rows in report order, clears the rest of the block and says when rows were cut', () => {
    const { cells, warnings } = templateCells([m('B3', { kind: 'spill', report: 'clientMovement', columns: ['code', 'endAum'], maxRows: 4 })], reports, HEADER, '2026-10');
    expect(cells.map((c) => [c.cell, c.value])).toEqual([
      ['B3', { type: 'text', text: 'O1' }],
      ['C3', { type: 'number', text: '1' }],
      ['B4', { type: 'text', text: 'O2' }],
      ['C4', { type: 'number', text: '2.5' }],
      ['B5', { type: 'text', text: 'O3' }],
      ['C5', { type: 'number', text: '-0.01' }],
      ['B6', { type: 'blank' }],
      ['C6', { type: 'blank' }],
    ]);
    expect(warnings).toEqual([]);
    const cut = templateCells([m('A1', { kind: 'spill', report: 'clientMovement', columns: ['code'], maxRows: 2 })], reports, HEADER, '2026-10');
    expect(cut.cells.map((c) => c.cell)).toEqual(['A1', 'A2']);
    expect(cut.warnings.map((w) => w.message.en)).toEqual(['Sheet "S", A1: report "Client movement" has 3 rows for 2026-10; only the first 2 were filled']);
  });

  it('takes one value by row key or from the totals, and names what is missing', () => {
    const { cells, warnings } = templateCells(
      [
        m('A1', { kind: 'cell', report: 'clientMovement', rowKey: 'O2', column: 'endAum', moneyUnit: 'wan' }),
        m('A2', { kind: 'total', report: 'clientMovement', column: 'endAum' }),
        m('A3', { kind: 'cell', report: 'clientMovement', rowKey: 'O9', column: 'endAum' }),
        m('A4', { kind: 'cell', report: 'clientMovement', rowKey: 'O1', column: 'gone' }),
        m('A5', { kind: 'header', field: 'asOf' }),
        m('A6', { kind: 'header', field: 'unitName' }),
      ],
      reports,
      HEADER,
      '2026-10',
    );
    expect(cells.map((c) => c.value)).toEqual([
      { type: 'number', text: '0.00025' },
      { type: 'number', text: '3.49' },
      { type: 'blank' },
      { type: 'blank' },
      { type: 'date', iso: '2026-10-31' },
      { type: 'text', text: '南京分行' },
    ]);
    expect(warnings.map((w) => w.cell)).toEqual(['A3', 'A4']);
    expect(warnings[0]?.message.zh).toBe('工作表「S」A3：报表「客户变动」2026-10 没有行 O9（不在数据或您的管辖范围内），留空');
  });
});

describe('checking mappings against a template', () => {
  const sheets: TemplateSheetShape[] = [{ name: 'S', merges: ['A1:D1', 'B3:C4'], arrayFormulas: ['F10:G12'] }];
  const columns = () => table('clientMovement', [], null).columns;

  it('accepts a valid set', () => {
    // B3 is the first cell of the merged B3:C4, so a single value may go there (a spill down from it could not).
    expect(checkMappings([m('A1', { kind: 'header', field: 'period' }), m('B3', { kind: 'total', report: 'clientMovement', column: 'endAum' }), m('B5', { kind: 'spill', report: 'clientMovement', columns: ['code', 'endAum'], maxRows: 5 })], sheets, columns)).toEqual([]);
  });

  it('names each problem by its cell', () => {
    const problems = checkMappings(
      [
        m('B1', { kind: 'header', field: 'period' }),
        m('A5', { kind: 'spill', report: 'clientMovement', columns: ['code', 'endAum', 'rate'], maxRows: 2 }),
        m('C6', { kind: 'total', report: 'clientMovement', column: 'endAum' }),
        m('F11', { kind: 'total', report: 'clientMovement', column: 'nope' }),
        m('A1048570', { kind: 'spill', report: 'clientMovement', columns: ['code'], maxRows: 10 }),
        templateMappingSchema.parse({ sheet: 'T', cell: 'A1', figure: { kind: 'header', field: 'period' } }),
      ],
      sheets,
      columns,
    );
    expect(problems.map((p) => p.text.en)).toEqual([
      'Sheet "S", cell B1: B1 lies inside the merged range A1:D1 and would not show; map A1 instead',
      'Sheet "S", cell C6: writes to a cell the mapping of A5 also writes',
      'Sheet "S", cell F11: report "Client movement" has no column nope',
      'Sheet "S", cell F11: overlaps the array formula F10:G12; Excel does not allow changing part of an array',
      'Sheet "S", cell A1048570: the area A1048570:A1048579 runs past the sheet\'s edge (column XFD, row 1048576)',
      'Sheet "T", cell A1: the template has no sheet "T"',
    ]);
  });

  it('finds a spill running through a merged range below its first cell', () => {
    const p = checkMappings([m('C2', { kind: 'spill', report: 'clientMovement', columns: ['code'], maxRows: 4 })], sheets, columns);
    expect(p.map((x) => x.text.zh)).toEqual(['工作表「S」C2 单元格：C3 位于合并单元格 B3:C4 内，写入的值不会显示；请映射到 B3']);
  });

  it('reads cell references as Excel does', () => {
    expect(parseCellRef('b12')).toEqual({ row: 12, col: 1 });
    expect(parseCellRef('$XFD$1048576')).toEqual({ row: 1048576, col: 16383 });
    expect(parseCellRef('XFE1')).toBeNull();
    expect(parseCellRef('A0')).toBeNull();
    expect(templateMappingSchema.safeParse({ sheet: 'S', cell: 'A1:B2', figure: { kind: 'header', field: 'period' } }).success).toBe(false);
  });
});

describe('moving a formula with its cell', () => {
  it.each([
    ['CODE(B1)', 0, 1, 'CODE(C1)'],
    ['TEXT(B2,"YYYY-MM-DD")', 1, 0, 'TEXT(B3,"YYYY-MM-DD")'],
    ['SUM($A$1:A5)+B$2', 2, 1, 'SUM($A$1:B7)+C$2'],
    ["'My Sheet'!A1+Sheet2!B2", 1, 1, "'My Sheet'!B2+Sheet2!C3"],
    ['SUM(A:A)+SUM(3:4)', 1, 1, 'SUM(B:B)+SUM(4:5)'],
    ['LOG10(A1)*A1', 1, 0, 'LOG10(A2)*A2'],
    ['Table1[Amount]+A1', 0, 2, 'Table1[Amount]+C1'],
    ['A1-1', -1, 0, '#REF!-1'],
    ['"A1"&A1', 0, 1, '"A1"&B1'],
  ])('%s moved by %d rows, %d columns is %s', (formula, dr, dc, expected) => {
    expect(shiftFormula(formula, dr, dc)).toBe(expected);
  });
});
