import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { strToU8, zip, type Zippable } from 'fflate';
import type { ExportResult } from '../../../shared/contract/exports';
import type { ServiceContext } from '../../context';
import { appendAudit } from '../audit';
import { requireClinician } from '../settings';
import { fileStamp, folderExportTarget, writeExportFile } from './target';
import { orderBy, quoted, recordTables } from './tables';

const CHUNK_ROWS = 2_000;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * One CSV cell (RFC 4180). Text is always quoted and numbers never are, so an empty text ("") and a
 * missing value (nothing) stay distinguishable when another system reads the file back.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Uint8Array) return `"base64:${Buffer.from(value).toString('base64')}"`;
  return `"${String(value).replace(/"/g, '""')}"`;
}

function zipAsync(files: Zippable): Promise<Uint8Array> {
  return new Promise((resolve, reject) =>
    zip(files, { level: 6 }, (error, data) => (error ? reject(error) : resolve(data))),
  );
}

/**
 * The whole caseload as one CSV per table, zipped. It reads a private online-backup snapshot rather
 * than the live file, so the export is one consistent moment and the window keeps answering between
 * chunks of rows while it is built.
 */
export async function exportCaseloadCsv(ctx: ServiceContext): Promise<ExportResult> {
  const actor = requireClinician(ctx);
  const at = ctx.now();
  const target = ctx.exportTarget ?? folderExportTarget(join(ctx.dataDirectory, 'exports'));
  const path = await target.choose({ suggestedName: `pacewise-caseload-${fileStamp(at)}.zip`, kind: 'zip' });
  if (!path) return { saved: false };

  // Beside the caseload, not in the system's temp folder: the copy holds every patient's record.
  const snapshotPath = join(ctx.dataDirectory, `.export-snapshot-${ctx.newId()}.db`);
  let snapshot: Database.Database | null = null;
  try {
    await ctx.sqlite.backup(snapshotPath);
    snapshot = new Database(snapshotPath, { readonly: true });
    const files: Zippable = {};
    const counts: string[] = [];
    let rows = 0;
    const tables = recordTables(snapshot);
    for (const table of tables) {
      const lines = [table.columns.map((c) => csvCell(c)).join(',')];
      const statement = snapshot.prepare(`SELECT * FROM ${quoted(table.name)} ORDER BY ${orderBy(table)}`).raw(true);
      let n = 0;
      for (const row of statement.iterate() as IterableIterator<unknown[]>) {
        lines.push(row.map(csvCell).join(','));
        n += 1;
        if (n % CHUNK_ROWS === 0) await yieldToEventLoop();
      }
      rows += n;
      counts.push(`${table.name}.csv\t${n} rows`);
      // A byte-order mark so spreadsheet programs read the names as UTF-8, not as a local code page.
      files[`${table.name}.csv`] = strToU8(`\uFEFF${lines.join('\r\n')}\r\n`);
    }
    files['README.txt'] = strToU8(readme(ctx, at, counts));
    const bytes = await zipAsync(files);
    const written = writeExportFile(path, bytes);
    try {
      ctx.sqlite.transaction(() =>
        appendAudit(ctx.db, ctx, {
          actorId: actor,
          patientId: null,
          entity: 'record_export',
          entityId: 'caseload',
          action: 'create',
          after: {
            kind: 'caseload_csv',
            file: written.fileName,
            path,
            tables: tables.length,
            rows,
            sizeBytes: written.sizeBytes,
          },
        }),
      )();
    } catch (error) {
      // An export nobody can see in the audit trail must not exist.
      rmSync(path, { force: true });
      throw error;
    }
    return { saved: true, ...written, at: at.toISOString(), rows, tables: tables.length };
  } finally {
    snapshot?.close();
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${snapshotPath}${suffix}`, { force: true });
  }
}

function readme(ctx: ServiceContext, at: Date, counts: string[]): string {
  return [
    'Pacewise caseload export',
    `Exported ${at.toISOString()} by Pacewise ${ctx.appVersion}.`,
    '',
    'One CSV file per table (RFC 4180, UTF-8 with a byte-order mark, CRLF line ends). The first row',
    'names the columns. Text is always in double quotes; numbers never are; an empty cell is a',
    'missing value, and "" is an empty text. Dates are YYYY-MM-DD, instants ISO-8601 in UTC, and',
    'columns ending in _json hold JSON. Ids are ULIDs and link the tables (patient_id, session_id…).',
    'Values are exactly as stored: a spreadsheet may read a cell that starts with = as a formula.',
    '',
    ...counts,
    '',
  ].join('\r\n');
}
