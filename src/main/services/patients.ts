import { and, asc, count, eq, gte, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { ParsedInputOf } from '../../shared/contract';
import type { PatientPage, PatientSummary } from '../../shared/contract/patients';
import type { ServiceContext } from '../context';
import { patient } from '../db/schema';
import { fieldError, notFound } from '../errors';
import { appendAudit } from './audit';
import { requireClinician } from './settings';

const summaryColumns = {
  id: patient.id,
  givenName: patient.givenName,
  familyName: patient.familyName,
  preferredName: patient.preferredName,
  dateOfBirth: patient.dateOfBirth,
  sex: patient.sex,
  mrn: patient.mrn,
  status: patient.status,
};

type SummaryRow = { [K in keyof typeof summaryColumns]: (typeof patient.$inferSelect)[K] };

export function toSummary(row: SummaryRow): PatientSummary {
  return {
    ...row,
    sex: row.sex as PatientSummary['sex'],
    status: row.status as PatientSummary['status'],
  };
}

export const nameKey = (name: string) => name.trim().toLocaleLowerCase('en');

/** `[key, key + highest char)`: a prefix match that SQLite answers from an index, not a scan. */
function prefix(column: AnySQLiteColumn, key: string): SQL {
  return and(gte(column, key), lt(column, `${key}\uffff`))!;
}

export function searchCondition(query: string): SQL | undefined {
  const q = query.trim();
  if (!q) return undefined;
  const key = nameKey(q);
  const words = key.split(/\s+/);
  if (words.length > 1) {
    // "mary smith" or "smith mary": both words must match the given and family names.
    const [a, b] = words as [string, string];
    return or(
      and(prefix(patient.givenKey, a), prefix(patient.familyKey, b)),
      and(prefix(patient.familyKey, a.replace(/,$/, '')), prefix(patient.givenKey, b)),
      and(prefix(patient.preferredKey, a), prefix(patient.familyKey, b)),
    );
  }
  return or(
    prefix(patient.familyKey, key),
    prefix(patient.givenKey, key),
    prefix(patient.preferredKey, key),
    prefix(patient.mrn, q.toUpperCase()),
  );
}

export function searchPatients(ctx: ServiceContext, input: ParsedInputOf<'patients.search'>): PatientPage {
  const where = and(
    searchCondition(input.query),
    input.statuses && input.statuses.length > 0 ? inArray(patient.status, input.statuses) : undefined,
  );
  const rows = ctx.db
    .select(summaryColumns)
    .from(patient)
    .where(where)
    .orderBy(asc(patient.familyKey), asc(patient.givenKey), asc(patient.id))
    .limit(input.limit)
    .offset(input.offset)
    .all();
  const total = ctx.db.select({ n: count() }).from(patient).where(where).get()?.n ?? 0;
  return { patients: rows.map(toSummary), total, offset: input.offset, limit: input.limit };
}

export function getPatient(ctx: ServiceContext, patientId: string): PatientSummary {
  const row = ctx.db.select(summaryColumns).from(patient).where(eq(patient.id, patientId)).get();
  if (!row) throw notFound('That patient');
  return toSummary(row);
}

export function assertMrnFree(ctx: ServiceContext, mrn: string, exceptPatientId?: string): void {
  const clash = ctx.db
    .select({ id: patient.id, givenName: patient.givenName, familyName: patient.familyName })
    .from(patient)
    .where(eq(patient.mrn, mrn))
    .get();
  if (clash && clash.id !== exceptPatientId) {
    throw fieldError('mrn', `Hospital number ${mrn} already belongs to ${clash.givenName} ${clash.familyName}`);
  }
}

export function createPatient(ctx: ServiceContext, input: ParsedInputOf<'patients.create'>): PatientSummary {
  const actor = requireClinician(ctx);
  return ctx.sqlite.transaction(() => {
    assertMrnFree(ctx, input.mrn);
    const at = ctx.now().toISOString();
    const row = {
      id: ctx.newId(),
      givenName: input.givenName,
      familyName: input.familyName,
      preferredName: input.preferredName,
      dateOfBirth: input.dateOfBirth,
      sex: input.sex,
      mrn: input.mrn,
      status: 'referred',
      familyKey: nameKey(input.familyName),
      givenKey: nameKey(input.givenName),
      preferredKey: input.preferredName ? nameKey(input.preferredName) : null,
      createdAt: at,
      createdBy: actor,
      updatedAt: at,
      updatedBy: actor,
    };
    try {
      ctx.db.insert(patient).values(row).run();
    } catch (error) {
      if (String(error).includes('UNIQUE constraint failed: patient.mrn')) {
        throw fieldError('mrn', `Hospital number ${input.mrn} is already in use`);
      }
      throw error;
    }
    appendAudit(ctx.db, ctx, {
      actorId: actor,
      patientId: row.id,
      entity: 'patient',
      entityId: row.id,
      action: 'create',
      after: row,
    });
    return toSummary(row);
  })();
}
