import { afterEach, describe, expect, it } from 'vitest';
import { startCaseload, type RunningCaseload } from '../caseload';
import { MIGRATIONS_DIR, setUpTestClinic, tempDir } from '../testing';
import { seedPatient } from '../testSeed';
import { forgetDataKey, newDataKey, rememberDataKey } from './keyring';
import { ENCRYPTED_CACHE_KIB, WARMED_TABLES, warmIntakePages } from './warm';

const running: RunningCaseload[] = [];
afterEach(() => running.splice(0).forEach((r) => r.close()));

function start(dir: string): RunningCaseload {
  const r = startCaseload({ dataDir: dir, migrationsDir: MIGRATIONS_DIR, appVersion: 'test', log: () => undefined });
  running.push(r);
  return r;
}

/** Pages of the warmed tables and their indexes, by dbstat's count. */
function warmedPages(r: RunningCaseload): number {
  const names = WARMED_TABLES.map(() => '?').join(', ');
  return (
    r.ctx.sqlite
      .prepare(
        `SELECT count(*) AS n FROM dbstat WHERE name IN (SELECT name FROM sqlite_master WHERE tbl_name IN (${names}))`,
      )
      .get(...WARMED_TABLES) as { n: number }
  ).n;
}

describe('warming an encrypted caseload at sign-in', () => {
  it('reads the intake tables into a larger page cache when the file is encrypted, and leaves a plain file alone', () => {
    const encrypted = tempDir();
    rememberDataKey(encrypted, newDataKey());
    try {
      const first = start(encrypted);
      setUpTestClinic(first.ctx);
      for (let i = 0; i < 40; i++) seedPatient(first.ctx, { mrn: `W${i}` });
      first.close();
      running.pop();
      // Reopened, as at the next sign-in: the page cache has the encrypted size, and warming walks
      // every page of every intake table and index (each b-tree has at least one).
      const again = start(encrypted);
      expect(again.ctx.sqlite.pragma('cache_size', { simple: true })).toBe(-ENCRYPTED_CACHE_KIB);
      const pages = warmedPages(again);
      expect(pages).toBeGreaterThan(WARMED_TABLES.length);
      expect(warmIntakePages(again.ctx.sqlite)).toBe(pages);
    } finally {
      forgetDataKey(encrypted);
    }
    const plain = start(tempDir());
    expect(plain.ctx.sqlite.pragma('cache_size', { simple: true })).not.toBe(-ENCRYPTED_CACHE_KIB);
  });
});
