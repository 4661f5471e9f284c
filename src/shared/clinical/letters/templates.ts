import Mustache from 'mustache';
import type { LetterType, SectionInsert } from './model';

/**
 * Each letter type's wording, editable per clinic. Merge fields use mustache
 * (`{{patient.preferredName}}`); mustache's own parser lists a template's fields, so an unknown
 * or malformed field is refused when the template is saved, never when a letter is sent.
 */

export interface SectionTemplate {
  key: string;
  heading: string;
  text: string;
  insert: SectionInsert;
}

export interface LetterTemplate {
  subject: string;
  salutation: string;
  sections: SectionTemplate[];
  closing: string;
}

/** Every merge field a template may use, with what it holds (shown in Settings beside the editor). */
export const mergeFields: Record<string, string> = {
  'clinic.name': 'Clinic name',
  'clinic.phone': 'Clinic phone',
  'clinic.email': 'Clinic email',
  'letter.date': 'Date of the letter',
  'patient.fullName': 'Patient’s full name',
  'patient.preferredName': 'Name the patient goes by',
  'patient.givenName': 'Given name',
  'patient.familyName': 'Family name',
  'patient.dateOfBirth': 'Date of birth',
  'patient.age': 'Age in years',
  'patient.mrn': 'Medical record number',
  'recipient.name': 'Main recipient’s name',
  'recipient.salutation': 'Main recipient as addressed (Dr Lee)',
  'clinician.name': 'Signing clinician',
  'clinician.profession': 'Signing clinician’s profession',
  'clinician.credentials': 'Signing clinician’s credentials',
  'referral.date': 'Date of referral',
  'referral.reason': 'Reason for referral',
  'referral.referrer': 'Referrer',
  'diagnosis.summary': 'Cancer diagnosis and metastatic sites',
  'period.from': 'Start of the period reported',
  'period.to': 'End of the period reported',
  'attendance.summary': 'Attendance and adherence over the period',
  'programme.summary': 'The programme in brief (frequency, intensity, time, type)',
  'programme.modifications': 'Modifications for bone lesions and other precautions',
  'adverseEvents.summary': 'Adverse events in the period',
  'outcomes.summary': 'One-line summary of outcome changes',
  'symptoms.summary': 'Symptom trends',
  'goals.summary': 'Progress on goals',
  'plan.summary': 'The plan from here',
  'nextReview.date': 'Date of the next review',
  'testing.planned': 'Planned testing and training (guidance request)',
  'guidance.reasons': 'Why guidance is being sought',
  'medications.hrBp': 'Medicines that change heart-rate or blood-pressure response',
  'medications.bleeding': 'Medicines that raise bleeding risk (anticoagulants)',
  'medications.glucose': 'Medicines that can lower blood glucose',
  'medications.other': 'Other medicines that change how exercise is prescribed',
  'bone.request': 'Imaging and stability information wanted for bone lesions',
  'clearance.restrictions': 'Restrictions on the current medical clearance',
  'event.summary': 'What happened (urgent concern)',
  'event.actions': 'What was done (urgent concern)',
  'discharge.reason': 'Reason for discharge',
  'discharge.recommendations': 'Advice on staying active after discharge (says nothing of a home programme)',
  toPatient: 'Section shown only when the letter is addressed to the patient',
  hasBoneLesions: 'Section shown only when bone lesions are recorded',
  hasAdverseEvents: 'Section shown only when adverse events occurred in the period',
};

export type MergeView = Record<string, string | boolean>;

type Token = [string, string, number, number, Token[]?, ...unknown[]];

function namesIn(tokens: Token[], out: Array<{ kind: string; name: string }>): void {
  for (const t of tokens) {
    const [kind, name] = t;
    if (kind === 'name' || kind === '&' || kind === '#' || kind === '^' || kind === '>' || kind === '=') {
      out.push({ kind, name });
    }
    if ((kind === '#' || kind === '^') && Array.isArray(t[4])) namesIn(t[4], out);
  }
}

/** The problem with one template text, in words, or null when every field is known and well formed. */
export function templateProblem(text: string): string | null {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(text) as unknown as Token[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return `A merge field is not written correctly (${message}). Fields look like {{patient.preferredName}}.`;
  } finally {
    Mustache.clearCache();
  }
  const used: Array<{ kind: string; name: string }> = [];
  namesIn(tokens, used);
  for (const { kind, name } of used) {
    if (kind === '>') return `Partials ({{> ${name}}}) are not supported in letter templates`;
    if (kind === '=') return 'Changing the merge-field delimiters is not supported in letter templates';
    if (!Object.hasOwn(mergeFields, name)) return `Unknown merge field {{${name}}}`;
  }
  return null;
}

/** Fills a template with the record's values. Plain text: nothing is HTML-escaped. */
export function fillTemplate(text: string, view: MergeView): string {
  // Mustache resolves dotted names through nested objects, so the flat view is expanded first.
  const nested: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(view)) {
    const parts = key.split('.');
    let at = nested;
    for (const part of parts.slice(0, -1)) {
      at[part] ??= {};
      at = at[part] as Record<string, unknown>;
    }
    at[parts[parts.length - 1]!] = value;
  }
  return Mustache.render(text, nested, {}, { escape: (s: string) => s })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const section = (key: string, heading: string, text: string, insert: SectionInsert = null): SectionTemplate => ({
  key,
  heading,
  text,
  insert,
});

const salutation =
  '{{#toPatient}}Dear {{patient.preferredName}},{{/toPatient}}{{^toPatient}}Dear {{recipient.salutation}},{{/toPatient}}';
const closing = 'Yours sincerely,';

