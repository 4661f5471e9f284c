import {
  mirelsScore,
  sinsScore,
  type MirelsComponents,
  type SinsComponents,
} from '../../../shared/clinical/intake/fractureRisk';
import {
  letterTypeLabels,
  paragraphsOf,
  sendMethodLabels,
  type LetterContent,
  type LetterDocument,
  type LetterRecipient,
  type LetterType,
  type SendMethod,
} from '../../../shared/clinical/letters/model';
import {
  compareSeries,
  customMeasureDefinition,
  formatNumber,
  formatSigned,
  getMeasure,
  incompletenessOf,
  verdictLabels,
  type MeasureDefinition,
  type SeriesPoint,
} from '../../../shared/clinical/measures';
import {
  decisionLabels,
  movementTagLabels,
  redFlags,
  type BoneConflict,
  type FiredRule,
  type MovementTag,
  type ScreenDecision,
} from '../../../shared/clinical/session';
import { readinessLabels } from '../../../shared/contract/intake';
import {
  adverseEventTypeLabels,
  afterRanges,
  attendanceLabels,
  entryOutcomeLabels,
  screenRanges,
  symptomRanges,
  type AdverseEventType,
  type AttendanceValue,
  type EntryOutcome,
  type NumberRange,
} from '../../../shared/contract/sessions';
import { assessmentKindLabels, type AssessmentKind } from '../../../shared/contract/assessments';
import { formatDateAs, formatInstantAs, type DateDisplay } from '../../../shared/dates';
import {
  boneLesionSites,
  clearanceDecisions,
  comorbidityKinds,
  contactRoles,
  goalCategories,
  goalStatuses,
  lesionTypes,
  medicationFlags,
  metastaticSites,
  patientStatuses,
  referralPriorities,
  sexes,
  treatmentTypes,
  weightBearingStatuses,
} from '../../../shared/domain/vocabulary';
import { actionLabels, changedFields, entityLabel } from '../auditHistory';
import { writeHistoryText, type HistoryText } from '../../../shared/contract/audit';
import { esasCompletedByLabels, esasFormItems, type EsasCompletedBy } from '../../../shared/clinical/measures/esasForm';
import { findRedFlag } from '../../../shared/clinical/session/redFlags';

const checkInStatusLabels: Record<string, string> = {
  started: 'Not finished',
  completed: 'Completed by the patient',
  abandoned: 'Ended before the patient finished (nothing they typed was kept)',
};
import type { PrintedBlock, PrintedDocument } from '../../workers/blocksPdf';
import type { PatientRecord } from './patientRecord';

export interface ReadableRecordContext {
  clinicName: string;
  dates: DateDisplay;
  exportedAt: string;
  exportedByName: string;
}

type Value = string | number | boolean | null | undefined;

const label = <T extends string>(labels: Record<T, string>, value: unknown): string | null =>
  typeof value === 'string' ? (labels[value as T] ?? value.replace(/_/g, ' ')) : null;

function text(value: Value): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

const asObject = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** Change history entries whose content the sections above show in full (see the appendix). */
const COPIED_IN_FULL: Array<{ entity: string; action?: string; fields: RegExp; label: string; where: string }> = [
  {
    entity: 'letter',
    fields: /^(content|document|recipients)\b/,
    label: 'Letter text and recipients',
    where: 'as shown under Letters',
  },
  {
    entity: 'session',
    action: 'sign',
    fields: /^(screen|firedRules|thresholds|entries|after|notes)\b/,
    label: 'Safety check, exercise log and notes',
    where: 'as shown under Sessions',
  },
];
const redFlagLabels = new Map(redFlags.map((f) => [f.id as string, f.label]));
const effectLabels: Record<string, string> = { hold: 'Hold', modify: 'Modify', info: 'For information' };

