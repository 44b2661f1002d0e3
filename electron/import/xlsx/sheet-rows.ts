import type { RawRow } from '../read-delimited.js';
import { cellText } from './cell-text.js';
import type { CellTextContext } from './cell-text.js';
import { RichTextCollector } from './rich-text.js';
import type { XmlHandler } from './xml-scan.js';
import { ownString, parseAttrs } from './xml-scan.js';

/** Excel's last column (XFD); a reference beyond it is damage, and must not make a row array that long. */
const MAX_COLUMNS = 16_384;

export type SheetContext = CellTextContext;

/** Column letters of a reference like "AB12" to a zero-based index; -1 when it has none. */
function columnOf(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // fold to lower case
    if (c < 97 || c > 122) break;
    n = n * 26 + (c - 96);
  }
  return i === 0 ? -1 : n - 1;
}

/**
 * Turns the events of a worksheet's XML into rows of cell text: each cell placed by its column (gaps are ''),
 * each row numbered as Excel numbers it. Completed rows go to `emit` as soon as their `</row>` is seen.
 */
export class SheetRowsHandler implements XmlHandler {
  private rowNo = 0;
  private cells: string[] = [];
  private column = -1;
  private type = 'n';
  private style = 0;
  private value = '';
  private inValue = false;
  private inInline = false;
  private inline = '';
  private readonly rich = new RichTextCollector();
  /** Reused for every tag's attributes; a sheet has millions of cells. */
  private readonly attrs: string[] = [];

  constructor(
    private readonly context: SheetContext,
    private readonly emit: (row: RawRow) => void,
  ) {}

  open(name: string, attrs: string, selfClosing: boolean): void {
    switch (name) {
      case 'c':
        this.startCell(attrs);
        return;
      case 'v':
        this.inValue = !selfClosing;
        return;
      case 'is':
        this.inInline = true;
        this.rich.begin(attrs);
        return;
      case 'row':
        this.startRow(attrs);
        return;
      default:
        if (this.inInline) this.rich.open(name, attrs);
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
        this.inValue = false;
        return;
      case 'is':
        this.inInline = false;
        this.inline = this.rich.finish();
        return;
      case 'c':
        this.endCell();
        return;
      case 'row':
        if (this.cells.length > 0) this.emit({ record: this.rowNo, cells: this.cells });
        this.cells = [];
        return;
      default:
        if (this.inInline) this.rich.close(name);
    }
  }

  text(value: string): void {
    if (this.inValue) this.value += value;
    else if (this.inInline) this.rich.text(value);
  }

  private startRow(attrs: string): void {
    let r = 0;
    const pairs = this.attrs;
    const n = parseAttrs(attrs, pairs);
    for (let k = 0; k < n; k += 2) if (pairs[k] === 'r') r = Number(pairs[k + 1]);
    // Rows without a number follow the previous one, as Excel reads them.
    this.rowNo = Number.isSafeInteger(r) && r > 0 ? r : this.rowNo + 1;
    this.cells = [];
    this.column = -1;
  }

  private startCell(attrs: string): void {
    let column = -1;
    let type = 'n';
    let style = 0;
    const pairs = this.attrs;
    const n = parseAttrs(attrs, pairs);
    for (let k = 0; k < n; k += 2) {
      const value = pairs[k + 1] ?? '';
      switch (pairs[k]) {
        case 'r':
          column = columnOf(value);
          break;
        case 't':
          type = value;
          break;
        case 's':
          style = Number(value);
      }
    }
    this.column = column >= 0 ? column : this.column + 1;
    if (this.column >= MAX_COLUMNS) throw new Error(`cell reference beyond column XFD in row ${this.rowNo}`);
    this.type = type;
    this.style = style;
    this.value = '';
    this.inline = '';
    this.inValue = false;
    this.inInline = false;
  }

  private endCell(): void {
    const text = this.cellText();
    if (text === '') return;
    const cells = this.cells;
    while (cells.length < this.column) cells.push('');
    cells[this.column] = ownString(text);
  }

  private cellText(): string {
    return cellText(this.type, this.value, this.inline !== '' ? this.inline : null, this.style, this.context);
  }
}
