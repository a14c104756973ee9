/**
 * The Electron glue cannot run here (no Electron binary), so its contract-derived parts are run
 * against a stand-in of the electron module: the preload exposes exactly the contract, and the
 * main process registers exactly the contract, refusing callers that are not the app's page.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES } from '../../shared/ipc/contract';
import type { PreloadBridge } from '../../shared/ipc/transport';

const exposed = new Map<string, unknown>();
const handled = new Map<string, (event: unknown, payload: unknown) => unknown>();
const invoked: [string, unknown][] = [];
const appListeners = new Map<string, (...args: unknown[]) => void>();
const openedExternally: string[] = [];

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: (channel: string, payload: unknown) => {
      invoked.push([channel, payload]);
      return Promise.resolve({ ok: true, value: null });
    },
    on: vi.fn(),
    removeListener: vi.fn(),
  },
  ipcMain: { handle: (channel: string, handler: (event: unknown, payload: unknown) => unknown) => handled.set(channel, handler) },
  BrowserWindow: { getAllWindows: () => [] },
  app: { on: (event: string, listener: (...args: unknown[]) => void) => appListeners.set(event, listener) },
  shell: { openExternal: (url: string) => openedExternally.push(url) },
}));

beforeEach(() => {
  invoked.length = 0;
});

describe('the preload', () => {
  it('exposes one function per contract call and nothing else', async () => {
    await import('../../electron/preload/index');
    expect([...exposed.keys()]).toEqual(['valueLadder']);
    const bridge = exposed.get('valueLadder') as PreloadBridge;
    expect(Object.keys(bridge).sort()).toEqual(['calls', 'subscribe']);
    expect(Object.keys(bridge.calls).sort()).toEqual([...CALL_NAMES].sort());
    await bridge.calls['workspace.open']({ path: '/a.vlw' }, 'job-7');
    expect(invoked).toEqual([['vl:call:workspace.open', { input: { path: '/a.vlw' }, jobId: 'job-7' }]]);
  });
});

describe('IPC registration', () => {
  it('registers every contract call, sends payloads to the dispatcher and refuses other senders', async () => {
    const { registerIpc } = await import('../../electron/main/ipc');
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'dispatched' }));
    registerIpc({ dispatch, events: { subscribe: () => () => undefined } as never });
    expect([...handled.keys()].sort()).toEqual(CALL_NAMES.map((name) => `vl:call:${name}`).sort());

    const fromApp = { senderFrame: { url: 'app://bundle/index.html' } };
    expect(await handled.get('vl:call:workspace.open')?.(fromApp, { input: { path: 'x' }, jobId: 'j' })).toEqual({ ok: true, value: 'dispatched' });
    expect(dispatch).toHaveBeenCalledWith('workspace.open', { path: 'x' }, 'j');

    const fromElsewhere = { senderFrame: { url: 'https://evil.example/' } };
    expect(await handled.get('vl:call:workspace.open')?.(fromElsewhere, { input: { path: 'x' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await handled.get('vl:call:app.info')?.({ senderFrame: null }, 'garbage')).toMatchObject({ ok: false });
    expect(dispatch).toHaveBeenCalledTimes(1);
  });
});

describe('security', () => {
  it('denies every permission and every request that is not the app itself', async () => {
    const { hardenSession } = await import('../../electron/main/security');
    let requestFilter: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | undefined;
    let permissionHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let permissionCheck: (() => boolean) | undefined;
    hardenSession({
      setPermissionRequestHandler: (handler: typeof permissionHandler) => (permissionHandler = handler),
      setPermissionCheckHandler: (handler: typeof permissionCheck) => (permissionCheck = handler),
      setDevicePermissionHandler: () => undefined,
      webRequest: { onBeforeRequest: (handler: typeof requestFilter) => (requestFilter = handler) },
    } as never);
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      requestFilter?.({ url }, (response) => (cancel = response.cancel));
      return cancel;
    };
    expect(verdict('app://bundle/index.html')).toBe(false);
    expect(verdict('data:image/png;base64,AAAA')).toBe(false);
    expect(verdict('https://example.com/tracker.js')).toBe(true);
    expect(verdict('http://127.0.0.1:8080/')).toBe(true);
    expect(verdict('file:///etc/passwd')).toBe(true);
    const granted: boolean[] = [];
    for (const permission of ['geolocation', 'notifications', 'media', 'clipboard-read']) permissionHandler?.(null, permission, (value) => granted.push(value));
    expect(granted).toEqual([false, false, false, false]);
    expect(permissionCheck?.()).toBe(false);
  });

  it('blocks navigation away from the app and new windows; safe links go to the system browser', async () => {
    const { guardWebContents } = await import('../../electron/main/security');
    guardWebContents();
    const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: (name: string, listener: (event: { preventDefault(): void }, url: string) => void) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    };
    appListeners.get('web-contents-created')?.({}, contents);
    const prevented = (name: string, url: string) => {
      let value = false;
      listeners.get(name)?.({ preventDefault: () => (value = true) }, url);
      return value;
    };
    expect(prevented('will-navigate', 'app://bundle/index.html')).toBe(false);
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-attach-webview', '')).toBe(true);
    expect(openHandler?.({ url: 'https://valueladder.app/help' })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(openedExternally).toEqual(['https://valueladder.app/help']);
  });
});
