import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isNavigationAllowed,
  isRequestAllowed,
  isTrustedSender,
  resolveAppFile,
  secureWebPreferences,
} from './security';

const root = resolve('/opt/pacewise/renderer');

describe('window hardening', () => {
  it('turns off Node in the renderer and isolates the preload', () => {
    const prefs = secureWebPreferences('/x/preload.js', { devTools: false });
    expect(prefs).toMatchObject({
      devTools: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
    });
  });

  it('has a Content-Security-Policy that names no remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-eval/);
  });
});

describe('app:// protocol guard', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveAppFile(root, 'app://pacewise/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://pacewise/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://pacewise/assets/index-abc.js')).toBe(join(root, 'assets/index-abc.js'));
  });

  it.each([
    'app://pacewise/../../etc/passwd',
    'app://pacewise/%2e%2e/%2e%2e/etc/passwd',
    'app://pacewise/assets/%2e%2e%2f%2e%2e%2fsecret',
    'app://pacewise/..%5c..%5cwindows',
    'app://pacewise/a%00.js',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });
});

describe('network and navigation', () => {
  it('allows only the app’s own requests', () => {
    expect(isRequestAllowed('app://pacewise/assets/a.js')).toBe(true);
    expect(isRequestAllowed('https://example.com/track.gif')).toBe(false);
    expect(isRequestAllowed('blob:app://pacewise/4f6c1a2e-handout')).toBe(true);
    expect(isRequestAllowed('blob:https://evil.example/4f6c1a2e')).toBe(false);
    expect(isRequestAllowed('data:image/svg+xml,%3Csvg%3E')).toBe(true);
    expect(isRequestAllowed('http://127.0.0.1:5173/')).toBe(false);
    expect(isRequestAllowed('ws://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isRequestAllowed('https://localhost:5173.evil.com/', 'http://localhost:5173')).toBe(false);
  });

  it('keeps navigation inside the app', () => {
    expect(isNavigationAllowed('app://pacewise/index.html#/caseload')).toBe(true);
    expect(isNavigationAllowed('https://phishing.example/login')).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd')).toBe(false);
  });

  it('accepts IPC only from the app’s top frame', () => {
    expect(isTrustedSender({ url: 'app://pacewise/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://pacewise/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
