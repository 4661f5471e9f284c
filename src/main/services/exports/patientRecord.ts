import type Database from 'better-sqlite3';
import { notFound } from '../../errors';
import { internalAuditKeys, recordFields, type RecordRow, type RecordTable } from './recordFields';
import { quoted } from './tables';

type F = typeof recordFields;
type R<K extends keyof F> = RecordRow<F[K]>;

export type ChangeHistoryEntry = Omit<R<'changeHistory'>, 'before' | 'after'> & {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/**
 * One patient's whole record as it leaves Pacewise for another system: every section under the
 * names the screens use, children nested under their parent (a session's exercise log, a goal's
 * milestones), JSON columns as JSON, and the change history with its before and after as objects.
 * Ids stay: they link records to each other and to `referenced`.
 */
export interface PatientRecord {
  format: 'pacewise-patient-record';
  formatVersion: 2;
  appVersion: string;
  schemaVersion: number;
  patient: R<'patient'>;
  details: R<'details'> | null;
  statusChanges: Array<R<'statusChanges'>>;
  careTeam: Array<R<'careTeam'>>;
  referrals: Array<R<'referrals'>>;
  diagnoses: Array<R<'diagnoses'>>;
  boneLesions: Array<R<'boneLesions'>>;
  treatments: Array<R<'treatments'>>;
  comorbidities: Array<R<'comorbidities'>>;
  medications: Array<R<'medications'>>;
  clearances: Array<R<'clearances'>>;
  screenings: Array<R<'screenings'>>;
  goals: Array<R<'goals'> & { milestones: Array<R<'milestones'>> }>;
  movementClearances: Array<R<'movementClearances'>>;
  plans: Array<R<'plans'> & { items: Array<R<'planItems'>> }>;
  sessions: Array<
    R<'sessions'> & {
      exercises: Array<R<'exercises'>>;
      amendments: Array<R<'amendments'>>;
      /** The patient's own answers at check-in, with the clinician's review of each red flag they reported. */
      checkIns: Array<R<'checkIns'> & { reviews: Array<R<'checkInReviews'>> }>;
    }
  >;
  adverseEvents: Array<R<'adverseEvents'>>;
  assessments: Array<R<'assessments'> & { results: Array<R<'results'>> }>;
  letters: Array<R<'letters'> & { sendings: Array<R<'sendings'>>; replies: Array<R<'replies'>> }>;
  changeHistory: ChangeHistoryEntry[];
  /** Shared rows the record points to by id. */
  referenced: {
    clinicians: Array<R<'clinicians'>>;
    contacts: Array<R<'contacts'>>;
    exercises: Array<R<'exerciseLibrary'>>;
    classes: Array<R<'classes'>>;
    customMeasures: Array<R<'customMeasures'>>;
  };
}

type Row = Record<string, unknown>;

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return text ?? null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Kept as written rather than lost: a reader sees the text the column held.
    return text;
  }
}

function convert(spec: RecordTable, raw: Row): Row {
  const row: Row = {};
  for (const f of spec.fields) {
    const value = raw[f.field];
    if (f.as === 'json') row[f.field] = parseJson(value);
    else if (f.as === 'boolean') row[f.field] = value === null || value === undefined ? null : value === 1;
    else if (f.as === 'base64')
      row[f.field] = value instanceof Uint8Array ? Buffer.from(value).toString('base64') : null;
    else row[f.field] = value;
  }
  return row;
}

function reader(sqlite: Database.Database) {
  const cache = new Map<string, Database.Statement>();
  return function rows<S extends RecordTable>(
    spec: S,
    where: string,
    orderBy: string,
    params: unknown[],
  ): Array<RecordRow<S>> {
    const sql = `SELECT ${spec.fields.map((f) => `${quoted(f.column)} AS ${quoted(f.field)}`).join(', ')}
                   FROM ${quoted(spec.name)} WHERE ${where} ORDER BY ${orderBy}`;
    let statement = cache.get(sql);
    if (!statement) {
      statement = sqlite.prepare(sql);
      cache.set(sql, statement);
    }
    return (statement.all(...params) as Row[]).map((raw) => convert(spec, raw) as RecordRow<S>);
  };
}

