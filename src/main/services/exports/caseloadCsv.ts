import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from '../../db/connection';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import type { ExportResult } from '../../../shared/contract/exports';
import type { ServiceContext } from '../../context';
import { appendAudit } from '../audit';
import { requireClinician } from '../settings';
import { fileStamp, folderExportTarget, moveIntoPlace, partialPathFor } from './target';
import { exportedTables, orderBy, quoted, selectList } from './tables';

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

/** Hands the event loop back whenever this much time has gone on export work without a break. */
const SLICE_MS = 8;

/**
 * The whole caseload as one CSV per table, zipped. It reads through its own read-only connection
 * inside one read transaction: WAL keeps that reader on one consistent moment while saves go on; rows are turned into CSV, compressed
 * and written in short slices, so the window keeps answering on a caseload of any size.
 */
export async function exportCaseloadCsv(ctx: ServiceContext): Promise<ExportResult> {
  const actor = requireClinician(ctx);
  const at = ctx.now();
  const target = ctx.exportTarget ?? folderExportTarget(join(ctx.dataDirectory, 'exports'));
  const path = await target.choose({ suggestedName: `pacewise-caseload-${fileStamp(at)}.zip`, kind: 'zip' });
  if (!path) return { saved: false };

  const partial = partialPathFor(path);
  let snapshot: Database.Database | null = null;
  let fd: number | null = null;
  try {
    snapshot = openSqlite(ctx.sqlite.name, { readonly: true, fileMustExist: true });
    // Deferred: the snapshot is fixed at the first read below and held until the connection closes.
    snapshot.exec('BEGIN');
    fd = openSync(partial, 'w');
    const out = fd;
    let failure: Error | null = null;
    const archive = new Zip((error, data) => {
      if (error) failure = error;
      else writeSync(out, data);
    });
    let sliceStart = performance.now();
    const breathe = async () => {
      if (performance.now() - sliceStart < SLICE_MS) return;
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    };

    const counts: string[] = [];
    let rows = 0;
    const tables = exportedTables(snapshot);
    for (const table of tables) {
      const file = new ZipDeflate(`${table.name}.csv`, { level: 6 });
      archive.add(file);
      // A byte-order mark so spreadsheet programs read the names as UTF-8, not as a local code page.
      let chunk = `\uFEFF${table.columns.map((c) => csvCell(c)).join(',')}\r\n`;
      const statement = snapshot
        .prepare(`SELECT ${selectList(table)} FROM ${quoted(table.name)} ORDER BY ${orderBy(table)}`)
        .raw(true);
      let n = 0;
      for (const row of statement.iterate() as IterableIterator<unknown[]>) {
        chunk += `${row.map(csvCell).join(',')}\r\n`;
        n += 1;
        if (n % 200 === 0) {
          file.push(strToU8(chunk));
          chunk = '';
          await breathe();
        }
      }
      file.push(strToU8(chunk), true);
      rows += n;
      counts.push(`${table.name}.csv\t${n} rows`);
      await breathe();
    }
    const readmeFile = new ZipDeflate('README.txt', { level: 6 });
    archive.add(readmeFile);
    readmeFile.push(strToU8(readme(ctx, at, counts)), true);
    archive.end();
    if (failure) throw failure;
    closeSync(fd);
    fd = null;
    const written = moveIntoPlace(partial, path);
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
    if (fd !== null) closeSync(fd);
    rmSync(partial, { force: true });
    snapshot?.close();
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
