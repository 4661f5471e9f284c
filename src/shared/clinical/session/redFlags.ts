/** Red flags asked before every session. Any one of them means no exercise today (FACTS §3). */

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
] as const;
export type RedFlagId = (typeof redFlagIds)[number];

export interface RedFlag {
  id: RedFlagId;
  label: string;
  description: string;
  source: string;
  urgentActions: string[];
}

const STOP = 'Stop, or do not start, exercise. No exercise today.';

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
    label: 'Fever or acute infection',
    description:
      'Feeling feverish, shivering, or signs of an acute infection (temperature at or above the hold level).',
    source:
      'ACSM GETP 9th ed. (acute systemic infection with fever: absolute contraindication); Cancer Care Ontario fever guideline',
    urgentActions: [
      STOP,
      'If the person is on chemotherapy, fever may mean neutropenic sepsis: contact the treating team or acute oncology service now, following the local febrile-neutropenia pathway.',
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
];

export function findRedFlag(id: string): RedFlag | undefined {
  return redFlags.find((flag) => flag.id === id);
}
