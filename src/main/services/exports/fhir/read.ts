import type Database from 'better-sqlite3';
import { mirelsScore, sinsScore } from '../../../../shared/clinical/intake';
import type { MirelsComponents, SinsComponents } from '../../../../shared/clinical/intake';
import type { AttendanceValue, ScreenValues } from '../../../../shared/contract/sessions';
import type { LetterType } from '../../../../shared/clinical/letters';
import type { MetastaticSite } from '../../../../shared/domain/vocabulary';
import { notFound } from '../../../errors';

/**
 * One patient's record as the FHIR export needs it, read in one read transaction (one consistent
 * moment) through plain SQL, so it runs as well on the worker's own read-only connection.
 */
export interface PatientFacts {
  patient: {
    id: string;
    givenName: string;
    familyName: string;
    preferredName: string | null;
    dateOfBirth: string;
    sex: string;
    mrn: string;
    status: string;
  };
  details: {
    phone: string | null;
    email: string | null;
    address: string | null;
    preferredLanguage: string | null;
    emergencyContactName: string | null;
    emergencyContactRelationship: string | null;
    emergencyContactPhone: string | null;
  } | null;
  clinicians: ClinicianFacts[];
  diagnoses: DiagnosisFacts[];
  lesions: LesionFacts[];
  comorbidities: Array<{ id: string; kind: string; detail: string | null; active: boolean; createdAt: string }>;
  medications: MedicationFacts[];
  sessions: SessionFacts[];
  assessments: AssessmentFacts[];
  /** Names and units of the clinic's own measures, by measure key (`custom.<id>`). */
  customMeasures: Record<string, { name: string; unit: string }>;
  adverseEvents: AdverseEventFacts[];
  letters: LetterFacts[];
}

export interface ClinicianFacts {
  id: string;
  fullName: string;
  profession: string;
  registrationNumber: string | null;
  active: boolean;
}

export interface DiagnosisFacts {
  id: string;
  primarySite: string;
  histology: string | null;
  diagnosedOn: string | null;
  stage: string | null;
  metastaticSites: MetastaticSite[];
  otherMetastaticSites: string | null;
  notes: string | null;
  createdAt: string;
}

export interface LesionFacts {
  id: string;
  site: string;
  side: string | null;
  location: string | null;
  lesionType: string | null;
  weightBearing: string;
  radiotherapyOn: string | null;
  radiotherapy: boolean;
  surgeryOn: string | null;
  surgery: boolean;
  mirelsTotal: number | null;
  sinsTotal: number | null;
}

export interface MedicationFacts {
  id: string;
  name: string;
  dose: string | null;
  flags: string[];
  startedOn: string | null;
  stoppedOn: string | null;
  notes: string | null;
  createdAt: string;
}

export interface ExerciseDelivered {
  exercise: string;
  sets: number | null;
  reps: number | null;
  loadKg: number | null;
  durationMin: number | null;
  rpe: number | null;
  outcome: string | null;
  reason: string | null;
}

export interface SessionFacts {
  id: string;
  date: string;
  startTime: string;
  occurredAt: string | null;
  attendance: AttendanceValue;
  attendanceReason: string | null;
  className: string | null;
  screen: ScreenValues | null;
  decision: string | null;
  signedAt: string | null;
  signedBy: string | null;
  /** As signed, or as the latest amendment that changed them. */
  exercises: ExerciseDelivered[];
  amendmentReasons: string[];
}

export interface AssessmentFacts {
  id: string;
  kind: string;
  assessedOn: string;
  clinicianId: string;
  heightCm: number | null;
  weightKg: number | null;
  /** This assessment corrects an earlier one (its results are "corrected" in FHIR terms). */
  amends: boolean;
  results: Array<{
    id: string;
    measureKey: string;
    parentResultId: string | null;
    value: number;
    components: Record<string, unknown>;
  }>;
}

export interface AdverseEventFacts {
  id: string;
  sessionId: string | null;
  type: string;
  severity: number | null;
  occurredAt: string;
  description: string | null;
  closedAt: string | null;
  createdAt: string;
  createdBy: string;
}

export interface LetterFacts {
  id: string;
  type: LetterType;
  version: number;
  previousId: string | null;
  subject: string | null;
  finalisedAt: string;
  finalisedBy: string | null;
  pdf: Uint8Array;
  pdfSha256: string;
  /** A later finalised version replaces this one. */
  superseded: boolean;
}

