import { describe, expect, it } from 'vitest';
import { reportHtml, reportOrientation, reportTitle } from '../../electron/print/report-document.js';
import { xlsxCell } from '../../electron/reports/report-xlsx.js';
import { sumOf } from '../../electron/reports/table.js';
import { cellKind, formatReportValue } from '../../shared/reports/format.js';
import type { ReportTable } from '../../shared/reports/report.js';

describe('report values as shown', () => {
  it('formats fen as 元, hundredths as points, basis points as percent, counts with separators — exactly', () => {
    expect(formatReportValue('fen', 123456789)).toBe('1,234,567.89');
    expect(formatReportValue('fen', -5)).toBe('-0.05');
    // 2^53 − 1 fen: no float ever touches it.
    expect(formatReportValue('fen', Number.MAX_SAFE_INTEGER)).toBe('90,071,992,547,409.91');
    expect(formatReportValue('points', 9955)).toBe('99.55');
    expect(formatReportValue('points', -13)).toBe('-0.13');
    expect(formatReportValue('basisPoints', 7251)).toBe('72.51%');
    expect(formatReportValue('basisPoints', -10000)).toBe('-100.00%');
    expect(formatReportValue('count', 1234567)).toBe('1,234,567');
    expect(formatReportValue('count', -1200)).toBe('-1,200');
    expect(formatReportValue('fen', null)).toBe('');
    expect(formatReportValue('text', '合计')).toBe('合计');
  });

  it("uses a row's own kind where it differs from its column's", () => {
    const column = { key: 'target', label: { zh: '任务', en: 'Target' }, kind: 'fen' as const };
    expect(cellKind(column, { kinds: { target: 'count' } })).toBe('count');
    expect(cellKind(column, {})).toBe('fen');
    expect(cellKind(column, null)).toBe('fen');
  });

  it('writes spreadsheet cells as numbers from hundredths, counts whole, text as text', () => {
    expect(xlsxCell('fen', 123456789)).toEqual({ fixed2: 1234567.89 });
    expect(xlsxCell('basisPoints', 7251)).toEqual({ fixed2: 72.51 });
    expect(xlsxCell('points', -13)).toEqual({ fixed2: -0.13 });
    expect(xlsxCell('count', 42)).toBe(42);
    expect(xlsxCell('fen', null)).toBeNull();
    expect(xlsxCell('text', '=1+2')).toBe('=1+2'); // build-xlsx neutralises it when writing (tested there and in reports-output)
  });

  it('sums exactly and refuses a sum a number cannot hold', () => {
    expect(sumOf([{ a: 1 }, { a: 2 }, { a: null }, { a: 'x' }], 'a')).toBe(3);
    expect(() => sumOf([{ a: Number.MAX_SAFE_INTEGER }, { a: 1 }], 'a')).toThrow(/out of range/);
  });
});

const table = (name: string, columns = 3): ReportTable => ({
  id: 'contactCoverage',
  title: { zh: '联系计划覆盖率', en: 'Contact-plan coverage' },
  params: { period: '2026-10' },
  scopeLabel: '南京分行 · 2026-10',
  basis: { zh: '全期', en: 'whole period' },
  columns: [
    { key: 'name', label: { zh: '姓名', en: 'Name' }, kind: 'text' },
    { key: 'n', label: { zh: '计划内客户', en: 'Under a plan' }, kind: 'count' },
    { key: 'rate', label: { zh: '覆盖率', en: 'Coverage' }, kind: 'basisPoints' },
    ...Array.from({ length: Math.max(0, columns - 3) }, (_, i) => ({ key: `x${i}`, label: { zh: `列${i}`, en: `c${i}` }, kind: 'count' as const })),
  ],
  rows: [{ key: 'M1', cells: { name, n: 3, rate: 6667 } }],
  totals: { name: '合计', n: 3, rate: 6667 },
  generatedAt: '2026-11-22T01:00:00.000Z',
  generatedBy: 'admin',
});

describe('the printed report', () => {
  it('escapes every value, right-aligns numbers, prints the totals row and the units in the header', () => {
    const html = reportHtml(table('<script>alert(1)</script>'), { bankName: '示例银行' });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<td class="num">66.67%</td>');
    expect(html).toContain('<tr class="total">');
    expect(html).toContain('覆盖率（%）');
    expect(html).toContain('示例银行');
  });

  it('turns landscape when the table is wide, and names the file after the report, unit and period', () => {
    expect(reportOrientation(table('a'))).toBe('portrait');
    expect(reportOrientation(table('a', 8))).toBe('landscape');
    expect(reportTitle(table('a'))).toBe('联系计划覆盖率_南京分行_2026-10');
  });
});
