import type Database from 'better-sqlite3';

/**
 * The tables a patient's overview and the caseload read for every patient: small beside the
 * history (sessions, exercise rows, the audit trail, letters), which is read a patient at a time.
 */
export const WARMED_TABLES = [
  'patient',
  'patient_details',
  'caseload_summary',
  'diagnosis',
  'comorbidity',
  'baseline_screening',
  'goal',
  'goal_milestone',
  'bone_lesion',
  'clearance',
  'medication',
  'treatment',
  'care_team_member',
  'contact',
  'clinician',
] as const;

/**
 * Room for the warmed tables and the day's work: 32 MiB, the most the page cache may take (SQLite
 * allocates it only as pages are read, so a small caseload uses far less). The intake tables of
 * 10,000 patients are ~28 MiB; 64 MiB measured no better for reads and, in two runs, slower saves.
 */
export const ENCRYPTED_CACHE_KIB = 32_768;

/**
 * In an encrypted caseload each page read from disk is decrypted and its HMAC checked (about
 * 12 microseconds a 4 KiB page on the bench machine), so the first look at a patient cost a dozen
 * such reads, one or two per table. Reading the intake tables and their indexes once at sign-in
 * puts them in the page cache decrypted: about 7,000 pages (~60 ms) for 10,000 patients, a few
 * milliseconds for a clinic's few hundred. Reads walk each b-tree through dbstat, page by page.
 * Returns the pages read.
 */
export function warmIntakePages(sqlite: Database.Database): number {
  sqlite.pragma(`cache_size = -${ENCRYPTED_CACHE_KIB}`);
  const present = new Set(
    (
      sqlite
        .prepare(
          `SELECT name FROM sqlite_master WHERE type IN ('table', 'index')
             AND tbl_name IN (${WARMED_TABLES.map(() => '?').join(', ')})`,
        )
        .all(...WARMED_TABLES) as Array<{ name: string }>
    ).map((row) => row.name),
  );
  const pages = sqlite.prepare('SELECT count(*) AS n FROM dbstat WHERE name = ?');
  let read = 0;
  for (const name of present) read += (pages.get(name) as { n: number }).n;
  return read;
}
