import { mirelsScore, sinsScore, type MirelsComponents, type SinsComponents } from '../../../../shared/clinical/intake';
import {
  builtInMeasureKeys,
  measureCatalog,
  type BuiltInMeasureKey,
  type MeasureComponent,
} from '../../../../shared/clinical/measures';
import { assessmentKinds, assessmentKindLabels } from '../../../../shared/contract/assessments';
import { neuropathyGrades, readinessLabels, readinessStages } from '../../../../shared/contract/intake';
import {
  adverseEventTypeLabels,
  adverseEventTypes,
  afterRanges,
  attendanceLabels,
  attendanceValues,
  entryOutcomes,
  screenRanges,
  symptomRanges,
  type NumberRange,
} from '../../../../shared/contract/sessions';
import { addDays, ageOn, todayLocal } from '../../../../shared/dates';
import {
  boneLesionSites,
  comorbidityKinds,
  lesionTypes,
  medicationFlags,
  metastaticSites,
  patientStatuses,
  referralPriorities,
  sexes,
  treatmentTypes,
  weightBearingStatuses,
} from '../../../../shared/domain/vocabulary';

/**
 * The research export's whole content: every form (one CSV each, one REDCap instrument each) and
 * every field in it, listed here and nowhere else. Nothing reaches the export unless a field below
 * names it: no names, MRNs, contact details, addresses, free-text notes, letters, record ids, or
 * real dates. Dates are shifted by the patient's offset; the birth date becomes an age.
 */

export type FieldType = 'text' | 'dropdown' | 'radio' | 'yesno' | 'checkbox';
export type Validation = 'integer' | 'number' | 'date_ymd';

export interface ResearchField {
  /** REDCap variable name: lower case, starting with a letter, unique across the project. */
  name: string;
  label: string;
  type: FieldType;
  validation?: Validation;
  min?: number;
  max?: number;
  /** [raw code, label]; for a checkbox each code becomes a column `name___code` (1 ticked, 0 not). */
  choices?: ReadonlyArray<readonly [string, string]>;
  note?: string;
}

/** A cell: a number, a text, a date (already shifted), several codes (a checkbox), or nothing. */
export type CellValue = number | string | null | readonly string[];

/** What the writer knows of the patient a row belongs to: their study id and how to shift their dates. */
export interface Subject {
  studyId: string;
  shift: Shift;
}

export interface Shift {
  /** A clinic date (YYYY-MM-DD) moved by the patient's offset. */
  date(date: string | null | undefined): string | null;
  /** An instant (ISO-8601), taken on the clinic's calendar and moved by the offset. */
  instant(instant: string | null | undefined): string | null;
}

type Row = Record<string, unknown>;

export interface ResearchForm {
  /** The REDCap instrument name and the CSV's file name. */
  name: string;
  label: string;
  repeating: boolean;
  fields: ResearchField[];
  /** Rows ordered by patient, then in the order instances are numbered; each has `patient_id`. */
  sql: string;
  values(row: Row, subject: Subject): Record<string, CellValue>;
}

const choicesOf = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((v) => [v, labels[v]] as const);
const plainChoices = (values: readonly string[]) =>
  values.map((v) => [v, v.charAt(0).toUpperCase() + v.slice(1).replace(/_/g, ' ')] as const);
const date = (name: string, label: string, note?: string): ResearchField => ({
  name,
  label,
  type: 'text',
  validation: 'date_ymd',
  note: note ?? 'Shifted by this participant’s date offset (see README).',
});
const integer = (name: string, label: string, min: number, max: number, note?: string): ResearchField => ({
  name,
  label,
  type: 'text',
  validation: 'integer',
  min,
  max,
  ...(note ? { note } : {}),
});
/** A number from the screen's ranges (sessions.ts); `integer` only where the form accepts whole numbers only. */
const ranged = (name: string, r: NumberRange, validation: Validation, label = r.label): ResearchField => ({
  name,
  label: `${label.charAt(0).toUpperCase()}${label.slice(1)}${r.unit ? ` (${r.unit})` : ''}`,
  type: 'text',
  validation,
  min: r.min,
  max: r.max,
});
const yesno = (name: string, label: string): ResearchField => ({ name, label, type: 'yesno' });
const bool = (value: unknown): number | null => (value === null || value === undefined ? null : value ? 1 : 0);
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const json = <T>(value: unknown, fallback: T): T => (typeof value === 'string' ? (JSON.parse(value) as T) : fallback);