function groupBy<T extends Row>(rows: T[], key: string): Map<unknown, T[]> {
  const groups = new Map<unknown, T[]>();
  for (const row of rows) {
    const list = groups.get(row[key]);
    if (list) list.push(row);
    else groups.set(row[key], [row]);
  }
  return groups;
}

/** Children read with their parent's id under `parentKey`, which is then dropped (they are nested). */
function withParent<S extends RecordTable>(spec: S, parentColumn: string): S {
  return { ...spec, fields: [...spec.fields, { field: '__parent', column: parentColumn, as: 'value' }] };
}

function nest<T extends Row>(children: T[]): Map<unknown, T[]> {
  const groups = groupBy(children, '__parent');
  for (const child of children) delete child.__parent;
  return groups;
}

/**
 * A change history entry's before or after as an object, at every depth as the rows are written: the
 * internal fields left out, and a `…Json` text (a signed session's exercise rows hold them too)
 * given as the JSON it holds under its name without the suffix.
 */
function changeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(changeValue);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Row)) {
    if (internalAuditKeys.has(key)) continue;
    if (key.endsWith('Json')) out[key.slice(0, -4)] = changeValue(parseJson(inner));
    else out[key] = changeValue(inner);
  }
  return out;
}

function changeSide(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  const side = changeValue(value);
  return side && typeof side === 'object' && !Array.isArray(side) ? (side as Record<string, unknown>) : { value: side };
}

const CLINICIAN_FIELDS = new Set([
  'createdBy',
  'updatedBy',
  'signedBy',
  'startedBy',
  'closedBy',
  'withdrawnBy',
  'finalisedBy',
  'discardedBy',
  'clinicianId',
  'leadClinicianId',
  'actorId',
]);
const CONTACT_FIELDS = new Set(['contactId', 'referrerContactId', 'requestedFromContactId', 'receivedFromContactId']);

/**
 * Reads one patient's record through explicit columns only (recordFields), in one read
 * transaction so it is a single consistent moment. Runs on any connection: the main process's, or
 * the document worker's own read-only one.
 */
