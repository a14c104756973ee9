import { BrowserWindow, screen } from 'electron';
import type { AppState, WindowState } from '../services/app/app-state';
import { APP_ORIGIN } from './security';

function visible(state: WindowState): boolean {
  if (state.x === undefined || state.y === undefined) return true;
  const { x, y, width, height } = state;
  return screen.getAllDisplays().some(({ workArea: area }) => x < area.x + area.width && x + width > area.x && y < area.y + area.height && y + height > area.y);
}

/** The main window: locked-down web preferences, remembered size and position. */
export function createMainWindow(preload: string, appState: AppState): BrowserWindow {
  const saved = appState.windowState();
  const state = saved && visible(saved) ? saved : { width: 1360, height: 860, maximized: false };
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Value Ladder',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    appState.setWindowState({ x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, maximized: window.isMaximized() });
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