/** 90 stands for 90 or older (HIPAA Safe Harbor aggregates ages over 89). */
export const AGE_CAP = 90;

const participant: ResearchForm = {
  name: 'participant',
  label: 'Participant',
  repeating: false,
  fields: [
    { name: 'study_id', label: 'Study ID', type: 'text', note: 'Random; the same in every export from this caseload.' },
    integer(
      'age_years',
      'Age at referral (years)',
      0,
      AGE_CAP,
      'Completed years at the first referral (or when the record was made, if none); 90 means 90 or older.',
    ),
    { name: 'sex', label: 'Sex', type: 'radio', choices: choicesOf(sexes.values, sexes.labels) },
    {
      name: 'status',
      label: 'Status at export',
      type: 'dropdown',
      choices: choicesOf(patientStatuses.values, patientStatuses.labels),
    },
    date('referral_date', 'First referral date'),
    {
      name: 'referral_priority',
      label: 'Priority of the first referral',
      type: 'dropdown',
      choices: choicesOf(referralPriorities.values, referralPriorities.labels),
    },
  ],
  sql: `SELECT p.id AS patient_id, p.sex, p.status, p.date_of_birth, p.created_at,
               r.referred_on, r.priority
          FROM patient p
          LEFT JOIN referral r ON r.id = (SELECT id FROM referral WHERE patient_id = p.id ORDER BY referred_on, id LIMIT 1)
         ORDER BY p.id`,
  values: (row, { shift, studyId }) => ({
    study_id: studyId,
    // The birth date stays here: only the age in years leaves.
    age_years: Math.min(
      AGE_CAP,
      ageOn(String(row.date_of_birth), text(row.referred_on) ?? todayLocal(new Date(String(row.created_at)))),
    ),
    sex: text(row.sex),
    status: text(row.status),
    referral_date: shift.date(text(row.referred_on)),
    referral_priority: text(row.priority),
  }),
};

const diagnosis: ResearchForm = {
  name: 'diagnosis',
  label: 'Cancer diagnosis',
  repeating: true,
  fields: [
    date('dx_date', 'Date of diagnosis'),
    {
      name: 'dx_metastases',
      label: 'Metastatic sites',
      type: 'checkbox',
      choices: choicesOf(metastaticSites.values, metastaticSites.labels),
      note: 'The primary site, histology and stage are typed as free text in Pacewise and are not exported.',
    },
  ],
  sql: `SELECT patient_id, diagnosed_on, metastatic_sites_json FROM diagnosis ORDER BY patient_id, created_at, id`,
  values: (row, { shift }) => ({
    dx_date: shift.date(text(row.diagnosed_on)),
    dx_metastases: json<string[]>(row.metastatic_sites_json, []),
  }),
};

const lesionSides = ['left', 'right', 'midline', 'bilateral'] as const;

const boneLesion: ResearchForm = {
  name: 'bone_lesion',
  label: 'Bone lesion',
  repeating: true,
  fields: [
    {
      name: 'bl_site',
      label: 'Site',
      type: 'dropdown',
      choices: choicesOf(boneLesionSites.values, boneLesionSites.labels),
    },
    { name: 'bl_side', label: 'Side', type: 'dropdown', choices: plainChoices(lesionSides) },
    {
      name: 'bl_type',
      label: 'Lesion type',
      type: 'dropdown',
      choices: choicesOf(lesionTypes.values, lesionTypes.labels),
    },
    {
      name: 'bl_weight_bearing',
      label: 'Weight-bearing status',
      type: 'dropdown',
      choices: choicesOf(weightBearingStatuses.values, weightBearingStatuses.labels),
    },
    yesno('bl_radiotherapy', 'Radiotherapy to the lesion'),
    date('bl_radiotherapy_date', 'Radiotherapy date'),
    yesno('bl_surgery', 'Surgery to the lesion'),
    date('bl_surgery_date', 'Surgery date'),
    integer('bl_mirels', 'Mirels score (total)', 4, 12, 'Only when all four items were scored (Mirels 1989).'),
    integer('bl_sins', 'SINS (total)', 0, 18, 'Only when all six items were scored (Fisher 2010).'),
    yesno('bl_active', 'Lesion still current'),
  ],
  sql: `SELECT patient_id, site, side, lesion_type, weight_bearing, radiotherapy, radiotherapy_on, surgery, surgery_on,
               mirels_json, sins_json, active
          FROM bone_lesion ORDER BY patient_id, created_at, id`,
  values: (row, { shift }) => ({
    bl_site: text(row.site),
    bl_side: text(row.side),
    bl_type: text(row.lesion_type),
    bl_weight_bearing: text(row.weight_bearing),
    bl_radiotherapy: bool(row.radiotherapy),
    bl_radiotherapy_date: shift.date(text(row.radiotherapy_on)),
    bl_surgery: bool(row.surgery),
    bl_surgery_date: shift.date(text(row.surgery_on)),
    // Totals only from a complete set of items (a partial score is not a score).
    bl_mirels: row.mirels_json ? mirelsScore(json<MirelsComponents>(row.mirels_json, {})).total : null,
    bl_sins: row.sins_json ? sinsScore(json<SinsComponents>(row.sins_json, {})).total : null,
    bl_active: bool(row.active),
  }),
};

