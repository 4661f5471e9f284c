import type { ExportResult } from '../../../shared/contract/exports';
import type { ServiceContext } from '../../context';
import { notFound } from '../../errors';
import { requireClinician } from '../settings';
import { fileStamp, saveAudited } from './target';
import { exportedTables, orderBy, quoted, selectList, type TableInfo } from './tables';

type Row = Record<string, unknown>;

export interface PatientRecordExport {
  format: 'pacewise-patient-record';
  formatVersion: 1;
  exportedAt: string;
  exportedBy: string;
  appVersion: string;
  schemaVersion: number;
  patient: Row;
  /** Every row of the patient's record, by table, as stored (columns in snake_case, *_json as text). */
  tables: Record<string, Row[]>;
  /** Shared rows the record points to: contacts, clinicians, exercises, classes. */
  referenced: Record<string, Row[]>;
}

const PEOPLE_COLUMNS = /(^|_)(by|actor_id|clinician_id)$/;

/** Reads one patient's complete record in one read transaction, so it is a single consistent moment. */
export function readPatientRecord(
  ctx: ServiceContext,
  patientId: string,
): Omit<PatientRecordExport, 'exportedAt' | 'exportedBy'> {
  return ctx.sqlite.transaction(() => {
    const tables = exportedTables(ctx.sqlite);
    const byName = new Map(tables.map((t) => [t.name, t]));
    const patient = ctx.sqlite
      .prepare(`SELECT ${selectList(byName.get('patient')!)} FROM patient WHERE id = ?`)
      .get(patientId) as Row | undefined;
    if (!patient) throw notFound('That patient');
    const owned = (t: TableInfo) => t.columns.includes('patient_id');
    const record: Record<string, Row[]> = {};
    for (const table of tables) {
      if (table.name === 'patient') continue;
      let rows: Row[];
      if (owned(table)) {
        rows = ctx.sqlite
          .prepare(
            `SELECT ${selectList(table)} FROM ${quoted(table.name)} WHERE patient_id = ? ORDER BY ${orderBy(table)}`,
          )
          .all(patientId) as Row[];
      } else {
        // Rows that belong to the patient through a parent they own (a session's exercise entries).
        const parent = table.foreignKeys.find(
          (fk) => fk.table !== 'patient' && byName.get(fk.table) && owned(byName.get(fk.table)!),
        );
        if (!parent) continue;
        rows = ctx.sqlite
          .prepare(
            `SELECT ${selectList(table)} FROM ${quoted(table.name)} WHERE ${quoted(parent.from)} IN
               (SELECT ${quoted(parent.to)} FROM ${quoted(parent.table)} WHERE patient_id = ?) ORDER BY ${orderBy(table)}`,
          )
          .all(patientId) as Row[];
      }
      if (rows.length > 0) record[table.name] = rows;
    }
    return {
      format: 'pacewise-patient-record' as const,
      formatVersion: 1 as const,
      appVersion: ctx.appVersion,
      schemaVersion: ctx.sqlite.pragma('user_version', { simple: true }) as number,
      patient,
      tables: record,
      referenced: referencedRows(ctx, byName, [patient, ...Object.values(record).flat()], record),
    };
  })();
}

function referencedRows(
  ctx: ServiceContext,
  byName: Map<string, TableInfo>,
  rows: Row[],
  record: Record<string, Row[]>,
): Record<string, Row[]> {
  const wanted = new Map<string, Set<unknown>>();
  const want = (table: string, id: unknown) => {
    if (id === null || id === undefined) return;
    if (!wanted.has(table)) wanted.set(table, new Set());
    wanted.get(table)!.add(id);
  };
  for (const [name, tableRows] of [['patient', rows.slice(0, 1)] as const, ...Object.entries(record)]) {
    const table = byName.get(name)!;
    for (const row of tableRows) {
      for (const fk of table.foreignKeys) {
        const target = byName.get(fk.table);
        if (target && !target.columns.includes('patient_id') && fk.table !== 'patient' && !record[fk.table]) {
          want(fk.table, row[fk.from]);
        }
      }
      for (const column of table.columns) if (PEOPLE_COLUMNS.test(column)) want('clinician', row[column]);
    }
  }
  const out: Record<string, Row[]> = {};
  for (const [name, ids] of [...wanted.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const table = byName.get(name);
    if (!table || table.key.length !== 1) continue;
    const key = quoted(table.key[0]!);
    const statement = ctx.sqlite.prepare(`SELECT ${selectList(table)} FROM ${quoted(name)} WHERE ${key} = ?`);
    const found = [...ids].map((id) => statement.get(id) as Row | undefined).filter((r): r is Row => r !== undefined);
    if (found.length > 0)
      out[name] = found.sort((a, b) => String(a[table.key[0]!]).localeCompare(String(b[table.key[0]!])));
  }
  return out;
}

/** One patient's complete record as JSON, for a records request or a move to another system. */
export async function exportPatientJson(ctx: ServiceContext, patientId: string): Promise<ExportResult> {
  const actor = requireClinician(ctx);
  const at = ctx.now();
  const record = readPatientRecord(ctx, patientId);
  const mrn = String(record.patient.mrn).replace(/[^A-Za-z0-9-]+/g, '_');
  const document: PatientRecordExport = { ...record, exportedAt: at.toISOString(), exportedBy: actor };
  const rows = 1 + Object.values(record.tables).reduce((n, t) => n + t.length, 0);
  const written = await saveAudited(
    ctx,
    { suggestedName: `pacewise-patient-${mrn}-${fileStamp(at)}.json`, kind: 'json' },
    `${JSON.stringify(document, null, 2)}\n`,
    { actorId: actor, patientId, entityId: patientId, kind: 'patient_json', detail: { rows } },
  );
  if (!written) return { saved: false };
  return {
    saved: true,
    ...written,
    at: at.toISOString(),
    rows,
    tables: 1 + Object.keys(record.tables).length,
  };
}
