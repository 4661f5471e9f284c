import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Protocol } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing';
import { APP_SCHEME, CONTENT_SECURITY_POLICY } from '../security';
import { registerAppScheme, serveRenderer } from './protocol';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function served() {
  const dir = tempDir('pacewise-renderer-');
  made.push(dir);
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Pacewise</title>');
  writeFileSync(join(root, 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(join(root, '..', 'caseload.db'), 'secret');
  const handlers = new Map<string, (request: Request) => Promise<Response>>();
  serveRenderer(
    {
      handle: (scheme: string, handler: (r: Request) => Promise<Response>) => handlers.set(scheme, handler),
    } as never as Protocol,
    root,
  );
  const get = (url: string) => handlers.get(APP_SCHEME)!(new Request(url));
  return { handlers, get };
}

describe('the app:// protocol wiring', () => {
  it('registers app:// as a standard, secure scheme before the app is ready', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes: unknown[]) => registered.push(...schemes) } as never);
    expect(registered).toEqual([
      expect.objectContaining({
        scheme: APP_SCHEME,
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
  });

  it('serves the renderer’s files with the content security policy', async () => {
    const { handlers, get } = served();
    expect([...handlers.keys()]).toEqual([APP_SCHEME]);
    const response = await get('app://pacewise/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Pacewise</title>');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect((await get('app://pacewise/assets/index.js')).headers.get('Content-Type')).toContain('javascript');
  });

  it.each([
    'app://pacewise/../caseload.db',
    'app://pacewise/%2e%2e/caseload.db',
    'app://pacewise/assets/missing.js',
    'app://elsewhere/index.html',
  ])('answers %s with 404 and nothing of the file', async (url) => {
    const response = await served().get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
  });
});