const treatment: ResearchForm = {
  name: 'treatment',
  label: 'Cancer treatment',
  repeating: true,
  fields: [
    {
      name: 'tx_type',
      label: 'Treatment type',
      type: 'dropdown',
      choices: choicesOf(treatmentTypes.values, treatmentTypes.labels),
    },
    date('tx_start_date', 'Start date'),
    date('tx_end_date', 'End date'),
    integer('tx_cycle_days', 'Cycle length (days)', 1, 366),
  ],
  sql: `SELECT patient_id, type, start_date, end_date, cycle_length_days FROM treatment ORDER BY patient_id, start_date, id`,
  values: (row, { shift }) => ({
    tx_type: text(row.type),
    tx_start_date: shift.date(text(row.start_date)),
    tx_end_date: shift.date(text(row.end_date)),
    tx_cycle_days: num(row.cycle_length_days),
  }),
};

const comorbidity: ResearchForm = {
  name: 'comorbidity',
  label: 'Comorbidity',
  repeating: true,
  fields: [
    {
      name: 'com_kind',
      label: 'Condition',
      type: 'dropdown',
      choices: choicesOf(comorbidityKinds.values, comorbidityKinds.labels),
    },
    yesno('com_active', 'Still current'),
  ],
  sql: `SELECT patient_id, kind, active FROM comorbidity ORDER BY patient_id, created_at, id`,
  values: (row) => ({ com_kind: text(row.kind), com_active: bool(row.active) }),
};

const medication: ResearchForm = {
  name: 'medication',
  label: 'Medication',
  repeating: true,
  fields: [
    {
      name: 'med_flags',
      label: 'Classes that change exercise',
      type: 'checkbox',
      choices: choicesOf(medicationFlags.values, medicationFlags.labels),
      note: 'The medicine’s name and dose are typed as free text in Pacewise and are not exported.',
    },
    date('med_start_date', 'Started'),
    date('med_stop_date', 'Stopped'),
  ],
  sql: `SELECT patient_id, flags_json, started_on, stopped_on FROM medication ORDER BY patient_id, created_at, id`,
  values: (row, { shift }) => ({
    med_flags: json<string[]>(row.flags_json, []),
    med_start_date: shift.date(text(row.started_on)),
    med_stop_date: shift.date(text(row.stopped_on)),
  }),
};

const baselineScreening: ResearchForm = {
  name: 'baseline_screening',
  label: 'Baseline screening',
  repeating: true,
  fields: [
    date('scr_date', 'Screening date'),
    integer('scr_fatigue', 'Fatigue (0–10)', 0, 10),
    integer('scr_pain', 'Pain (0–10)', 0, 10),
    integer('scr_breathlessness', 'Breathlessness (0–10)', 0, 10),
    integer('scr_nausea', 'Nausea (0–10)', 0, 10),
    {
      name: 'scr_neuropathy',
      label: 'Peripheral neuropathy',
      type: 'dropdown',
      choices: plainChoices(neuropathyGrades),
    },
    integer('scr_sleep', 'Sleep quality (0–10)', 0, 10),
    integer('scr_energy', 'Energy (0–10)', 0, 10),
    integer('scr_ecog', 'ECOG performance status', 0, 4),
    integer('scr_falls_6m', 'Falls in the last 6 months', 0, 99),
    integer('scr_exercise_fear', 'Fear or anxiety about exercise (0–10)', 0, 10),
    {
      name: 'scr_readiness',
      label: 'Readiness to start',
      type: 'dropdown',
      choices: choicesOf(readinessStages, readinessLabels),
    },
  ],
  sql: `SELECT patient_id, screened_on, fatigue, pain, breathlessness, nausea, neuropathy, sleep_quality, energy, ecog,
               falls_last_6_months, exercise_fear, readiness
          FROM baseline_screening ORDER BY patient_id, screened_on, id`,
  values: (row, { shift }) => ({
    scr_date: shift.date(text(row.screened_on)),
    scr_fatigue: num(row.fatigue),
    scr_pain: num(row.pain),
    scr_breathlessness: num(row.breathlessness),
    scr_nausea: num(row.nausea),
    scr_neuropathy: text(row.neuropathy),
    scr_sleep: num(row.sleep_quality),
    scr_energy: num(row.energy),
    scr_ecog: num(row.ecog),
    scr_falls_6m: num(row.falls_last_6_months),
    scr_exercise_fear: num(row.exercise_fear),
    scr_readiness: text(row.readiness),
  }),
};

