/**
 * Cleaning of a raw cell before typed parsing: what core-banking exports pad fields with.
 * Kept separate from the typed parsers so each quirk is handled once.
 */

const FULL_WIDTH_OFFSET = 0xfee0;

/** Full-width ASCII (０-９, Ａ-Ｚ, ，．－ …) to half-width, and the ideographic space to a space. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - FULL_WIDTH_OFFSET);
    else if (code === 0x3000) out += ' ';
    else out += text[i];
  }
  return out;
}

/**
 * Trims spaces, tabs and ideographic spaces, unwraps Excel-style `="..."` text cells and
 * treats dash placeholders ("-", "--", "-------") as empty.
 */
export function cleanCell(raw: string): string {
  let text = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  const excel = /^="(.*)"$/s.exec(text);
  if (excel !== null) text = (excel[1] ?? '').replace(/""/g, '"').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  if (/^-+$/.test(text)) return '';
  return text;
}
