import { FONT_FAMILY } from './fonts.js';
import { cssString, html, raw } from './html.js';
import type { SafeHtml } from './html.js';

/** Path of the font stylesheet on the print origin; the print route answers it from memory (see print-route.ts). */
export const FONT_CSS_PATH = '/fonts.css';
export const FONT_FILE_PREFIX = '/fonts/';

export type PageOrientation = 'portrait' | 'landscape';

export interface PrintPageOptions {
  title: string;
  body: SafeHtml;
  orientation?: PageOrientation;
  /** Small text at the bottom left of every page (which sheet this page belongs to), since pages get separated. */
  footerNote?: string;
  /** CSS of this kind of sheet; written by the program, never data. */
  css?: string;
}

const PAGE_NUMBER = '"第 " counter(page) " 页 / 共 " counter(pages) " 页"';

/**
 * The A4 form every printed document shares. Page numbers are CSS page-margin boxes (Chromium ≥ 131, so Electron
 * 45 too) rather than Chromium's header/footer template: the template is drawn without the page's web fonts, so
 * Chinese in it would fall back to a system font and differ between PCs.
 */
function baseCss(orientation: PageOrientation, footerNote: string | undefined): string {
  const margin = `font-family:'${FONT_FAMILY}';font-size:8pt;color:#333;`;
  const note = footerNote === undefined ? '' : `@bottom-left{content:${cssString(footerNote)};${margin}}`;
  return `
@page{size:A4 ${orientation};margin:14mm 12mm 16mm 12mm;@bottom-right{content:${PAGE_NUMBER};${margin}}${note}}
*{box-sizing:border-box}
html{print-color-adjust:exact;-webkit-print-color-adjust:exact}
body{margin:0;font-family:'${FONT_FAMILY}',sans-serif;font-size:10pt;line-height:1.4;color:#000}
h1{font-size:17pt;font-weight:700;text-align:center;letter-spacing:.35em;margin:0 0 1mm}
h2{font-size:11pt;font-weight:700;margin:5mm 0 1.5mm;break-after:avoid}
p{margin:1mm 0}
table{width:100%;border-collapse:collapse}
thead{display:table-header-group}
tr,.keep{break-inside:avoid}
table.grid th,table.grid td{border:.6pt solid #000;padding:.8mm 1.4mm;vertical-align:middle}
table.grid th{background:#e8e8e8;font-weight:700;text-align:center;white-space:nowrap}
table.grid tr.total td{font-weight:700;background:#f3f3f3}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.center{text-align:center}
.nowrap{white-space:nowrap}
.muted{color:#444}
.glyph-preload{position:absolute;width:0;height:0;overflow:hidden;visibility:hidden}
`;
}

/**
 * A whole print document. The hidden line holds the characters of the margin boxes: Chromium lays those out only
 * while printing, too late to fetch a font slice, so their slices must already be loaded by the page's own text.
 */
export function printPageHtml(opts: PrintPageOptions): string {
  const orientation = opts.orientation ?? 'portrait';
  const preload = `第页共/0123456789${opts.footerNote ?? ''}`;
  const doc = html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${opts.title}</title>
<link rel="stylesheet" href="${FONT_CSS_PATH}">
<style>${raw(baseCss(orientation, opts.footerNote))}${raw(opts.css ?? '')}</style>
</head>
<body>
<div class="glyph-preload" aria-hidden="true">${preload}</div>
${opts.body}
</body>
</html>
`;
  return doc.value;
}

/**
 * The empty page a warm printer keeps open: it holds only the font stylesheet, so font slices loaded for one
 * document stay loaded for the next; each document's styles and body are swapped in (see chromium-printer.ts).
 */
export function printShellHtml(): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title></title><link rel="stylesheet" href="${FONT_CSS_PATH}"></head><body></body></html>`;
}
