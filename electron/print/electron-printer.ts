import type { BrowserWindow, BrowserWindowConstructorOptions, Session } from 'electron';
import { loadPrintFonts } from './fonts.js';
import type { PrintFonts } from './fonts.js';
import { answerPrintRequest, PRINT_ORIGIN, PRINT_PAGE_URL } from './print-route.js';
import { PRINT_TIMEOUT_MS } from './printer.js';
import type { PdfPrinter, PrintDocument } from './printer.js';

/**
 * The desktop app's printer: Electron's own Chromium (`webContents.printToPDF`) on the same in-memory page as the
 * Chromium printer, so no external browser is needed on office PCs. Only type imports from Electron here: the
 * shell passes `BrowserWindow` and the session in, so this file loads (and typechecks) without Electron, and no
 * domain code can reach Electron through it. Not exercised by the tests (no Electron binary in CI).
 */
export interface ElectronPrinterDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  /** A session for printing only, `session.fromPartition('bw-print')`: no `persist:` prefix, so it stays in memory. */
  session: Session;
  fonts?: PrintFonts;
}

/** World for our one script (waiting for fonts), so the page's no-script policy does not apply to it. */
const PRINT_WORLD_ID = 1999;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${PRINT_TIMEOUT_MS} ms`)), PRINT_TIMEOUT_MS);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

export function createElectronPrinter(deps: ElectronPrinterDeps): PdfPrinter {
  const fonts = deps.fonts ?? loadPrintFonts();
  // Prints run one at a time: the session answers one page, the current one.
  let current: string | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  let registered = false;

  const register = (): void => {
    if (registered) return;
    deps.session.protocol.handle('https', (request) => {
      const answer = current === null ? null : answerPrintRequest(request.method, request.url, current, fonts);
      if (answer === null) return Response.error();
      return new Response(new Uint8Array(answer.body), { status: answer.status, headers: { ...answer.headers, 'Content-Type': answer.contentType } });
    });
    // Any other scheme that could reach the network (http, ws) is cancelled before it leaves.
    deps.session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith(`${PRINT_ORIGIN}/`) }));
    registered = true;
  };

  const printOne = async (doc: PrintDocument): Promise<Buffer> => {
    register();
    const win = new deps.BrowserWindow({
      show: false,
      webPreferences: { session: deps.session, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, spellcheck: false },
    });
    current = doc.html;
    try {
      await withTimeout(win.loadURL(PRINT_PAGE_URL), 'Loading the print page');
      await withTimeout(win.webContents.executeJavaScriptInIsolatedWorld(PRINT_WORLD_ID, [{ code: 'document.fonts.ready.then(() => true)' }]), 'Loading fonts');
      return await withTimeout(
        win.webContents.printToPDF({ pageSize: 'A4', landscape: doc.orientation === 'landscape', printBackground: true, preferCSSPageSize: true }),
        'Printing',
      );
    } finally {
      current = null;
      win.destroy();
    }
  };

  return {
    print: (doc) => {
      const result = queue.then(() => printOne(doc));
      queue = result.catch(() => undefined);
      return result;
    },
    close: async () => {
      await queue;
      if (!registered) return;
      deps.session.protocol.unhandle('https');
      deps.session.webRequest.onBeforeRequest(null);
      registered = false;
    },
  };
}
