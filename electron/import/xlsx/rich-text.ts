import { attrOf, decodeOoxmlEscapes, ownString } from './xml-scan.js';

/**
 * The text of a string item (`<si>` in the shared string table, `<is>` in a cell): plain `<t>`, or rich-text
 * runs `<r><t>` joined. Phonetic guides (`<rPh>`, the furigana/pinyin Excel keeps beside the text) are not
 * part of what the cell shows and are left out. Without xml:space="preserve", surrounding white space of a
 * `<t>` is not content (Excel writes the attribute whenever it matters).
 */
export class RichTextCollector {
  private inText = false;
  private preserve = false;
  private phonetic = 0;
  private run = '';
  private parts: string[] = [];
  /** xml:space on the item or run, inherited by its `<t>`. */
  private inherited: boolean[] = [];

  /** Returns true when the tag belonged to the item's text. */
  open(name: string, attrs: string): boolean {
    switch (name) {
      case 't':
        if (this.phonetic > 0) return true;
        this.inText = true;
        this.run = '';
        this.preserve = spaceOf(attrs) ?? this.inherited.at(-1) ?? false;
        return true;
      case 'r':
        this.inherited.push(spaceOf(attrs) ?? this.inherited.at(-1) ?? false);
        return true;
      case 'rPh':
        this.phonetic++;
        return true;
      default:
        return false;
    }
  }

  close(name: string): void {
    if (name === 't' && this.inText) {
      this.inText = false;
      this.parts.push(this.preserve ? this.run : this.run.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, ''));
    } else if (name === 'r') this.inherited.pop();
    else if (name === 'rPh' && this.phonetic > 0) this.phonetic--;
  }

  text(value: string): void {
    if (this.inText) this.run += value;
  }

  /** Starts an item; `attrs` are the `<si>`/`<is>` tag's own. */
  begin(attrs: string): void {
    this.inText = false;
    this.phonetic = 0;
    this.parts = [];
    this.inherited = [spaceOf(attrs) ?? false];
  }

  finish(): string {
    this.inText = false;
    return ownString(decodeOoxmlEscapes(this.parts.length === 1 ? (this.parts[0] ?? '') : this.parts.join('')));
  }
}

function spaceOf(attrs: string): boolean | undefined {
  if (!attrs.includes('space')) return undefined;
  const value = attrOf(attrs, 'xml:space');
  return value === undefined ? undefined : value === 'preserve';
}
