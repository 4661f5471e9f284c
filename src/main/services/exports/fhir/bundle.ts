import { createHash, randomUUID } from 'node:crypto';
import { getMeasure, type BuiltInMeasureKey } from '../../../../shared/clinical/measures';
import { letterTypeLabels } from '../../../../shared/clinical/letters';
import { adverseEventTypeLabels, type AdverseEventType } from '../../../../shared/contract/sessions';
import { todayLocal } from '../../../../shared/dates';
import {
  boneLesionSites,
  comorbidityKinds,
  lesionTypes,
  medicationFlags,
  metastaticSites,
  professions,
  weightBearingStatuses,
  type BoneLesionSite,
  type ComorbidityKind,
  type LesionType,
  type MedicationFlag,
  type Profession,
  type WeightBearingStatus,
} from '../../../../shared/domain/vocabulary';
import {
  ACT_CODE,
  ADVERSE_EVENT_OUTCOME,
  ADVERSE_EVENT_SEVERITY,
  CONDITION_CATEGORY,
  CONDITION_CLINICAL,
  CONDITION_VERIFICATION,
  CONTACT_ROLE,
  DATA_ABSENT_REASON,
  IDENTIFIER_TYPE,
  OBSERVATION_CATEGORY,
  PACEWISE_IDS,
  PACEWISE_MEASURES,
  UCUM,
  URI_SYSTEM,
  exerciseTherapy,
  gripLoinc,
  measureLoinc,
  measureUnits,
  metastasisCodes,
  primaryCancer,
  surveyMeasures,
  vitalSigns,
  vitalSignsProfile,
  type Code,
} from './codes';
import type { AssessmentFacts, ExerciseDelivered, LesionFacts, PatientFacts, SessionFacts } from './read';
import type {
  AdverseEvent,
  Bundle,
  BundleEntry,
  CodeableConcept,
  Condition,
  DocumentReference,
  Encounter,
  MedicationStatement,
  Observation,
  ObservationComponent,
  Patient,
  PatientResource,
  Practitioner,
  Procedure,
  Quantity,
  Reference,
} from './resources';

/** Starts the message of an export refused on purpose (not a fault): the main process shows it as it is. */
export const FHIR_REFUSAL = 'The FHIR export was not written: ';

/** Names the UUID v5s below (RFC 9562 §5.5): the same record gets the same full URL in every export. */
const PACEWISE_UUID_NAMESPACE = Buffer.from('6f3d1c2ab7e44b0e9c5d2f8a41e7c093', 'hex');