export function readPatientRecord(sqlite: Database.Database, patientId: string, appVersion: string): PatientRecord {
  return sqlite.transaction(() => {
    const rows = reader(sqlite);
    const f = recordFields;
    const byPatient = 'patient_id = ?';
    const [patient] = rows(f.patient, 'id = ?', 'id', [patientId]);
    if (!patient) throw notFound('That patient');
    const p = [patientId];
    const owned = (table: string) => `IN (SELECT id FROM ${table} WHERE patient_id = ?)`;

    const milestones = nest(rows(withParent(f.milestones, 'goal_id'), `goal_id ${owned('goal')}`, 'id', p));
    const items = nest(rows(withParent(f.planItems, 'plan_id'), `plan_id ${owned('exercise_plan')}`, 'position', p));
    const entries = nest(
      rows(withParent(f.exercises, 'session_id'), `session_id ${owned('session')}`, 'session_id, position', p),
    );
    const amendments = nest(
      rows(withParent(f.amendments, 'session_id'), `session_id ${owned('session')}`, 'created_at, id', p),
    );
    const results = nest(rows(withParent(f.results, 'assessment_id'), byPatient, 'id', p));
    const reviews = nest(rows(withParent(f.checkInReviews, 'check_in_id'), byPatient, 'created_at, id', p));
    const checkIns = nest(
      rows(withParent(f.checkIns, 'session_id'), byPatient, 'started_at, id', p).map((ci) => ({
        ...ci,
        reviews: reviews.get(ci.id) ?? [],
      })),
    );
    const sendings = nest(rows(withParent(f.sendings, 'letter_id'), `letter_id ${owned('letter')}`, 'sent_on, id', p));
    const replies = nest(rows(withParent(f.replies, 'letter_id'), byPatient, 'received_on, id', p));

    const record: Omit<PatientRecord, 'referenced' | 'format' | 'formatVersion' | 'appVersion' | 'schemaVersion'> = {
      patient,
      details: rows(f.details, byPatient, 'patient_id', p)[0] ?? null,
      statusChanges: rows(f.statusChanges, byPatient, 'effective_on, created_at, id', p),
      careTeam: rows(f.careTeam, byPatient, 'id', p),
      referrals: rows(f.referrals, byPatient, 'referred_on, id', p),
      diagnoses: rows(f.diagnoses, byPatient, 'id', p),
      boneLesions: rows(f.boneLesions, byPatient, 'id', p),
      treatments: rows(f.treatments, byPatient, 'start_date, id', p),
      comorbidities: rows(f.comorbidities, byPatient, 'id', p),
      medications: rows(f.medications, byPatient, 'id', p),
      clearances: rows(f.clearances, byPatient, 'id', p),
      screenings: rows(f.screenings, byPatient, 'screened_on, id', p),
      goals: rows(f.goals, byPatient, 'id', p).map((g) => ({ ...g, milestones: milestones.get(g.id) ?? [] })),
      movementClearances: rows(f.movementClearances, byPatient, 'id', p),
      plans: rows(f.plans, byPatient, 'version', p).map((x) => ({ ...x, items: items.get(x.id) ?? [] })),
      sessions: rows(f.sessions, byPatient, 'date, start_time, id', p).map((s) => ({
        ...s,
        exercises: entries.get(s.id) ?? [],
        amendments: amendments.get(s.id) ?? [],
        checkIns: checkIns.get(s.id) ?? [],
      })),
      adverseEvents: rows(f.adverseEvents, byPatient, 'occurred_at, id', p),
      assessments: rows(f.assessments, byPatient, 'assessed_on, id', p).map((a) => ({
        ...a,
        results: results.get(a.id) ?? [],
      })),
      letters: rows(f.letters, byPatient, 'created_at, id', p).map((l) => ({
        ...l,
        sendings: sendings.get(l.id) ?? [],
        replies: replies.get(l.id) ?? [],
      })),
      changeHistory: rows(f.changeHistory, byPatient, 'seq', p).map((e) => ({
        ...e,
        before: changeSide(e.before),
        after: changeSide(e.after),
      })),
    };
    return {
      format: 'pacewise-patient-record' as const,
      formatVersion: 2 as const,
      appVersion,
      schemaVersion: sqlite.pragma('user_version', { simple: true }) as number,
      ...record,
      referenced: referencedBy(rows, record),
    };
  })();
}

function referencedBy(
  rows: ReturnType<typeof reader>,
  record: Omit<PatientRecord, 'referenced' | 'format' | 'formatVersion' | 'appVersion' | 'schemaVersion'>,
): PatientRecord['referenced'] {
  const clinicians = new Set<string>();
  const contacts = new Set<string>();
  const exercises = new Set<string>();
  const classes = new Set<string>();
  const measures = new Set<string>();
  // Walks every row and nested value: an amendment's corrected entries name exercises too.
  const visit = (value: unknown, key: string | null): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, key);
      return;
    }
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Row)) visit(v, k);
      return;
    }
    if (typeof value !== 'string' || key === null) return;
    if (CLINICIAN_FIELDS.has(key)) clinicians.add(value);
    else if (CONTACT_FIELDS.has(key)) contacts.add(value);
    else if (key === 'exerciseId') exercises.add(value);
    else if (key === 'classId') classes.add(value);
    else if (key === 'measureKey' && value.startsWith('custom.')) measures.add(value.slice('custom.'.length));
  };
  const { changeHistory, ...clinical } = record;
  visit(clinical, null);
  for (const entry of changeHistory) visit(entry.actorId, 'actorId');
  const byIds = <S extends RecordTable>(spec: S, ids: Set<string>): Array<RecordRow<S>> => {
    const list = [...ids].sort();
    if (list.length === 0) return [];
    return rows(spec, `id IN (${list.map(() => '?').join(', ')})`, 'id', list);
  };
  return {
    clinicians: byIds(recordFields.clinicians, clinicians),
    contacts: byIds(recordFields.contacts, contacts),
    exercises: byIds(recordFields.exerciseLibrary, exercises),
    classes: byIds(recordFields.classes, classes),
    customMeasures: byIds(recordFields.customMeasures, measures),
  };
}