/** Builds the readable record from the exported one; pure, so the worker and the tests run the same code. */
export function readableRecord(record: PatientRecord, context: ReadableRecordContext): PrintedDocument {
  const day = (date: string | null | undefined) => (date ? formatDateAs(date, context.dates) : null);
  const moment = (iso: string | null | undefined) => (iso ? formatInstantAs(iso, context.dates) : null);
  const names = new Map<string, string>([
    ...record.referenced.clinicians.map((c) => [c.id, c.fullName] as const),
    ...record.referenced.contacts.map((c) => [c.id, c.fullName] as const),
    ...record.referenced.exercises.map((e) => [e.id, e.name] as const),
  ]);
  // Clinicians, contacts and exercises are named, never shown by id.
  const named = (id: string | null | undefined) => (id ? (names.get(id) ?? 'not on file') : null);
  const byWhom = (at: string | null | undefined, id: string | null | undefined) =>
    at ? `${moment(at)}${id ? ` by ${named(id)}` : ''}` : null;

  const blocks: PrintedBlock[] = [];
  const heading = (level: 1 | 2 | 3, t: string, newPage = false) =>
    blocks.push({ kind: 'heading', level, text: t, ...(newPage ? { newPage } : {}) });
  const fields = (rows: Array<[string, Value]>, pairs: 1 | 2 = 1) => {
    const shown = rows.map(([l, v]) => [l, text(v)] as const).filter((r): r is [string, string] => r[1] !== null);
    if (shown.length > 0) blocks.push({ kind: 'fields', rows: shown, ...(pairs === 2 ? { pairs } : {}) });
  };
  const table = (columns: string[], rows: Value[][], widths?: Array<number | '*' | 'auto'>) => {
    if (rows.length === 0) return;
    blocks.push({
      kind: 'table',
      columns,
      rows: rows.map((r) => r.map((v) => text(v) ?? '—')),
      ...(widths ? { widths } : {}),
    });
  };
  const paragraph = (t: string | null | undefined, tone?: 'muted' | 'strong') => {
    if (t) blocks.push({ kind: 'paragraph', text: t, ...(tone ? { tone } : {}) });
  };
  const none = (what: string) => paragraph(`No ${what} recorded.`, 'muted');

  const p = record.patient;
  const fullName = `${p.givenName} ${p.familyName}`;

  /* ------------------------------------------------------------ cover */
  heading(1, `Patient record: ${fullName}`);
  fields([
    ['Date of birth', day(p.dateOfBirth)],
    ['Hospital number (MRN)', p.mrn],
    ['Prepared', `${moment(context.exportedAt)} by ${context.exportedByName}, ${context.clinicName}`],
  ]);
  paragraph(
    'This is everything the clinic holds about you in Pacewise: your intake, every exercise session with its ' +
      'safety check and exercise log, your assessments, any adverse events, and the letters written about you. ' +
      'The change history at the end lists every change made to the record: who made it, when, and what changed. ' +
      'Nothing is deleted from the record: a correction is added beside what it corrects.',
  );
  table(
    ['Part of the record', 'Entries'],
    [
      ['Sessions', record.sessions.length],
      ['Assessments', record.assessments.length],
      ['Adverse events', record.adverseEvents.length],
      ['Letters', record.letters.length],
      ['Changes in the history', record.changeHistory.length],
    ],
    ['*', 80],
  );

  /* ------------------------------------------------------------ intake */
  heading(1, 'Personal details and status', true);
  const d = record.details;
  fields([
    ['Given name', p.givenName],
    ['Family name', p.familyName],
    ['Preferred name', p.preferredName],
    ['Date of birth', day(p.dateOfBirth)],
    ['Sex', label(sexes.labels, p.sex)],
    ['Gender', d?.gender],
    ['Hospital number (MRN)', p.mrn],
    ['Status', label(patientStatuses.labels, p.status)],
    ['Phone', d?.phone],
    ['Email', d?.email],
    ['Address', d?.address],
    ['Preferred language', d?.preferredLanguage],
    ['Needs an interpreter', d ? d.interpreterNeeded : null],
    ['Emergency contact or carer', d?.emergencyContactName],
    ['Relationship', d?.emergencyContactRelationship],
    ['Emergency contact phone', d?.emergencyContactPhone],
    ['Reassessment interval (weeks)', d?.reassessmentIntervalWeeks],
    ['Lead clinician', named(d?.leadClinicianId)],
    ['Added to Pacewise', byWhom(p.createdAt, p.createdBy)],
  ]);
  heading(2, 'Status history');
  if (record.statusChanges.length === 0) none('status changes');
  table(
    ['Date of the change', 'From', 'To', 'Reason for the change'],
    record.statusChanges.map((s) => [
      day(s.effectiveOn),
      label(patientStatuses.labels, s.fromStatus),
      label(patientStatuses.labels, s.toStatus),
      s.reason,
    ]),
    ['auto', 'auto', 'auto', '*'],
  );

  heading(1, 'Referral and care team');
  if (record.referrals.length === 0) none('referral');
  for (const r of record.referrals) {
    heading(3, `Referral, ${day(r.referredOn)}`);
    fields([
      ['Referral date', day(r.referredOn)],
      ['Referrer', r.referrerName ?? named(r.referrerContactId)],
      ['Priority', label(referralPriorities.labels, r.priority)],
      ['Reason for referral', r.reason],
    ]);
  }
  heading(2, 'Care team');
  const contacts = new Map(record.referenced.contacts.map((c) => [c.id, c]));
  if (record.careTeam.length === 0) none('care team');
  table(
    ['Team member', 'Role', 'Practice or hospital', 'Phone', 'Main oncologist', 'On the care team', 'Note'],
    record.careTeam.map((m) => {
      const c = contacts.get(m.contactId);
      return [
        c?.fullName,
        label(contactRoles.labels, c?.role),
        c?.practice,
        c?.phone,
        m.isMainOncologist,
        m.active,
        m.note,
      ];
    }),
    ['*', 70, '*', 62, 48, 48, '*'],
  );

  heading(1, 'Cancer and metastases');
  if (record.diagnoses.length === 0) none('diagnosis');
  for (const x of record.diagnoses) {
    fields([
      ['Primary cancer site', x.primarySite],
      ['Histology', x.histology],
      ['Date of diagnosis', day(x.diagnosedOn)],
      ['Stage', x.stage],
      [
        'Metastatic sites',
        asList(x.metastaticSites)
          .map((s) => label(metastaticSites.labels, s))
          .join(', ') || null,
      ],
      ['Other metastatic sites', x.otherMetastaticSites],
      ['Notes', x.notes],
    ]);
  }

  heading(1, 'Bone lesions');
  if (record.boneLesions.length === 0) none('bone lesions');
  for (const l of record.boneLesions) {
    heading(
      3,
      `${label(boneLesionSites.labels, l.site)}${l.side ? `, ${l.side}` : ''}${l.active ? '' : ' (no longer active)'}`,
    );
    fields([
      ['Lesion site', label(boneLesionSites.labels, l.site)],
      ['Level or part of the bone', l.location],
      ['Side', l.side],
      ['Lesion type', label(lesionTypes.labels, l.lesionType)],
      ['Weight-bearing status', label(weightBearingStatuses.labels, l.weightBearing)],
      ['Radiotherapy to this lesion', l.radiotherapy ? (day(l.radiotherapyOn) ?? 'Yes') : 'No'],
      ['Surgery to this lesion', l.surgery ? (day(l.surgeryOn) ?? 'Yes') : 'No'],
      ['Mirels score', lesionScore('mirels', l.mirels)],
      ['SINS score', lesionScore('sins', l.sins)],
      ['Lesion active', l.active],
      ['Notes', l.notes],
    ]);
  }

  heading(1, 'Treatments');
  if (record.treatments.length === 0) none('treatments');
  table(
    ['Treatment type', 'Regimen', 'Start date', 'End date', 'Cycle length (days)', 'Day 1 of each cycle', 'Notes'],
    record.treatments.map((t) => [
      label(treatmentTypes.labels, t.type),
      t.regimen,
      day(t.startDate),
      day(t.endDate),
      t.cycleLengthDays,
      asList(t.day1Dates)
        .map((x) => day(x))
        .join(', '),
      t.notes,
    ]),
  );

  heading(1, 'Comorbidities and medications');
  heading(2, 'Comorbidities');
  if (record.comorbidities.length === 0) none('comorbidities');
  table(
    ['Condition', 'Condition details', 'Current condition'],
    record.comorbidities.map((c) => [label(comorbidityKinds.labels, c.kind), c.detail, c.active]),
    ['auto', '*', 'auto'],
  );
  heading(2, 'Medications');
  if (record.medications.length === 0) none('medications');
  table(
    ['Medicine name', 'Dose', 'Exercise flags', 'Medicine started', 'Medicine stopped', 'Notes'],
    record.medications.map((m) => [
      m.name,
      m.dose,
      asList(m.flags)
        .map((f) => label(medicationFlags.labels, f))
        .join(', '),
      day(m.startedOn),
      day(m.stoppedOn),
      m.notes,
    ]),
  );

  heading(1, 'Medical clearance');
  if (record.clearances.length === 0) none('clearance');
  for (const c of record.clearances) {
    heading(3, c.receivedOn ? `Decision received ${day(c.receivedOn)}` : `Requested ${day(c.requestedOn)}`);
    fields([
      ['Date requested', day(c.requestedOn)],
      ['Requested from', c.requestedFromName ?? named(c.requestedFromContactId)],
      ['Date received', day(c.receivedOn)],
      ['Received from', c.receivedFromName ?? named(c.receivedFromContactId)],
      ['Decision', label(clearanceDecisions.labels, c.decision)],
      ['Restrictions', c.restrictions],
      ['RPE ceiling (6–20)', c.rpeCeiling],
      ['Heart-rate ceiling (bpm)', c.hrCeiling],
      [
        'Movements to avoid',
        asList(c.avoidTags)
          .map((t) => movementTagLabels[t as MovementTag] ?? t)
          .join(', ') || null,
      ],
      ['No group sessions', c.noGroupSessions || null],
      ['Review or expiry date', day(c.reviewBy)],
      ['Notes', c.notes],
    ]);
  }

  heading(1, 'Baseline screening');
  if (record.screenings.length === 0) none('screening');
  for (const s of record.screenings) {
    heading(3, `Screening, ${day(s.screenedOn)}`);
    fields([
      ['Fatigue (0 = none, 10 = worst)', s.fatigue],
      ['Pain (0 = none, 10 = worst)', s.pain],
      ['Pain site', s.painSite],
      ['Breathlessness (0 = none, 10 = worst)', s.breathlessness],
      ['Nausea (0 = none, 10 = worst)', s.nausea],
      ['Sleep quality (0 = worst, 10 = best)', s.sleepQuality],
      ['Energy (0 = worst, 10 = best)', s.energy],
      ['Neuropathy', s.neuropathy ? s.neuropathy.charAt(0).toUpperCase() + s.neuropathy.slice(1) : null],
      ['ECOG performance status', s.ecog],
      ['Falls in the last 6 months', s.fallsLast6Months],
      ['Fear or anxiety about exercise (0–10)', s.exerciseFear],
      ['Readiness to start', label(readinessLabels, s.readiness)],
      ['Current activity', s.currentActivity],
      ["The patient's own priorities", s.priorities],
    ]);
  }

  heading(1, 'Goals');
  if (record.goals.length === 0) none('goals');
  for (const g of record.goals) {
    heading(3, g.inOwnWords);
    fields([
      ['Goal category', label(goalCategories.labels, g.category)],
      ['Measure', g.measureKey ? measureName(g.measureKey, record) : null],
      ['Target', g.targetValue],
      ['Target date', day(g.targetDate)],
      ['Goal status', label(goalStatuses.labels, g.status)],
      ['Date achieved', day(g.achievedOn)],
    ]);
    table(
      ['Milestone', 'Target date', 'Date achieved'],
      g.milestones.map((m) => [m.description, day(m.targetDate), day(m.achievedOn)]),
      ['*', 'auto', 'auto'],
    );
  }

  /* ------------------------------------------------------------ plan and sessions */
  heading(1, 'Exercise plan');
  if (record.plans.length === 0) none('exercise plan');
  for (const plan of [...record.plans].reverse()) {
    heading(
      3,
      `Version ${plan.version}, written ${day(plan.createdAt.slice(0, 10))} by ${named(plan.createdBy)}${plan.supersededAt ? ` (replaced ${day(plan.supersededAt.slice(0, 10))})` : ' (current)'}`,
    );
    fields([
      ['Sessions a week', plan.sessionsPerWeek],
      ['Minutes a session', plan.sessionMinutes],
      ['Around treatment', plan.cycleAdjustment],
      ['Milestones', plan.milestones],
      ['Notes', plan.notes],
    ]);
    table(
      ['Exercise', 'Dose', 'Intensity', 'Progression and notes'],
      plan.items.map((i) => [
        named(i.exerciseId),
        dose(i),
        [
          i.rpeMin != null && i.rpeMax != null ? `RPE ${i.rpeMin}–${i.rpeMax}` : null,
          i.hrMin != null && i.hrMax != null ? `HR ${i.hrMin}–${i.hrMax} bpm` : null,
          i.talkTest ? 'talk test' : null,
          i.restSeconds != null ? `rest ${i.restSeconds} s` : null,
        ]
          .filter(Boolean)
          .join(', '),
        [i.progression, i.notes, i.overrideNote ? `Override: ${i.overrideNote}` : null].filter(Boolean).join(' · '),
      ]),
      ['auto', 'auto', 'auto', '*'],
    );
  }
  if (record.movementClearances.length > 0) {
    heading(2, 'Movement cleared by a clinician');
    table(
      ['Movement', 'Reason', 'Cleared', 'Withdrawn'],
      record.movementClearances.map((m) => [
        movementTagLabels[m.tag as MovementTag] ?? m.tag,
        m.reason,
        byWhom(m.createdAt, m.createdBy),
        m.withdrawnAt ? `${byWhom(m.withdrawnAt, m.withdrawnBy)}: ${m.withdrawnReason ?? ''}` : null,
      ]),
    );
  }

  /** The patient's own answers on the clinic's device, as they gave them, and what the clinician found. */
  const checkInBlock = (ci: PatientRecord['sessions'][number]['checkIns'][number]) => {
    heading(3, `Patient check-in, started ${moment(ci.startedAt)} by ${named(ci.startedBy) ?? 'a clinician'}`);
    const answers = asObject(ci.answers);
    const esas = asObject(answers?.esas) ?? {};
    const rated = esasFormItems
      .filter((item) => typeof esas[item.symptom] === 'number')
      .map((item) => `${item.name} ${String(esas[item.symptom])}`);
    const flags = asObject(answers?.redFlags) ?? {};
    const reported = Object.entries(flags)
      .filter(([, answer]) => answer === 'yes' || answer === 'not_sure')
      .map(([id, answer]) => `${findRedFlag(id)?.label ?? id} (${answer === 'yes' ? 'yes' : 'not sure'})`);
    const other = asObject(answers?.other);
    fields([
      ['Outcome', checkInStatusLabels[ci.status] ?? ci.status],
      ['Completed', moment(ci.completedAt)],
      [
        'Filled in by',
        typeof ci.completedBy === 'string' ? (esasCompletedByLabels[ci.completedBy as EsasCompletedBy] ?? null) : null,
      ],
      ['ESAS-r, now (0–10)', rated.length > 0 ? rated.join('; ') : null],
      [
        'Other problem',
        other && typeof other.problem === 'string'
          ? `${other.problem}${typeof other.score === 'number' ? ` ${other.score}` : ''}`
          : null,
      ],
      ['Red flags the patient reported', answers ? (reported.length > 0 ? reported.join('; ') : 'None') : null],
      ['Anything else', typeof answers?.anythingElse === 'string' ? answers.anythingElse : null],
      ['Ended unfinished, because', ci.abandonReason],
    ]);
    if (ci.reviews.length > 0) {
      table(
        ['Reported red flag', 'What the clinician found', 'Note', 'Reviewed'],
        ci.reviews.map((r) => [
          findRedFlag(r.redFlagId)?.label ?? r.redFlagId,
          r.finding === 'confirmed' ? 'Confirmed: incident recorded' : 'Not confirmed',
          r.note,
          byWhom(r.createdAt, r.createdBy),
        ]),
        [110, 90, '*', 90],
      );
    }
  };

  heading(1, 'Sessions', true);
  if (record.sessions.length === 0) none('sessions');
  const classes = new Map(record.referenced.classes.map((c) => [c.id, c.name]));
  const eventsBySession = new Map<string, Array<(typeof record.adverseEvents)[number]>>();
  for (const e of record.adverseEvents) {
    if (e.sessionId) eventsBySession.set(e.sessionId, [...(eventsBySession.get(e.sessionId) ?? []), e]);
  }
  for (const s of record.sessions) {
    heading(2, `${day(s.date)}, ${s.startTime}: ${label(attendanceLabels, s.attendance as AttendanceValue)}`);
    fields([
      ['Group class', s.classId ? (classes.get(s.classId) ?? 'a group class') : null],
      ['Reason', s.attendanceReason],
      ['Safety check decision', s.decision ? decisionLabels[s.decision as ScreenDecision] : null],
      ['Started without a clearance in force, because', s.clearanceOverrideReason],
      ['Session took place', moment(s.occurredAt)],
      ['Signed', byWhom(s.signedAt, s.signedBy)],
    ]);
    for (const ci of s.checkIns) checkInBlock(ci);
    const screen = asObject(s.screen);
    if (screen) {
      heading(3, 'Before the session: safety check');
      fields(screenRows(screen, day), 2);
    }
    const fired = Array.isArray(s.firedRules) ? (s.firedRules as FiredRule[]) : [];
    if (fired.length > 0) {
      heading(3, 'Rules that applied');
      table(
        ['Rule', 'Value', 'Threshold', 'Effect', 'Source'],
        fired.map((r) => [r.label, r.value, r.threshold, effectLabels[r.effect] ?? r.effect, r.source]),
        ['*', 72, 64, 58, '*'],
      );
    }
    if (s.exercises.length > 0) {
      heading(3, 'Exercise log');
      table(
        exerciseColumns,
        s.exercises.map((e) => exerciseRow(e, named)),
        exerciseWidths,
      );
    }
    const afterRows = rangedRows(asObject(s.after) ?? {}, afterRanges).filter(([, v]) => v !== null);
    if (afterRows.length > 0) {
      heading(3, 'After the session');
      fields(afterRows, 2);
    }
    if (s.notes) {
      heading(3, 'Notes');
      paragraph(s.notes);
    }
    for (const a of s.amendments) {
      heading(3, `Amendment, ${byWhom(a.createdAt, a.createdBy)}`);
      const changes = asObject(a.changes);
      fields([
        ['Reason', a.reason],
        ['Corrected notes', typeof changes?.notes === 'string' ? changes.notes : null],
      ]);
      const entries = Array.isArray(changes?.entries) ? (changes.entries as Array<Record<string, unknown>>) : [];
      if (entries.length > 0)
        table(
          exerciseColumns,
          entries.map((e) => exerciseRow(e, named)),
          exerciseWidths,
        );
    }
    for (const e of eventsBySession.get(s.id) ?? []) {
      paragraph(
        `Adverse event recorded in this session: ${label(adverseEventTypeLabels, e.type as AdverseEventType)}` +
          `${e.severity != null ? `, grade ${e.severity}` : ''} (see Adverse events).`,
        'strong',
      );
    }
  }

  /* ------------------------------------------------------------ assessments */
  heading(1, 'Assessments');
  if (record.assessments.length === 0) none('assessments');
  paragraph(
    'Each result is compared with the baseline (or, for a measure first taken later, with its first recorded value). ' +
      'The verdict says whether the change reached the smallest change that matters for that measure (its MCID), ' +
      'with the source of that figure.',
    'muted',
  );
  for (const block of assessmentBlocks(record, day, moment, named)) blocks.push(block);

  /* ------------------------------------------------------------ adverse events */
  heading(1, 'Adverse events');
  if (record.adverseEvents.length === 0) none('adverse events');
  const sessionDates = new Map(record.sessions.map((s) => [s.id, `${day(s.date)}, ${s.startTime}`]));
  for (const e of record.adverseEvents) {
    heading(3, `${label(adverseEventTypeLabels, e.type as AdverseEventType)}, ${moment(e.occurredAt)}`);
    fields([
      ['Grade (1–5)', e.severity ?? 'Not yet graded'],
      ['Red flag at screening', e.redFlagId ? (redFlagLabels.get(e.redFlagId) ?? e.redFlagId) : null],
      ['During the session of', e.sessionId ? sessionDates.get(e.sessionId) : null],
      ['What happened', e.description],
      ['Action taken', e.actionTaken],
      ['Outcome', e.outcome],
      ['Follow-up needed', e.followUpNeeded],
      ['Closed', byWhom(e.closedAt, e.closedBy)],
      ['Closing note', e.closingNote],
      ['Recorded', byWhom(e.createdAt, e.createdBy)],
    ]);
  }

  /* ------------------------------------------------------------ letters */
  heading(1, 'Letters');
  if (record.letters.length === 0) none('letters');
  for (const l of record.letters) {
    const document = asObject(l.document) as LetterDocument | null;
    const content = (document?.content ?? asObject(l.content)) as LetterContent | null;
    const recipients = (document?.recipients ?? (Array.isArray(l.recipients) ? l.recipients : [])) as LetterRecipient[];
    heading(
      2,
      `${label(letterTypeLabels, l.type as LetterType)}, version ${l.version}${l.status === 'final' ? '' : ' (draft, not sent)'}`,
    );
    fields([
      ['Letter date', day(content?.date)],
      ['Subject', content?.subject],
      [
        'To',
        recipients
          .filter((r) => r.role === 'to')
          .map((r) => r.name)
          .join('; ') || null,
      ],
      [
        'Copies to',
        recipients
          .filter((r) => r.role === 'cc')
          .map((r) => r.name)
          .join('; ') || null,
      ],
      ['Correction of an earlier version, because', l.correctionReason],
      ['Finalised', byWhom(l.finalisedAt, l.finalisedBy)],
      ['Fingerprint of the PDF sent (SHA-256)', l.pdfSha256],
      [
        'Sent',
        l.sendings.map((x) => `${label(sendMethodLabels, x.method as SendMethod)} on ${day(x.sentOn)}`).join('; ') ||
          null,
      ],
    ]);
    for (const r of l.replies) {
      fields([
        ['Reply received', day(r.receivedOn)],
        ['From', r.receivedFromName],
        ['Decision', label(clearanceDecisions.labels, r.decision)],
        ['Restrictions', r.restrictions],
        ['Review or expiry date', day(r.reviewBy)],
        ['Attachment', r.attachmentName],
      ]);
    }
    if (content) {
      paragraph(content.salutation);
      for (const section of content.sections ?? []) {
        if (!section.text && !section.table) continue;
        if (section.heading) heading(3, section.heading);
        for (const para of paragraphsOf(section.text ?? '')) paragraph(para);
        if (section.table) table(section.table.columns, section.table.rows);
      }
      paragraph(content.closing);
    }
  }

  /* ------------------------------------------------------------ appendix */
  heading(1, 'Appendix: change history', true);
  paragraph(
    'Every change to this record, oldest first: when, who, what was recorded or changed, and the reason when one ' +
      'was given. A changed value is shown as "from" what it was "to" what it became.',
    'muted',
  );
  const historyRows: Value[][] = [];
  for (const entry of record.changeHistory) {
    const changes = changedFields(
      entry.before ? JSON.stringify(entry.before) : null,
      entry.after ? JSON.stringify(entry.after) : null,
      names,
    );
    const write = (text: HistoryText | null) =>
      text === null
        ? null
        : writeHistoryText(text, {
            date: (date) => formatDateAs(date, context.dates),
            at: (iso) => moment(iso) ?? iso,
          });
    if (entry.action === 'update' && changes.length === 0) continue;
    const written = changes.map((c) => ({
      field: c.field,
      label: c.label,
      before: write(c.before),
      after: write(c.after),
    }));
    // What a letter or a signed session holds is set out in full in its section above; here it would
    // be a second copy, flattened into one cell, so the entry points there instead.
    const copied = COPIED_IN_FULL.find((c) => c.entity === entry.entity && (!c.action || c.action === entry.action));
    const shown = copied
      ? [
          ...written.filter((c) => !copied.fields.test(c.field)),
          ...(written.some((c) => copied.fields.test(c.field))
            ? [{ label: copied.label, before: null, after: copied.where }]
            : []),
        ]
      : written;
    historyRows.push([
      moment(entry.at),
      named(entry.actorId) ?? 'Pacewise',
      `${entityLabel(entry.entity)}: ${actionLabels[entry.action] ?? entry.action}`,
      shown
        .map((c) =>
          // The PDF font has no arrow: "from … to …" reads as well.
          c.before === null
            ? `${c.label}: ${c.after ?? '—'}`
            : `${c.label}: from ${c.before} to ${c.after ?? 'nothing'}`,
        )
        .join('\n') || null,
      entry.reason,
    ]);
  }
  if (historyRows.length === 0) none('changes');
  table(['When', 'Who', 'What', 'Changes', 'Reason'], historyRows, [62, 62, 70, '*', 70]);

  return {
    title: `Patient record: ${fullName}`,
    clinicName: context.clinicName,
    footer: `${fullName} · born ${day(p.dateOfBirth)} · MRN ${p.mrn}`,
    blocks,
  };
}

