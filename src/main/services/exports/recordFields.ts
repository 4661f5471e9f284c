import { getTableColumns, getTableName, type Column } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import {
  adverseEvent,
  assessment,
  auditEvent,
  baselineScreening,
  boneLesion,
  careTeamMember,
  clearance,
  checkIn,
  checkInReview,
  clinician,
  comorbidity,
  contact,
  customMeasure,
  diagnosis,
  exercise,
  exerciseEntry,
  exercisePlan,
  goal,
  goalMilestone,
  groupClass,
  letter,
  letterReply,
  letterSending,
  measureResult,
  medication,
  movementClearance,
  patient,
  patientDetails,
  planItem,
  referral,
  session,
  sessionAmendment,
  statusChange,
  treatment,
} from '../../db/schema';

/**
 * What of each table leaves Pacewise in a patient's record, by explicit allow-list: a column not
 * named in `keep` is never read, so a column added later (a credential, a draft) cannot leak. The
 * type makes `keep` and `omit` cover every column between them: adding a column to the schema is a
 * type error here until someone decides, in writing, whether it belongs in the record.
 *
 * Field names are the ones the screens and the contract use (`dateOfBirth`, `startTime`); a `…Json`
 * column is read as the JSON it holds under its name without the suffix (`screenJson` → `screen`),
 * a stored 0/1 flag as true/false, and a file's bytes as base64 (`pdfBytes` → `pdfBase64`).
 */
export interface RecordTable<Row = Record<string, unknown>> {
  name: string;
  /** Output field → how to read it. */
  fields: ReadonlyArray<{ field: string; column: string; as: 'value' | 'json' | 'boolean' | 'base64' }>;
  /** Column (SQL name) → why it is not in the record. */
  omitted: Readonly<Record<string, string>>;
  /** The row's type, for readers (never set at run time). */
  readonly row?: Row;
}

type ColumnsOf<T extends SQLiteTable> = T['_']['columns'];
type Key<T extends SQLiteTable> = keyof ColumnsOf<T> & string;
type Renamed<K extends string> = K extends `${infer B}Json` ? B : K extends `${infer B}Bytes` ? `${B}Base64` : K;
type FieldValue<S, K extends keyof S & string> = K extends `${string}Json` | 'avoidTags'
  ? unknown
  : K extends `${string}Bytes`
    ? string | null
    : S[K];
/** One exported row of a table: the kept fields under their export names. */
export type RowOf<T extends SQLiteTable, K extends Key<T>> = {
  [P in K as Renamed<P>]: FieldValue<T['$inferSelect'], P & keyof T['$inferSelect'] & string>;
};
/** The row type a `recordFields` entry reads. */
export type RecordRow<S> = S extends RecordTable<infer R> ? R : never;

/** Text columns that hold JSON without the `Json` suffix in their name. */
const JSON_TEXT = new Set(['avoidTags']);

export function recordTable<T extends SQLiteTable, const K extends ReadonlyArray<Key<T>>>(
  table: T,
  keep: K,
  omit: { [P in Exclude<Key<T>, K[number]>]: string },
): RecordTable<RowOf<T, K[number]>> {
  const columns = getTableColumns(table) as Record<string, Column>;
  return {
    name: getTableName(table),
    fields: keep.map((key) => {
      const column = columns[key]!;
      if (column.columnType === 'SQLiteBoolean') return { field: key, column: column.name, as: 'boolean' as const };
      if (column.columnType.startsWith('SQLiteBlob')) {
        return { field: key.replace(/Bytes$/, 'Base64'), column: column.name, as: 'base64' as const };
      }
      if (key.endsWith('Json')) return { field: key.slice(0, -4), column: column.name, as: 'json' as const };
      if (JSON_TEXT.has(key)) return { field: key, column: column.name, as: 'json' as const };
      return { field: key, column: column.name, as: 'value' as const };
    }),
    omitted: Object.fromEntries(
      Object.entries(omit as Record<string, string>).map(([key, why]) => [columns[key]!.name, why]),
    ),
  };
}

const WHO_AND_WHEN = ['createdAt', 'createdBy', 'updatedAt', 'updatedBy'] as const;
const THE_PATIENT = 'the patient the whole record is about';
const FOLDED = 'a folded copy of the name for search, not what was entered';

