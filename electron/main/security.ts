import { app, shell, type Session } from 'electron';
import { isSafeExternalUrl } from '../services/host/external-url';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://bundle`;


/** The one way a link leaves the app: https and mailto only, opened by the system. */
export async function safeOpenExternal(url: string): Promise<void> {
  if (!isSafeExternalUrl(url)) return;
  // eslint-disable-next-line no-restricted-properties -- this is the guarded function itself
  await shell.openExternal(url);
}

const ALLOWED_REQUEST = /^(app:|report:|devtools:|data:|blob:)/;

/** Denies every permission, and every request that is not the app's own files. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !ALLOWED_REQUEST.test(details.url) }));
  session.setDevicePermissionHandler(() => false);
}

/** No navigation away from the app, no new windows, no webviews — for every web contents ever created. */
export function guardWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      void safeOpenExternal(url);
      return { action: 'deny' };
    });
  });
}
