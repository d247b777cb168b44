// The page's only door to the desktop: `window.tracelight`, exactly the DesktopBridge interface.
// It runs sandboxed and context-isolated, so it can reach only Electron's renderer modules. It
// never hands the page ipcRenderer or an IPC event (whose `sender` would let the page send on
// any channel); each function calls one fixed channel and checks what comes back.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { ENGINE_PORT_MESSAGE, IPC, MENU_COMMAND_MESSAGE, type DesktopBridge } from '../common/protocol';

/**
 * main->renderer channel for menu commands and the page message it becomes. Duplicated in
 * electron/main/main.ts until electron/common/protocol.ts carries them; see the final report.
 */

/**
 * The little of the DOM this file uses. The node-side tsconfig has no DOM lib (on purpose: the
 * engine must not see it), so the preload declares what it touches instead of pulling it in.
 */
interface PreloadWindow {
  location: { origin: string; protocol: string };
  document: { readyState: string };
  addEventListener(type: 'load', listener: () => void, options: { once: boolean }): void;
  postMessage(message: unknown, targetOrigin: string, transfer?: readonly unknown[]): void;
}
const page = globalThis as unknown as PreloadWindow;

const bridge: DesktopBridge = {
  async openFiles() {
    const paths: unknown = await ipcRenderer.invoke(IPC.openFilesDialog);
    return Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string') : [];
  },
  async openPackage() {
    const chosen: unknown = await ipcRenderer.invoke(IPC.openPackageDialog);
    return typeof chosen === 'string' ? chosen : null;
  },
  async saveFile(defaultName) {
    const chosen: unknown = await ipcRenderer.invoke(IPC.saveFileDialog, String(defaultName));
    return typeof chosen === 'string' ? chosen : null;
  },
  pathForFile(file) {
    return webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0]);
  },
};
contextBridge.exposeInMainWorld('tracelight', bridge);

// The engine's MessagePort arrives in this isolated world; the page lives in the main world.
// Electron's documented way across is window.postMessage with the port in the transfer list.
// The target origin is the page's own: app:// is registered as a standard scheme, so the page
// has a real tuple origin (app://tracelight), not the opaque "null" a file:// page would have,
// and postMessage accepts it. Had the page navigated elsewhere meanwhile, the port is dropped
// instead of delivered to a stranger, which '*' would not guarantee.
const loaded = new Promise<void>((resolve) => {
  if (page.document.readyState === 'complete') resolve();
  else page.addEventListener('load', () => resolve(), { once: true });
});

function postToPage(message: unknown, transfer?: readonly unknown[]): void {
  // Only our own page gets anything (navigation elsewhere is blocked by main; this is the
  // second lock).
  if (page.location.protocol !== 'app:') return;
  page.postMessage(message, page.location.origin, transfer);
}

ipcRenderer.on(IPC.enginePort, (event) => {
  const [port] = event.ports;
  if (!port) return;
  // Wait for load so the page's own listener (installed by its startup code) is in place.
  void loaded.then(() => postToPage({ type: ENGINE_PORT_MESSAGE }, [port]));
});

ipcRenderer.on(IPC.menuCommand, (_event, command: unknown) => {
  if (typeof command !== 'string') return;
  void loaded.then(() => postToPage({ type: MENU_COMMAND_MESSAGE, command }));
});
