import { workbookParts } from './read-xlsx.js';
import type { SourceFile } from './source-file.js';

/**
 * The worksheet names of a workbook in tab order, hidden sheets included, from xl/workbook.xml alone:
 * no other entry is inflated and the read stops once that part has been seen.
 */
export async function listSheets(file: string | SourceFile): Promise<string[]> {
  const parts = await workbookParts(file, false);
  return parts.sheets.map((s) => s.name);
}
