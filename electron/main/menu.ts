import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/ipc/contract';

/**
 * The application menu. Items send app commands to the renderer, which runs them exactly as its
 * own keyboard shortcuts do; the menu only shows the accelerators.
 */
export function installMenu(send: (command: AppCommand) => void, options: { developer: boolean }): void {
  const item = (label: string, command: AppCommand, accelerator?: string): MenuItemConstructorOptions => ({ label, accelerator, click: () => send(command) });
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        item('Home', 'home', 'CmdOrCtrl+H'),
        item('New Workspace…', 'newWorkspace', 'CmdOrCtrl+N'),
        item('Open Workspace…', 'openWorkspace', 'CmdOrCtrl+O'),
        item('Close Workspace', 'closeWorkspace', 'CmdOrCtrl+W'),
        { type: 'separator' },
        item('Open Demo Business', 'openDemo'),
        item('Open CDNOW Sample', 'openCdnow'),
        { type: 'separator' },
        item('Settings', 'settings', 'CmdOrCtrl+,'),
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...(options.developer ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }] : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [item('Glossary', 'glossary', 'F1'), { type: 'separator' }, { label: `About ${app.getName()}`, role: 'about' }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
