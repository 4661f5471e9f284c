/**
 * Red flags asked before every session. Any one of them means no exercise today (FACTS §3). This
 * table is the one list of them: the screen, the urgent-action panel and check-in all read it.
 */

export const redFlagIds = [
  'chest_pain',
  'dizziness_fainting',
  'severe_breathlessness',
  'irregular_heartbeat',
  'suspected_dvt_pe',
  'bone_pain',
  'confusion',
  'fever_infection',
  'spinal_cord_compression',
  'spinal_tenderness',
  'difficulty_walking',
  'spinal_metastasis_pain',
] as const;
export type RedFlagId = (typeof redFlagIds)[number];

export interface RedFlag {
  id: RedFlagId;
  label: string;
  description: string;
  source: string;
  urgentActions: string[];
  /** Raised only by an answer to the spinal-pain questions, so not offered on the general checklist. */
  fromSpinalPainQuestions?: true;
}

const STOP = 'Stop, or do not start, exercise. No exercise today.';

/*
 * NICE CG75's list (carried into NG234, 2023, whose recognition text was not retrieved here): in
 * anyone with cancer, spinal pain of these kinds suggests spinal metastases (contact the MSCC team
 * within 24 h), and limb weakness, difficulty walking, sensory loss or bladder or bowel problems
 * suggest cord compression (contact them at once).
 */
const MSCC_SOURCE =
  'NICE CG75 (2008) key priorities, carried into NICE NG234 (2023): new spinal pain in anyone with cancer';

const mscc = (id: RedFlagId, label: string, description: string, neurological: boolean): RedFlag => ({
  id,
  label,
  description,
  source: MSCC_SOURCE,
  urgentActions: [
    STOP,
    neurological
      ? 'Contact the MSCC team at once: with neurological symptoms this is an oncological emergency.'
      : 'Contact the MSCC team today (within 24 hours) about possible spinal metastases.',
    'Do not load or test the spine; let the person rest in the position they find easiest.',
  ],
});

