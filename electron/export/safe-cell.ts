/**
 * Formula injection (CSV/Excel "DDE" injection): a text cell that begins with = + - @, a tab or a carriage return
 * can be run as a formula when a spreadsheet opens the file. Every text cell the workbench writes to a .csv or
 * .xlsx passes through here and gets a leading apostrophe, which spreadsheets show as text. Numbers are written
 * as numbers and never pass through here, so "-12.50" stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function startsFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

export function neutraliseFormula(text: string): string {
  return startsFormula(text) ? `'${text}` : text;
}
