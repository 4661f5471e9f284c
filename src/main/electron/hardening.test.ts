import type { App, Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY } from '../security';
import { hardenApp } from './hardening';

type Listener = (...args: never[]) => unknown;

/** Records what the wiring registers, so each registered handler can be driven as Electron would. */
class Recorder {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  /** Emits `event` with an event object that remembers whether preventDefault was called. */
  emit(event: string, ...args: unknown[]): { prevented: boolean } {
    const handlers = this.listeners.get(event) ?? [];
    expect(handlers.length, `a listener for ${event}`).toBeGreaterThan(0);
    const outcome = { prevented: false };
    const electronEvent = { preventDefault: () => void (outcome.prevented = true) };
    for (const handler of handlers) (handler as (...a: unknown[]) => unknown)(electronEvent, ...args);
    return outcome;
  }
}

class FakeWebContents extends Recorder {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

class FakeSession {
  permissionRequest: Listener | null = null;
  permissionCheck: Listener | null = null;
  devicePermission: Listener | null = null;
  beforeRequest: Listener | null = null;
  headersReceived: Listener | null = null;
  setPermissionRequestHandler(handler: Listener) {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: Listener) {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: Listener) {
    this.devicePermission = handler;
  }
  webRequest = {
    onBeforeRequest: (handler: Listener) => void (this.beforeRequest = handler),
    onHeadersReceived: (handler: Listener) => void (this.headersReceived = handler),
  };
}

function hardened(devServerUrl: string | null = null) {
  const app = new Recorder();
  const session = new FakeSession();
  hardenApp(app as unknown as App, session as unknown as Session, devServerUrl);
  const contents = new FakeWebContents();
  app.emit('web-contents-created', contents as unknown as WebContents);
  return { app, session, contents };
}

/** Calls a handler that answers through a callback, and returns what it answered. */
function answer<T>(handler: Listener | null, ...args: unknown[]): T {
  expect(handler).not.toBeNull();
  let answered: T | undefined;
  let calls = 0;
  (handler as (...a: unknown[]) => unknown)(...args, (value: T) => {
    answered = value;
    calls += 1;
  });
  expect(calls).toBe(1);
  return answered as T;
}

describe('the Electron hardening wiring', () => {
  it('hardens every web contents as it is created, not only the first window', () => {
    const { app } = hardened();
    const second = new FakeWebContents();
    app.emit('web-contents-created', second);
    expect(second.windowOpenHandler).not.toBeNull();
    expect(second.listeners.get('will-navigate')).toHaveLength(1);
  });

  it('denies window.open, whatever the URL', () => {
    const { contents } = hardened();
    for (const url of ['https://example.com/', APP_ENTRY_URL, 'file:///etc/passwd']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
  });

  it('prevents any webview from attaching', () => {
    const { contents } = hardened();
    expect(contents.emit('will-attach-webview', {}, { src: APP_ENTRY_URL }).prevented).toBe(true);
  });

  it('prevents navigating or redirecting away from the app, and allows staying inside it', () => {
    const { contents } = hardened();
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(contents.emit(event, 'https://example.com/phish').prevented).toBe(true);
      expect(contents.emit(event, 'file:///home/clinician/caseload.db').prevented).toBe(true);
      expect(contents.emit(event, 'http://localhost:5173/').prevented).toBe(true);
      expect(contents.emit(event, `${APP_ENTRY_URL}#/patients`).prevented).toBe(false);
    }
  });

  it('allows the dev server only when one is given (development)', () => {
    const { contents } = hardened('http://localhost:5173');
    expect(contents.emit('will-navigate', 'http://localhost:5173/#/today').prevented).toBe(false);
    expect(contents.emit('will-navigate', 'http://localhost:8080/').prevented).toBe(true);
  });

  it('denies every permission request, check and device permission', () => {
    const { session } = hardened();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(answer<boolean>(session.permissionRequest, {}, permission)).toBe(false);
      expect((session.permissionCheck as (...a: unknown[]) => unknown)({}, permission, APP_ENTRY_URL, {})).toBe(false);
    }
    expect((session.devicePermission as (...a: unknown[]) => unknown)({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels every request that is not the app’s own', () => {
    const { session } = hardened();
    const cancelled = (url: string) => answer<{ cancel: boolean }>(session.beforeRequest, { url }).cancel;
    expect(cancelled('https://example.com/tracker.js')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/')).toBe(true);
    expect(cancelled('ws://localhost:5173/')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled(APP_ENTRY_URL)).toBe(false);
    expect(cancelled('app://pacewise/assets/index.js')).toBe(false);
  });

  it('puts the content security policy on every response', () => {
    const { session } = hardened();
    const result = answer<{ responseHeaders: Record<string, string[]> }>(session.headersReceived, {
      url: APP_ENTRY_URL,
      responseHeaders: { 'Content-Type': ['text/html'] },
    });
    expect(result.responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(result.responseHeaders['Content-Type']).toEqual(['text/html']);
  });
});
