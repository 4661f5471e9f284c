import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openSqlite } from './db/connection';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAnchor } from './db/anchor';
import { readAuditKey } from './db/auditKey';
import { verifyAuditChain } from './services/audit';
import { holdTestKey, MIGRATIONS_DIR, tempDir } from './testing';

const ROUNDS = 50;
// Bundled once into node_modules/.cache (so better-sqlite3 resolves): fifty tsx start-ups cost too long.
const CHILD = join(__dirname, '../../node_modules/.cache/pacewise-crash-loop/child.cjs');
beforeAll(() => {
  // A fresh file, not a rewrite: a node_modules copied with hard links (git worktrees) must not share it.
  rmSync(CHILD, { force: true });
  buildSync({
    entryPoints: [join(__dirname, 'crashLoopChild.ts')],
    outfile: CHILD,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3', 'better-sqlite3-multiple-ciphers'],
    logLevel: 'error',
  });
});

/** Starts the child, lets it save for `ms` after it is ready, then SIGKILLs it mid-stream. */
function saveThenKill(dataDir: string, round: number, ms: number): Promise<{ acked: string[]; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, dataDir, MIGRATIONS_DIR, String(round)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!timer && output.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL')
        reject(new Error(`child exited ${code}: ${output.slice(0, 400)} ${errors.slice(0, 400)}`));
      // Only whole lines count: a line cut by the kill was never acknowledged.
      const lines = output.split('\n').slice(0, -1);
      resolve({ acked: lines.filter((l) => l.startsWith('ack ')).map((l) => l.slice(4)), output });
    });
  });
}

describe('crash loop', () => {
  it(`loses no acknowledged save over ${ROUNDS} SIGKILLs mid-stream, and every restart opens cleanly`, async () => {
    const dataDir = tempDir('pacewise-crash-');
    const acknowledged: string[] = [];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < ROUNDS; round++) {
      const { acked } = await saveThenKill(dataDir, round, 20 + Math.floor(random() * 120));
      acknowledged.push(...acked);
      // What the next start-up would see: a clean file, an intact chain, every acknowledged id.
      await holdTestKey(dataDir);
      const sqlite = openSqlite(join(dataDir, 'caseload.db'));
      try {
        expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
        const chain = verifyAuditChain(sqlite, { auditKey: readAuditKey(dataDir), expectedHead: readAnchor(dataDir) });
        expect(chain.breaks).toEqual([]);
        const ids = new Set((sqlite.prepare('SELECT id FROM patient').all() as Array<{ id: string }>).map((r) => r.id));
        const lost = acknowledged.filter((id) => !ids.has(id));
        expect(lost).toEqual([]);
      } finally {
        sqlite.close();
      }
    }
    expect(acknowledged.length).toBeGreaterThan(ROUNDS);
  }, 120_000);
});