const decisions = [
  ['go', 'Go'],
  ['modify', 'Go with modifications'],
  ['hold', 'Hold'],
] as const;

type Outcome = (typeof entryOutcomes)[number];

const session: ResearchForm = {
  name: 'session',
  label: 'Supervised session',
  repeating: true,
  fields: [
    date('ses_date', 'Session date'),
    {
      name: 'ses_attendance',
      label: 'Attendance',
      type: 'dropdown',
      choices: choicesOf(attendanceValues, attendanceLabels),
    },
    yesno('ses_group', 'Part of a group class'),
    { name: 'ses_decision', label: 'Pre-session screen decision', type: 'dropdown', choices: decisions },
    ranged('ses_hr', screenRanges.restingHr, 'number'),
    ranged('ses_sbp', screenRanges.sbp, 'number'),
    ranged('ses_dbp', screenRanges.dbp, 'number'),
    ranged('ses_spo2', screenRanges.spo2, 'number'),
    ranged('ses_temp', screenRanges.temperatureC, 'number'),
    ranged('ses_hb', screenRanges.haemoglobinGL, 'number'),
    ranged('ses_platelets', screenRanges.plateletsX109, 'number'),
    ranged('ses_neutrophils', screenRanges.neutrophilsX109, 'number'),
    ranged('ses_glucose', screenRanges.glucoseMmol, 'number'),
    ranged('ses_fatigue', symptomRanges.fatigue0to10, 'integer', 'fatigue (0–10)'),
    ranged('ses_pain', symptomRanges.pain0to10, 'integer', 'pain (0–10)'),
    ranged('ses_breathless', symptomRanges.breathlessness0to10, 'integer', 'breathlessness (0–10)'),
    ranged('ses_nausea', symptomRanges.nausea0to10, 'integer', 'nausea (0–10)'),
    ranged('ses_sleep', symptomRanges.sleepQuality0to10, 'integer', 'sleep quality (0–10)'),
    ranged('ses_energy', symptomRanges.energy0to10, 'integer', 'energy (0–10)'),
    integer('ses_red_flags', 'Red flags ticked at the screen', 0, 50),
    integer('ses_ex_completed', 'Exercises completed', 0, 200),
    integer('ses_ex_modified', 'Exercises modified', 0, 200),
    integer('ses_ex_skipped', 'Exercises skipped', 0, 200),
    ranged('ses_rpe', afterRanges.rpeOverall, 'integer', 'session RPE (6–20)'),
    yesno('ses_signed', 'Signed off'),
  ],
  // The exercise counts as signed, or as the latest amendment that changed the exercises.
  sql: `SELECT s.patient_id, s.date, s.attendance, s.class_id IS NOT NULL AS in_group, s.decision, s.screen_json,
               s.after_json, s.signed_at IS NOT NULL AS signed,
               (SELECT json_extract(a.changes_json, '$.entries') FROM session_amendment a
                 WHERE a.session_id = s.id AND json_extract(a.changes_json, '$.entries') IS NOT NULL
                 ORDER BY a.created_at DESC, a.id DESC LIMIT 1) AS amended_entries,
               (SELECT json_group_array(x.outcome) FROM exercise_entry x WHERE x.session_id = s.id) AS outcomes
          FROM session s ORDER BY s.patient_id, s.date, s.start_time, s.id`,
  values: (row, { shift }) => {
    const screen = json<Record<string, unknown>>(row.screen_json, {});
    const after = json<Record<string, unknown>>(row.after_json, {});
    const outcomes: Array<Outcome | null> = row.amended_entries
      ? json<Array<{ outcome: Outcome | null }>>(row.amended_entries, []).map((e) => e.outcome)
      : json<Array<Outcome | null>>(row.outcomes, []);
    const count = (outcome: Outcome) => outcomes.filter((o) => o === outcome).length;
    const logged = outcomes.length > 0;
    return {
      ses_date: shift.date(text(row.date)),
      ses_attendance: text(row.attendance),
      ses_group: bool(row.in_group),
      ses_decision: text(row.decision),
      ses_hr: num(screen.restingHr),
      ses_sbp: num(screen.sbp),
      ses_dbp: num(screen.dbp),
      ses_spo2: num(screen.spo2),
      ses_temp: num(screen.temperatureC),
      ses_hb: num(screen.haemoglobinGL),
      ses_platelets: num(screen.plateletsX109),
      ses_neutrophils: num(screen.neutrophilsX109),
      ses_glucose: num(screen.glucoseMmol),
      ses_fatigue: num(screen.fatigue0to10),
      ses_pain: num(screen.pain0to10),
      ses_breathless: num(screen.breathlessness0to10),
      ses_nausea: num(screen.nausea0to10),
      ses_sleep: num(screen.sleepQuality0to10),
      ses_energy: num(screen.energy0to10),
      ses_red_flags: row.screen_json ? (Array.isArray(screen.redFlags) ? screen.redFlags.length : 0) : null,
      ses_ex_completed: logged ? count('completed') : null,
      ses_ex_modified: logged ? count('modified') : null,
      ses_ex_skipped: logged ? count('skipped') : null,
      ses_rpe: num(after.rpeOverall),
      ses_signed: bool(row.signed),
    };
  },
};

