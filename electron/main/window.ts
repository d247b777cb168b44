// The workbench window. Its webPreferences are written out here, literally, because that is
// where reviewers and audit tools (electronegativity) read them; test/unit/electron/window-
// options.test.ts parses this file and checks every value. The navigation and permission
// guards are attached to every webContents by web-guards.ts.
import { app, BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './security-policy';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Tracelight',
    backgroundColor: '#101418',
    // Shown on ready-to-show so the user never sees an empty white frame.
    show: false,
    // The renderer is a web page with no Node: isolated from the preload, sandboxed, no
    // <webview>. spellcheck is off because Chromium's dictionary download would be network
    // traffic; dropping a file on the window must hand it to the page (to ingest), not navigate
    // to it; middle-click (auxclick) could open a link in a new window, so Blink's feature is off.
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  if (app.isPackaged) {
    // The menu offers no DevTools in a release; close them if a shortcut ever opens them.
    win.webContents.on('devtools-opened', () => win.webContents.closeDevTools());
  }
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