export const recordFields = {
  patient: recordTable(
    patient,
    ['id', 'givenName', 'familyName', 'preferredName', 'dateOfBirth', 'sex', 'mrn', 'status', ...WHO_AND_WHEN],
    { familyKey: FOLDED, givenKey: FOLDED, preferredKey: FOLDED },
  ),
  details: recordTable(
    patientDetails,
    [
      'gender',
      'phone',
      'email',
      'address',
      'preferredLanguage',
      'interpreterNeeded',
      'emergencyContactName',
      'emergencyContactRelationship',
      'emergencyContactPhone',
      'reassessmentIntervalWeeks',
      'leadClinicianId',
      'lvefPercent',
      'lvefMeasuredOn',
      ...WHO_AND_WHEN,
    ],
    { patientId: THE_PATIENT },
  ),
  statusChanges: recordTable(statusChange, ['id', 'fromStatus', 'toStatus', 'effectiveOn', 'reason', ...WHO_AND_WHEN], {
    patientId: THE_PATIENT,
  }),
  careTeam: recordTable(careTeamMember, ['id', 'contactId', 'isMainOncologist', 'note', 'active', ...WHO_AND_WHEN], {
    patientId: THE_PATIENT,
  }),
  referrals: recordTable(
    referral,
    ['id', 'referredOn', 'referrerContactId', 'referrerName', 'reason', 'priority', ...WHO_AND_WHEN],
    { patientId: THE_PATIENT },
  ),
  diagnoses: recordTable(
    diagnosis,
    [
      'id',
      'primarySite',
      'histology',
      'diagnosedOn',
      'stage',
      'metastaticSitesJson',
      'otherMetastaticSites',
      'notes',
      ...WHO_AND_WHEN,
    ],
    { patientId: THE_PATIENT },
  ),
  boneLesions: recordTable(
    boneLesion,
    [
      'id',
      'site',
      'side',
      'location',
      'lesionType',
      'radiotherapy',
      'radiotherapyOn',
      'surgery',
      'surgeryOn',
      'weightBearing',
      'mirelsJson',
      'sinsJson',
      'notes',
      'active',
      ...WHO_AND_WHEN,
    ],
    { patientId: THE_PATIENT },
  ),
  treatments: recordTable(
    treatment,
    ['id', 'type', 'regimen', 'startDate', 'endDate', 'cycleLengthDays', 'day1DatesJson', 'notes', ...WHO_AND_WHEN],
    { patientId: THE_PATIENT },
  ),
  comorbidities: recordTable(comorbidity, ['id', 'kind', 'detail', 'active', ...WHO_AND_WHEN], {
    patientId: THE_PATIENT,
  }),
  medications: recordTable(
    medication,
    ['id', 'name', 'dose', 'flagsJson', 'startedOn', 'stoppedOn', 'notes', ...WHO_AND_WHEN],
    { patientId: THE_PATIENT },
  ),
  clearances: recordTable(
    clearance,
    [
      'id',
      'requestedOn',
      'requestedFromContactId',
      'requestedFromName',
      'receivedOn',
      'receivedFromContactId',
      'receivedFromName',
      'decision',
      'restrictions',
      'rpeCeiling',
      'hrCeiling',
      'avoidTags',
      'noGroupSessions',
      'reviewBy',
      'notes',
      ...WHO_AND_WHEN,
    ],
    { patientId: THE_PATIENT },
  ),
  screenings: recordTable(
    baselineScreening,
    [
      'id',
      'screenedOn',
      'fatigue',
      'pain',
      'painSite',
      'breathlessness',
      'nausea',
      'neuropathy',
      'sleepQuality',
      'energy',
      'ecog',
      'fallsLast6Months',
      'currentActivity',
      'exerciseFear',
      'readiness',
      'priorities',
      ...WHO_AND_WHEN,
    ],
    { patientId: THE_PATIENT },
  ),
  goals: recordTable(
    goal,
    [
      'id',
      'inOwnWords',
      'category',
      'measureKey',
      'targetValue',
      'targetDate',
      'status',
      'achievedOn',
      ...WHO_AND_WHEN,
    ],
    { patientId: THE_PATIENT },
  ),
  milestones: recordTable(goalMilestone, ['id', 'description', 'targetDate', 'achievedOn', ...WHO_AND_WHEN], {
    goalId: 'nested under its goal',
  }),
  movementClearances: recordTable(
    movementClearance,
    ['id', 'tag', 'reason', 'withdrawnAt', 'withdrawnBy', 'withdrawnReason', ...WHO_AND_WHEN],
    { patientId: THE_PATIENT },
  ),
  plans: recordTable(
    exercisePlan,
    [
      'id',
      'version',
      'sessionsPerWeek',
      'sessionMinutes',
      'cycleAdjustment',
      'milestones',
      'notes',
      'supersededAt',
      ...WHO_AND_WHEN,
    ],
    { patientId: THE_PATIENT },
  ),
  planItems: recordTable(
    planItem,
    [
      'id',
      'position',
      'exerciseId',
      'sets',
      'reps',
      'durationMin',
      'loadKg',
      'rpeMin',
      'rpeMax',
      'hrMin',
      'hrMax',
      'talkTest',
      'restSeconds',
      'progression',
      'notes',
      'overrideNote',
      ...WHO_AND_WHEN,
    ],
    { planId: 'nested under its plan' },
  ),
  sessions: recordTable(
    session,
    [
      'id',
      'date',
      'startTime',
      'classId',
      'attendance',
      'attendanceReason',
      'screenJson',
      'decision',
      'firedRulesJson',
      'thresholdsJson',
      'clearanceOverrideReason',
      'afterJson',
      'notes',
      'occurredAt',
      'signedAt',
      'signedBy',
      ...WHO_AND_WHEN,
    ],
    {
      patientId: THE_PATIENT,
      draftJson: 'a draft being typed, not yet the record (it becomes the record when signed)',
      draftSavedAt: 'when that draft was last saved',
    },
  ),
  exercises: recordTable(
    exerciseEntry,
    [
      'id',
      'position',
      'exerciseId',
      'planned',
      'sets',
      'reps',
      'loadKg',
      'durationMin',
      'rpe',
      'peakHr',
      'spo2',
      'painChange',
      'outcome',
      'reason',
      'overrideNote',
      'conflictsJson',
      ...WHO_AND_WHEN,
    ],
    { sessionId: 'nested under its session' },
  ),
  amendments: recordTable(sessionAmendment, ['id', 'reason', 'changesJson', ...WHO_AND_WHEN], {
    sessionId: 'nested under its session',
  }),
  checkIns: recordTable(
    checkIn,
    [
      'id',
      'startedAt',
      'startedBy',
      'status',
      'completedAt',
      'completedBy',
      'answersJson',
      'assessmentId',
      'abandonedAt',
      'abandonReason',
      'handedBackAt',
      'handedBackHow',
      ...WHO_AND_WHEN,
    ],
    { sessionId: 'nested under its session', patientId: THE_PATIENT },
  ),
  checkInReviews: recordTable(
    checkInReview,
    ['id', 'redFlagId', 'finding', 'note', 'adverseEventId', ...WHO_AND_WHEN],
    {
      checkInId: 'nested under its check-in',
      sessionId: 'nested under its session, through its check-in',
      patientId: THE_PATIENT,
    },
  ),
  adverseEvents: recordTable(
    adverseEvent,
    [
      'id',
      'sessionId',
      'type',
      'redFlag',
      'redFlagId',
      'severity',
      'occurredAt',
      'description',
      'actionTaken',
      'outcome',
      'followUpNeeded',
      'closedAt',
      'closedBy',
      'closingNote',
      ...WHO_AND_WHEN,
    ],
    { patientId: THE_PATIENT },
  ),
  assessments: recordTable(
    assessment,
    [
      'id',
      'kind',
      'assessedOn',
      'clinicianId',
      'notes',
      'heightCm',
      'weightKg',
      'plannedMeasuresJson',
      'amendsId',
      'amendmentReason',
      'finalisedAt',
      'finalisedBy',
      'discardedAt',
      'discardedBy',
      'discardReason',
      ...WHO_AND_WHEN,
    ],
    { patientId: THE_PATIENT },
  ),
  results: recordTable(
    measureResult,
    [
      'id',
      'measureKey',
      'parentResultId',
      'value',
      'componentsJson',
      'derivedJson',
      'warningsJson',
      'overrideNote',
      ...WHO_AND_WHEN,
    ],
    {
      assessmentId: 'nested under its assessment',
      patientId: THE_PATIENT,
      assessedOn: "a copy of the assessment's date, kept for indexing",
    },
  ),
  letters: recordTable(
    letter,
    [
      'id',
      'type',
      'version',
      'previousId',
      'correctionReason',
      'status',
      'contentJson',
      'recipientsJson',
      'chartMeasureKey',
      'sourceAdverseEventId',
      'clearanceId',
      'documentJson',
      'finalisedAt',
      'finalisedBy',
      'pdfBytes',
      'pdfSha256',
      'docxBytes',
      'docxSha256',
      ...WHO_AND_WHEN,
    ],
    { patientId: THE_PATIENT, draftSavedAt: 'when a draft was last saved (bookkeeping)' },
  ),
  sendings: recordTable(letterSending, ['id', 'method', 'sentOn', ...WHO_AND_WHEN], {
    letterId: 'nested under its letter',
  }),
  replies: recordTable(
    letterReply,
    [
      'id',
      'receivedOn',
      'decision',
      'restrictions',
      'reviewBy',
      'receivedFromName',
      'clearanceId',
      'attachmentName',
      'attachmentMime',
      'attachmentBytes',
      'attachmentSha256',
      ...WHO_AND_WHEN,
    ],
    { letterId: 'nested under its letter', patientId: THE_PATIENT },
  ),
  changeHistory: recordTable(
    auditEvent,
    ['seq', 'at', 'actorId', 'entity', 'entityId', 'action', 'beforeJson', 'afterJson', 'reason'],
    {
      id: "the entry's own id; `seq` orders and names it",
      patientId: THE_PATIENT,
      prevHash: 'the chain link, checkable only with the clinic key that never leaves Pacewise',
      hash: 'the chain link, checkable only with the clinic key that never leaves Pacewise',
    },
  ),
  clinicians: recordTable(clinician, ['id', 'fullName', 'profession', 'registrationNumber'], {
    role: 'access control, not the record',
    active: 'access control, not the record',
    login: 'sign-in name: a credential',
    pinHash: 'a credential',
    createdAt: 'account bookkeeping',
    createdBy: 'account bookkeeping',
    updatedAt: 'account bookkeeping',
    updatedBy: 'account bookkeeping',
  }),
  contacts: recordTable(
    contact,
    ['id', 'fullName', 'role', 'practice', 'address', 'phone', 'email', 'fax', 'active', ...WHO_AND_WHEN],
    {},
  ),
  exerciseLibrary: recordTable(
    exercise,
    [
      'id',
      'name',
      'modality',
      'position',
      'equipmentJson',
      'impact',
      'weightBearing',
      'chairBased',
      'tagsJson',
      'description',
      'retired',
      ...WHO_AND_WHEN,
    ],
    { starterKey: "the starter set's internal key" },
  ),
  classes: recordTable(groupClass, ['id', 'name', 'date', 'startTime', ...WHO_AND_WHEN], {}),
  customMeasures: recordTable(
    customMeasure,
    [
      'id',
      'name',
      'unit',
      'better',
      'mcid',
      'source',
      'decimals',
      'rangeMin',
      'rangeMax',
      'instructions',
      'retired',
      ...WHO_AND_WHEN,
    ],
    {},
  ),
} as const;

/**
 * Tables that hold nothing of a patient's record, and why: the test that every table is accounted
 * for reads this, so a new table must be placed in the record or named here.
 */
export const notInTheRecord: Readonly<Record<string, string>> = {
  session_draft: "each clinician's unsigned working copy of a session, not the record",
  exercise_usage: 'derived from the exercise log (which exercises were ever used)',
  caseload_summary: 'derived from the record for the caseload list',
  setting: "the clinic's settings, not a patient's record",
  pacewise_migration: 'schema bookkeeping',
};

/**
 * Field names (camelCase, as stored in audit entries) that are internal, dropped from the change
 * history's before and after as they are from the rows: the folded search keys and drafts.
 */
export const internalAuditKeys: ReadonlySet<string> = new Set([
  'familyKey',
  'givenKey',
  'preferredKey',
  'draftJson',
  'draftSavedAt',
  'pinHash',
  'login',
  'pdfBytes',
  'docxBytes',
  'attachmentBytes',
]);
