import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayOfExcelSerial, isoOf } from '../../electron/demo/calendar.js';
import { writeDemoExtracts } from '../../electron/demo/extracts.js';
import { ORG_HEADER, ROSTER_HEADER, TARGET_HEADER } from '../../electron/demo/formats.js';
import { readXlsx as readDemoXlsx } from '../../electron/demo/xlsx-read.js';
import type { RawRow } from '../../electron/import/read-delimited.js';
import { readXlsx } from '../../electron/import/read-xlsx.js';
import { fromBytes } from '../../electron/import/source-file.js';
import type { SourceFile } from '../../electron/import/source-file.js';
import { isDateFormatCode, isoCellText, numberText, serialText } from '../../electron/import/xlsx/cell-text.js';
import { SheetRowsHandler } from '../../electron/import/xlsx/sheet-rows.js';
import { XmlScanner } from '../../electron/import/xlsx/xml-scan.js';
import { listSheets } from '../../electron/import/xlsx-sheets.js';
import { handmadeXlsx } from '../fixtures/xlsx/handmade.js';
import type { HandmadeWorkbook } from '../fixtures/xlsx/handmade.js';
import { REAL } from '../helpers/real-data.js';
import { makeTempDir } from '../helpers/temp.js';

const EXCEL = path.join(REAL, 'excel');

async function rowsOf(file: string | SourceFile, sheet?: string | number): Promise<RawRow[]> {
  const out: RawRow[] = [];
  const source = typeof file === 'string' && !path.isAbsolute(file) ? path.join(EXCEL, file) : file;
  for await (const b of readXlsx(source, sheet === undefined ? {} : { sheet })) out.push(...b);
  return out;
}

const handmade = (book: HandmadeWorkbook): SourceFile => fromBytes('handmade.xlsx', handmadeXlsx(book));

describe('cell text', () => {
  it('renders the values a sheet can hold', () => {
    expect(numberText('1234.5600000000001')).toBe('1234.56');
    expect(numberText('0.30000000000000004')).toBe('0.3');
    expect(numberText('42')).toBe('42');
    expect(numberText('1E-3')).toBe('0.001');
    expect(numberText('12345678901234567890')).toBe('12345678901234567890');
    expect(serialText('46326', false)).toBe('2026-10-31');
    expect(serialText('46024.58808', false)).toBe('2026-01-02 14:06:50');
    expect(serialText('0.25', false)).toBe('06:00:00');
    expect(serialText('0', false)).toBe('0');
    expect(serialText('0.9999999', false)).toBe('1900-01-01');
    expect(isoCellText('2014-02-14T08:27:48Z')).toBe('2014-02-14 08:27:48');
    expect(isoCellText('2026-10-31T00:00:00')).toBe('2026-10-31');
    expect(isoCellText('not a date')).toBe('not a date');
  });

  it('tells date formats from number formats with letters in them', () => {
    for (const code of ['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', '[$-804]yyyy/m/d', 'h:mm:ss AM/PM', '[h]:mm', 'mmm-yy', 'dd/mm/yyyy;@']) {
      expect(isDateFormatCode(code), code).toBe(true);
    }
    for (const code of ['General', '0.00', '#,##0.00_);[Red](#,##0.00)', '[Red]0.00', '0.00"s"', '#,##0 "元"', '@', '0.00E+00', '\\d0']) {
      expect(isDateFormatCode(code), code).toBe(false);
    }
  });
});