function lesionScore(kind: 'mirels' | 'sins', components: unknown): string | null {
  const entered = asObject(components);
  if (!entered || Object.values(entered).every((v) => v == null)) return null;
  const result = kind === 'mirels' ? mirelsScore(entered as MirelsComponents) : sinsScore(entered as SinsComponents);
  if (result.total === null) return `${result.subtotal} so far (not every item scored)`;
  return `${result.total}${result.band ? `: ${result.band.label}` : ''} (${result.source})`;
}

function measureName(key: string, record: PatientRecord): string {
  return definitionFor(key, record)?.name ?? key;
}

function definitionFor(key: string, record: PatientRecord): MeasureDefinition | null {
  const builtIn = getMeasure(key);
  if (builtIn) return builtIn;
  const custom = record.referenced.customMeasures.find((m) => `custom.${m.id}` === key);
  return custom ? customMeasureDefinition({ ...custom, better: custom.better === 'lower' ? 'lower' : 'higher' }) : null;
}

function dose(i: {
  sets: number | null;
  reps: number | null;
  durationMin: number | null;
  loadKg: number | null;
}): string {
  const parts: string[] = [];
  if (i.sets != null && i.reps != null) parts.push(`${i.sets} × ${i.reps}`);
  else if (i.reps != null) parts.push(`${i.reps} reps`);
  else if (i.sets != null) parts.push(`${i.sets} sets`);
  if (i.loadKg != null) parts.push(`${i.loadKg} kg`);
  if (i.durationMin != null) parts.push(`${i.durationMin} min`);
  return parts.join(', ');
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function rangedRows(values: Record<string, unknown>, ranges: Record<string, NumberRange>): Array<[string, Value]> {
  return Object.entries(ranges).map(([key, r]) => {
    const v = values[key];
    return [capital(r.label), typeof v === 'number' ? `${v}${r.unit ? ` ${r.unit}` : ''}` : null];
  });
}

function screenRows(screen: Record<string, unknown>, day: (d: string | null) => string | null): Array<[string, Value]> {
  const rows: Array<[string, Value]> = [];
  for (const [l, v] of rangedRows(screen, screenRanges)) if (v !== null) rows.push([l, v]);
  if (typeof screen.bloodsDate === 'string') rows.push(['Date of the blood results', day(screen.bloodsDate)]);
  if (typeof screen.glucoseKetonesOrSymptoms === 'boolean') {
    rows.push(['Ketones or symptoms with high glucose', screen.glucoseKetonesOrSymptoms]);
  }
  for (const [l, v] of rangedRows(screen, symptomRanges)) if (v !== null) rows.push([`${l} (0–10)`, v]);
  if (typeof screen.painSite === 'string' && screen.painSite) rows.push(['Pain site', screen.painSite]);
  const flags = asList(screen.redFlags);
  rows.push(['Red flags', flags.length > 0 ? flags.map((f) => redFlagLabels.get(f) ?? f).join('; ') : 'None']);
  const notTaken = asObject(screen.notTaken);
  const notTakenLabels: Record<string, string> = {
    restingHr: 'Resting heart rate not taken',
    bloodPressure: 'Blood pressure not taken',
    spo2: 'SpO₂ not taken',
  };
  for (const [key, why] of Object.entries(notTaken ?? {})) {
    if (typeof why === 'string' && why) rows.push([notTakenLabels[key] ?? capital(key), why]);
  }
  return rows;
}

const exerciseColumns = ['Exercise', 'Planned', 'Dose', 'RPE', 'Peak HR', 'SpO₂', 'Pain change', 'Outcome', 'Notes'];
const exerciseWidths: Array<number | '*' | 'auto'> = [90, 'auto', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto', '*'];

function exerciseRow(e: Record<string, unknown>, named: (id: string | null) => string | null): Value[] {
  const n = (key: string) => (typeof e[key] === 'number' ? (e[key] as number) : null);
  const conflicts = Array.isArray(e.conflicts) ? (e.conflicts as BoneConflict[]) : [];
  return [
    named(typeof e.exerciseId === 'string' ? e.exerciseId : null),
    e.planned === true ? 'Yes' : 'No',
    dose({ sets: n('sets'), reps: n('reps'), durationMin: n('durationMin'), loadKg: n('loadKg') }) || null,
    n('rpe'),
    n('peakHr') != null ? `${n('peakHr')} bpm` : null,
    n('spo2') != null ? `${n('spo2')} %` : null,
    n('painChange') != null ? formatSigned(n('painChange')!, 0) : null,
    label(entryOutcomeLabels, e.outcome as EntryOutcome) ?? 'Not recorded',
    [
      typeof e.reason === 'string' ? e.reason : null,
      ...conflicts.map((c) => `Bone lesion restriction: ${c.reason}`),
      typeof e.overrideNote === 'string' ? `Override: ${e.overrideNote}` : null,
    ]
      .filter(Boolean)
      .join(' · ') || null,
  ];
}

/**
 * Each assessment with its results, and for each counted result the verdict the Progress screen
 * would give had this been the latest assessment: the change from the baseline judged against the
 * measure's MCID (compareSeries). Drafts, discarded forms and replaced assessments are listed as
 * such and judged against nothing.
 */
function assessmentBlocks(
  record: PatientRecord,
  day: (d: string | null) => string | null,
  moment: (iso: string | null) => string | null,
  named: (id: string | null) => string | null,
): PrintedBlock[] {
  const blocks: PrintedBlock[] = [];
  const replaced = new Set(
    record.assessments.filter((a) => a.amendsId && a.finalisedAt).map((a) => a.amendsId as string),
  );
  const counted = record.assessments.filter((a) => a.finalisedAt && !replaced.has(a.id));
  // Counted points per measure in date order (then the order finalised), as the Progress screen reads them.
  const series = new Map<string, SeriesPoint[]>();
  const inOrder = [...counted].sort(
    (x, y) => x.assessedOn.localeCompare(y.assessedOn) || String(x.finalisedAt).localeCompare(String(y.finalisedAt)),
  );
  for (const a of inOrder) {
    for (const r of a.results) {
      if (r.value == null) continue;
      const point: SeriesPoint = {
        date: a.assessedOn,
        value: r.value,
        assessmentId: a.id,
        kind: a.kind,
        incomplete: incompletenessOf(r.measureKey, asObject(r.derived) ?? {}),
      };
      series.set(r.measureKey, [...(series.get(r.measureKey) ?? []), point]);
    }
  }
  for (const a of record.assessments) {
    const state = a.discardedAt
      ? `discarded ${day(a.discardedAt.slice(0, 10))}${a.discardReason ? `: ${a.discardReason}` : ''}`
      : !a.finalisedAt
        ? 'draft, not finalised'
        : replaced.has(a.id)
          ? 'replaced by a correction'
          : 'finalised';
    blocks.push({
      kind: 'heading',
      level: 2,
      text: `${assessmentKindLabels[a.kind as AssessmentKind] ?? a.kind}, ${day(a.assessedOn)} (${state})`,
    });
    const rows: Array<[string, string]> = [];
    const add = (l: string, v: Value) => {
      const t = text(v);
      if (t !== null) rows.push([l, t]);
    };
    add('Assessed by', named(a.clinicianId));
    add('Height', a.heightCm != null ? `${a.heightCm} cm` : null);
    add('Weight', a.weightKg != null ? `${a.weightKg} kg` : null);
    add('Correction of an earlier assessment, because', a.amendmentReason);
    add('Finalised', a.finalisedAt ? `${moment(a.finalisedAt)} by ${named(a.finalisedBy)}` : null);
    add('Notes', a.notes);
    if (rows.length > 0) blocks.push({ kind: 'fields', rows });
    const isCounted = counted.includes(a);
    const resultRows = a.results
      .filter((r) => r.value != null || !r.parentResultId)
      .map((r) => {
        const def = definitionFor(r.measureKey, record);
        const name = def?.name ?? r.measureKey;
        const shown =
          r.value == null
            ? 'Not recorded'
            : `${formatNumber(r.value, def?.decimals ?? 2)}${def?.unit ? ` ${def.unit}` : ''}`;
        if (!isCounted || r.value == null || !def)
          return [name, shown, '—', 'Not judged', isCounted ? '' : 'Not counted'];
        const points = series.get(r.measureKey) ?? [];
        const upTo = points.slice(0, points.findIndex((pt) => pt.assessmentId === a.id) + 1);
        const comparison = compareSeries(def, upTo, { sex: null, dateOfBirth: null });
        if (!comparison.changeFromBaseline) {
          return [name, shown, '—', comparison.baselineKind === 'baseline' ? 'Baseline' : 'First recorded', ''];
        }
        const verdict = comparison.changeFromBaseline;
        return [
          name,
          shown,
          `${formatSigned(verdict.change, def.decimals)} ${def.unit} from ${day(comparison.baseline!.date)}`,
          verdictLabels[verdict.verdict],
          verdict.basis,
        ];
      });
    if (resultRows.length > 0) {
      blocks.push({
        kind: 'table',
        columns: ['Measure', 'Result', 'Change from baseline', 'Verdict', 'Basis'],
        rows: resultRows,
        widths: [90, 48, 100, 52, '*'],
      });
    } else {
      blocks.push({ kind: 'paragraph', text: 'No results recorded.', tone: 'muted' });
    }
  }
  return blocks;
}
