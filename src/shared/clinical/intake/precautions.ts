import { addDays, formatClinicDate, type ClinicDate } from '../../dates';
import {
  treatmentTypes,
  type ComorbidityKind,
  type MedicationFlag,
  type MetastaticSite,
  type TreatmentType,
} from '../../domain/vocabulary';
import type { PatientAlert } from './patientAlerts';
import { cardiotoxicClasses, cardiotoxicClassLabels, isDenosumab, type CardiotoxicClass } from './treatmentKinds';

/*
 * The precautions this population needs beyond the bone lesions (issue 20, item 7), each raised
 * where its condition, medicine or device is recorded. Where no source read gives the advice, it
 * is the clinic's policy: labelled so, and editable in Settings (PrecautionPolicy).
 */

export const policyPrecautions = ['picc_line', 'implanted_port', 'stoma', 'recent_surgery'] as const;
export type PolicyPrecaution = (typeof policyPrecautions)[number];

export const policyPrecautionLabels: Record<PolicyPrecaution, string> = {
  picc_line: 'PICC line',
  implanted_port: 'Implanted port',
  stoma: 'Stoma',
  recent_surgery: 'Recent surgery',
};

export interface PrecautionRule {
  enabled: boolean;
  precautions: string[];
}

export type PrecautionPolicy = Record<PolicyPrecaution, PrecautionRule> & {
  /** How long after surgery the recent-surgery alert shows. */
  recentSurgeryWeeks: number;
};

/** Clinic policy defaults: no source read gives these (INS 2021 for lines was not checked here). */
export const defaultPrecautionPolicy: PrecautionPolicy = {
  picc_line: {
    enabled: true,
    precautions: [
      'No blood-pressure cuff on the PICC arm',
      'No heavy lifting or resistance loading with that arm; light everyday use is fine',
      'Keep the dressing dry; ask about pain, swelling or redness of the arm',
    ],
  },
  implanted_port: {
    enabled: true,
    precautions: [
      'Avoid direct pressure or impact over the port',
      'Ask about pain, swelling or redness at the port site',
    ],
  },
  stoma: {
    enabled: true,
    precautions: [
      'Parastomal hernia risk: graded core work, starting with gentle abdominal bracing',
      'No heavy lifting or straining; breathe out on effort',
      'Ask about a bulge or discomfort around the stoma; consider a support garment',
    ],
  },
  recent_surgery: {
    enabled: true,
    precautions: [
      'Follow the surgeon’s lifting limits; none given means no heavy lifting',
      'No resistance loading across the wound and no straining until it is healed',
    ],
  },
  recentSurgeryWeeks: 6,
};

export const RECENT_SURGERY_WEEKS_RANGE = { min: 1, max: 26 } as const;

export interface PrecautionFacts {
  date: ClinicDate;
  medicationFlags: readonly MedicationFlag[];
  metastaticSites: readonly MetastaticSite[];
  /** Active conditions and devices with their details (e.g. "left arm"). */
  conditionDetails: ReadonlyArray<{ kind: ComorbidityKind; detail: string | null }>;
  /** Every recorded treatment, past or present (a past anthracycline still counts for the heart). */
  treatments: ReadonlyArray<{
    type: TreatmentType;
    regimen: string | null;
    startDate: ClinicDate;
    endDate: ClinicDate | null;
  }>;
  /** Names of the medicines taken on the date. */
  medicineNames: readonly string[];
  lastEjectionFraction: { percent: number; on: ClinicDate } | null;
  /** The last platelet count, already judged by the screen's own rules as at or below the modify level. */
  plateletsLow: boolean;
}

export const CARDIO_ONCOLOGY_SOURCE =
  'ESC 2022 cardio-oncology guideline (Lyon et al., Eur Heart J 2022;43:4229; its drug sections were not read in full here)';
export const HYPERCALCAEMIA_SOURCE =
  'Cancer-related hypercalcaemia: early anorexia, nausea, fatigue, constipation, polyuria; later confusion and lethargy (CMDT); Zagzag et al., CA Cancer J Clin 2018;68:377 not retrieved here';
export const DENOSUMAB_SOURCE =
  'Denosumab 120 mg (Xgeva) product information and MHRA drug safety update: hypocalcaemia, calcium and vitamin D supplements required unless calcium is high';
export const RAISED_ICP_SOURCE = 'Scottish Palliative Care Guidelines: raised intracranial pressure';
export const BLEEDING_SOURCE =
  'Cancer Exercise Toolkit (TREK): with low platelets, watch for bleeding; Maltser et al., PM&R 2017';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const detailText = (facts: PrecautionFacts, kind: ComorbidityKind) =>
  facts.conditionDetails
    .filter((c) => c.kind === kind)
    .map((c) => c.detail?.trim())
    .filter(Boolean)
    .join('; ');

function cardiotoxicDrugs(facts: PrecautionFacts): { classes: CardiotoxicClass[]; named: string[] } {
  const classes = new Set<CardiotoxicClass>();
  const named: string[] = [];
  for (const t of facts.treatments) {
    const found = cardiotoxicClasses(t);
    if (found.length === 0) continue;
    found.forEach((c) => classes.add(c));
    named.push(t.regimen ?? treatmentTypes.labels[t.type]);
  }
  for (const name of facts.medicineNames) {
    const found = cardiotoxicClasses({ type: 'targeted', regimen: name });
    if (found.length === 0) continue;
    found.forEach((c) => classes.add(c));
    named.push(name);
  }
  return { classes: [...classes], named: [...new Set(named)] };
}

