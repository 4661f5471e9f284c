import type { EsasSymptom } from './catalog';

/**
 * The ESAS-r as the patient sees it, worded as the published form (revised November 2010):
 * Watanabe SM, Nekolaichuk C, Beaumont C, et al. J Pain Symptom Manage 2011;41(2):456–68; the form
 * from the Alberta Health Services Edmonton Zone Palliative Care Program and the University of
 * Alberta, freely available with acknowledgement of its source and not to be modified. The nine
 * items, their end labels and the short definitions (tiredness, drowsiness, depression, anxiety,
 * wellbeing) are the form's own; only the paper's "circle" becomes "choose" on a touch screen.
 */
export const ESAS_R_SOURCE =
  'ESAS-r (revised November 2010), Watanabe et al., J Pain Symptom Manage 2011;41:456–68; Alberta Health Services Edmonton Zone Palliative Care Program';

export const esasInstruction = 'Please choose the number that best describes how you feel NOW';

export interface EsasFormItem {
  symptom: EsasSymptom;
  /** The symptom as the question names it. */
  name: string;
  /** The label at 0 and at 10, as printed beside the scale. */
  low: string;
  high: string;
  /** The form's short definition, where it gives one. */
  definition: string | null;
}

export const esasFormItems: readonly EsasFormItem[] = [
  { symptom: 'pain', name: 'Pain', low: 'No pain', high: 'Worst possible pain', definition: null },
  {
    symptom: 'fatigue',
    name: 'Tiredness',
    low: 'No tiredness',
    high: 'Worst possible tiredness',
    definition: 'Tiredness = lack of energy',
  },
  {
    symptom: 'drowsiness',
    name: 'Drowsiness',
    low: 'No drowsiness',
    high: 'Worst possible drowsiness',
    definition: 'Drowsiness = feeling sleepy',
  },
  { symptom: 'nausea', name: 'Nausea', low: 'No nausea', high: 'Worst possible nausea', definition: null },
  {
    symptom: 'appetite',
    name: 'Lack of appetite',
    low: 'No lack of appetite',
    high: 'Worst possible lack of appetite',
    definition: null,
  },
  {
    symptom: 'shortness_of_breath',
    name: 'Shortness of breath',
    low: 'No shortness of breath',
    high: 'Worst possible shortness of breath',
    definition: null,
  },
  {
    symptom: 'depression',
    name: 'Depression',
    low: 'No depression',
    high: 'Worst possible depression',
    definition: 'Depression = feeling sad',
  },
  {
    symptom: 'anxiety',
    name: 'Anxiety',
    low: 'No anxiety',
    high: 'Worst possible anxiety',
    definition: 'Anxiety = feeling nervous',
  },
  {
    symptom: 'wellbeing',
    name: 'Wellbeing',
    low: 'Best wellbeing',
    high: 'Worst possible wellbeing',
    definition: 'Wellbeing = how you feel overall',
  },
];

/** The optional tenth item: the person names the problem, then rates it like the others. */
export const esasOtherItem = {
  name: 'Other problem',
  example: 'for example constipation',
} as const;

/** "Completed by (check one)", as on the form. */
export const esasCompletedBy = ['patient', 'family_caregiver', 'health_professional_caregiver'] as const;
export type EsasCompletedBy = (typeof esasCompletedBy)[number];
export const esasCompletedByLabels: Record<EsasCompletedBy, string> = {
  patient: 'Patient',
  family_caregiver: 'Family caregiver',
  health_professional_caregiver: 'Health care professional caregiver',
};
