import type { BuiltInMeasureKey } from '../../../../shared/clinical/measures';
import type { MetastaticSite } from '../../../../shared/domain/vocabulary';

/**
 * Every code the FHIR export writes, each checked against the source named beside it (issue 24).
 * Where no published code fits, the concept goes under Pacewise's own code system with its name as
 * text: a receiving system then knows it is a local code, never mistakes it for LOINC or SNOMED CT.
 */

export const LOINC = 'http://loinc.org';
export const SNOMED = 'http://snomed.info/sct';
export const UCUM = 'http://unitsofmeasure.org';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
export const CONDITION_VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
export const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
export const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const IDENTIFIER_TYPE = 'http://terminology.hl7.org/CodeSystem/v2-0203';
/** HL7 v2 table 0131 (contact role), the code system of R4's Patient.contact.relationship: C is Emergency Contact. */
export const CONTACT_ROLE = 'http://terminology.hl7.org/CodeSystem/v2-0131';
export const ADVERSE_EVENT_SEVERITY = 'http://terminology.hl7.org/CodeSystem/adverse-event-severity';
export const ADVERSE_EVENT_OUTCOME = 'http://terminology.hl7.org/CodeSystem/adverse-event-outcome';
export const DATA_ABSENT_REASON = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';
/** FHIR's system for "the value is a URI" (here an RFC 6920 hash name). */
export const URI_SYSTEM = 'urn:ietf:rfc:3986';

/**
 * Pacewise's namespace for the codes and identifiers it defines itself. It names them; nothing needs
 * to be fetched from it. (A clinic's integration can map these codes to its own.)
 */
export const PACEWISE_FHIR = 'https://fhir.pacewise.app';
export const PACEWISE_MEASURES = `${PACEWISE_FHIR}/CodeSystem/outcome-measure`;
export const PACEWISE_IDS = {
  patient: `${PACEWISE_FHIR}/sid/patient`,
  record: `${PACEWISE_FHIR}/sid/record`,
  letter: `${PACEWISE_FHIR}/sid/letter`,
  clinician: `${PACEWISE_FHIR}/sid/clinician`,
} as const;

export interface Code {
  system: string;
  code: string;
  display: string;
}

const loinc = (code: string, display: string): Code => ({ system: LOINC, code, display });
const snomed = (code: string, display: string): Code => ({ system: SNOMED, code, display });

/**
 * The FHIR R4 vital-signs profile's codes (hl7.org/fhir/R4/observation-vitalsigns.html and the value
 * set observation-vitalsignresult). SpO₂: the R4 oxygensat profile requires 2708-6; 59408-5 (by pulse
 * oximetry, as a screen's SpO₂ is taken) is added, as US Core's pulse-oximetry profile does.
 */
export const vitalSigns = {
  heartRate: { codes: [loinc('8867-4', 'Heart rate')], profile: 'heartrate' },
  oxygenSaturation: {
    codes: [
      loinc('2708-6', 'Oxygen saturation in Arterial blood'),
      loinc('59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry'),
    ],
    profile: 'oxygensat',
  },
  bloodPressure: { codes: [loinc('85354-9', 'Blood pressure panel with all children optional')], profile: 'bp' },
  systolic: { codes: [loinc('8480-6', 'Systolic blood pressure')], profile: null },
  diastolic: { codes: [loinc('8462-4', 'Diastolic blood pressure')], profile: null },
  bodyTemperature: { codes: [loinc('8310-5', 'Body temperature')], profile: 'bodytemp' },
  bodyWeight: { codes: [loinc('29463-7', 'Body weight')], profile: 'bodyweight' },
  bodyHeight: { codes: [loinc('8302-2', 'Body height')], profile: 'bodyheight' },
} as const satisfies Record<string, { codes: Code[]; profile: string | null }>;

export const vitalSignsProfile = (name: string) => `http://hl7.org/fhir/StructureDefinition/${name}`;

/**
 * LOINC codes for the outcome measures where one means what Pacewise records:
 * - 64098-7 Walking distance 6 minutes (the 6MWT distance; FACTS §4);
 * - 66247-8 Sit to stand frequency in 30 seconds (the standard test; with the arms used it is a
 *   different test, 93125-3, not verified here, so that result gets the Pacewise code only);
 * - 89423-8 TUG (LOINC's long name below; FACTS §4);
 * - 83172-7 4-Meter Walk Gait Speed Test computed score [NIH Toolbox], m/s from the better of two
 *   usual-pace trials over 4 m, as Pacewise scores it (loinc.org/83144-6, the NIH Toolbox panel);
 * - 89247-1 ECOG Performance Status score, an integer 0–5 (mCODE's ECOG profile uses valueInteger).
 * No LOINC code is used for the SPPB (62825-5 is a PhenX panel, not a total score), the ESAS-r total
 * (112503-8 is a panel, from a third-party listing) or the others (none found; catalog.ts says why).
 */
