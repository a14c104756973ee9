/**
 * The preload: exposes exactly the contract's calls and events on `window.valueLadder`, derived
 * from the contract, and nothing else (no ipcRenderer, no Node).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CALL_NAMES, isEventName, type EventName } from '../../shared/ipc/contract';
import { callChannel, EVENT_CHANNEL, type PreloadBridge } from '../../shared/ipc/transport';

const calls = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (input: unknown, jobId: string) => ipcRenderer.invoke(callChannel(name), { input, jobId })]),
) as PreloadBridge['calls'];

const bridge: PreloadBridge = {
  calls,
  subscribe(listener) {
    const handler = (_event: Electron.IpcRendererEvent, name: unknown, payload: unknown) => {
      if (isEventName(name)) listener(name as EventName, payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('valueLadder', bridge);
