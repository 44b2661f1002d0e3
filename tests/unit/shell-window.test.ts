import { describe, expect, it } from 'vitest';
import { START_URL, isAllowedRequestUrl, isAppUrl } from '../../electron/shell/app-url.js';
import { mainWindowOptions } from '../../electron/shell/window-options.js';

const PRELOAD = '/opt/app/dist/electron/preload.cjs';

describe('main window options', () => {
  const packaged = mainWindowOptions({ preloadPath: PRELOAD, packaged: true });
  const web = packaged.webPreferences ?? {};

  it('isolates the renderer from Node and Electron', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and unused features off', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    expect(web.spellcheck).toBe(false);
    expect(web.safeDialogs).toBe(true);
  });

  it('loosens nothing that Electron enables by default: no Blink features, no extra arguments', () => {
    expect(web.enableBlinkFeatures).toBeUndefined();
    expect(web.additionalArguments).toBeUndefined();
    expect(web.partition).toBeUndefined();
    expect(web.session).toBeUndefined();
  });

  it('uses the given preload script', () => {
    expect(web.preload).toBe(PRELOAD);
  });

  it('offers DevTools only when not packaged', () => {
    expect(web.devTools).toBe(false);
    const dev = mainWindowOptions({ preloadPath: PRELOAD, packaged: false });
    expect(dev.webPreferences?.devTools).toBe(true);
    // Nothing else changes between development and packaged builds.
    expect({ ...dev.webPreferences, devTools: false }).toEqual(web);
  });

  it('starts hidden, shown once the first frame is ready', () => {
    expect(packaged.show).toBe(false);
  });
});

describe('app origin', () => {
  it('recognises only the app scheme and host', () => {
    expect(isAppUrl(START_URL)).toBe(true);
    expect(isAppUrl('app://workbench/clients?id=3#top')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('app://user@workbench/index.html')).toBe(false);
    expect(isAppUrl('https://workbench/index.html')).toBe(false);
    expect(isAppUrl('file:///opt/app/dist/renderer/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });

  it('lets through only requests that cannot leave the machine', () => {
    for (const url of [START_URL, 'app://workbench/assets/index-abc.js', 'data:image/png;base64,AAAA', 'blob:app://workbench/5e1c', 'devtools://devtools/bundled/inspector.html']) {
      expect(isAllowedRequestUrl(url), url).toBe(true);
    }
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/api', 'ws://localhost/', 'file:///etc/passwd', 'ftp://x/', 'app://other/index.html', 'chrome-extension://abc/x.js', '']) {
      expect(isAllowedRequestUrl(url), url).toBe(false);
    }
  });
});