/** The wording Pacewise ships with; a clinic's saved template replaces it, and can be reset to it. */
export const builtInTemplates: Record<LetterType, LetterTemplate> = {
  guidance_request: {
    subject:
      'Request for medical guidance before supervised exercise: {{patient.fullName}}, born {{patient.dateOfBirth}}',
    salutation,
    sections: [
      section(
        'introduction',
        '',
        '{{patient.fullName}} has been referred to {{clinic.name}} for supervised exercise{{#referral.reason}} ({{referral.reason}}){{/referral.reason}}. Before we begin, we would value your medical guidance on the programme described below.',
      ),
      section('planned', 'Planned testing and training', '{{testing.planned}}'),
      section('reasons', 'Why we are asking', '{{guidance.reasons}}'),
      section('medications', 'Medicines that change heart-rate or blood-pressure response', '{{medications.hrBp}}'),
      section('medicationsBleeding', 'Medicines that raise bleeding risk', '{{medications.bleeding}}'),
      section('medicationsGlucose', 'Medicines that can lower blood glucose', '{{medications.glucose}}'),
      section('medicationsOther', 'Other medicines relevant to exercise', '{{medications.other}}'),
      section('bone', 'Bone metastases', '{{#hasBoneLesions}}{{bone.request}}{{/hasBoneLesions}}', 'lesions'),
      section(
        'consent',
        '',
        '{{patient.preferredName}} has consented to us sharing this information with you and to your reply being shared with us.',
      ),
      section(
        'decision',
        'Your guidance: reply slip',
        'Please tick one option, add any restrictions, then sign and date this slip and return it to us. A reply by letter or email is just as welcome.',
        'decision',
      ),
    ],
    closing,
  },
  reassessment: {
    subject: 'Exercise reassessment: {{patient.fullName}}, born {{patient.dateOfBirth}}',
    salutation,
    sections: [
      section(
        'introduction',
        '',
        '{{^toPatient}}Thank you for referring {{patient.preferredName}} to {{clinic.name}}{{#referral.reason}} for {{referral.reason}}{{/referral.reason}}. This letter reports on {{patient.preferredName}}’s supervised exercise from {{period.from}} to {{period.to}}.{{/toPatient}}{{#toPatient}}This letter sums up how your exercise programme with us has gone from {{period.from}} to {{period.to}}.{{/toPatient}}',
      ),
      section('attendance', 'Attendance and adherence', '{{attendance.summary}}'),
      section('programme', 'The programme', '{{programme.summary}}\n\n{{programme.modifications}}'),
      section('safety', 'Adverse events and safety', '{{adverseEvents.summary}}'),
      section('outcomes', 'Outcomes', '{{outcomes.summary}}', 'outcomes'),
      section('symptoms', 'Symptoms', '{{symptoms.summary}}'),
      section('goals', 'Goals', '{{goals.summary}}'),
      section(
        'questions',
        'Questions for you',
        '{{^toPatient}}We have no specific questions at this review.{{/toPatient}}',
      ),
      section('plan', 'Plan and next review', '{{plan.summary}}\n\nNext review: {{nextReview.date}}.'),
    ],
    closing,
  },
  discharge: {
    subject: 'Discharge from supervised exercise: {{patient.fullName}}, born {{patient.dateOfBirth}}',
    salutation,
    sections: [
      section(
        'introduction',
        '',
        '{{^toPatient}}Thank you for referring {{patient.preferredName}} to {{clinic.name}}. {{patient.preferredName}} has now been discharged from our supervised exercise programme.{{/toPatient}}{{#toPatient}}This letter sums up your time in our supervised exercise programme, which has now finished.{{/toPatient}}',
      ),
      section('reason', 'Reason for discharge', '{{discharge.reason}}'),
      section('attendance', 'Attendance and adherence', '{{attendance.summary}}'),
      section('safety', 'Adverse events and safety', '{{adverseEvents.summary}}'),
      section('outcomes', 'Outcomes', '{{outcomes.summary}}', 'outcomes'),
      section('goals', 'Goals', '{{goals.summary}}'),
      section('recommendations', 'Recommendations', '{{discharge.recommendations}}'),
    ],
    closing,
  },
  urgent_concern: {
    subject: 'Urgent: concern about {{patient.fullName}}, born {{patient.dateOfBirth}}',
    salutation,
    sections: [
      section(
        'introduction',
        '',
        'We are writing urgently about {{patient.preferredName}}, who attends supervised exercise at {{clinic.name}}.',
      ),
      section('happened', 'What happened', '{{event.summary}}'),
      section('done', 'What we did', '{{event.actions}}'),
      section(
        'request',
        'What we ask of you',
        'We have paused supervised exercise for {{patient.preferredName}} until we hear from you. Please review {{patient.preferredName}} and let us know whether, and how, exercise may continue.',
      ),
    ],
    closing,
  },
  free: {
    subject: '{{patient.fullName}}, born {{patient.dateOfBirth}}',
    salutation,
    sections: [section('body', '', '')],
    closing,
  },
};

/** Every text in a template with its place, for validation and messages. */
export function templateTexts(template: LetterTemplate): Array<{ path: string; label: string; text: string }> {
  return [
    { path: 'subject', label: 'Subject', text: template.subject },
    { path: 'salutation', label: 'Greeting', text: template.salutation },
    ...template.sections.flatMap((s, i) => [
      { path: `sections.${i}.heading`, label: `Heading of “${s.heading || s.key}”`, text: s.heading },
      { path: `sections.${i}.text`, label: `Text of “${s.heading || s.key}”`, text: s.text },
    ]),
    { path: 'closing', label: 'Closing', text: template.closing },
  ];
}
