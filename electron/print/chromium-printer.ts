import fs from 'node:fs';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { AppError } from '../platform/app-error.js';
import { createLogger } from '../platform/log.js';
import { loadPrintFonts } from './fonts.js';
import type { PrintFonts } from './fonts.js';
import { printShellHtml } from './page.js';
import { answerPrintRequest, PRINT_PAGE_URL } from './print-route.js';
import { PRINT_TIMEOUT_MS } from './printer.js';
import type { PdfPrinter, PrintDocument } from './printer.js';

const log = createLogger('print');

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The browser that prints outside Electron: BW_CHROMIUM, else Debian's chromium package. */
export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['BW_CHROMIUM'];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : DEFAULT_CHROMIUM;
}

export interface ChromiumPrinterOptions {
  executablePath?: string;
  /** Defaults to the bundled Noto Sans SC, located on first print. */
  fonts?: PrintFonts;
}

function unavailable(executablePath: string, cause: string): AppError {
  return new AppError(
    'PRINT_UNAVAILABLE',
    {
      zh: `无法启动用于生成 PDF 的 Chromium 浏览器（${executablePath}）。请安装 Chromium，或用环境变量 BW_CHROMIUM 指定其路径。`,
      en: `Cannot start the Chromium browser that makes PDFs (${executablePath}). Install Chromium or set BW_CHROMIUM to its path.`,
    },
    { executablePath, cause },
  );
}

async function launch(executablePath: string): Promise<Browser> {
  if (!fs.existsSync(executablePath)) throw unavailable(executablePath, 'not found');
  try {
    const started = Date.now();
    // Loaded on first print only: the bundles keep playwright-core external (it reads its own files at run time),
    // and the packaged desktop app, which prints through Electron and ships no node_modules, never loads it.
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath,
      headless: true,
      // Chromium cannot sandbox its renderers when run by root (containers, some CI); everywhere else it does.
      chromiumSandbox: process.getuid?.() !== 0,
      timeout: PRINT_TIMEOUT_MS,
    });
    log.debug('chromium started', { executablePath, ms: Date.now() - started });
    return browser;
  } catch (e) {
    throw unavailable(executablePath, e instanceof Error ? e.message : String(e));
  }
}

/**
 * Runs inside the print page: puts one document's title, styles and body in place of the previous one's, then
 * waits until every font slice its text needs has arrived. The parsed document is inert (DOMParser runs no
 * script), and the page's policy forbids scripts anyway.
 */
async function showDocument(markup: string): Promise<void> {
  const next = new DOMParser().parseFromString(markup, 'text/html');
  document.title = next.title;
  document.documentElement.lang = next.documentElement.lang;
  document.querySelectorAll('style').forEach((s) => s.remove());
  // The shell's font stylesheet stays; a second copy would make Chromium fetch every slice again.
  next.head.querySelectorAll('style').forEach((s) => document.head.append(document.adoptNode(s)));
  document.body.replaceWith(document.adoptNode(next.body));
  // Layout is what requests font slices; force it now so that `fonts.ready` waits for them.
  document.body.getBoundingClientRect();
  await document.fonts.ready;
}

function clearDocument(): void {
  document.title = '';
  document.querySelectorAll('style').forEach((s) => s.remove());
  document.body.replaceChildren();
}

interface WarmPage {
  context: BrowserContext;
  page: Page;
}

/**
 * A PDF printer on a headless Chromium driven by playwright-core. Launching the browser and loading the CJK font
 * slices are most of the cost of a sheet, so both are paid once: one browser, started on the first print, keeps
 * one page open on the print origin, and each document is swapped into that page and printed. Prints therefore
 * run one after another; the page is emptied after each, and on any failure it is thrown away and made anew.
 */
export function createChromiumPrinter(opts: ChromiumPrinterOptions = {}): PdfPrinter {
  const executablePath = opts.executablePath ?? chromiumExecutable();
  let fonts = opts.fonts;
  let browser: Browser | null = null;
  let warm: WarmPage | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const openPage = async (pageFonts: PrintFonts): Promise<WarmPage> => {
    if (browser === null || !browser.isConnected()) browser = await launch(executablePath);
    const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: false, locale: 'zh-CN' });
    context.setDefaultTimeout(PRINT_TIMEOUT_MS);
    const shell = printShellHtml();
    // Every request is answered from memory or refused: the page never reaches the network or the disk.
    await context.route('**/*', (route: Route) => {
      const request = route.request();
      const answer = answerPrintRequest(request.method(), request.url(), shell, pageFonts);
      if (answer === null) {
        log.warn('print page request refused', { url: request.url().slice(0, 200) });
        return route.abort('blockedbyclient');
      }
      return route.fulfill({ status: answer.status, contentType: answer.contentType, headers: answer.headers, body: answer.body });
    });
    const page = await context.newPage();
    await page.goto(PRINT_PAGE_URL, { waitUntil: 'load' });
    return { context, page };
  };

  const discardPage = async (): Promise<void> => {
    const stale = warm;
    warm = null;
    await stale?.context.close().catch(() => undefined);
  };

  const printOne = async (doc: PrintDocument): Promise<Buffer> => {
    if (fonts === undefined) {
      fonts = loadPrintFonts();
      log.debug('print fonts loaded', { dir: fonts.dir, slices: fonts.slices.length });
    }
    const started = Date.now();
    if (warm === null || warm.page.isClosed() || browser?.isConnected() !== true) {
      await discardPage();
      warm = await openPage(fonts);
    }
    const { page } = warm;
    try {
      await page.evaluate(showDocument, doc.html);
      const pdf = await page.pdf({ format: 'A4', landscape: doc.orientation === 'landscape', printBackground: true, preferCSSPageSize: true });
      // The sheet's data leaves the page now; a page that cannot be emptied is not used again.
      await page.evaluate(clearDocument).catch(discardPage);
      log.debug('printed', { title: doc.title, bytes: pdf.length, ms: Date.now() - started });
      return pdf;
    } catch (e) {
      await discardPage();
      throw e;
    }
  };

  const print = (doc: PrintDocument): Promise<Buffer> => {
    const result = queue.then(() => printOne(doc));
    queue = result.catch(() => undefined);
    return result;
  };

  const close = async (): Promise<void> => {
    await queue;
    await discardPage();
    const b = browser;
    browser = null;
    await b?.close().catch(() => undefined);
  };

  return { print, close };
}
