/**
 * The Electron shell: app lifecycle only. Everything it serves lives in plain-Node services
 * (`createBackend`); this file wires them to windows, IPC, dialogs, the menu and printing.
 */
import { app, BrowserWindow, dialog, session } from 'electron';
import { existsSync } from 'node:fs';
import { createBackend, type Backend } from '../services/backend';
import { chooseFile, showFile } from './dialogs';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { appPaths } from './paths';
import { printHtmlToPdf, serveReports } from './print';
import { registerSchemes, serveRenderer } from './protocol';
import { guardWebContents, hardenSession, safeOpenExternal } from './security';
import { createMainWindow } from './window';
import { workerIsIntact } from './worker-integrity';
import { EVENT_CHANNEL } from '../../shared/ipc/transport';

registerSchemes();
app.enableSandbox();
guardWebContents();

if (!app.requestSingleInstanceLock()) app.quit();

/** A workspace given on the command line (`Value Ladder client.vlw`, or a double-clicked file). */
function workspaceArgument(argv: string[]): string | undefined {
  return argv.slice(1).find((arg) => arg.endsWith('.vlw') && existsSync(arg));
}

let backend: Backend | undefined;

app.on('second-instance', (_event, argv) => {
  const window = BrowserWindow.getAllWindows()[0];
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
  const requested = workspaceArgument(argv);
  if (!requested || !backend) return;
  try {
    backend.workspaces.openRequested(requested);
  } catch (error) {
    console.error('[value-ladder] could not open a workspace asked for by a second start:', error);
  }
});

app.on('window-all-closed', () => app.quit());

app.on('will-quit', () => {
  void backend?.dispose();
});

void app.whenReady().then(async () => {
  const paths = appPaths();
  if (!workerIsIntact(paths.workerScript)) {
    dialog.showErrorBox('Value Ladder', 'A file of Value Ladder was changed after it was installed (worker.mjs). Reinstall Value Ladder.');
    app.quit();
    return;
  }
  hardenSession(session.defaultSession);
  serveRenderer(paths.rendererDir);
  serveReports();
  backend = createBackend({
    ports: { kind: 'electron', chooseFile, openExternal: safeOpenExternal, showFile, printPdf: printHtmlToPdf },
    dataDir: app.getPath('userData'),
    samplesDir: paths.samplesDir,
    sqlite: existsSync(paths.nativeBinding) ? { nativeBinding: paths.nativeBinding } : {},
    workerScript: paths.workerScript,
    appVersion: app.getVersion(),
  });
  registerIpc(backend);
  installMenu((command) => BrowserWindow.getFocusedWindow()?.webContents.send(EVENT_CHANNEL, 'app.command', { command }), { developer: !app.isPackaged });
  const requested = workspaceArgument(process.argv);
  backend.warmWorker(); // the first import (or sample) then starts at once
  try {
    await backend.workspaces.restore(requested);
  } catch (error) {
    // The home screen shows the recent list and what to do; the failure is only logged, and a
    // workspace named on the command line that does not open gives way to the usual start.
    console.error('[value-ladder] could not open a workspace at start:', error);
    if (requested) await backend.workspaces.restore(undefined).catch(() => undefined);
  }
  createMainWindow(paths.preload, backend.appState);
});
