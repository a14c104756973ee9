// A stand-in for the parts of Electron the main process uses. It records what the shell asks
// for, so a test can start the real bundle (dist/electron/main.js) and inspect it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const recorded = {
  schemes: [],
  protocolHandlers: new Map(),
  ipcHandlers: new Map(),
  windows: [],
  appListeners: new Map(),
  sandboxEnabled: false,
  menu: null,
  session: { permissionRequest: null, permissionCheck: null, beforeRequest: null },
  sent: [],
};
globalThis.__electronStub = recorded;

const userData = mkdtempSync(join(tmpdir(), 'vl-shell-'));
let ready;
const readyPromise = new Promise((resolve) => (ready = resolve));
setTimeout(() => ready(), 10);

export const app = {
  isPackaged: false,
  enableSandbox: () => (recorded.sandboxEnabled = true),
  requestSingleInstanceLock: () => true,
  on: (event, listener) => recorded.appListeners.set(event, listener),
  whenReady: () => readyPromise,
  getPath: () => userData,
  getVersion: () => '0.0.0-stub',
  getName: () => 'Value Ladder',
  quit: () => undefined,
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => recorded.schemes.push(...schemes),
  handle: (scheme, handler) => recorded.protocolHandlers.set(scheme, handler),
};

export const ipcMain = { handle: (channel, handler) => recorded.ipcHandlers.set(channel, handler) };

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler) => (recorded.session.permissionRequest = handler),
    setPermissionCheckHandler: (handler) => (recorded.session.permissionCheck = handler),
    setDevicePermissionHandler: () => undefined,
    webRequest: { onBeforeRequest: (handler) => (recorded.session.beforeRequest = handler) },
  },
};

export class BrowserWindow {
  constructor(options) {
    this.options = options;
    this.loaded = null;
    this.webContents = { send: (...args) => recorded.sent.push(args), printToPDF: async () => Buffer.from('%PDF-stub') };
    recorded.windows.push(this);
  }
  static getAllWindows() {
    return recorded.windows;
  }
  static getFocusedWindow() {
    return recorded.windows[0] ?? null;
  }
  loadURL(url) {
    this.loaded = url;
    return Promise.resolve();
  }
  once() {}
  on() {}
  maximize() {}
  isMaximized() {
    return false;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1360, height: 860 };
  }
  destroy() {}
}

export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: (menu) => (recorded.menu = menu),
};
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
export const dialog = { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) };
export const shell = { openExternal: async () => undefined };
export default { app, protocol, ipcMain, session, BrowserWindow, Menu, screen, dialog, shell };