export function uuidFor(kind: string, id: string): string {
  const bytes = createHash('sha1').update(PACEWISE_UUID_NAMESPACE).update(`${kind}/${id}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const urn = (kind: string, id: string) => `urn:uuid:${uuidFor(kind, id)}`;
const ref = (kind: string, id: string): Reference => ({ reference: urn(kind, id) });
const concept = (codes: readonly Code[], text?: string): CodeableConcept => ({
  coding: codes.map(({ system, code, display }) => ({ system, code, display })),
  ...(text ? { text } : {}),
});
const some = <T>(items: T[]): T[] | undefined => (items.length > 0 ? items : undefined);
const quantity = (value: number, unit: string, code = unit): Quantity => ({ value, unit, system: UCUM, code });
const category = (code: string, display: string): CodeableConcept[] => [
  { coding: [{ system: OBSERVATION_CATEGORY, code, display }] },
];
const problemList: CodeableConcept[] = [
  { coding: [{ system: CONDITION_CATEGORY, code: 'problem-list-item', display: 'Problem List Item' }] },
];
const clinicalStatus = (active: boolean): CodeableConcept => ({
  coding: [
    { system: CONDITION_CLINICAL, code: active ? 'active' : 'inactive', display: active ? 'Active' : 'Inactive' },
  ],
});
const confirmed: CodeableConcept = {
  coding: [{ system: CONDITION_VERIFICATION, code: 'confirmed', display: 'Confirmed' }],
};
const recordId = (id: string) => [{ system: PACEWISE_IDS.record, value: id }];

export interface BundleOptions {
  exportedAt: Date;
}

/**
 * One patient's record as a FHIR R4 `collection` Bundle. Every entry has a `urn:uuid` full URL,
 * and every reference points at an entry of the same Bundle.
 */
export function patientBundle(facts: PatientFacts, options: BundleOptions): Bundle {
  const subject = ref('patient', facts.patient.id);
  const clinicians = new Set(facts.clinicians.map((c) => c.id));
  const practitioner = (id: string | null): Reference | undefined =>
    id && clinicians.has(id) ? ref('clinician', id) : undefined;
  const entries: BundleEntry[] = [];
  const add = (kind: string, id: string, resource: PatientResource) =>
    entries.push({ fullUrl: urn(kind, id), resource });

  add('patient', facts.patient.id, patientResource(facts));
  for (const c of facts.clinicians) add('clinician', c.id, practitionerResource(c));
  for (const condition of conditions(facts, subject)) add(condition.kind, condition.id, condition.resource);
  const today = todayLocal(options.exportedAt);
  for (const m of facts.medications) add('medication', m.id, medicationStatement(m, subject, today));
  for (const s of facts.sessions) {
    add('session', s.id, encounter(s, subject, practitioner(s.signedBy)));
    const procedure = exerciseProcedure(s, subject, practitioner(s.signedBy));
    if (procedure) add('session-exercise', s.id, procedure);
    for (const [vital, observation] of screenVitals(s, subject, practitioner(s.signedBy))) {
      add(`session-${vital}`, s.id, observation);
    }
  }
  for (const a of facts.assessments) {
    for (const o of assessmentObservations(a, facts, subject, practitioner(a.clinicianId)))
      add(o.kind, o.id, o.resource);
  }
  for (const e of facts.adverseEvents) {
    add('adverse-event', e.id, adverseEvent(e, facts, subject, practitioner(e.createdBy)));
  }
  const letterIds = new Set(facts.letters.map((l) => l.id));
  for (const l of facts.letters)
    add('letter', l.id, documentReference(l, letterIds, subject, practitioner(l.finalisedBy)));

  // JSON drops the `undefined` left by optional elements, so the Bundle is exactly what is written.
  return JSON.parse(
    JSON.stringify({
      resourceType: 'Bundle',
      identifier: { system: URI_SYSTEM, value: `urn:uuid:${randomUUID()}` },
      type: 'collection',
      timestamp: options.exportedAt.toISOString(),
      entry: entries,
    } satisfies Bundle),
  ) as Bundle;
}

function patientResource(facts: PatientFacts): Patient {
  const { patient: p, details: d } = facts;
  const gender = ({ female: 'female', male: 'male', intersex: 'other' } as const)[p.sex as 'female'] ?? 'unknown';
  return {
    resourceType: 'Patient',
    identifier: [
      {
        use: 'usual',
        type: { coding: [{ system: IDENTIFIER_TYPE, code: 'MR', display: 'Medical record number' }], text: 'MRN' },
        value: p.mrn,
      },
      { use: 'secondary', system: PACEWISE_IDS.patient, value: p.id },
    ],
    active: ['referred', 'active', 'on_hold'].includes(p.status),
    name: [
      { use: 'official', family: p.familyName, given: [p.givenName] },
      ...(p.preferredName ? [{ use: 'usual' as const, given: [p.preferredName] }] : []),
    ],
    telecom: some([
      ...(d?.phone ? [{ system: 'phone' as const, value: d.phone }] : []),
      ...(d?.email ? [{ system: 'email' as const, value: d.email }] : []),
    ]),
    gender,
    birthDate: p.dateOfBirth,
    ...(p.status === 'deceased' ? { deceasedBoolean: true } : {}),
    address: d?.address ? [{ text: d.address }] : undefined,
    communication: d?.preferredLanguage ? [{ language: { text: d.preferredLanguage }, preferred: true }] : undefined,
    contact: d?.emergencyContactName
      ? [
          {
            relationship: [
              {
                coding: [{ system: CONTACT_ROLE, code: 'C', display: 'Emergency Contact' }],
                ...(d.emergencyContactRelationship ? { text: d.emergencyContactRelationship } : {}),
              },
            ],
            name: { text: d.emergencyContactName },
            telecom: d.emergencyContactPhone ? [{ system: 'phone', value: d.emergencyContactPhone }] : undefined,
          },
        ]
      : undefined,
  };
}

function practitionerResource(c: PatientFacts['clinicians'][number]): Practitioner {
  return {
    resourceType: 'Practitioner',
    identifier: [{ system: PACEWISE_IDS.clinician, value: c.id }],
    active: c.active,
    name: [{ text: c.fullName }],
    qualification: [
      {
        code: { text: professions.labels[c.profession as Profession] ?? c.profession },
        identifier: c.registrationNumber ? [{ value: c.registrationNumber }] : undefined,
      },
    ],
  };
}

function lesionSite(l: LesionFacts): string {
  const site = boneLesionSites.labels[l.site as BoneLesionSite] ?? l.site;
  return `${site}${l.side ? `, ${l.side}` : ''}${l.location ? ` (${l.location})` : ''}`;
}

function lesionNote(l: LesionFacts): string {
  const parts = [
    l.lesionType ? `${lesionTypes.labels[l.lesionType as LesionType] ?? l.lesionType} lesion` : null,
    weightBearingStatuses.labels[l.weightBearing as WeightBearingStatus] ?? l.weightBearing,
    l.mirelsTotal !== null ? `Mirels score ${l.mirelsTotal}` : null,
    l.sinsTotal !== null ? `SINS ${l.sinsTotal}` : null,
    l.radiotherapy ? `radiotherapy${l.radiotherapyOn ? ` on ${l.radiotherapyOn}` : ''}` : null,
    l.surgery ? `surgery${l.surgeryOn ? ` on ${l.surgeryOn}` : ''}` : null,
  ].filter(Boolean);
  return `${lesionSite(l)}: ${parts.join('; ')}`;
}

function conditions(facts: PatientFacts, subject: Reference): Array<{ kind: string; id: string; resource: Condition }> {
  const out: Array<{ kind: string; id: string; resource: Condition }> = [];
  const base = (created: string | undefined) => ({
    resourceType: 'Condition' as const,
    clinicalStatus: clinicalStatus(true),
    verificationStatus: confirmed,
    category: problemList,
    subject,
    recordedDate: created,
  });
  let lesionsPlaced = false;
  const boneCondition = (kind: string, id: string, created: string | undefined, onset: string | null) => {
    out.push({
      kind,
      id,
      resource: {
        ...base(created),
        code: concept([metastasisCodes.bone], 'Bone metastases'),
        bodySite: lesionsPlaced ? undefined : some(facts.lesions.map((l) => ({ text: lesionSite(l) }))),
        onsetDateTime: onset ?? undefined,
        note: lesionsPlaced ? undefined : some(facts.lesions.map((l) => ({ text: lesionNote(l) }))),
      },
    });
    lesionsPlaced = true;
  };
  for (const d of facts.diagnoses) {
    out.push({
      kind: 'diagnosis',
      id: d.id,
      resource: {
        ...base(d.createdAt),
        identifier: recordId(d.id),
        code: concept([primaryCancer], `Primary cancer: ${d.primarySite}${d.histology ? ` (${d.histology})` : ''}`),
        bodySite: [{ text: d.primarySite }],
        onsetDateTime: d.diagnosedOn ?? undefined,
        stage: d.stage ? [{ summary: { text: d.stage } }] : undefined,
        note: d.notes ? [{ text: d.notes }] : undefined,
      },
    });
    for (const site of d.metastaticSites) {
      if (site === 'bone') {
        boneCondition(`diagnosis-metastasis-bone`, d.id, d.createdAt, d.diagnosedOn);
        continue;
      }
      const where = site === 'other' ? (d.otherMetastaticSites ?? 'other site') : metastaticSites.labels[site];
      out.push({
        kind: `diagnosis-metastasis-${site}`,
        id: d.id,
        resource: {
          ...base(d.createdAt),
          code: concept([metastasisCodes[site]], `Metastases: ${where}`),
          bodySite: [{ text: where }],
        },
      });
    }
  }
  // Lesions recorded without a diagnosis that names bone still mean bone metastases.
  if (!lesionsPlaced && facts.lesions.length > 0) boneCondition('bone-lesions', facts.patient.id, undefined, null);
  for (const c of facts.comorbidities) {
    const kind = comorbidityKinds.labels[c.kind as ComorbidityKind] ?? c.kind;
    out.push({
      kind: 'comorbidity',
      id: c.id,
      resource: {
        ...base(c.createdAt),
        clinicalStatus: clinicalStatus(c.active),
        identifier: recordId(c.id),
        code: { text: c.detail ? `${kind}: ${c.detail}` : kind },
      },
    });
  }
  return out;
}

function medicationStatement(
  m: PatientFacts['medications'][number],
  subject: Reference,
  today: string,
): MedicationStatement {
  const flags = m.flags.map((f) => medicationFlags.labels[f as MedicationFlag] ?? f);
  return {
    resourceType: 'MedicationStatement',
    identifier: recordId(m.id),
    // R4: "completed" is a medication no longer being taken.
    status: m.stoppedOn && m.stoppedOn <= today ? 'completed' : 'active',
    medicationCodeableConcept: { text: m.name },
    subject,
    effectivePeriod:
      m.startedOn || m.stoppedOn ? { start: m.startedOn ?? undefined, end: m.stoppedOn ?? undefined } : undefined,
    dateAsserted: m.createdAt,
    dosage: m.dose ? [{ text: m.dose }] : undefined,
    note: some([
      ...(flags.length ? [{ text: `Changes how the patient may exercise: ${flags.join(', ')}` }] : []),
      ...(m.notes ? [{ text: m.notes }] : []),
    ]),
  };
}

const encounterStatus: Record<SessionFacts['attendance'], string> = {
  booked: 'planned',
  attended: 'finished',
  held_for_safety: 'finished',
  cancelled: 'cancelled',
  did_not_attend: 'cancelled',
};

const when = (s: SessionFacts) => s.occurredAt ?? s.date;

function encounter(s: SessionFacts, subject: Reference, clinician: Reference | undefined): Encounter {
  return {
    resourceType: 'Encounter',
    identifier: recordId(s.id),
    status: encounterStatus[s.attendance],
    class: { system: ACT_CODE, code: 'AMB', display: 'ambulatory' },
    type: [
      {
        text: s.className ? `Supervised exercise session, group class: ${s.className}` : 'Supervised exercise session',
      },
    ],
    subject,
    participant: clinician ? [{ individual: clinician }] : undefined,
    period: { start: when(s) },
  };
}

function exerciseLine(e: ExerciseDelivered): string {
  const dose = [
    e.sets !== null && e.reps !== null ? `${e.sets} × ${e.reps}` : e.reps !== null ? `${e.reps} reps` : null,
    e.loadKg !== null ? `${e.loadKg} kg` : null,
    e.durationMin !== null ? `${e.durationMin} min` : null,
    e.rpe !== null ? `RPE ${e.rpe}` : null,
  ].filter(Boolean);
  return `${e.exercise}${dose.length ? `: ${dose.join(', ')}` : ''}${e.outcome ? ` (${e.outcome}${e.reason ? `: ${e.reason}` : ''})` : ''}`;
}

function exerciseProcedure(s: SessionFacts, subject: Reference, clinician: Reference | undefined): Procedure | null {
  if (s.attendance !== 'attended' && s.attendance !== 'held_for_safety') return null;
  const held = s.attendance === 'held_for_safety';
  return {
    resourceType: 'Procedure',
    status: held ? 'not-done' : 'completed',
    statusReason: held
      ? { text: `Held for safety after the pre-session screen${s.attendanceReason ? `: ${s.attendanceReason}` : ''}` }
      : undefined,
    code: concept([exerciseTherapy], 'Supervised exercise session'),
    subject,
    encounter: ref('session', s.id),
    performedDateTime: when(s),
    performer: clinician ? [{ actor: clinician }] : undefined,
    note: some([
      ...s.exercises.map((e) => ({ text: exerciseLine(e) })),
      ...s.amendmentReasons.map((reason) => ({ text: `Amended after signing: ${reason}` })),
    ]),
  };
}

type Vital = keyof typeof vitalSigns;

function vitalObservation(
  vital: Vital,
  at: { effective: string; status: string; subject: Reference; encounter?: Reference; performer?: Reference },
  value: Pick<Observation, 'valueQuantity' | 'component'>,
): Observation {
  const { codes, profile } = vitalSigns[vital];
  return {
    resourceType: 'Observation',
    meta: profile ? { profile: [vitalSignsProfile(profile)] } : undefined,
    status: at.status,
    category: category('vital-signs', 'Vital Signs'),
    code: concept(codes),
    subject: at.subject,
    encounter: at.encounter,
    effectiveDateTime: at.effective,
    performer: at.performer ? [at.performer] : undefined,
    ...value,
  };
}

function screenVitals(
  s: SessionFacts,
  subject: Reference,
  clinician: Reference | undefined,
): Array<[string, Observation]> {
  const screen = s.screen;
  if (!screen) return [];
  const at = {
    effective: when(s),
    // A screen is saved when recorded and stays open to change until the session is signed.
    status: s.signedAt ? 'final' : 'preliminary',
    subject,
    encounter: ref('session', s.id),
    performer: clinician,
  };
  const out: Array<[string, Observation]> = [];
  if (screen.restingHr != null) {
    out.push([
      'heart-rate',
      vitalObservation('heartRate', at, { valueQuantity: quantity(screen.restingHr, 'beats/minute', '/min') }),
    ]);
  }
  if (screen.spo2 != null) {
    out.push(['spo2', vitalObservation('oxygenSaturation', at, { valueQuantity: quantity(screen.spo2, '%') })]);
  }
  if (screen.sbp != null || screen.dbp != null) {
    const part = (vital: 'systolic' | 'diastolic', value: number | null | undefined): ObservationComponent => ({
      code: concept(vitalSigns[vital].codes),
      ...(value != null
        ? { valueQuantity: quantity(value, 'mmHg', 'mm[Hg]') }
        : {
            dataAbsentReason: {
              coding: [{ system: DATA_ABSENT_REASON, code: 'not-performed', display: 'Not Performed' }],
            },
          }),
    });
    out.push([
      'blood-pressure',
      vitalObservation('bloodPressure', at, {
        component: [part('systolic', screen.sbp), part('diastolic', screen.dbp)],
      }),
    ]);
  }
  if (screen.temperatureC != null) {
    out.push([
      'temperature',
      vitalObservation('bodyTemperature', at, { valueQuantity: quantity(screen.temperatureC, 'C', 'Cel') }),
    ]);
  }
  return out;
}

function measureName(key: string, facts: PatientFacts): { name: string; unit: string | null } {
  const custom = facts.customMeasures[key];
  if (custom) return { name: custom.name, unit: custom.unit };
  return { name: getMeasure(key)?.name ?? key, unit: null };
}

function assessmentObservations(
  a: AssessmentFacts,
  facts: PatientFacts,
  subject: Reference,
  clinician: Reference | undefined,
): Array<{ kind: string; id: string; resource: Observation }> {
  const out: Array<{ kind: string; id: string; resource: Observation }> = [];
  const status = a.amends ? 'corrected' : 'final';
  const common = { status, subject, effectiveDateTime: a.assessedOn, performer: clinician ? [clinician] : undefined };
  const at = { effective: a.assessedOn, status, subject, performer: clinician };
  if (a.heightCm !== null) {
    out.push({
      kind: 'assessment-height',
      id: a.id,
      resource: vitalObservation('bodyHeight', at, { valueQuantity: quantity(a.heightCm, 'cm') }),
    });
  }
  if (a.weightKg !== null) {
    out.push({
      kind: 'assessment-weight',
      id: a.id,
      resource: vitalObservation('bodyWeight', at, { valueQuantity: quantity(a.weightKg, 'kg') }),
    });
  }
  for (const r of a.results) {
    const { name, unit: customUnit } = measureName(r.measureKey, facts);
    const rootKey = r.measureKey.split('.')[0] as BuiltInMeasureKey;
    const builtIn = customUnit === null;
    let loinc = builtIn ? measureLoinc[r.measureKey as BuiltInMeasureKey] : undefined;
    if (r.measureKey === 'sit_to_stand_30s' && r.components['arms_used'] === true) loinc = undefined;
    const units = builtIn ? measureUnits[rootKey] : undefined;
    const members: Reference[] = a.results
      .filter((child) => child.parentResultId === r.id)
      .map((child) => ref('measure-result', child.id));
    if (r.measureKey === 'handgrip') {
      for (const side of ['right', 'left'] as const) {
        const trials = [1, 2, 3]
          .map((n) => r.components[`${side}_${n}`])
          .filter((v): v is number => typeof v === 'number');
        if (trials.length === 0) continue;
        const best = Math.max(...trials);
        out.push({
          kind: `measure-result-grip-${side}`,
          id: r.id,
          resource: {
            resourceType: 'Observation',
            ...common,
            category: category('exam', 'Exam'),
            code: concept([gripLoinc[side]], `Grip strength, ${side} hand (best of ${trials.length} trials)`),
            valueQuantity: quantity(best, 'kgf'),
          },
        });
        members.push(ref(`measure-result-grip-${side}`, r.id));
      }
    }
    out.push({
      kind: 'measure-result',
      id: r.id,
      resource: {
        resourceType: 'Observation',
        ...common,
        identifier: recordId(r.id),
        category: surveyMeasures.has(rootKey) ? category('survey', 'Survey') : category('exam', 'Exam'),
        code: concept(
          [...(loinc ? [loinc] : []), { system: PACEWISE_MEASURES, code: r.measureKey, display: name }],
          name,
        ),
        ...(builtIn && units === null
          ? { valueInteger: Math.round(r.value) }
          : {
              valueQuantity: units
                ? quantity(r.value, units.unit, units.code)
                : { value: r.value, unit: customUnit ?? '' },
            }),
        hasMember: some(members),
      },
    });
  }
  return out;
}

const severityCodes = [
  { code: 'mild', display: 'Mild' },
  { code: 'moderate', display: 'Moderate' },
  { code: 'severe', display: 'Severe' },
];

function adverseEvent(
  e: PatientFacts['adverseEvents'][number],
  facts: PatientFacts,
  subject: Reference,
  recorder: Reference | undefined,
): AdverseEvent {
  const label = adverseEventTypeLabels[e.type as AdverseEventType] ?? e.type;
  const inSession = e.sessionId !== null && facts.sessions.some((s) => s.id === e.sessionId);
  const grade = e.severity;
  return {
    resourceType: 'AdverseEvent',
    identifier: recordId(e.id)[0],
    actuality: 'actual',
    event: { text: e.description ? `${label}: ${e.description}` : label },
    subject,
    encounter: inSession ? ref('session', e.sessionId!) : undefined,
    date: e.occurredAt,
    recordedDate: e.createdAt,
    // The grade is CTCAE-style 1–5: 1 mild, 2 moderate, 3 to 5 severe (4 life-threatening, 5 death).
    severity:
      grade === null
        ? undefined
        : {
            coding: [{ system: ADVERSE_EVENT_SEVERITY, ...severityCodes[Math.min(grade, 3) - 1]! }],
            text: `Grade ${grade}`,
          },
    outcome:
      grade === 5
        ? { coding: [{ system: ADVERSE_EVENT_OUTCOME, code: 'fatal', display: 'Fatal' }] }
        : e.closedAt === null
          ? { coding: [{ system: ADVERSE_EVENT_OUTCOME, code: 'ongoing', display: 'Ongoing' }] }
          : undefined,
    recorder,
  };
}

function documentReference(
  l: PatientFacts['letters'][number],
  letterIds: ReadonlySet<string>,
  subject: Reference,
  author: Reference | undefined,
): DocumentReference {
  const sha256 = createHash('sha256').update(l.pdf).digest();
  // The file sent must be the file kept: a PDF whose bytes no longer match its recorded hash is not exported.
  if (sha256.toString('hex') !== l.pdfSha256) {
    throw new Error(
      `${FHIR_REFUSAL}the PDF kept for the letter finalised ${l.finalisedAt.slice(0, 10)} no longer matches its recorded SHA-256.`,
    );
  }
  const type = letterTypeLabels[l.type] ?? l.type;
  return {
    resourceType: 'DocumentReference',
    identifier: [
      { system: PACEWISE_IDS.letter, value: l.id },
      {
        type: { text: 'SHA-256 of the PDF (RFC 6920 name)' },
        system: URI_SYSTEM,
        value: `ni:///sha-256;${sha256.toString('base64url')}`,
      },
    ],
    status: l.superseded ? 'superseded' : 'current',
    docStatus: 'final',
    type: { text: type },
    subject,
    date: l.finalisedAt,
    author: author ? [author] : undefined,
    description: l.subject ?? undefined,
    relatesTo:
      l.previousId && letterIds.has(l.previousId)
        ? [{ code: 'replaces', target: ref('letter', l.previousId) }]
        : undefined,
    content: [
      {
        attachment: {
          contentType: 'application/pdf',
          data: Buffer.from(l.pdf).toString('base64'),
          size: l.pdf.byteLength,
          // R4 defines Attachment.hash as the SHA-1 of the data.
          hash: createHash('sha1').update(l.pdf).digest('base64'),
          title: `${type}${l.version > 1 ? ` (version ${l.version})` : ''}.pdf`,
          creation: l.finalisedAt,
        },
      },
    ],
  };
}