function policyAlert(
  id: string,
  title: string,
  rule: PrecautionRule,
  color: PatientAlert['color'] = 'orange',
): PatientAlert | null {
  if (!rule.enabled) return null;
  return {
    id,
    color,
    title,
    body: rule.precautions.length > 0 ? `${rule.precautions.join('. ')}.` : 'No precautions set in Settings.',
    clinicPolicy: true,
  };
}

/** Each precaution whose condition, medicine or device is recorded, in the order a clinician reads them. */
export function precautionAlerts(
  facts: PrecautionFacts,
  policy: PrecautionPolicy = defaultPrecautionPolicy,
): PatientAlert[] {
  const alerts: Array<PatientAlert | null> = [];
  const has = (kind: ComorbidityKind) => facts.conditionDetails.some((c) => c.kind === kind);

  if (facts.metastaticSites.includes('brain')) {
    alerts.push({
      id: 'precaution:raised_icp',
      color: 'red',
      title: 'Brain metastases: ask about raised intracranial pressure',
      body: `Before each session ask about a new or worsening headache (worse in the morning, or on coughing or bending), vomiting, drowsiness, new confusion, blurred or double vision, or a seizure. Any of these: no exercise, contact the team now (emergency services if drowsy or after a seizure). (${RAISED_ICP_SOURCE})`,
    });
  }
  if (has('hypercalcaemia')) {
    alerts.push({
      id: 'precaution:hypercalcaemia',
      color: 'orange',
      title: 'Hypercalcaemia recorded: ask about its symptoms',
      body: `Before each session ask about thirst, passing more urine, constipation, nausea, drowsiness or confusion. If new or worse: no exercise today and contact the care team (the calcium may be rising again). (${HYPERCALCAEMIA_SOURCE})`,
    });
  }
  const cardio = cardiotoxicDrugs(facts);
  if (cardio.classes.length > 0) {
    const ef = facts.lastEjectionFraction;
    alerts.push({
      id: 'precaution:cardiotoxic',
      color: 'orange',
      title: `Cardiotoxic treatment: ${cardio.named.join(', ')}`,
      body: `${capitalised(cardio.classes.map((c) => cardiotoxicClassLabels[c]).join(', '))}. Ask about breathlessness on effort or lying flat, ankle swelling, palpitations or unusual tiredness: if new, no exercise today and contact the team. Last ejection fraction: ${ef ? `${ef.percent} % on ${formatClinicDate(ef.on)}` : 'not recorded; ask the oncology or cardio-oncology team'}. (${CARDIO_ONCOLOGY_SOURCE})`,
    });
  }
  const onDenosumab = [...facts.medicineNames, ...facts.treatments.map((t) => t.regimen)].some(isDenosumab);
  if (onDenosumab) {
    alerts.push({
      id: 'precaution:denosumab_calcium',
      color: 'orange',
      title: 'Denosumab: low calcium risk',
      body: `Ask about tingling around the mouth or in the fingers, muscle cramps, twitching or spasms: if present, no exercise today and contact the team. Calcium and vitamin D supplements are part of the treatment unless calcium is high. (${DENOSUMAB_SOURCE})`,
    });
  }
  const anticoagulated = facts.medicationFlags.includes('anticoagulant');
  if (anticoagulated || facts.plateletsLow) {
    const why = [
      anticoagulated ? 'anticoagulant' : null,
      facts.plateletsLow ? 'low platelets on the last bloods' : null,
    ]
      .filter(Boolean)
      .join(' and ');
    alerts.push({
      id: 'precaution:bleeding',
      color: 'orange',
      title: `Bleeding risk (${why}): ask about bleeding signs`,
      body: `Ask about nosebleeds, bleeding gums, blood in the urine or stools, new bruises or tiny red spots on the skin: if present, no exercise today and contact the team. Avoid falls, impact and contact. (${BLEEDING_SOURCE})`,
    });
  }
  for (const device of ['picc_line', 'implanted_port', 'stoma'] as const) {
    if (!has(device)) continue;
    const detail = detailText(facts, device);
    alerts.push(
      policyAlert(
        `precaution:${device}`,
        `${policyPrecautionLabels[device]}${detail ? ` (${detail})` : ''}`,
        policy[device],
        'yellow',
      ),
    );
  }
  const weeks = policy.recentSurgeryWeeks;
  const recent = facts.treatments.filter(
    (t) => t.type === 'surgery' && t.startDate <= facts.date && facts.date < addDays(t.startDate, weeks * 7),
  );
  for (const surgery of recent) {
    const until = addDays(surgery.startDate, weeks * 7);
    alerts.push(
      policyAlert(
        `precaution:recent_surgery:${surgery.startDate}`,
        `Recent surgery${surgery.regimen ? `: ${surgery.regimen}` : ''} on ${formatClinicDate(surgery.startDate)} (lifting limits until ${formatClinicDate(until)})`,
        policy.recent_surgery,
      ),
    );
  }
  return alerts.filter((a): a is PatientAlert => a !== null);
}
