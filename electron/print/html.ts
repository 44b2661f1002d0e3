/**
 * Building print HTML safely. Every sheet is assembled with the `html` tag: interpolated strings are escaped, only
 * values already made by `html` (or `raw` for fixed markup) pass through as markup. A client named `<script>` thus
 * prints as text; there is no way to forget the escaping on one cell.
 */
const SAFE = Symbol('SafeHtml');

export interface SafeHtml {
  readonly [SAFE]: true;
  readonly value: string;
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Markup written by the program itself (never data). */
export function raw(markup: string): SafeHtml {
  return { [SAFE]: true, value: markup };
}

function isSafe(v: unknown): v is SafeHtml {
  return typeof v === 'object' && v !== null && SAFE in v;
}

function render(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return escapeHtml(v);
  if (isSafe(v)) return v.value;
  return v.map(render).join('');
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return raw(out);
}

/**
 * A string as a CSS string literal, for generated content such as the page footer. Everything outside printable
 * ASCII letters, digits and spaces becomes a hex escape, so no data can close the string or the rule.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const ch of text) {
    out += /^[A-Za-z0-9 ]$/.test(ch) ? ch : `\\${(ch.codePointAt(0) ?? 0).toString(16)} `;
  }
  return `${out}"`;
}
