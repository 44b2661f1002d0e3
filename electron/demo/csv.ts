/** RFC 4180 quoting: only fields with a comma, quote or line break are quoted. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** Splits one CSV record (no embedded line breaks, which the demo never writes). */
export function parseCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** Fen as yuan with two decimals ("-12.05"), by integer arithmetic only. */
export function yuanText(fen: number): string {
  const abs = Math.abs(fen);
  const cents = abs % 100;
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${cents < 10 ? '0' : ''}${cents}`;
}

/** The inverse of `yuanText` for the demo's own files; null when the text is not such an amount. */
export function fenOfYuanText(text: string): number | null {
  if (!/^-?\d+\.\d\d$/.test(text)) return null;
  return Number(text.replace('.', ''));
}
