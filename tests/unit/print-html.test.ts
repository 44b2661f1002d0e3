import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontDirCandidates, loadPrintFonts, locateFontDir, parseFontCss } from '../../electron/print/fonts.js';
import type { PrintFonts } from '../../electron/print/fonts.js';
import { handoverSheetHtml } from '../../electron/print/handover-sheet.js';
import { cssString, escapeHtml, html, raw } from '../../electron/print/html.js';
import { answerPrintRequest, PRINT_CSP, PRINT_PAGE_URL } from '../../electron/print/print-route.js';
import { pdfFileName } from '../../electron/print/printer.js';
import { sampleHandoverSheet } from '../helpers/handover-sheet.js';

describe('print html', () => {
  it('escapes every interpolated string and passes only markup made by html or raw', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const cell = html`<td>${'<b>'}</td>`;
    expect(html`<tr>${cell}${[raw('<td>1</td>'), 2, null, false, undefined]}</tr>`.value).toBe('<tr><td>&lt;b&gt;</td><td>1</td>2</tr>');
  });

  it('writes data into CSS strings as hex escapes only', () => {
    expect(cssString('Ab 1')).toBe('"Ab 1"');
    const evil = cssString('"}</style><script>');
    expect(evil.slice(1, -1)).not.toMatch(/["<>}]/);
  });

  it('prints a client named <script> as text', () => {
    const sheet = sampleHandoverSheet({ clients: 6, nameOf: (i) => (i === 2 ? '<script>alert("x")</script>' : `客户${i}`) });
    sheet.plan.leaving.name = '"}</style><script>bad()</script>';
    const page = handoverSheetHtml(sheet);
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    // The leaving manager's name also goes into the page footer (CSS) and the <title>.
    expect(page.match(/<\/style>/g)).toHaveLength(1);
  });

  it('marks a draft and names the tiers, priorities and statuses in Chinese', () => {
    const page = handoverSheetHtml(sampleHandoverSheet({ clients: 30, changeId: null }));
    expect(page).toContain('草稿（未生效）');
    for (const label of ['普通', '金卡', '白金', '钻石', '私行', '紧急', '进行中', '待办']) expect(page).toContain(label);
    expect(page).toContain('@page{size:A4 portrait');
  });
});

describe('print route', () => {
  const fonts: PrintFonts = {
    dir: '/nowhere',
    slices: [{ file: 'a-400-normal.woff2', weight: 400, unicodeRange: 'U+4e00-4e01' }],
    css: (prefix) => `@font-face{src:url(${prefix}a-400-normal.woff2)}`,
    read: (file) => (file === 'a-400-normal.woff2' ? Buffer.from('font') : null),
  };
  const ask = (url: string, method = 'GET'): ReturnType<typeof answerPrintRequest> => answerPrintRequest(method, url, '<p>sheet</p>', fonts);

  it('serves the page with a no-script policy, the font stylesheet and the known slices', () => {
    const page = ask(PRINT_PAGE_URL);
    expect(page?.body.toString()).toBe('<p>sheet</p>');
    expect(page?.headers['Content-Security-Policy']).toBe(PRINT_CSP);
    expect(PRINT_CSP).toContain("script-src 'none'");
    expect(ask('https://print.workbench.invalid/fonts.css')?.body.toString()).toContain('url(/fonts/a-400-normal.woff2)');
    expect(ask('https://print.workbench.invalid/fonts/a-400-normal.woff2')?.contentType).toBe('font/woff2');
  });

  it('refuses everything else', () => {
    for (const url of [
      'https://example.com/sheet.html',
      'http://print.workbench.invalid/sheet.html',
      'https://print.workbench.invalid/fonts/../package.json',
      'https://print.workbench.invalid/fonts/b.woff2',
      'https://print.workbench.invalid/other',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(ask(url), url).toBeNull();
    }
    expect(ask(PRINT_PAGE_URL, 'POST')).toBeNull();
  });
});

describe('print fonts', () => {
  it('keeps only well-formed woff2 slices of the asked weight', () => {
    const css = `@font-face { font-weight: 400; src: url(./files/x-1-400-normal.woff2) format('woff2'), url(./files/x.woff); unicode-range: U+4e00-4e10,U+20; }
@font-face { font-weight: 700; src: url(./files/x-1-700-normal.woff2); unicode-range: U+41; }
@font-face { font-weight: 400; src: url(./files/../evil.woff2); unicode-range: U+41; }
@font-face { font-weight: 400; src: url(./files/y-400.woff2); unicode-range: U+41</style>; }`;
    expect(parseFontCss(css, 400)).toEqual([{ file: 'x-1-400-normal.woff2', weight: 400, unicodeRange: 'U+4e00-4e10,U+20' }]);
  });

  it('looks in BW_FONT_DIR, next to the bundle, then in node_modules', () => {
    const list = fontDirCandidates({ BW_FONT_DIR: '/opt/fonts' }, '/app/dist', process.cwd());
    expect(list.slice(0, 3)).toEqual(['/opt/fonts', path.join('/app/dist/fonts/noto-sans-sc'), path.join('/app/fonts/noto-sans-sc')]);
    expect(list.at(-1)).toMatch(/@fontsource[/\\]noto-sans-sc$/);
  });

  it('finds the installed Noto Sans SC with both weights and serves no unknown file', () => {
    const fonts = loadPrintFonts(locateFontDir({}));
    expect(fonts.slices.filter((s) => s.weight === 400).length).toBeGreaterThan(50);
    expect(fonts.slices.filter((s) => s.weight === 700).length).toBeGreaterThan(50);
    const first = fonts.slices[0];
    expect(first === undefined ? null : fonts.read(first.file)?.subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(fonts.read('../package.json')).toBeNull();
  });
});

describe('pdf file name', () => {
  it('drops characters Windows forbids', () => {
    expect(pdfFileName({ title: '客户移交清单-张三/李四:2025' })).toBe('客户移交清单-张三_李四_2025.pdf');
    expect(pdfFileName({ title: ' ' })).toBe('document.pdf');
  });
});
