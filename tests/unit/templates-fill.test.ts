import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../electron/import/read-delimited.js';
import { readXlsx } from '../../electron/import/read-xlsx.js';
import { fromBytes } from '../../electron/import/source-file.js';
import type { FillCell } from '../../electron/report-templates/fill-xlsx.js';
import { fillXlsx } from '../../electron/report-templates/fill-xlsx.js';
import { inspectTemplate } from '../../electron/report-templates/inspect-xlsx.js';
import { CellRefusedError } from '../../electron/report-templates/sheet-edit.js';
import { openTemplatePackage } from '../../electron/report-templates/workbook-package.js';
import { readCentralDirectory } from '../../electron/zip/central-directory.js';
import { handmadeXlsx } from '../fixtures/xlsx/handmade.js';
import { REAL } from '../helpers/real-data.js';

/**
 * The template filler on workbooks written by other programs (SheetJS's test files: Excel for Mac, Excel 2016+, a
 * streaming writer; tests/fixtures/real/ATTRIBUTION.md): values land in the mapped cells as the import reader and
 * exceljs read them, and everything else stays as the writing program left it — compared part by part, and for
 * the sheets written, as the original XML with exactly the expected cells substituted.
 */
const EXCEL = path.join(REAL, 'excel');
const load = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(EXCEL, name)));
const parts = (bytes: Uint8Array): Record<string, string> => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));

async function rowsOf(bytes: Uint8Array, sheet: string): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const b of readXlsx(fromBytes('filled.xlsx', bytes), { sheet })) out.push(...b);
  return out;
}
const cellOf = (rows: RawRow[], row: number, col: number): string | undefined => rows.find((r) => r.record === row)?.cells[col];

async function excelOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(bytes).buffer);
  return wb;
}

/** Compressed entries (name → raw local bytes) of the archive, to prove untouched parts are copied, not re-deflated. */
const rawEntries = (bytes: Uint8Array): Map<string, Buffer> => new Map(readCentralDirectory(bytes).entries.map((e) => [e.name, Buffer.from(e.local)]));

function expectUntouched(before: Uint8Array, after: Uint8Array, changed: readonly string[], dropped: readonly string[] = []): void {
  const a = rawEntries(before);
  const b = rawEntries(after);
  expect([...b.keys()]).toEqual([...a.keys()].filter((k) => !dropped.includes(k)));
  for (const [name, raw] of a) {
    if (changed.includes(name) || dropped.includes(name)) continue;
    expect(b.get(name)?.equals(raw), name).toBe(true);
  }
}