type Row = Record<string, unknown>;
const flag = (value: unknown) => value === 1 || value === true;
const parse = <T>(json: unknown, fallback: T): T => (typeof json === 'string' ? (JSON.parse(json) as T) : fallback);

export function readPatientFacts(sqlite: Database.Database, patientId: string): PatientFacts {
  return sqlite.transaction(() => {
    const all = (sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params) as Row[];
    const patient = sqlite
      .prepare(
        `SELECT id, given_name AS givenName, family_name AS familyName, preferred_name AS preferredName,
                date_of_birth AS dateOfBirth, sex, mrn, status FROM patient WHERE id = ?`,
      )
      .get(patientId) as PatientFacts['patient'] | undefined;
    if (!patient) throw notFound('That patient');
    const details =
      (sqlite
        .prepare(
          `SELECT phone, email, address, preferred_language AS preferredLanguage,
                  emergency_contact_name AS emergencyContactName,
                  emergency_contact_relationship AS emergencyContactRelationship,
                  emergency_contact_phone AS emergencyContactPhone
             FROM patient_details WHERE patient_id = ?`,
        )
        .get(patientId) as PatientFacts['details'] | undefined) ?? null;

    const diagnoses = all(
      `SELECT id, primary_site, histology, diagnosed_on, stage, metastatic_sites_json, other_metastatic_sites, notes, created_at
         FROM diagnosis WHERE patient_id = ? ORDER BY created_at, id`,
      patientId,
    ).map((r): DiagnosisFacts => ({
      id: String(r.id),
      primarySite: String(r.primary_site),
      histology: (r.histology as string | null) ?? null,
      diagnosedOn: (r.diagnosed_on as string | null) ?? null,
      stage: (r.stage as string | null) ?? null,
      metastaticSites: parse<MetastaticSite[]>(r.metastatic_sites_json, []),
      otherMetastaticSites: (r.other_metastatic_sites as string | null) ?? null,
      notes: (r.notes as string | null) ?? null,
      createdAt: String(r.created_at),
    }));

    const lesions = all(
      `SELECT id, site, side, location, lesion_type, weight_bearing, radiotherapy, radiotherapy_on, surgery, surgery_on,
              mirels_json, sins_json
         FROM bone_lesion WHERE patient_id = ? AND active = 1 ORDER BY created_at, id`,
      patientId,
    ).map((r): LesionFacts => ({
      id: String(r.id),
      site: String(r.site),
      side: (r.side as string | null) ?? null,
      location: (r.location as string | null) ?? null,
      lesionType: (r.lesion_type as string | null) ?? null,
      weightBearing: String(r.weight_bearing),
      radiotherapy: flag(r.radiotherapy),
      radiotherapyOn: (r.radiotherapy_on as string | null) ?? null,
      surgery: flag(r.surgery),
      surgeryOn: (r.surgery_on as string | null) ?? null,
      mirelsTotal: r.mirels_json
        ? mirelsScore(parse<MirelsComponents>(r.mirels_json, {} as MirelsComponents)).total
        : null,
      sinsTotal: r.sins_json ? sinsScore(parse<SinsComponents>(r.sins_json, {} as SinsComponents)).total : null,
    }));

    const comorbidities = all(
      'SELECT id, kind, detail, active, created_at FROM comorbidity WHERE patient_id = ? ORDER BY created_at, id',
      patientId,
    ).map((r) => ({
      id: String(r.id),
      kind: String(r.kind),
      detail: (r.detail as string | null) ?? null,
      active: flag(r.active),
      createdAt: String(r.created_at),
    }));

    const medications = all(
      `SELECT id, name, dose, flags_json, started_on, stopped_on, notes, created_at
         FROM medication WHERE patient_id = ? ORDER BY created_at, id`,
      patientId,
    ).map((r): MedicationFacts => ({
      id: String(r.id),
      name: String(r.name),
      dose: (r.dose as string | null) ?? null,
      flags: parse<string[]>(r.flags_json, []),
      startedOn: (r.started_on as string | null) ?? null,
      stoppedOn: (r.stopped_on as string | null) ?? null,
      notes: (r.notes as string | null) ?? null,
      createdAt: String(r.created_at),
    }));

    const sessions = readSessions(sqlite, patientId);
    const assessments = readAssessments(sqlite, patientId);

    const customMeasures: PatientFacts['customMeasures'] = {};
    for (const r of all('SELECT id, name, unit FROM custom_measure')) {
      customMeasures[`custom.${String(r.id)}`] = { name: String(r.name), unit: String(r.unit) };
    }

    const adverseEvents = all(
      `SELECT id, session_id, type, severity, occurred_at, description, closed_at, created_at, created_by
         FROM adverse_event WHERE patient_id = ? ORDER BY occurred_at, id`,
      patientId,
    ).map((r): AdverseEventFacts => ({
      id: String(r.id),
      sessionId: (r.session_id as string | null) ?? null,
      type: String(r.type),
      severity: (r.severity as number | null) ?? null,
      occurredAt: String(r.occurred_at),
      description: (r.description as string | null) ?? null,
      closedAt: (r.closed_at as string | null) ?? null,
      createdAt: String(r.created_at),
      createdBy: String(r.created_by),
    }));

    const letters = all(
      `SELECT l.id, l.type, l.version, l.previous_id, l.content_json, l.finalised_at, l.finalised_by, l.pdf_bytes, l.pdf_sha256,
              EXISTS (SELECT 1 FROM letter n WHERE n.previous_id = l.id AND n.status = 'final') AS superseded
         FROM letter l WHERE l.patient_id = ? AND l.status = 'final' ORDER BY l.finalised_at, l.id`,
      patientId,
    ).map((r): LetterFacts => ({
      id: String(r.id),
      type: r.type as LetterType,
      version: Number(r.version),
      previousId: (r.previous_id as string | null) ?? null,
      subject: parse<{ subject?: string }>(r.content_json, {}).subject ?? null,
      finalisedAt: String(r.finalised_at),
      finalisedBy: (r.finalised_by as string | null) ?? null,
      pdf: new Uint8Array(r.pdf_bytes as Buffer),
      pdfSha256: String(r.pdf_sha256),
      superseded: flag(r.superseded),
    }));

    const people = new Set<string>();
    for (const s of sessions) if (s.signedBy) people.add(s.signedBy);
    for (const a of assessments) people.add(a.clinicianId);
    for (const e of adverseEvents) people.add(e.createdBy);
    for (const l of letters) if (l.finalisedBy) people.add(l.finalisedBy);
    const clinicianById = sqlite.prepare(
      'SELECT id, full_name, profession, registration_number, active FROM clinician WHERE id = ?',
    );
    const clinicians = [...people]
      .sort()
      .map((id) => clinicianById.get(id) as Row | undefined)
      .filter((r): r is Row => r !== undefined)
      .map((r): ClinicianFacts => ({
        id: String(r.id),
        fullName: String(r.full_name),
        profession: String(r.profession),
        registrationNumber: (r.registration_number as string | null) ?? null,
        active: flag(r.active),
      }));

    return {
      patient,
      details,
      clinicians,
      diagnoses,
      lesions,
      comorbidities,
      medications,
      sessions,
      assessments,
      customMeasures,
      adverseEvents,
      letters,
    };
  })();
}

