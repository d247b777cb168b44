// The application menu. Deliberately small: the workbench's commands live in the page; the menu
// only adds what a desktop user expects (Quit, Edit shortcuts, reload, About).
import { app, dialog, Menu, type BaseWindow, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  /** File > Add evidence…: ask the focused page to run its own "add evidence" flow. */
  addEvidence(): void;
}

export function installMenu(actions: MenuActions): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Add evidence…', accelerator: 'CmdOrCtrl+O', click: () => actions.addEvidence() },
        { type: 'separator' },
        { role: isMac ? 'close' : 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        // DevTools only in development; a release build has no way to open them.
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as MenuItemConstructorOptions]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'help',
      submenu: [{ label: 'About Tracelight', click: (_item, win) => void showAbout(win) }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function showAbout(win: BaseWindow | undefined): Promise<void> {
  const options = {
    type: 'info' as const,
    title: 'About Tracelight',
    message: `Tracelight ${app.getVersion()}`,
    detail: [
      'Offline forensic triage workbench.',
      'Nothing you load into Tracelight is sent over a network.',
      '',
      `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    ].join('\n'),
    buttons: ['OK'],
  };
  await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}