describe('filling merge_cells.xlsx (Excel for Mac: merges, styled empty cells, shared strings, a thumbnail)', () => {
  const before = load('merge_cells.xlsx');
  const cells: FillCell[] = [
    { sheet: 'Merge', cell: 'A1', value: { type: 'text', text: '南京分行营业部' } },
    { sheet: 'Merge', cell: 'C3', value: { type: 'number', text: '1234.56' } },
    { sheet: 'Merge', cell: 'D3', value: { type: 'text', text: '=SUM(A1:A9)' } },
    { sheet: 'Merge', cell: 'B6', value: { type: 'number', text: '-0.05' } },
    { sheet: 'Merge', cell: 'A5', value: { type: 'text', text: '网点' } },
  ];
  const result = fillXlsx(before, cells);

  it('changes the sheet and the workbook part only, copying every other entry with its compressed bytes', () => {
    expect(result.changedParts.sort()).toEqual(['xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expectUntouched(before, result.bytes, ['xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
  });

  it('is the original sheet XML with exactly these cells substituted or inserted', () => {
    const original = parts(before)['xl/worksheets/sheet1.xml'] ?? '';
    const filled = parts(result.bytes)['xl/worksheets/sheet1.xml'] ?? '';
    // A1 keeps its style s="1" and becomes an inline string; C3 (a shared string, no style) a number; D3 is new in
    // row 3 after C3 and is neutralised; rows 5 and 6 are new, after row 4, in order; the dimension grows to D6.
    const expected = original
      .replace('<dimension ref="A1:D4"/>', '<dimension ref="A1:D6"/>')
      .replace('<c r="A1" s="1" t="s"><v>0</v></c>', '<c r="A1" s="1" t="inlineStr"><is><t>南京分行营业部</t></is></c>')
      .replace('<c r="C3" t="s"><v>3</v></c>', `<c r="C3"><v>1234.56</v></c><c r="D3" t="inlineStr"><is><t>'=SUM(A1:A9)</t></is></c>`)
      .replace('<c r="B4" s="1"/></row>', '<c r="B4" s="1"/></row><row r="5"><c r="A5" t="inlineStr"><is><t>网点</t></is></c></row><row r="6"><c r="B6"><v>-0.05</v></c></row>');
    expect(filled).not.toBe(original);
    expect(filled).toBe(expected);
  });

  it('asks Excel to recalculate on open and changes nothing else in the workbook part', () => {
    const original = parts(before)['xl/workbook.xml'] ?? '';
    const filled = parts(result.bytes)['xl/workbook.xml'] ?? '';
    expect(filled).toBe(original.replace('<calcPr calcId="140000" concurrentCalc="0"/>', '<calcPr calcId="140000" concurrentCalc="0" fullCalcOnLoad="1"/>'));
  });

  it('reads back through the import reader and exceljs, merges and styles intact', async () => {
    const rows = await rowsOf(result.bytes, 'Merge');
    expect(cellOf(rows, 1, 0)).toBe('南京分行营业部');
    expect(cellOf(rows, 3, 2)).toBe('1234.56');
    expect(cellOf(rows, 3, 3)).toBe("'=SUM(A1:A9)");
    expect(cellOf(rows, 5, 0)).toBe('网点');
    expect(cellOf(rows, 6, 1)).toBe('-0.05');
    const ws = (await excelOf(result.bytes)).getWorksheet('Merge');
    expect(ws?.getCell('C3').value).toBe(1234.56);
    expect(ws?.getCell('D3').value).toBe("'=SUM(A1:A9)");
    expect(ws?.getCell('A1').value).toBe('南京分行营业部');
    expect(ws?.getCell('B2').isMerged).toBe(true);
    const original = (await excelOf(before)).getWorksheet('Merge');
    expect(ws?.getCell('A1').style).toEqual(original?.getCell('A1').style);
  });
});

describe('filling formula_stress_test.xlsx (10 sheets, 447 formulas, a pivot table, a calculation chain)', () => {
  const before = load('formula_stress_test.xlsx');
  const result = fillXlsx(before, [
    { sheet: 'Database', cell: 'B2', value: { type: 'number', text: '42' } },
    { sheet: 'Database', cell: 'D2', value: { type: 'text', text: '+86 025 1234' } },
  ]);

  it('replaces a formula cell with the value and drops the calculation chain that named it', () => {
    const original = parts(before);
    const filled = parts(result.bytes);
    expect(original['xl/worksheets/sheet1.xml']).toContain('<c r="B2"><f>DAVERAGE(A24:E30,D2,A19:C21)</f><v>11.666666666666666</v></c>');
    expect(filled['xl/worksheets/sheet1.xml']).toBe(
      (original['xl/worksheets/sheet1.xml'] ?? '')
        .replace('<c r="B2"><f>DAVERAGE(A24:E30,D2,A19:C21)</f><v>11.666666666666666</v></c>', '<c r="B2"><v>42</v></c>')
        .replace('<c r="D2"><v>3</v></c>', `<c r="D2" t="inlineStr"><is><t>'+86 025 1234</t></is></c>`),
    );
    expect(result.formulasReplaced).toBe(1);
    expect(result.droppedParts).toEqual(['xl/calcchain.xml']);
    expect(filled['xl/calcChain.xml']).toBeUndefined();
    expect(filled['xl/_rels/workbook.xml.rels']).toBe((original['xl/_rels/workbook.xml.rels'] ?? '').replace(/<Relationship Id="rId15"[^>]*\/>/, ''));
    expect(filled['[Content_Types].xml']).toBe((original['[Content_Types].xml'] ?? '').replace('<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>', ''));
  });

  it('leaves the other nine sheets, the pivot table and the thumbnail byte for byte', () => {
    expectUntouched(before, result.bytes, ['xl/worksheets/sheet1.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'], ['xl/calcChain.xml']);
  });

  it('opens in exceljs with every sheet and the written values', async () => {
    const wb = await excelOf(result.bytes);
    expect(wb.worksheets.map((w) => w.name)).toHaveLength(10);
    expect(wb.getWorksheet('Database')?.getCell('B2').value).toBe(42);
    expect(wb.getWorksheet('Database')?.getCell('B3').formula).toBe('DCOUNT(A24:E30,D2,A19:C21)');
  });

  it('refuses a cell inside an array formula, naming the cell and the array', () => {
    const sheets = inspectTemplate(openTemplatePackage(before));
    expect(sheets.find((s) => s.name === 'Lookup')?.arrayFormulas).toEqual(['B26:D26']);
    const withArray = sheets.find((s) => s.arrayFormulas.includes('D138:E142'));
    expect(withArray?.arrayFormulas).toEqual(['D138:E142', 'H138:I142', 'D144:I144']);
    expect(() => fillXlsx(before, [{ sheet: withArray?.name ?? '', cell: 'E140', value: { type: 'number', text: '1' } }])).toThrow(CellRefusedError);
    expect(() => fillXlsx(before, [{ sheet: withArray?.name ?? '', cell: 'E140', value: { type: 'number', text: '1' } }])).toThrow('E140 is part of the array formula D138:E142');
  });
});

describe('shared formulas whose first cell is overwritten', () => {
  it('hands the formula to the next cell of the group, moved to its place (sheet_visibility.xlsx, hidden sheet)', async () => {
    const before = load('sheet_visibility.xlsx');
    const result = fillXlsx(before, [{ sheet: 'Hidden', cell: 'B2', value: { type: 'number', text: '7' } }]);
    const xml = parts(result.bytes)['xl/worksheets/sheet2.xml'] ?? '';
    expect(xml).toContain('<c r="B2"><v>7</v></c><c r="C2"><f t="shared" ref="C2:F2" si="0">CODE(C1)</f><v>100</v></c><c r="D2"><f t="shared" si="0"/>');
    const ws = (await excelOf(result.bytes)).getWorksheet('Hidden');
    expect(ws?.getCell('E2').formula).toBe('CODE(E1)');
    expect(ws?.state).toBe('hidden');
  });

  it('moves only references, not the text of a string literal (1904_1904.xlsx, 1904 date system)', async () => {
    const before = load('1904_1904.xlsx');
    const result = fillXlsx(before, [
      { sheet: 'Sheet1', cell: 'C2', value: { type: 'text', text: 'x' } },
      // B3 shows dates: a date goes in as a 1904-system serial (2026-10-31 is day 44,864 after 1904-01-01).
      { sheet: 'Sheet1', cell: 'B3', value: { type: 'date', iso: '2026-10-31' } },
      // A7 has no date format: the date goes in as text.
      { sheet: 'Sheet1', cell: 'A7', value: { type: 'date', iso: '2026-10-31' } },
    ]);
    const xml = parts(result.bytes)['xl/worksheets/sheet1.xml'] ?? '';
    expect(xml).toContain('<c r="C3" t="str"><f t="shared" ref="C3:C5" si="0">TEXT(B3,"YYYY-MM-DD")</f><v>1904-04-21</v></c>');
    expect(xml).toContain('<c r="B3" s="1"><v>44864</v></c>');
    const rows = await rowsOf(result.bytes, 'Sheet1');
    expect(cellOf(rows, 3, 1)).toBe('2026-10-31');
    expect(cellOf(rows, 7, 0)).toBe('2026-10-31');
    expect(result.droppedParts).toEqual(['xl/calcchain.xml']);
  });
});

describe('filling xlsx-stream-d-date-cell.xlsx (a streaming writer: inline strings, single-quoted attributes, comments)', () => {
  const before = load('xlsx-stream-d-date-cell.xlsx');
  const text = 'A&B <总行> _x0041_ \u0001 tab\tend\r\nline ';
  const result = fillXlsx(before, [
    { sheet: 'Sheet1', cell: 'B11', value: { type: 'text', text } },
    { sheet: 'Sheet1', cell: 'B5', value: { type: 'date', iso: '2026-10-31' } },
    { sheet: 'Sheet1', cell: 'C2', value: { type: 'blank' } },
    { sheet: 'Sheet1', cell: 'E1', value: { type: 'text', text: '@cmd' } },
  ]);

  it('keeps single-quoted rows and the comment parts, and writes text that round-trips exactly', async () => {
    const xml = parts(result.bytes)['xl/worksheets/sheet1.xml'] ?? '';
    expect(xml).toContain("<row r='11'><c r=\"A11\" t=\"inlineStr\"><is><t>Formula</t></is></c><c r=\"B11\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
    expect(xml).not.toContain('CONCATENATE');
    expect(xml).toContain('<c r="C2"/>');
    expectUntouched(before, result.bytes, ['xl/worksheets/sheet1.xml', 'xl/workbook.xml']);
    const rows = await rowsOf(result.bytes, 'Sheet1');
    expect(cellOf(rows, 11, 1)).toBe(text);
    // t="d" with date style 2 (numFmt 14): a serial day now; 2026-10-31 is 46,326 in the 1900 system.
    expect(xml).toContain('<c r="B5" s="2"><v>46326</v></c>');
    expect(cellOf(rows, 5, 1)).toBe('2026-10-31');
    expect(cellOf(rows, 2, 2)).toBe('');
    expect(cellOf(rows, 2, 1)).toBe('1');
    expect(cellOf(rows, 1, 4)).toBe("'@cmd");
  });
});

describe('unaddressed rows and cells, data descriptors (as streaming writers produce them)', () => {
  const before = handmadeXlsx({
    streamed: true,
    sharedStrings: ['<t>标题</t>'],
    sheets: [
      {
        name: '汇总',
        xml: '<row><c t="s"><v>0</v></c><c><v>1</v></c><c><v>2</v></c></row><row><c><v>10</v></c><c><v>11</v></c></row><row r="5"><c r="B5"><v>50</v></c><c><v>51</v></c></row>',
      },
      { name: 'Other', xml: '<row r="1"><c r="A1"><v>9</v></c></row>' },
    ],
  });

  it('places values by the implied positions and keeps the untouched cells where they were', async () => {
    const result = fillXlsx(before, [
      { sheet: '汇总', cell: 'B2', value: { type: 'number', text: '99' } },
      { sheet: '汇总', cell: 'E2', value: { type: 'number', text: '14' } },
      { sheet: '汇总', cell: 'A3', value: { type: 'text', text: '新行' } },
      { sheet: '汇总', cell: 'A5', value: { type: 'number', text: '49' } },
      { sheet: '汇总', cell: 'D5', value: { type: 'number', text: '53' } },
    ]);
    const rows = await rowsOf(result.bytes, '汇总');
    expect(rows.map((r) => [r.record, r.cells])).toEqual([
      [1, ['标题', '1', '2']],
      [2, ['10', '99', '', '', '14']],
      [3, ['新行']],
      [5, ['49', '50', '51', '53']],
    ]);
    // (exceljs cannot read rows without r= at all, before or after filling, so the import reader is the witness.)
    expectUntouched(before, result.bytes, ['xl/worksheets/sheet1.xml', 'xl/workbook.xml']);
  });
});

describe('a worksheet in a prefixed namespace (x:, as some writers qualify SpreadsheetML)', () => {
  it('writes new rows and cells with the same prefix and adds calcPr where the workbook has none', async () => {
    const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const before = handmadeXlsx({
      sheets: [
        {
          name: 'Data',
          xml: `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
        },
      ],
    });
    const result = fillXlsx(before, [
      { sheet: 'Data', cell: 'B1', value: { type: 'number', text: '5' } },
      { sheet: 'Data', cell: 'A3', value: { type: 'text', text: '三' } },
    ]);
    const p = parts(result.bytes);
    expect(p['xl/worksheets/sheet1.xml']).toContain('<x:c r="B1"><x:v>5</x:v></x:c></x:row><x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>三</x:t></x:is></x:c></x:row></x:sheetData>');
    expect(p['xl/workbook.xml']).toContain('</sheets><calcPr fullCalcOnLoad="1"/></workbook>');
    const rows = await rowsOf(result.bytes, 'Data');
    expect(rows.map((r) => [r.record, r.cells])).toEqual([
      [1, ['a', '5']],
      [3, ['三']],
    ]);
  });
});

describe('inspection', () => {
  it('lists sheets with their used range, merges and the text of their cells', () => {
    const sheets = inspectTemplate(openTemplatePackage(load('merge_cells.xlsx')));
    expect(sheets).toHaveLength(1);
    const s = sheets[0];
    expect(s?.merges).toEqual(['A1:B2', 'C1:C2', 'A3:B3', 'D1:D2', 'A4:B4']);
    expect(s?.usedRange).toBe('A1:D4');
    expect(s?.cells.map((c) => c.ref)).toEqual(['A1', 'C1', 'D1', 'A3', 'C3', 'A4']);
    const visibility = inspectTemplate(openTemplatePackage(load('sheet_visibility.xlsx')));
    expect(visibility.map((v) => [v.name, v.state])).toEqual([
      ['Visible', 'visible'],
      ['Hidden', 'hidden'],
      ['VeryHidden', 'veryHidden'],
    ]);
    expect(visibility[1]?.cells.find((c) => c.ref === 'C2')).toEqual({ ref: 'C2', text: '100', formula: true });
  });
});
