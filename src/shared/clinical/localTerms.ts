/**
 * Services named in the sources Pacewise follows that exist only in the NHS: NICE NG234 sends
 * suspected spinal cord compression to "the MSCC coordinator", and the febrile-neutropenia advice
 * to an acute oncology service. A clinic elsewhere calls someone else, so each is a clinic setting
 * (clinic policy, Settings → Local services), put in place of the NHS phrase wherever the red-flag
 * actions are shown. The defaults are Pacewise's own wording, not from a source.
 */

export const localTermKeys = ['spinalCordCompression', 'neutropenicSepsis'] as const;
export type LocalTermKey = (typeof localTermKeys)[number];
export type LocalTerms = Record<LocalTermKey, string>;

export interface LocalTermDefinition {
  label: string;
  /** The NHS phrase in the red-flag actions that the clinic's own words replace. */
  nhsPhrase: string;
  /** Clinic policy until the clinic writes its own. */
  defaultText: string;
  source: string;
}

export const localTermDefinitions: Record<LocalTermKey, LocalTermDefinition> = {
  spinalCordCompression: {
    label: 'Who to contact at once for suspected spinal cord compression',
    nhsPhrase: 'the MSCC coordinator',
    defaultText: 'the treating oncology team’s on-call service',
    source: 'NICE NG234 (2023) names the MSCC coordinator, an NHS role',
  },
  neutropenicSepsis: {
    label: 'Who to contact now for suspected neutropenic sepsis',
    nhsPhrase: 'the treating team or acute oncology service',
    defaultText: 'the treating team’s 24-hour oncology advice line',
    source: 'NICE CG151 (2012) sends suspected neutropenic sepsis to the acute oncology service, an NHS service',
  },
};

export const defaultLocalTerms: LocalTerms = {
  spinalCordCompression: localTermDefinitions.spinalCordCompression.defaultText,
  neutropenicSepsis: localTermDefinitions.neutropenicSepsis.defaultText,
};

/** The text with each NHS-only phrase replaced by the clinic's own words. */
export function withLocalTerms(text: string, terms: LocalTerms): string {
  let out = text;
  for (const key of localTermKeys) out = out.split(localTermDefinitions[key].nhsPhrase).join(terms[key]);
  return out;
}
