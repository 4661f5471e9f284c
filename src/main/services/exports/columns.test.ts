import { afterAll, describe, expect, it } from 'vitest';
import { openTestCaseload } from '../../testing';
import { CREDENTIAL_NAME, exportedColumns, notCredentials, withheldColumns } from './columns';
import { exportedTables, recordTables } from './tables';

/*
 * The allow-list against the schema the real migrations build. A column added to any table fails
 * here until someone decides: export it (exportedColumns) or never (withheldColumns, with why).
 */

const running = openTestCaseload({ setUp: false });
afterAll(() => running.close());
const schema = recordTables(running.ctx.sqlite);

/** Columns of a caseload's tables that the allow-list neither exports nor withholds. */
function unclassified(tables: ReturnType<typeof recordTables>): string[] {
  return tables.flatMap((table) =>
    table.columns
      .filter((c) => !exportedColumns[table.name]?.includes(c) && !withheldColumns[table.name]?.[c])
      .map((c) => `${table.name}.${c}`),
  );
}

describe('the export allow-list', () => {
  it('decides every column of every table: exported, or withheld with a reason', () => {
    expect(unclassified(schema)).toEqual([]);
    expect(Object.keys(exportedColumns).sort()).toEqual(schema.map((t) => t.name).sort());
  });

  it('names no column the schema does not have, and never lists a column as both', () => {
    for (const [table, columns] of Object.entries(exportedColumns)) {
      const actual = schema.find((t) => t.name === table)!.columns;
      expect(
        columns.filter((c) => !actual.includes(c)),
        table,
      ).toEqual([]);
      expect(
        columns.filter((c) => withheldColumns[table]?.[c]),
        table,
      ).toEqual([]);
    }
    for (const [table, columns] of Object.entries(withheldColumns)) {
      const actual = schema.find((t) => t.name === table)!.columns;
      expect(
        Object.keys(columns).filter((c) => !actual.includes(c)),
        table,
      ).toEqual([]);
    }
  });

  it('exports no column whose name looks like a credential, unless it says why it is not one', () => {
    const suspicious = exportedTables(running.ctx.sqlite).flatMap((table) =>
      table.columns.filter((c) => CREDENTIAL_NAME.test(c)).map((c) => `${table.name}.${c}`),
    );
    expect(suspicious.filter((column) => !notCredentials[column])).toEqual([]);
    // Each exception is still a column that is exported (a stale one would hide nothing, but mislead).
    expect(Object.keys(notCredentials).filter((column) => !suspicious.includes(column))).toEqual([]);
  });

  it('withholds the PIN hash, and would catch a credential column a later version adds', () => {
    expect(exportedTables(running.ctx.sqlite).find((t) => t.name === 'clinician')!.columns).not.toContain('pin_hash');
    running.ctx.sqlite.exec('ALTER TABLE clinician ADD COLUMN passphrase_salt TEXT');
    running.ctx.sqlite.exec('ALTER TABLE patient ADD COLUMN portal_token TEXT');
    const later = recordTables(running.ctx.sqlite);
    expect(unclassified(later)).toEqual(['clinician.passphrase_salt', 'patient.portal_token']);
    // Not exported meanwhile: the allow-list does not name them.
    const exported = exportedTables(running.ctx.sqlite).flatMap((t) => t.columns.map((c) => `${t.name}.${c}`));
    expect(exported).not.toContain('clinician.passphrase_salt');
    expect(exported).not.toContain('patient.portal_token');
    // And were someone to add one to the list, its name gives it away.
    expect(CREDENTIAL_NAME.test('passphrase_salt') && CREDENTIAL_NAME.test('portal_token')).toBe(true);
  });
});