describe('readXlsx on the Excel corpus', () => {
  it('reads the 1904 date system as the dates Excel shows', async () => {
    const rows = await rowsOf('1904_1904.xlsx');
    expect(rows[0]?.cells.slice(0, 3)).toEqual(['1', '1904-01-02', '1904-01-02']);
    expect(rows[1]?.cells[1]).toBe('1904-01-12');
    expect(rows.map((r) => r.cells[1])).toEqual(rows.map((r) => r.cells[2]));
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
    expect(rows[1]?.cells.slice(7, 10)).toEqual(['TRUE', 'FALSE', 'FALSE']);
  });

  it('chooses a sheet by name or position and refuses a missing one', async () => {
    const byName = await rowsOf('formula_stress_test.xlsx', 'Logical');
    expect(byName[0]?.cells[0]).toBe('Singletons');
    // Positions count sheets in tab order, as listSheets lists them (not the order of parts in the zip).
    expect((await listSheets(path.join(EXCEL, 'formula_stress_test.xlsx')))[5]).toBe('Logical');
    const byIndex = await rowsOf('formula_stress_test.xlsx', 5);
    expect(byIndex[0]?.cells[0]).toBe('Singletons');
    await expect(rowsOf('formula_stress_test.xlsx', 'Nope')).rejects.toThrow(/not found/);
    await expect(rowsOf('formula_stress_test.xlsx', 99)).rejects.toThrow(/not found/);
  });

  it('streams a large shared-string workbook, all three sheets', async () => {
    let cells = 0;
    const counts: number[] = [];
    for (const sheet of [0, 1, 2]) {
      const rows = await rowsOf('large_strings.xlsx', sheet);
      expect(rows.every((r) => r.record > 0)).toBe(true);
      counts.push(rows.length);
      cells += rows.reduce((n, r) => n + r.cells.filter((c) => c !== '').length, 0);
    }
    expect(counts).toEqual([9999, 26, 17619]);
    expect(cells).toBeGreaterThan(10_000);
  });

  it('reads t="d" cells, entities, Japanese text and inline strings', async () => {
    const rows = await rowsOf('xlsx-stream-d-date-cell.xlsx');
    expect(rows[0]?.cells).toEqual(['String', 'てすと', `&'";<>`, '&amp;']);
    expect(rows[1]?.cells).toEqual(['Integer', '1', '2', '-3']);
    expect(rows[3]?.cells).toEqual(['Boolean', 'TRUE', 'FALSE']);
    expect(rows[4]?.cells[1]).toMatch(/^2014-02-14 08:27:4[89]$/);
    expect(rows[10]?.cells).toEqual(['Formula', 'String1']);
  });

  it('joins rich-text runs', async () => {
    const rows = await rowsOf('rich_text_stress.xlsx');
    expect(rows[1]?.cells).toEqual(['bold', 'this text is bold, sure enough']);
    expect(rows.at(-1)).toEqual({ record: 15, cells: ['BIU', 'lets try all combinations of BIU in cell'] });
  });

  it('leaves phonetic guides out of the text', async () => {
    const rows = await rowsOf('phonetic_text.xlsx');
    expect(rows.map((r) => r.cells)).toEqual([['漢字'], ['漢字withColor']]);
  });

  it('lists hidden sheets and reads them', async () => {
    const file = path.join(EXCEL, 'sheet_visibility.xlsx');
    expect(await listSheets(file)).toEqual(['Visible', 'Hidden', 'VeryHidden']);
    expect((await rowsOf(file, 'VeryHidden'))[0]?.cells.join('')).toBe('VeryHidden');
  });
});

