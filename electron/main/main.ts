// Electron main process: wires the pieces together and does nothing else. The window, the
// security policy, the app:// protocol, the engine process, the dialogs and the menu each live
// in their own module; the engine itself is plain Node and runs in a utilityProcess.
import { app, BrowserWindow, session } from 'electron';
import { IPC } from '../common/protocol';
import path from 'node:path';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { registerDialogHandlers } from './dialogs-ipc';
import { askToRestartEngine } from './engine-crash';
import { EngineProcess } from './engine-process';
import { installMenu } from './menu';
import { guardAllWebContents, guardSession } from './web-guards';
import { createMainWindow } from './window';

/**
 * main->renderer channel for menu commands; the preload turns it into a page message.
 * Belongs in electron/common/protocol.ts (IPC) once that file takes it; see the final report.
 */

// main.cjs sits in dist/electron beside the preload and the engine host; the renderer build is
// dist/renderer. Inside a packaged app these paths point into app.asar, which Electron reads.
const distElectron = __dirname;
const paths = {
  preload: path.join(distElectron, 'preload.cjs'),
  engine: path.join(distElectron, 'engine-host.mjs'),
  renderer: path.join(distElectron, '..', 'renderer'),
};

// Both must happen before 'ready': sandbox every renderer Chromium creates, and give app:// its
// privileges (Chromium fixes scheme properties at startup).
app.enableSandbox();
registerAppScheme();

// One instance: a second launch focuses the first window instead of opening a second engine on
// the same case files.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  // Created once the app is ready (app.getPath is only reliable from then on).
  let engine: EngineProcess | null = null;

  const openWindow = (): void => {
    const win = createMainWindow(paths.preload);
    // Every load (first load, reload, restart) gets a fresh port; the old one died with its page.
    win.webContents.on('did-finish-load', () => engine?.connect(win.webContents));
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    mainWindow = win;
  };

  async function offerEngineRestart(code: number): Promise<void> {
    if (!(await askToRestartEngine(mainWindow, code))) {
      app.quit();
      return;
    }
    engine?.start();
    // Reload rather than hand the old page a new port: the page's state referred to the dead
    // engine's open case. The reload's did-finish-load connects it to the new engine.
    mainWindow?.webContents.reload();
  }

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  guardAllWebContents();

  void app.whenReady().then(() => {
    guardSession(session.defaultSession);
    serveAppProtocol(paths.renderer);
    registerDialogHandlers();
    installMenu({
      addEvidence: () => {
        const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
        target?.webContents.send(IPC.menuCommand, 'add-evidence');
      },
    });
    engine = new EngineProcess({
      entry: paths.engine,
      workspaceDir: path.join(app.getPath('documents'), 'Tracelight'),
      onUnexpectedExit: (code) => void offerEngineRestart(code),
    });
    engine.start();
    openWindow();

    // macOS keeps the app alive with no window; clicking the dock icon opens one again.
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('before-quit', () => engine?.stop());
}
