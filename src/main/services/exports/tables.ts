import type Database from 'better-sqlite3';
import { exportedColumns } from './columns';

/**
 * Derived or bookkeeping tables, rebuilt from the others, so not part of anyone's record; and the
 * research key (study ids and date offsets), which would undo the research export's de-identification.
 */
const NOT_RECORDS = new Set(['pacewise_migration', 'caseload_summary', 'research_subject', 'patient_name_word']);

export interface TableInfo {
  name: string;
  columns: string[];
  /** Primary-key columns, in key order: the export's row order. */
  key: string[];
  foreignKeys: Array<{ from: string; table: string; to: string }>;
}

export function recordTables(sqlite: Database.Database): TableInfo[] {
  const names = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  return names
    .filter((name) => !NOT_RECORDS.has(name))
    .map((name) => {
      const info = sqlite.pragma(`table_info("${name}")`) as Array<{ name: string; pk: number }>;
      const fks = sqlite.pragma(`foreign_key_list("${name}")`) as Array<{ from: string; table: string; to: string }>;
      return {
        name,
        columns: info.map((c) => c.name),
        key: info
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name),
        foreignKeys: fks.map(({ from, table, to }) => ({ from, table, to })),
      };
    });
}

/**
 * The tables and columns an export may write, as the allow-list in columns.ts says: every export
 * reads through this (and `selectList`), never through `recordTables` with `SELECT *`. A column
 * the list names that this caseload does not have yet (an older file being exported) is skipped.
 */
export function exportedTables(sqlite: Database.Database): TableInfo[] {
  return recordTables(sqlite)
    .filter((table) => Object.hasOwn(exportedColumns, table.name))
    .map((table) => ({ ...table, columns: table.columns.filter((c) => exportedColumns[table.name]!.includes(c)) }));
}

export const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The SELECT list of a table's exported columns. */
export function selectList(table: TableInfo): string {
  return table.columns.map(quoted).join(', ');
}

export function orderBy(table: TableInfo): string {
  return table.key.length > 0 ? table.key.map(quoted).join(', ') : 'rowid';
}
