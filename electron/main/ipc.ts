import { BrowserWindow, ipcMain, type WebFrameMain } from 'electron';
import { CALL_NAMES } from '../../shared/ipc/contract';
import { callChannel, EVENT_CHANNEL } from '../../shared/ipc/transport';
import type { Backend } from '../services/backend';
import { APP_ORIGIN } from './security';

function isAppFrame(frame: WebFrameMain | null): boolean {
  return frame !== null && frame.url.startsWith(`${APP_ORIGIN}/`);
}

/**
 * One handler per contract call, all alike: only the app's own page may call, and the payload goes
 * to the dispatcher, which validates it. Events go to every window.
 */
export function registerIpc(backend: Pick<Backend, 'dispatch' | 'events'>): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(callChannel(name), (event, payload: unknown) => {
      if (!isAppFrame(event.senderFrame)) return { ok: false, error: { code: 'invalid_input', message: 'Refused: the request did not come from the app.' } };
      const { input, jobId } = (typeof payload === 'object' && payload !== null ? payload : {}) as { input?: unknown; jobId?: unknown };
      return backend.dispatch(name, input, jobId);
    });
  }
  backend.events.subscribe((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(EVENT_CHANNEL, event, payload);
  });
}