function readSessions(sqlite: Database.Database, patientId: string): SessionFacts[] {
  const rows = sqlite
    .prepare(
      `SELECT s.id, s.date, s.start_time, s.occurred_at, s.attendance, s.attendance_reason, c.name AS class_name,
              s.screen_json, s.decision, s.signed_at, s.signed_by
         FROM session s LEFT JOIN group_class c ON c.id = s.class_id
        WHERE s.patient_id = ? ORDER BY s.date, s.start_time, s.id`,
    )
    .all(patientId) as Row[];
  const exerciseNames = new Map(
    (sqlite.prepare('SELECT id, name FROM exercise').all() as Array<{ id: string; name: string }>).map((e) => [
      e.id,
      e.name,
    ]),
  );
  const delivered = (e: Row): ExerciseDelivered => ({
    exercise: exerciseNames.get(String(e.exercise_id ?? e.exerciseId)) ?? 'Exercise',
    sets: (e.sets as number | null) ?? null,
    reps: (e.reps as number | null) ?? null,
    loadKg: ((e.load_kg ?? e.loadKg) as number | null) ?? null,
    durationMin: ((e.duration_min ?? e.durationMin) as number | null) ?? null,
    rpe: (e.rpe as number | null) ?? null,
    outcome: (e.outcome as string | null) ?? null,
    reason: (e.reason as string | null) ?? null,
  });
  const entries = new Map<string, ExerciseDelivered[]>();
  for (const e of sqlite
    .prepare(
      `SELECT x.session_id, x.exercise_id, x.sets, x.reps, x.load_kg, x.duration_min, x.rpe, x.outcome, x.reason
         FROM exercise_entry x JOIN session s ON s.id = x.session_id
        WHERE s.patient_id = ? ORDER BY x.session_id, x.position`,
    )
    .all(patientId) as Row[]) {
    const list = entries.get(String(e.session_id)) ?? [];
    list.push(delivered(e));
    entries.set(String(e.session_id), list);
  }
  const amendments = new Map<string, { reasons: string[]; entries: ExerciseDelivered[] | null }>();
  for (const a of sqlite
    .prepare(
      `SELECT a.session_id, a.reason, a.changes_json FROM session_amendment a JOIN session s ON s.id = a.session_id
        WHERE s.patient_id = ? ORDER BY a.session_id, a.created_at, a.id`,
    )
    .all(patientId) as Row[]) {
    const sessionId = String(a.session_id);
    const current = amendments.get(sessionId) ?? { reasons: [], entries: null };
    current.reasons.push(String(a.reason));
    const changed = parse<{ entries: Row[] | null }>(a.changes_json, { entries: null }).entries;
    if (changed) current.entries = changed.map(delivered);
    amendments.set(sessionId, current);
  }
  return rows.map((r): SessionFacts => {
    const id = String(r.id);
    const amended = amendments.get(id);
    return {
      id,
      date: String(r.date),
      startTime: String(r.start_time),
      occurredAt: (r.occurred_at as string | null) ?? null,
      attendance: r.attendance as AttendanceValue,
      attendanceReason: (r.attendance_reason as string | null) ?? null,
      className: (r.class_name as string | null) ?? null,
      screen: parse<ScreenValues | null>(r.screen_json, null),
      decision: (r.decision as string | null) ?? null,
      signedAt: (r.signed_at as string | null) ?? null,
      signedBy: (r.signed_by as string | null) ?? null,
      exercises: amended?.entries ?? entries.get(id) ?? [],
      amendmentReasons: amended?.reasons ?? [],
    };
  });
}

