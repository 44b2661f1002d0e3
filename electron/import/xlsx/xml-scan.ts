/**
 * A small incremental XML tokenizer for the SpreadsheetML parts of a workbook. It sees decoded text in chunks,
 * keeps only an unfinished tag or text run between chunks, and reports tags by local name (prefixes dropped,
 * because some writers qualify the main namespace as `x:`). No DTD is ever expanded.
 */
export interface XmlHandler {
  /** `attrs` is the raw attribute text of the tag; read it with `readAttrs`. */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data, entities already decoded (CDATA passes through unchanged). */
  text(value: string): void;
}

/** Beyond this an unfinished construct is not a spreadsheet part but damage; refuse rather than grow. */
const MAX_PENDING = 8 * 1024 * 1024;

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g;
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

function entity(_match: string, body: string): string {
  switch (body) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  const code = body.startsWith('#x') ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  // A damaged reference must not throw a RangeError out of the reader.
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
}

/** XML character data to text: line ends normalised as XML requires, then the predefined and numeric entities. */
export function decodeXml(raw: string): string {
  let text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (text.includes('&')) text = text.replace(ENTITY, entity);
  return text;
}

/**
 * OOXML's own escape for characters XML cannot carry (`_x000D_`); `_x005F_` is an escaped underscore, and the
 * regex resumes after each match, so `_x005F_x0041_` correctly stays the literal `_x0041_`.
 */
export function decodeOoxmlEscapes(text: string): string {
  return text.includes('_x') ? text.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * The attributes of a tag as name/value pairs into `out` (reused by the caller: this runs for every cell),
 * values decoded; returns the number of strings written. Malformed text ends the list instead of throwing.
 */
export function parseAttrs(attrs: string, out: string[]): number {
  let n = 0;
  let i = 0;
  const len = attrs.length;
  while (i < len) {
    while (i < len && isSpace(attrs.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < len && attrs.charCodeAt(i) !== 61 && !isSpace(attrs.charCodeAt(i))) i++;
    const nameEnd = i;
    while (i < len && isSpace(attrs.charCodeAt(i))) i++;
    if (i >= len || attrs.charCodeAt(i) !== 61 || nameEnd === nameStart) break;
    i++;
    while (i < len && isSpace(attrs.charCodeAt(i))) i++;
    const quote = attrs.charCodeAt(i);
    if (quote !== 34 && quote !== 39) break;
    const end = attrs.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (end < 0) break;
    const raw = attrs.slice(i + 1, end);
    out[n++] = attrs.slice(nameStart, nameEnd);
    out[n++] = raw.includes('&') || raw.includes('\r') ? decodeXml(raw) : raw;
    i = end + 1;
  }
  return n;
}

/** Calls `each` with every attribute (name as written, value decoded). */
export function readAttrs(attrs: string, each: (name: string, value: string) => void): void {
  const pairs: string[] = [];
  const n = parseAttrs(attrs, pairs);
  for (let k = 0; k < n; k += 2) each(pairs[k] ?? '', pairs[k + 1] ?? '');
}

/**
 * A copy of `text` that does not keep the decoded chunk it was cut from alive: V8 makes substrings of 13 or
 * more characters views into their parent, so one kept cell could pin megabytes of sheet XML.
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/** One attribute by exact name, for tags read rarely. */
export function attrOf(attrs: string, name: string): string | undefined {
  let found: string | undefined;
  readAttrs(attrs, (n, v) => {
    if (found === undefined && n === name) found = v;
  });
  return found;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** Index of the `>` closing a tag that starts before `from`, skipping quoted attribute values; -1 if not yet seen. */
function tagEnd(s: string, from: number): number {
  let quote = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 62) return i;
    else if (c === 34 || c === 39) quote = c;
  }
  return -1;
}

function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62;
}

export class XmlScanner {
  private pending = '';

  constructor(private readonly handler: XmlHandler) {}

  push(chunk: string): void {
    const s = this.pending === '' ? chunk : this.pending + chunk;
    const stop = this.scan(s);
    this.pending = stop < s.length ? s.slice(stop) : '';
    if (this.pending.length > MAX_PENDING) throw new Error('malformed XML (an unterminated tag or text run)');
  }

  /** The part has ended: trailing text outside the root is ignored, an unfinished tag is damage. */
  end(): void {
    const rest = this.pending;
    this.pending = '';
    if (rest.trimStart().startsWith('<')) throw new Error('malformed XML (the part ends inside a tag)');
  }

  /** Handles every complete construct in `s`; returns where the unfinished remainder starts. */
  private scan(s: string): number {
    const h = this.handler;
    let pos = 0;
    while (pos < s.length) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) return pos;
      if (lt > pos) h.text(decodeXml(s.slice(pos, lt)));
      pos = lt;
      const next = s.charCodeAt(lt + 1);
      if (Number.isNaN(next)) return pos;
      if (next === 33 /* ! */) {
        const done = this.special(s, lt);
        if (done < 0) return pos;
        pos = done;
      } else if (next === 63 /* ? */) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) return pos;
        pos = end + 2;
      } else if (next === 47 /* / */) {
        const gt = s.indexOf('>', lt + 2);
        if (gt < 0) return pos;
        h.close(localName(s.slice(lt + 2, gt).trim()));
        pos = gt + 1;
      } else {
        const gt = tagEnd(s, lt + 1);
        if (gt < 0) return pos;
        let nameEnd = lt + 1;
        while (nameEnd < gt && !isNameEnd(s.charCodeAt(nameEnd))) nameEnd++;
        const selfClosing = s.charCodeAt(gt - 1) === 47;
        const name = localName(s.slice(lt + 1, nameEnd));
        h.open(name, s.slice(nameEnd, selfClosing ? gt - 1 : gt), selfClosing);
        if (selfClosing) h.close(name);
        pos = gt + 1;
      }
    }
    return pos;
  }

  /** Comments, CDATA and a DOCTYPE (skipped, never expanded); returns the position after it or -1 if incomplete. */
  private special(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      this.handler.text(s.slice(lt + 9, end));
      return end + 3;
    }
    if (s.length - lt < 9) return -1;
    // A DOCTYPE may hold an internal subset in brackets; its entities are deliberately not honoured.
    const bracket = s.indexOf('[', lt);
    const gt = tagEnd(s, lt + 2);
    if (gt < 0) return -1;
    if (bracket >= 0 && bracket < gt) {
      const end = s.indexOf(']>', bracket);
      return end < 0 ? -1 : end + 2;
    }
    return gt + 1;
  }
}
