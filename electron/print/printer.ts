import type { PageOrientation } from './page.js';

/** A complete HTML document to print (see `printPageHtml`) and its title, which also names the saved file. */
export interface PrintDocument {
  html: string;
  title: string;
  /** A4 portrait unless said; must match the document's own `@page` size, which wins (`preferCSSPageSize`). */
  orientation?: PageOrientation;
}

/**
 * Turns print documents into PDF bytes. The Chromium printer (CLI, browser mode, tests) and the Electron printer
 * (desktop app) render with the same engine from the same in-memory page, so a sheet looks the same from both.
 * The bytes are returned, never written: where they go is the caller's decision.
 */
export interface PdfPrinter {
  print(doc: PrintDocument): Promise<Buffer>;
  /** Frees the rendering engine; a later `print` starts it again. */
  close(): Promise<void>;
}

/** How long one print may take before it is abandoned (a hung renderer must not hang the API call). */
export const PRINT_TIMEOUT_MS = 30_000;

/** File name for the saved PDF: the title without characters that Windows forbids in names. */
export function pdfFileName(doc: Pick<PrintDocument, 'title'>): string {
  const visible = [...doc.title].map((ch) => ((ch.codePointAt(0) ?? 0) < 0x20 ? '_' : ch)).join('');
  const cleaned = visible.replace(/[\\/:*?"<>|]+/g, '_').trim();
  return `${cleaned === '' ? 'document' : cleaned}.pdf`;
}