/** Counted assessments only: finalised, and not superseded by a finalised correction (as Progress counts them). */
function readAssessments(sqlite: Database.Database, patientId: string): AssessmentFacts[] {
  const assessments = (
    sqlite
      .prepare(
        `SELECT a.id, a.kind, a.assessed_on, a.clinician_id, a.height_cm, a.weight_kg, a.amends_id
           FROM assessment a
          WHERE a.patient_id = :patientId AND a.finalised_at IS NOT NULL
            AND a.id NOT IN (SELECT b.amends_id FROM assessment b
                              WHERE b.patient_id = :patientId AND b.amends_id IS NOT NULL AND b.finalised_at IS NOT NULL)
          ORDER BY a.assessed_on, a.finalised_at, a.id`,
      )
      .all({ patientId }) as Row[]
  ).map((r): AssessmentFacts => ({
    id: String(r.id),
    kind: String(r.kind),
    assessedOn: String(r.assessed_on),
    clinicianId: String(r.clinician_id),
    heightCm: (r.height_cm as number | null) ?? null,
    weightKg: (r.weight_kg as number | null) ?? null,
    amends: r.amends_id !== null,
    results: [],
  }));
  const byId = new Map(assessments.map((a) => [a.id, a]));
  for (const r of sqlite
    .prepare(
      `SELECT id, assessment_id, measure_key, parent_result_id, value, components_json FROM measure_result
        WHERE patient_id = ? AND value IS NOT NULL ORDER BY assessment_id, measure_key`,
    )
    .all(patientId) as Row[]) {
    byId.get(String(r.assessment_id))?.results.push({
      id: String(r.id),
      measureKey: String(r.measure_key),
      parentResultId: (r.parent_result_id as string | null) ?? null,
      value: Number(r.value),
      components: parse<Record<string, unknown>>(r.components_json, {}),
    });
  }
  return assessments;
}