export const redFlags: readonly RedFlag[] = [
  {
    id: 'chest_pain',
    label: 'Chest pain or pressure',
    description: 'New chest pain, tightness or pressure (angina), at rest or on effort.',
    source: 'Cancer Exercise Toolkit (TREK); ACSM/AHA contraindication lists',
    urgentActions: [
      STOP,
      'Sit the person down and stay with them.',
      'Call emergency services if the pain lasts at rest, or comes with sweating, breathlessness, nausea or collapse.',
      'Otherwise contact the care team today for medical review before the next session.',
    ],
  },
  {
    id: 'dizziness_fainting',
    label: 'Dizziness or fainting',
    description: 'Light-headedness, near-fainting or fainting; also cyanosis or sudden pallor.',
    source: 'Cancer Exercise Toolkit (TREK); ACSM/AHA contraindication lists',
    urgentActions: [
      STOP,
      'Sit or lie the person down; check blood pressure, heart rate, SpO₂ and blood glucose.',
      'Call emergency services after any loss of consciousness, or if symptoms do not settle with rest.',
      'Contact the care team today for medical review.',
    ],
  },
  {
    id: 'severe_breathlessness',
    label: 'Severe breathlessness',
    description: 'Breathlessness out of proportion to effort, or at rest, or a new inability to speak in sentences.',
    source: 'Cancer Exercise Toolkit (TREK); ACSM/AHA contraindication lists',
    urgentActions: [
      STOP,
      'Sit the person upright and check SpO₂.',
      'Call emergency services if it does not settle with rest, or comes with chest pain or SpO₂ below the hold level.',
      'Otherwise contact the care team today.',
    ],
  },
  {
    id: 'irregular_heartbeat',
    label: 'Irregular or racing heartbeat',
    description:
      'Palpitations, or a pulse that is newly irregular or stays fast at rest (possible sustained arrhythmia).',
    source: 'ACSM/AHA contraindication lists (sustained arrhythmia)',
    urgentActions: [
      STOP,
      'Sit the person down; check pulse rhythm and rate, blood pressure and SpO₂.',
      'Call emergency services if it comes with chest pain, fainting or severe breathlessness.',
      'Otherwise contact the care team today for medical review before the next session.',
    ],
  },
  {
    id: 'suspected_dvt_pe',
    label: 'Sudden swelling or calf pain (suspected DVT/PE)',
    description:
      'Sudden or severe pain or swelling in a limb, especially a hot, tender calf (possible DVT); or sudden breathlessness, chest pain or coughing blood (possible PE).',
    source:
      'ACSM GETP (acute embolus or lower-limb thrombosis: absolute contraindication); Cancer Exercise Toolkit (TREK)',
    urgentActions: [
      STOP,
      'Do not massage or exercise the limb.',
      'Call emergency services if there is sudden breathlessness, chest pain or coughing blood.',
      'Otherwise contact the care team the same day for assessment for DVT.',
    ],
  },
  {
    id: 'bone_pain',
    label: 'New or worsening bone pain',
    description:
      'Bone pain that is new or escalating, pain on weight-bearing or limb use, or pain waking the person at night.',
    source: 'Bone-metastasis exercise protocols (Galvão 2011 / Cormie 2013; PMC9335464)',
    urgentActions: [
      STOP,
      'Do not load or test the painful area.',
      'Contact the care team for review and imaging before the next session.',
      'If the pain is in the spine or comes with limb weakness, numbness or bladder/bowel change, treat as suspected spinal cord compression.',
    ],
  },
  {
    id: 'confusion',
    label: 'Confusion',
    description: 'New disorientation or confusion, or blurred vision.',
    source: 'Cancer Exercise Toolkit (TREK)',
    urgentActions: [
      STOP,
      'Stay with the person; check blood glucose and vital signs.',
      'Call emergency services if it is sudden or comes with weakness, speech problems or drowsiness.',
      'Otherwise contact the care team today for urgent medical review.',
    ],
  },
  {
    id: 'fever_infection',
    label: 'Fever, shivering or rigors, or acute infection',
    description:
      'Feeling feverish, shivering or rigors, or signs of an acute infection; a temperature at or above the fever level or below the low level; or, on anticancer treatment, suddenly feeling unwell (possible neutropenic sepsis).',
    source:
      'NICE CG151 (suspect neutropenic sepsis in anyone on anticancer treatment who becomes unwell); ACSM GETP 9th ed. (acute systemic infection with fever: absolute contraindication); Cancer Care Ontario fever guideline',
    urgentActions: [
      STOP,
      'If the person is on anticancer treatment, this may be neutropenic sepsis, with or without a fever: contact the treating team or acute oncology service now, following the local febrile-neutropenia pathway.',
      'Otherwise advise the person to contact their care team today.',
    ],
  },
  {
    id: 'spinal_cord_compression',
    label: 'Signs of spinal cord compression',
    description:
      'Pain in the middle (thoracic) or upper (neck) spine; worsening lower back pain; back pain made worse by coughing, sneezing or straining; back pain at night; band-like pain around the chest or abdomen; numbness or weakness in the arms or legs; new bladder or bowel problems.',
    source: 'NICE NG234 (2023; replaced CG75)',
    urgentActions: [
      STOP,
      'Contact the MSCC coordinator at once (metastatic spinal cord compression is an emergency).',
      'With neurological signs (weakness, numbness, bladder or bowel problems), MRI should follow within 24 hours (NICE NG234).',
    ],
  },
  mscc(
    'spinal_tenderness',
    'Local spinal tenderness',
    'The spine is tender to touch or tap at one spot: with new spinal pain, a sign of spinal metastases.',
    false,
  ),
  mscc(
    'difficulty_walking',
    'New difficulty walking',
    'New difficulty walking, unsteadiness, or legs that feel weak or give way: a sign of spinal cord compression.',
    true,
  ),
  {
    ...mscc(
      'spinal_metastasis_pain',
      'Spinal pain suggesting spinal metastases',
      'New spinal pain that is in the middle or upper back or the neck, worsening or unremitting in the lower back, worse on straining, coughing or sneezing, waking the person at night, or band-like or shooting down a limb.',
      false,
    ),
    fromSpinalPainQuestions: true,
  },
];

