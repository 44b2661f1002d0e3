import { isBuiltinDateFormat, isDateFormatCode } from './cell-text.js';
import { RichTextCollector } from './rich-text.js';
import type { XmlHandler } from './xml-scan.js';
import { readAttrs } from './xml-scan.js';

/** A sheet as the workbook lists it, in tab order (hidden ones included: a user may still choose them). */
export interface SheetEntry {
  name: string;
  relId: string;
  state: 'visible' | 'hidden' | 'veryHidden';
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  date1904: boolean;
}

export function workbookHandler(into: WorkbookInfo): XmlHandler {
  return {
    open(name, attrs) {
      if (name === 'sheet') {
        const sheet: SheetEntry = { name: '', relId: '', state: 'visible' };
        readAttrs(attrs, (n, v) => {
          if (n === 'name') sheet.name = v;
          // The relationships prefix is usually r:, but only the namespace is fixed, so take any prefix.
          else if (n.endsWith(':id')) sheet.relId = v;
          else if (n === 'state' && (v === 'hidden' || v === 'veryHidden')) sheet.state = v;
        });
        into.sheets.push(sheet);
      } else if (name === 'workbookPr') {
        readAttrs(attrs, (n, v) => {
          if (n === 'date1904') into.date1904 = v === '1' || v === 'true';
        });
      }
    },
    close: () => undefined,
    text: () => undefined,
  };
}

export interface Relationship {
  target: string;
  type: string;
}

/** Relationship targets resolved against `baseDir` (e.g. 'xl/') into part names without a leading slash. */
export function relsHandler(baseDir: string, into: Map<string, Relationship>): XmlHandler {
  return {
    open(name, attrs) {
      if (name !== 'Relationship') return;
      let id = '';
      let target = '';
      let type = '';
      let external = false;
      readAttrs(attrs, (n, v) => {
        if (n === 'Id') id = v;
        else if (n === 'Target') target = v;
        else if (n === 'Type') type = v;
        else if (n === 'TargetMode') external = v === 'External';
      });
      if (id !== '' && !external) into.set(id, { target: resolvePart(baseDir, target), type });
    },
    close: () => undefined,
    text: () => undefined,
  };
}

export function resolvePart(baseDir: string, target: string): string {
  const segments = target.startsWith('/') ? [] : baseDir.split('/').filter((s) => s !== '');
  for (const s of target.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') segments.pop();
    else segments.push(s);
  }
  return segments.join('/');
}

/** Which cell styles (`s`, an index into cellXfs) show numbers as dates. */
export function stylesHandler(into: boolean[]): XmlHandler {
  const customFormats = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  return {
    open(name, attrs, selfClosing) {
      if (name === 'numFmt') {
        let id = -1;
        let code = '';
        readAttrs(attrs, (n, v) => {
          if (n === 'numFmtId') id = Number(v);
          else if (n === 'formatCode') code = v;
        });
        if (Number.isInteger(id)) customFormats.set(id, code);
      } else if (name === 'cellXfs') inCellXfs = !selfClosing;
      else if (name === 'xf' && inCellXfs) {
        let id = 0;
        readAttrs(attrs, (n, v) => {
          if (n === 'numFmtId') id = Number(v);
        });
        formatIds.push(Number.isInteger(id) ? id : 0);
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
      else if (name === 'styleSheet') {
        into.length = 0;
        for (const id of formatIds) {
          const code = customFormats.get(id);
          into.push(code !== undefined && code !== '' ? isDateFormatCode(code) : isBuiltinDateFormat(id));
        }
      }
    },
    text: () => undefined,
  };
}

/** The shared string table, item by item; the table is the only large thing kept from the first pass. */
export function sharedStringsHandler(into: string[]): XmlHandler {
  const item = new RichTextCollector();
  let inItem = false;
  return {
    open(name, attrs) {
      if (name === 'si') {
        inItem = true;
        item.begin(attrs);
      } else if (inItem) item.open(name, attrs);
    },
    close(name) {
      if (!inItem) return;
      if (name === 'si') {
        inItem = false;
        into.push(item.finish());
      } else item.close(name);
    },
    text(value) {
      if (inItem) item.text(value);
    },
  };
}
