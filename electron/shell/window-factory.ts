import { BrowserWindow } from 'electron';
import type { Session, WebContents } from 'electron';
import { createLogger } from '../platform/log.js';
import { START_URL, isAllowedRequestUrl, isAppUrl } from './app-url.js';
import { mainWindowOptions } from './window-options.js';
import type { MainWindowSettings } from './window-options.js';

const log = createLogger('window');

/**
 * Keeps any web contents on the app's own pages: no pop-ups, no navigation or redirect elsewhere,
 * no <webview>. Applied to every web contents the app creates, not only the main window's.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('blocked window.open', { url });
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    log.warn('blocked navigation', { url: event.url });
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (isAppUrl(event.url)) return;
    log.warn('blocked redirect', { url: event.url });
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    log.warn('blocked webview');
    event.preventDefault();
  });
}

/**
 * Denies every permission (camera, notifications, geolocation, clipboard reads, devices …) and
 * cancels every request that is not for the app's own scheme, so no network request ever leaves the app.
 */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('denied permission request', { permission });
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) log.warn('cancelled request', { url: details.url });
    callback({ cancel: !allowed });
  });
}

/** Builds the hardened main window and loads the app; shown once its first frame is ready. */
export async function createMainWindow(settings: MainWindowSettings): Promise<BrowserWindow> {
  const win = new BrowserWindow(mainWindowOptions(settings));
  hardenSession(win.webContents.session);
  hardenWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  await win.loadURL(START_URL);
  return win;
}
