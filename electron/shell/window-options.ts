import type { BrowserWindowConstructorOptions } from 'electron';

/** The product's display name: window title and the name the OS shows for the app. */
export const PRODUCT_NAME = '网点管户工作台';

export interface MainWindowSettings {
  /** Absolute path of the bundled preload script (dist/electron/preload.cjs). */
  preloadPath: string;
  /** `app.isPackaged`: DevTools exist only in development builds. */
  packaged: boolean;
}

/**
 * The main window's constructor options. Pure on purpose: a unit test reads the security settings
 * without Electron running. Every setting is spelled out even where it equals Electron's default,
 * so a change of default in a later Electron cannot loosen the app silently.
 */
export function mainWindowOptions(settings: MainWindowSettings): BrowserWindowConstructorOptions {
  return {
    title: PRODUCT_NAME,
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    // Shown on `ready-to-show`, so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#f5f7fa',
    autoHideMenuBar: true,
    webPreferences: {
      preload: settings.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // The spell checker downloads dictionaries from Google's CDN; the app makes no network calls.
      spellcheck: false,
      safeDialogs: true,
      devTools: !settings.packaged,
    },
  };
}
