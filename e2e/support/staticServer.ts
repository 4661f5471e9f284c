import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY, mimeTypeFor } from '../../src/main/security';

export const RENDERER_DIR = resolve(__dirname, '../../out/renderer');

/** Serves the built renderer over loopback with the same CSP the app:// protocol sends. */
export async function serveRenderer(): Promise<{ url: string; close(): Promise<void> }> {
  try {
    statSync(join(RENDERER_DIR, 'index.html'));
  } catch {
    throw new Error('The renderer is not built: run `npm run build` before the end-to-end tests.');
  }
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(RENDERER_DIR, `.${path === '/' ? '/index.html' : path}`);
    if (!file.startsWith(RENDERER_DIR)) {
      res.writeHead(404).end();
      return;
    }
    try {
      statSync(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': mimeTypeFor(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