export const measureLoinc: Partial<Record<BuiltInMeasureKey, Code>> = {
  six_minute_walk: loinc('64098-7', 'Walking distance 6 minutes'),
  sit_to_stand_30s: loinc('66247-8', 'Sit to stand frequency in 30 seconds'),
  timed_up_and_go: loinc('89423-8', 'Time to rise from chair, walk 10 feet and back, and return to sitting [TUG]'),
  gait_speed_4m: loinc('83172-7', '4-Meter Walk Gait Speed Test - computed score [NIH Toolbox]'),
  ecog: loinc('89247-1', 'ECOG Performance Status score'),
};

/**
 * Grip strength per hand (loinc.org/83145-3, the NIH Toolbox grip panel): 83174-3 right, 83173-5
 * left, each a dynamometer force. Pacewise's handgrip result is the best trial of either hand, which
 * no LOINC code names; the best trial of each hand goes out under these codes, in kgf (a Jamar's
 * "kg" reading is a force; LOINC's example unit is lbf, and UCUM has both).
 */
export const gripLoinc = {
  right: loinc('83174-3', 'Grip strength Hand - right Dynamometer'),
  left: loinc('83173-5', 'Grip strength Hand - left Dynamometer'),
} as const;

/** UCUM units for each measure's value; null where the value is an integer grade (valueInteger). */
export const measureUnits: Record<BuiltInMeasureKey, { unit: string; code: string } | null> = {
  six_minute_walk: { unit: 'm', code: 'm' },
  sit_to_stand_30s: { unit: 'stands', code: '{stands}' },
  five_times_sit_to_stand: { unit: 's', code: 's' },
  timed_up_and_go: { unit: 's', code: 's' },
  handgrip: { unit: 'kgf', code: 'kgf' },
  gait_speed_4m: { unit: 'm/s', code: 'm/s' },
  sppb: { unit: 'points', code: '{score}' },
  ecog: null,
  esas_r: { unit: 'points', code: '{score}' },
  borg_rpe: { unit: 'points', code: '{score}' },
  facit_fatigue: { unit: 'points', code: '{score}' },
  eortc_qlq_c30_ghs: { unit: 'points', code: '{score}' },
  bfi: { unit: 'points', code: '{score}' },
};

/** Questionnaires the patient answers are `survey`; tests the clinician runs or rates are `exam`. */
export const surveyMeasures: ReadonlySet<string> = new Set([
  'esas_r',
  'borg_rpe',
  'facit_fatigue',
  'eortc_qlq_c30_ghs',
  'bfi',
]);

/**
 * Conditions. SNOMED CT, each as used in published FHIR guides: 363346000 Malignant neoplastic
 * disease and 128462008 Secondary malignant neoplastic disease (the roots of mCODE's primary- and
 * secondary-cancer value sets); 94222008 bone (mCODE's example bone-metastases condition), 94225005
 * brain (mCODE example), 94391008 lung and 94381002 liver (UZ Leuven's lung-cancer metastasis
 * value set, with 94222008 and 94225005). Lymph nodes and "other" have no pre-coordinated code
 * checked here: the secondary-cancer root code with the site as text and body site.
 */
export const primaryCancer = snomed('363346000', 'Malignant neoplastic disease');
export const secondaryCancer = snomed('128462008', 'Secondary malignant neoplastic disease');
export const metastasisCodes: Record<MetastaticSite, Code> = {
  bone: snomed('94222008', 'Secondary malignant neoplasm of bone'),
  brain: snomed('94225005', 'Secondary malignant neoplasm of brain'),
  lung: snomed('94391008', 'Secondary malignant neoplasm of lung'),
  liver: snomed('94381002', 'Secondary malignant neoplasm of liver'),
  lymph_nodes: secondaryCancer,
  other: secondaryCancer,
};

/** The exercise delivered in a session: SNOMED CT 229065009 Exercise therapy (regime/therapy). */
export const exerciseTherapy = snomed('229065009', 'Exercise therapy');

/**
 * LOINC's check digit (the "Mod 10" algorithm of the LOINC Users' Guide): from the right, the digits
 * in odd places read as one number and doubled, the digits in even places written in front of it,
 * all the digits of that summed; the check digit takes the sum up to the next multiple of ten.
 */
export function loincCheckDigit(number: string): number {
  if (!/^\d+$/.test(number)) throw new Error(`Not a LOINC number: ${number}`);
  const fromRight = [...number].reverse();
  const odd = fromRight
    .filter((_, i) => i % 2 === 0)
    .reverse()
    .join('');
  const even = fromRight
    .filter((_, i) => i % 2 === 1)
    .reverse()
    .join('');
  const doubled = (BigInt(odd) * 2n).toString();
  const sum = [...`${even}${doubled}`].reduce((total, digit) => total + Number(digit), 0);
  return (10 - (sum % 10)) % 10;
}

export function isValidLoinc(code: string): boolean {
  const match = /^(\d{1,7})-(\d)$/.exec(code);
  return match !== null && loincCheckDigit(match[1]!) === Number(match[2]);
}

/** Every LOINC code the export can write, for the check-digit test. */
export function allLoincCodes(): Code[] {
  return [
    ...Object.values(vitalSigns).flatMap((v) => v.codes),
    ...Object.values(measureLoinc),
    ...Object.values(gripLoinc),
  ].filter((c) => c.system === LOINC);
}
