import { and, asc, count, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { QueryBuilder, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { ParsedInputOf } from '../../shared/contract';
import type { PatientMatch, PatientPage, PatientSummary } from '../../shared/contract/patients';
import { foldName, laterNameWords } from '../../shared/names';
import type { ServiceContext } from '../context';
import { prepared } from '../db/prepared';
import { clinician, patient, patientDetails, patientNameWord } from '../db/schema';
import { fieldError, notFound } from '../errors';
import { insertAudited } from './audit';
import { refreshCaseloadSummary } from './caseloadSummary';
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

export const nameKey = foldName;

/** `[lo, hi)` with hi = key + the highest code unit: a prefix match SQLite answers from an index. */
function prefix(column: AnySQLiteColumn, lo: string, hi: string): SQL {
  return and(gte(column, sql.placeholder(lo)), lt(column, sql.placeholder(hi)))!;
}

export type SearchShape = 'all' | 'one_word' | 'two_words';

/** The patients with a later word of a name (patient_name_word) starting with the typed word: one index range. */
function hasLaterWord(lo: string, hi: string): SQL {
  const words = new QueryBuilder()
    .select({ id: patientNameWord.patientId })
    .from(patientNameWord)
    .where(prefix(patientNameWord.word, lo, hi));
  return inArray(patient.id, words);
}

/** A typed word that starts any word of any of the patient's names. */
function startsAName(lo: string, hi: string): SQL {
  return or(
    prefix(patient.familyKey, lo, hi),
    prefix(patient.givenKey, lo, hi),
    prefix(patient.preferredKey, lo, hi),
    hasLaterWord(lo, hi),
  )!;
}

/** The name/MRN match, shared by the patient search and the caseload so both find a person alike. */
export function searchWhere(shape: SearchShape): SQL | undefined {
  if (shape === 'all') return undefined;
  // "mary smith", "smith, mary", "ann ngugi": each typed word starts a word of one of the names.
  if (shape === 'two_words') return and(startsAName('a', 'aHi'), startsAName('b', 'bHi'));
  return or(startsAName('a', 'aHi'), prefix(patient.mrn, 'mrn', 'mrnHi'));
}

export function searchParams(query: string): { shape: SearchShape; params: Record<string, string> } {
  const q = query.trim();
  if (!q) return { shape: 'all', params: {} };
  const words = nameKey(q).replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  const hi = (s: string) => `${s}\uffff`;
  if (words.length > 1) {
    const [a, b] = words as [string, string];
    return { shape: 'two_words', params: { a, aHi: hi(a), b, bHi: hi(b) } };
  }
  const a = words[0]!;
  const mrn = q.toUpperCase();
  return { shape: 'one_word', params: { a, aHi: hi(a), mrn, mrnHi: hi(mrn) } };
}

export function searchPatients(ctx: ServiceContext, input: ParsedInputOf<'patients.search'>): PatientPage {
  const { shape, params } = searchParams(input.query);
  const statuses = [...(input.statuses ?? [])].sort();
  const key = `patients.search:${shape}:${statuses.join(',')}`;
  const where = () => and(searchWhere(shape), statuses.length > 0 ? inArray(patient.status, statuses) : undefined);
  const page = prepared(ctx, `${key}:page`, () =>
    ctx.db
      .select(summaryColumns)
      .from(patient)
      .where(where())
      .orderBy(asc(patient.familyKey), asc(patient.givenKey), asc(patient.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(),
  );
  const total = prepared(ctx, `${key}:count`, () =>
    ctx.db.select({ n: count() }).from(patient).where(where()).prepare(),
  );
  const rows = page.all({ ...params, limit: input.limit, offset: input.offset });
  return {
    patients: rows.map(toSummary),
    total: total.get(params)?.n ?? 0,
    offset: input.offset,
    limit: input.limit,
  };
}

export function getPatient(ctx: ServiceContext, patientId: string): PatientSummary {
  const row = ctx.db.select(summaryColumns).from(patient).where(eq(patient.id, patientId)).get();
  if (!row) throw notFound('That patient');
  return toSummary(row);
}

/**
 * Existing patients who may be the person being added: the same MRN, or the same date of birth and
 * folded name (given and family either way round, or the preferred name as given name). Served by
 * the MRN and family-key indexes.
 */
export function findMatches(ctx: ServiceContext, input: ParsedInputOf<'patients.findMatches'>): PatientMatch[] {
  const matches = new Map<string, PatientMatch>();
  if (input.mrn) {
    const row = prepared(ctx, 'patients.findMatches:mrn', () =>
      ctx.db
        .select(summaryColumns)
        .from(patient)
        .where(eq(patient.mrn, sql.placeholder('mrn')))
        .prepare(),
    ).get({ mrn: input.mrn });
    if (row) matches.set(row.id, { patient: toSummary(row), reason: 'mrn' });
  }
  if (input.givenName && input.familyName && input.dateOfBirth) {
    const given = nameKey(input.givenName);
    const family = nameKey(input.familyName);
    const rows = prepared(ctx, 'patients.findMatches:name', () =>
      ctx.db
        .select(summaryColumns)
        .from(patient)
        .where(
          and(
            eq(patient.dateOfBirth, sql.placeholder('dob')),
            or(
              and(
                eq(patient.familyKey, sql.placeholder('family')),
                or(eq(patient.givenKey, sql.placeholder('given')), eq(patient.preferredKey, sql.placeholder('given'))),
              ),
              and(eq(patient.familyKey, sql.placeholder('given')), eq(patient.givenKey, sql.placeholder('family'))),
            ),
          ),
        )
        .limit(10)
        .prepare(),
    ).all({ dob: input.dateOfBirth, family, given });
    for (const row of rows)
      if (!matches.has(row.id)) matches.set(row.id, { patient: toSummary(row), reason: 'name_and_birth' });
  }
  return [...matches.values()];
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

/** Who the patient is, with the folded name keys search reads (written only here and by intake). */
export function identityColumns(
  input: Pick<
    ParsedInputOf<'patients.create'>,
    'givenName' | 'familyName' | 'preferredName' | 'dateOfBirth' | 'sex' | 'mrn'
  >,
) {
  return {
    givenName: input.givenName,
    familyName: input.familyName,
    preferredName: input.preferredName,
    dateOfBirth: input.dateOfBirth,
    sex: input.sex,
    mrn: input.mrn,
    familyKey: nameKey(input.familyName),
    givenKey: nameKey(input.givenName),
    preferredKey: input.preferredName ? nameKey(input.preferredName) : null,
  };
}

/** Rewrites the words a patient is found by, in the transaction that wrote their names. */
export function writeNameWords(
  ctx: ServiceContext,
  patientId: string,
  names: Pick<ParsedInputOf<'patients.create'>, 'givenName' | 'familyName' | 'preferredName'>,
): void {
  prepared(ctx, 'patients.clearNameWords', () =>
    ctx.db
      .delete(patientNameWord)
      .where(eq(patientNameWord.patientId, sql.placeholder('patientId')))
      .prepare(),
  ).run({ patientId });
  const insert = prepared(ctx, 'patients.insertNameWord', () =>
    ctx.db
      .insert(patientNameWord)
      .values({ word: sql.placeholder('word'), patientId: sql.placeholder('patientId') })
      .prepare(),
  );
  for (const word of laterNameWords(names.givenName, names.familyName, names.preferredName))
    insert.run({ word, patientId });
}

export function createPatient(
  ctx: ServiceContext,
  input: Omit<ParsedInputOf<'patients.create'>, 'leadClinicianId'> & { leadClinicianId?: string | null },
): PatientSummary {
  const actor = requireClinician(ctx);
  return ctx.sqlite.transaction(() => {
    assertMrnFree(ctx, input.mrn);
    const id = ctx.newId();
    const audit = { actorId: actor, patientId: id };
    let row;
    try {
      row = insertAudited(
        ctx,
        patient,
        { id, ...identityColumns(input), status: 'referred' },
        { ...audit, entity: 'patient' },
      );
    } catch (error) {
      if (String(error).includes('UNIQUE constraint failed: patient.mrn')) {
        throw fieldError('mrn', `Hospital number ${input.mrn} is already in use`);
      }
      throw error;
    }
    writeNameWords(ctx, id, input);
    if (input.leadClinicianId) {
      if (!ctx.db.select({ id: clinician.id }).from(clinician).where(eq(clinician.id, input.leadClinicianId)).get()) {
        throw fieldError('leadClinicianId', 'Choose a lead clinician from the list');
      }
      insertAudited(
        ctx,
        patientDetails,
        { patientId: id, leadClinicianId: input.leadClinicianId },
        { ...audit, entity: 'patient_details' },
      );
    }
    refreshCaseloadSummary(ctx, row.id);
    return toSummary(row);
  })();
}
