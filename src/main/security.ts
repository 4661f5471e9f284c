import { extname, isAbsolute, normalize, relative, resolve, sep } from 'node:path';

/**
 * Security rules for the window, kept free of Electron imports so every rule is unit-tested.
 * Pacewise never uses the network: the only origin it trusts is its own `app://pacewise`.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'pacewise';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Mantine injects style attributes at run time, hence 'unsafe-inline' for styles only. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "worker-src 'self' blob:",
].join('; ');

/**
 * The window's preferences. `devTools` is for a developer's own build only: an installed Pacewise
 * has none, so nobody at an unlocked (or locked) window can read the page or call the API by hand.
 */
export const secureWebPreferences = (preloadPath: string, options: { devTools: boolean }) =>
  ({
    preload: preloadPath,
    devTools: options.devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  }) as const;

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Maps an `app://pacewise/...` request to a file inside the built renderer, or null when the
 * request is for another host or would climb out of the folder (`..`, encoded `%2e%2e`, absolute
 * paths, backslashes, NUL bytes).
 */
export function resolveAppFile(rendererRoot: string, requestUrl: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(requestUrl);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  // The URL parser quietly folds `..` away; a request that tried to climb is refused outright.
  const rawPath = requestUrl.slice(requestUrl.indexOf(APP_HOST) + APP_HOST.length).split(/[?#]/)[0] ?? '';
  let decodedRaw: string;
  try {
    decodedRaw = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (/(^|[/\\])\.\.([/\\]|$)/.test(decodedRaw)) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '/' || path === '') path = '/index.html';
  const root = resolve(rendererRoot);
  const target = resolve(root, normalize(`.${path}`));
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('..') || isAbsolute(rel)) return null;
  return target;
}

/** Every request that is not the app's own is cancelled; the dev server is allowed only in development. */
export function isRequestAllowed(url: string, devServerUrl: string | null = null): boolean {
  if (isAppUrl(url)) return true;
  // In-memory objects the page made itself (a PDF handout to save, an inline icon): never network.
  if (url.startsWith(`blob:${APP_ORIGIN}/`) || url.startsWith('data:')) return true;
  if (url.startsWith('devtools://')) return true;
  if (devServerUrl) {
    try {
      const dev = new URL(devServerUrl);
      const target = new URL(url);
      if ((target.protocol === 'http:' || target.protocol === 'ws:') && target.host === dev.host) return true;
    } catch {
      return false;
    }
  }
  return false;
}

/** Navigation may only stay inside the app (a hash-route change); anything else is refused. */
export function isNavigationAllowed(url: string, devServerUrl: string | null = null): boolean {
  return isAppUrl(url) || (devServerUrl !== null && isRequestAllowed(url, devServerUrl) && url.startsWith('http'));
}

/**
 * IPC is accepted only from the app's own top-level frame: not from an iframe, and not from a page
 * that somehow got navigated elsewhere.
 */
export function isTrustedSender(
  frame: { url: string; parent: unknown } | null | undefined,
  devServerUrl: string | null = null,
): boolean {
  if (!frame || frame.parent !== null) return false;
  return isNavigationAllowed(frame.url, devServerUrl);
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export function mimeTypeFor(file: string): string {
  return mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
