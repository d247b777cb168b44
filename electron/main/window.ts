// The workbench window. Its webPreferences come from security-policy.ts; the navigation and
// permission guards are attached to every webContents by web-guards.ts.
import { app, BrowserWindow } from 'electron';
import { APP_ENTRY_URL, webPreferencesFor } from './security-policy';

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
    webPreferences: webPreferencesFor(preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  if (app.isPackaged) {
    // The menu offers no DevTools in a release; close them if a shortcut ever opens them.
    win.webContents.on('devtools-opened', () => win.webContents.closeDevTools());
  }
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