const adverseEvent: ResearchForm = {
  name: 'adverse_event',
  label: 'Adverse event',
  repeating: true,
  fields: [
    date('ae_date', 'Date it happened'),
    {
      name: 'ae_type',
      label: 'Type of event',
      type: 'dropdown',
      choices: choicesOf(adverseEventTypes, adverseEventTypeLabels),
    },
    {
      name: 'ae_grade',
      label: 'Severity grade (CTCAE-style)',
      type: 'dropdown',
      choices: [1, 2, 3, 4, 5].map((g) => [String(g), `Grade ${g}`] as const),
      note: 'Empty while an event opened from a red flag has not been graded.',
    },
    yesno('ae_red_flag', 'Opened from a red flag at the screen'),
    yesno('ae_in_session', 'During a supervised session'),
    yesno('ae_closed', 'Closed'),
    date('ae_closed_date', 'Date closed'),
  ],
  sql: `SELECT patient_id, type, severity, red_flag, session_id IS NOT NULL AS in_session, occurred_at, closed_at
          FROM adverse_event ORDER BY patient_id, occurred_at, id`,
  values: (row, { shift }) => ({
    ae_date: shift.instant(text(row.occurred_at)),
    ae_type: text(row.type),
    ae_grade: row.severity === null ? null : String(row.severity),
    ae_red_flag: bool(row.red_flag),
    ae_in_session: bool(row.in_session),
    ae_closed: row.closed_at ? 1 : 0,
    ae_closed_date: shift.instant(text(row.closed_at)),
  }),
};

/** Short, unique prefixes for the measures' fields (REDCap suggests names of 26 characters at most). */
const measurePrefixes: Record<BuiltInMeasureKey, string> = {
  six_minute_walk: 'smw',
  sit_to_stand_30s: 'sts30',
  five_times_sit_to_stand: 'ftsts',
  timed_up_and_go: 'tug',
  handgrip: 'grip',
  gait_speed_4m: 'gait',
  sppb: 'sppb',
  ecog: 'ecog',
  esas_r: 'esas',
  borg_rpe: 'borg',
  facit_fatigue: 'facit',
  eortc_qlq_c30_ghs: 'eortc',
  bfi: 'bfi',
};

/** Results counted by Pacewise: finalised, and not superseded by a finalised correction. */
const countedResults = (measureMatch: string) => `
  SELECT r.patient_id, r.measure_key, r.assessed_on, a.kind, r.value, r.components_json
    FROM measure_result r JOIN assessment a ON a.id = r.assessment_id
   WHERE ${measureMatch} AND a.finalised_at IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM assessment b WHERE b.amends_id = a.id AND b.finalised_at IS NOT NULL)
   ORDER BY r.patient_id, r.assessed_on, a.finalised_at, r.id`;