describe('readXlsx on the demo extracts (shared strings after the sheets)', () => {
  let dir = '';
  let cleanup = (): void => undefined;
  beforeAll(async () => {
    ({ dir, cleanup } = makeTempDir('xlsx-demo'));
    await writeDemoExtracts(dir, { clients: 300, managers: 4 }, {});
  }, 60_000);
  afterAll(() => cleanup());

  it('reads the org units under their header', async () => {
    const rows = await rowsOf(path.join(dir, 'org_units.xlsx'));
    expect(rows[0]).toEqual({ record: 1, cells: [...ORG_HEADER] });
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.slice(1).every((r) => r.cells[0] !== '')).toBe(true);
  });

  it('reads the roster with its date cells as ISO dates', async () => {
    const file = path.join(dir, 'managers.xlsx');
    const rows = await rowsOf(file);
    expect(rows[0]?.cells).toEqual([...ROSTER_HEADER]);
    const serials = readDemoXlsx(fs.readFileSync(file))[0]?.rows ?? [];
    for (const row of rows.slice(1)) {
      const hired = serials[row.record - 1]?.[4];
      expect(row.cells[4]).toBe(isoOf(dayOfExcelSerial(Number(hired))));
      expect(row.cells[12]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('reads the targets with the merged title in row 1 and the header in row 2', async () => {
    const rows = await rowsOf(path.join(dir, 'targets_2026.xlsx'));
    expect(rows[0]?.record).toBe(1);
    expect(rows[0]?.cells).toHaveLength(1);
    expect(rows[0]?.cells[0]).toMatch(/2026年度经营任务指标/);
    expect(rows[1]).toEqual({ record: 2, cells: [...TARGET_HEADER] });
    expect(rows[2]?.cells[0]).toBe('2026');
  });

  it('writes nothing to the temporary folder while reading', async () => {
    const { dir: tmp, cleanup: removeTmp } = makeTempDir('xlsx-tmp');
    const saved = { TMPDIR: process.env['TMPDIR'], TMP: process.env['TMP'], TEMP: process.env['TEMP'] };
    // A private temp folder for this worker, so other test files' temp files cannot blur the comparison.
    Object.assign(process.env, { TMPDIR: tmp, TMP: tmp, TEMP: tmp });
    // Watched as well as listed: a spooling reader (exceljs) deletes its temp file before the read ends.
    const touched: string[] = [];
    let sentinelSeen = (): void => undefined;
    const sentinel = new Promise<void>((resolve) => (sentinelSeen = resolve));
    const watcher = fs.watch(tmp, (_event, name) => {
      if (name === 'sentinel') sentinelSeen();
      else touched.push(String(name));
    });
    try {
      expect(os.tmpdir()).toBe(tmp);
      const before = fs.readdirSync(tmp);
      for (const name of ['org_units.xlsx', 'managers.xlsx', 'targets_2026.xlsx']) await rowsOf(path.join(dir, name));
      await rowsOf('large_strings.xlsx', 2);
      const after = fs.readdirSync(tmp);
      // Events arrive in order, so once our own marker file is reported every earlier event has been seen.
      fs.writeFileSync(path.join(tmp, 'sentinel'), '');
      await sentinel;
      expect(after).toEqual(before);
      expect(touched).toEqual([]);
    } finally {
      watcher.close();
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      removeTmp();
    }
  });

  it('turns random bytes and cut-off workbooks into a clean error', async () => {
    const valid = fs.readFileSync(path.join(dir, 'managers.xlsx'));
    const accept = async (bytes: Uint8Array): Promise<void> => {
      try {
        await rowsOf(fromBytes('x.xlsx', bytes));
      } catch (e) {
        expect(e).toBeInstanceOf(Error);
        expect((e as Error).message).toMatch(/x\.xlsx is not a readable \.xlsx workbook \([\s\S]+\)|not found/);
      }
    };
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), accept), { numRuns: 150 });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: valid.length - 1 }), (cut) => accept(valid.subarray(0, cut))),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: valid.length - 1 }), fc.integer({ min: 0, max: 255 }), (at, byte) => {
        const damaged = Uint8Array.from(valid);
        damaged[at] = byte;
        return accept(damaged);
      }),
      { numRuns: 150 },
    );
  });
});

