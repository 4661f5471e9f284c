import type Database from 'better-sqlite3';

/** Derived or bookkeeping tables: rebuilt from the others, so not part of anyone's record. */
const NOT_RECORDS = new Set(['pacewise_migration', 'caseload_summary', 'patient_name_word']);

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

export const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function orderBy(table: TableInfo): string {
  return table.key.length > 0 ? table.key.map(quoted).join(', ') : 'rowid';
}
