import { MAX_COLUMNS, MAX_ROWS, columnIndex, columnLetters } from '../../shared/reports/template.js';

/**
 * Moves a formula's relative references by whole rows and columns, as Excel does when it copies a formula — used
 * when the first cell of a shared formula is overwritten and the next cell of the group takes over its text.
 * String literals, quoted sheet names and bracketed parts (structured and external references) are left alone;
 * `$`-anchored parts do not move; a reference pushed off the sheet becomes #REF!, as in Excel.
 */
const CELL = /(^|[^A-Za-z0-9_.$:!])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_.(])/g;
const CELL_AFTER = /([:!])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_.(])/g;
const COLUMNS = /(^|[^A-Za-z0-9_.$:!]|!)(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_.(])/g;
const ROWS = /(^|[^A-Za-z0-9_.$:!]|!)(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![A-Za-z0-9_.])/g;

function shiftRow(anchor: string, row: string, dRow: number): string | null {
  if (anchor === '$') return row;
  const n = Number(row) + dRow;
  return n >= 1 && n <= MAX_ROWS ? String(n) : null;
}

function shiftCol(anchor: string, letters: string, dCol: number): string | null {
  if (anchor === '$') return letters;
  const n = columnIndex(letters) + dCol;
  return n >= 0 && n < MAX_COLUMNS ? columnLetters(n) : null;
}

const isCellRef = (letters: string, row: string): boolean => columnIndex(letters) < MAX_COLUMNS && Number(row) >= 1 && Number(row) <= MAX_ROWS;

function shiftSegment(text: string, dRow: number, dCol: number): string {
  // Whole columns and whole rows first (A:C, 3:5), then single cells; a cell regex match never spans a colon
  // on its left, so the second part of A1:B2 (and a cell after a sheet name) is handled by CELL_AFTER.
  let out = text.replace(COLUMNS, (whole, lead: string, a1: string, c1: string, a2: string, c2: string) => {
    if (columnIndex(c1) >= MAX_COLUMNS || columnIndex(c2) >= MAX_COLUMNS) return whole;
    const x = shiftCol(a1, c1, dCol);
    const y = shiftCol(a2, c2, dCol);
    return x === null || y === null ? `${lead}#REF!` : `${lead}${a1}${x}:${a2}${y}`;
  });
  out = out.replace(ROWS, (whole, lead: string, a1: string, r1: string, a2: string, r2: string) => {
    const x = shiftRow(a1, r1, dRow);
    const y = shiftRow(a2, r2, dRow);
    if (Number(r1) < 1 || Number(r2) < 1) return whole;
    return x === null || y === null ? `${lead}#REF!` : `${lead}${a1}${x}:${a2}${y}`;
  });
  const cell = (whole: string, lead: string, ac: string, letters: string, ar: string, row: string): string => {
    if (!isCellRef(letters, row)) return whole;
    const c = shiftCol(ac, letters, dCol);
    const r = shiftRow(ar, row, dRow);
    return c === null || r === null ? `${lead}#REF!` : `${lead}${ac}${c}${ar}${r}`;
  };
  out = out.replace(CELL, cell);
  return out.replace(CELL_AFTER, cell);
}

/** The formula with its relative references moved by `dRow` rows and `dCol` columns. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = '';
  let plain = '';
  let i = 0;
  const flush = (): void => {
    out += shiftSegment(plain, dRow, dCol);
    plain = '';
  };
  while (i < formula.length) {
    const ch = formula.charAt(i);
    if (ch === '"' || ch === "'" || ch === '[') {
      // A string, a quoted sheet name or a bracketed part runs to its (unescaped) end and is copied as it is.
      flush();
      const close = ch === '[' ? ']' : ch;
      let j = i + 1;
      let depth = 1;
      while (j < formula.length) {
        const c = formula.charAt(j);
        if (ch === '[' && c === '[') depth++;
        else if (c === close) {
          if (ch !== '[' && formula.charAt(j + 1) === close) {
            j += 2;
            continue;
          }
          if (--depth === 0) break;
        }
        j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    plain += ch;
    i++;
  }
  flush();
  return out;
}