/** The red flags a clinician ticks directly on the screen's checklist. */
export const checklistRedFlags: readonly RedFlag[] = redFlags.filter((flag) => !flag.fromSpinalPainQuestions);

export const spinalPainQuestionIds = [
  'upper_spine',
  'worsening_lower_back',
  'straining',
  'night_pain',
  'band_or_radiating',
  'tenderness',
  'limb_weakness_numbness',
  'walking',
  'bladder_bowel',
] as const;
export type SpinalPainQuestionId = (typeof spinalPainQuestionIds)[number];
export type SpinalPainAnswer = 'yes' | 'no';

export interface SpinalPainQuestion {
  id: SpinalPainQuestionId;
  question: string;
  /** The red flag a "yes" raises. */
  redFlag: RedFlagId;
}

/**
 * The cord-compression questions, asked when the person reports new or worse back or neck pain,
 * whether or not a spinal lesion is recorded (NICE CG75/NG234 apply to anyone with cancer). Any
 * "yes" raises its red flag and holds the session.
 */
export const spinalPainQuestions: readonly SpinalPainQuestion[] = [
  {
    id: 'upper_spine',
    question: 'Is the pain in the middle or upper back, or the neck?',
    redFlag: 'spinal_metastasis_pain',
  },
  {
    id: 'worsening_lower_back',
    question: 'Is lower back pain getting worse, or severe and constant?',
    redFlag: 'spinal_metastasis_pain',
  },
  { id: 'straining', question: 'Is it worse on coughing, sneezing or straining?', redFlag: 'spinal_metastasis_pain' },
  {
    id: 'night_pain',
    question: 'Does it wake them at night or stop them sleeping?',
    redFlag: 'spinal_metastasis_pain',
  },
  {
    id: 'band_or_radiating',
    question: 'Is it band-like around the chest or tummy, or does it shoot down an arm or leg?',
    redFlag: 'spinal_metastasis_pain',
  },
  { id: 'tenderness', question: 'Is the spine tender to touch at one spot?', redFlag: 'spinal_tenderness' },
  {
    id: 'limb_weakness_numbness',
    question: 'Any new weakness, numbness or pins and needles in the arms or legs?',
    redFlag: 'spinal_cord_compression',
  },
  { id: 'walking', question: 'Any new difficulty walking, or legs giving way?', redFlag: 'difficulty_walking' },
  {
    id: 'bladder_bowel',
    question: 'Any new problems passing urine, or with bladder or bowel control?',
    redFlag: 'spinal_cord_compression',
  },
];

export interface SpinalPainReport {
  /** New or worse back or neck pain reported today. */
  isNew: boolean;
  answers: Partial<Record<SpinalPainQuestionId, SpinalPainAnswer>>;
}

/**
 * The red flags the spinal-pain answers raise: each "yes" its own, and new spinal pain at a recorded
 * spinal lesion is new bone pain at that lesion.
 */
export function spinalPainRedFlags(report: SpinalPainReport | null | undefined, hasSpinalLesion: boolean): RedFlagId[] {
  if (!report?.isNew) return [];
  const raised = spinalPainQuestions.filter((q) => report.answers[q.id] === 'yes').map((q) => q.redFlag);
  if (hasSpinalLesion) raised.push('bone_pain');
  return redFlagIds.filter((id) => raised.includes(id));
}

/** The questions still unanswered when new spinal pain is reported. */
export function unansweredSpinalPainQuestions(report: SpinalPainReport | null | undefined): SpinalPainQuestion[] {
  if (!report?.isNew) return [];
  return spinalPainQuestions.filter((q) => report.answers[q.id] !== 'yes' && report.answers[q.id] !== 'no');
}

export function findRedFlag(id: string): RedFlag | undefined {
  return redFlags.find((flag) => flag.id === id);
}
