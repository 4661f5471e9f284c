import type { App, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY, isNavigationAllowed, isRequestAllowed } from '../security';

/**
 * Applies the security rules of `security.ts` to every web contents and to the default session.
 * Kept thin: each decision is made by a tested pure function. Electron's objects are passed in,
 * so the wiring itself is tested with fakes (hardening.test.ts).
 */
export function hardenApp(app: Pick<App, 'on'>, ses: Session, devServerUrl: string | null): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devServerUrl));
  hardenSession(ses, devServerUrl);
}

export function hardenWebContents(contents: WebContents, devServerUrl: string | null): void {
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenSession(ses: Session, devServerUrl: string | null): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRequestAllowed(details.url, devServerUrl) });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}