function componentField(prefix: string, c: MeasureComponent): ResearchField {
  const name = `${prefix}_${c.key}`;
  const label = `${c.label}${c.unit ? ` (${c.unit})` : ''}`;
  if (c.kind === 'boolean') return yesno(name, label);
  if (c.kind === 'choice') {
    return {
      name,
      label,
      type: 'dropdown',
      choices: (c.choices ?? []).map((o) => [String(o.value), o.label] as const),
    };
  }
  return {
    name,
    label,
    type: 'text',
    validation: c.kind === 'integer' ? 'integer' : 'number',
    ...(c.min !== undefined ? { min: c.min } : {}),
    ...(c.max !== undefined ? { max: c.max } : {}),
  };
}

function componentValue(c: MeasureComponent, value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (c.kind === 'boolean') return value ? 1 : 0;
  if (c.kind === 'choice') return String(value);
  return num(value);
}

function measureForm(key: BuiltInMeasureKey): ResearchForm {
  const def = measureCatalog[key];
  const prefix = measurePrefixes[key];
  const components = def.components.filter((c) => !['date', 'kind', 'value'].includes(c.key));
  return {
    name: key,
    label: def.name,
    repeating: true,
    fields: [
      date(`${prefix}_date`, 'Assessment date'),
      {
        name: `${prefix}_kind`,
        label: 'Assessment',
        type: 'dropdown',
        choices: choicesOf(assessmentKinds, assessmentKindLabels),
      },
      {
        name: `${prefix}_value`,
        label: `${def.name} (${def.unit})`,
        type: 'text',
        validation: 'number',
        min: def.range.min,
        max: def.range.max,
        note: 'The result as Pacewise scores it from the items below.',
      },
      ...components.map((c) => componentField(prefix, c)),
    ],
    sql: countedResults(`r.measure_key = '${key}'`),
    values: (row, { shift }) => {
      const items = json<Record<string, unknown>>(row.components_json, {});
      return {
        [`${prefix}_date`]: shift.date(text(row.assessed_on)),
        [`${prefix}_kind`]: text(row.kind),
        [`${prefix}_value`]: num(row.value),
        ...Object.fromEntries(components.map((c) => [`${prefix}_${c.key}`, componentValue(c, items[c.key])])),
      };
    },
  };
}

/**
 * The clinic's own measures, in one form: which measure (by its place in the list of the clinic's
 * measures, oldest first, so the codes stay the same from one export to the next) and the value.
 */
export function clinicMeasureForm(measures: Array<{ id: string; name: string; unit: string }>): ResearchForm {
  const codeOf = new Map(measures.map((m, i) => [`custom.${m.id}`, `c${i + 1}`]));
  return {
    name: 'clinic_measure',
    label: 'Clinic-defined measure',
    repeating: true,
    fields: [
      date('clm_date', 'Assessment date'),
      {
        name: 'clm_kind',
        label: 'Assessment',
        type: 'dropdown',
        choices: choicesOf(assessmentKinds, assessmentKindLabels),
      },
      {
        name: 'clm_measure',
        label: 'Measure',
        type: 'dropdown',
        choices: measures.map((m, i) => [`c${i + 1}`, `${m.name} (${m.unit})`] as const),
      },
      { name: 'clm_value', label: 'Value (in the measure’s unit)', type: 'text', validation: 'number' },
    ],
    sql: countedResults(`r.measure_key LIKE 'custom.%'`),
    values: (row, { shift }) => ({
      clm_date: shift.date(text(row.assessed_on)),
      clm_kind: text(row.kind),
      clm_measure: codeOf.get(String(row.measure_key)) ?? null,
      clm_value: num(row.value),
    }),
  };
}

/** Every form but the clinic's own measures (whose list depends on the caseload). */
export const researchForms: ResearchForm[] = [
  participant,
  diagnosis,
  boneLesion,
  treatment,
  comorbidity,
  medication,
  baselineScreening,
  session,
  adverseEvent,
  ...builtInMeasureKeys.map(measureForm),
];

/** The columns of a form's CSV, in order: REDCap's repeat columns, then each field (a checkbox one per choice). */
export function formColumns(form: ResearchForm): string[] {
  const columns = form.repeating ? ['study_id', 'redcap_repeat_instrument', 'redcap_repeat_instance'] : [];
  for (const field of form.fields) {
    if (field.type === 'checkbox') for (const [code] of field.choices ?? []) columns.push(`${field.name}___${code}`);
    else columns.push(field.name);
  }
  return columns;
}

export function shiftBy(offsetDays: number): Shift {
  return {
    date: (d) => (d ? addDays(d, offsetDays) : null),
    instant: (i) => (i ? addDays(todayLocal(new Date(i)), offsetDays) : null),
  };
}
