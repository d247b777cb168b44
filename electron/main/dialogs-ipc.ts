// Native open/save dialogs for the page, the only IPC main answers. Each call checks that it
// comes from our own app:// page, and every argument is treated as untrusted input.
import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { IPC } from '../common/protocol';
import { isTrustedSender, safeFileName } from './security-policy';

export function registerDialogHandlers(): void {
  ipcMain.handle(IPC.openFilesDialog, async (event): Promise<string[]> => {
    const win = senderWindow(event);
    const result = await dialog.showOpenDialog(win, {
      title: 'Add evidence',
      buttonLabel: 'Add evidence',
      properties: ['openFile', 'multiSelections'],
    });
    return result.canceled ? [] : result.filePaths;
  });

  ipcMain.handle(IPC.openPackageDialog, async (event): Promise<string | null> => {
    const win = senderWindow(event);
    const result = await dialog.showOpenDialog(win, {
      title: 'Open evidence package for review',
      buttonLabel: 'Review',
      filters: [{ name: 'Evidence package', extensions: ['zip'] }, { name: 'All files', extensions: ['*'] }],
      properties: ['openFile'],
    });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });

  ipcMain.handle(IPC.saveFileDialog, async (event, defaultName: unknown): Promise<string | null> => {
    const win = senderWindow(event);
    const name = safeFileName(defaultName);
    const ext = path.extname(name).slice(1).toLowerCase();
    const result = await dialog.showSaveDialog(win, {
      defaultPath: path.join(app.getPath('documents'), name),
      filters: ext ? [{ name: ext.toUpperCase(), extensions: [ext] }, { name: 'All files', extensions: ['*'] }] : [],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    return result.canceled || !result.filePath ? null : result.filePath;
  });
}

function senderWindow(event: IpcMainInvokeEvent): BrowserWindow {
  if (!isTrustedSender(event.senderFrame?.url)) {
    throw new Error(`refused dialog request from ${event.senderFrame?.url ?? 'a closed frame'}`);
  }
  const win = BrowserWindow.fromWebContents(event.sender);
  if (!win) throw new Error('refused dialog request: no window');
  return win;
}