describe('readXlsx on hand-written parts', () => {
  const book: HandmadeWorkbook = {
    sheets: [
      {
        name: 'Data',
        xml:
          '<row r="2"><c r="B2" t="s"><v>0</v></c><c r="D2" t="s"><v>1</v></c><c r="E2" t="s"><v>2</v></c></row>' +
          '<row r="4"><c r="A4" s="1"><v>46326.5</v></c><c r="B4" s="2"><v>46326</v></c><c r="C4" s="3"><v>0.5</v></c><c r="D4" s="4"><v>46326</v></c></row>' +
          '<row r="5"><c r="A5" t="e"><v>#N/A</v></c><c r="B5" t="b"><v>0</v></c><c r="C5"><f>A1+1</f></c><c r="D5" t="str"><f>A1</f><v>x &amp; y</v></c></row>' +
          '<row r="6"><c r="A6" t="inlineStr"><is><r><t>中</t></r><r><t xml:space="preserve"> 文 </t></r><rPh><t>zhong</t></rPh></is></c><c r="B6"><v>1234.5600000000001</v></c></row>' +
          '<row><c t="s"><v>3</v></c><c><v>7</v></c></row><row r="9"/>',
      },
      { name: 'Hidden & 隐藏', state: 'hidden', xml: '<x:row r="1" xmlns:x="m"><x:c r="A1" t="inlineStr"><x:is><x:t><![CDATA[a<b]]></x:t></x:is></x:c></x:row>' },
    ],
    sharedStrings: ['<t>  trimmed  </t>', '<t xml:space="preserve">  kept  </t>', '<t>line_x000D_break &#x4E2D;&#20013; _x005F_x0041_</t>', '<t>next</t>'],
    numFmts: '<numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="[Red]0.00"/></numFmts>',
    cellXfs: '<xf numFmtId="0"/><xf numFmtId="22"/><xf numFmtId="164"/><xf numFmtId="20"/><xf numFmtId="165"/>',
  };
  const expected: RawRow[] = [
    { record: 2, cells: ['', 'trimmed', '', '  kept  ', 'line\rbreak 中中 _x0041_'] },
    { record: 4, cells: ['2026-10-31 12:00:00', '2026-10-31', '12:00:00', '46326'] },
    { record: 5, cells: ['#N/A', 'FALSE', '', 'x & y'] },
    { record: 6, cells: ['中 文 ', '1234.56'] },
    { record: 7, cells: ['next', '7'] },
  ];

  it('places cells by reference and decodes every cell type', async () => {
    expect(await rowsOf(handmade(book))).toEqual(expected);
    expect(await rowsOf(handmade(book), 'Hidden & 隐藏')).toEqual([{ record: 1, cells: ['a<b'] }]);
  });

  it('does not care where the shared strings sit or whether sizes follow the data', async () => {
    expect(await rowsOf(handmade({ ...book, order: 'strings-first' }))).toEqual(expected);
    expect(await rowsOf(handmade({ ...book, streamed: true }))).toEqual(expected);
  });

  it('uses the 1904 date system when the workbook says so', async () => {
    const rows = await rowsOf(handmade({ ...book, date1904: true }));
    expect(rows[1]?.cells[1]).toBe('2030-11-01');
  });

  it('gives the same rows however the XML is split into chunks', () => {
    const xml = `<sheetData>${book.sheets[0]?.xml ?? ''}</sheetData>`;
    const context = { sharedStrings: ['a', 'b', 'c', 'd'], dateStyles: [false, true, true, true, false], date1904: false };
    const read = (pieces: string[]): RawRow[] => {
      const rows: RawRow[] = [];
      const scanner = new XmlScanner(new SheetRowsHandler(context, (r) => rows.push(r)));
      for (const p of pieces) scanner.push(p);
      scanner.end();
      return rows;
    };
    const whole = read([xml]);
    expect(whole).toHaveLength(5);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: xml.length - 1 }), { maxLength: 40 }), (cuts) => {
        const at = [0, ...cuts.sort((a, b) => a - b), xml.length];
        expect(read(at.slice(1).map((end, i) => xml.slice(at[i], end)))).toEqual(whole);
      }),
    );
  });

  it('refuses a zip that is not a workbook, and a sheet whose part is missing', async () => {
    await expect(rowsOf(fromBytes('a.zip', zipSync({ 'readme.txt': strToU8('hello') })))).rejects.toThrow(/not a readable \.xlsx workbook/);
    const bytes = handmadeXlsx(book);
    const text = Buffer.from(bytes).toString('latin1').replaceAll('xl/worksheets/sheet1.xml', 'xl/worksheets/sheetX.xml');
    await expect(rowsOf(fromBytes('b.xlsx', Buffer.from(text, 'latin1')))).rejects.toThrow(/sheet1\.xml of sheet Data is missing/);
  });
});
