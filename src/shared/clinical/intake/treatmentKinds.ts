import type { TreatmentType } from '../../domain/vocabulary';

/*
 * What a treatment's regimen text says about it, for the precautions and the cycle wording. Generic
 * names only, matched as words or parts of words so that "Docetaxel 75 mg/m²" or "FEC-T" still match;
 * brand names and unlisted drugs are not recognised, so every list is a prompt, never a clearance.
 */

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

const mentions = (text: string | null | undefined, generics: readonly string[]) => {
  if (!text) return false;
  const lower = text.toLowerCase().replace(/[^a-z0-9]/g, '');
  return generics.some((g) => lower.includes(g));
};

const hasWord = (text: string | null | undefined, acronyms: readonly string[]) =>
  !!text && words(text).some((w) => acronyms.includes(w));

/** Anticancer drugs taken by mouth: the cycle starts with a first dose, not an infusion. */
export const oralAnticancerGenerics = [
  'capecitabine',
  'temozolomide',
  'lomustine',
  'chlorambucil',
  'melphalan',
  'trifluridine',
  'tipiracil',
  'lonsurf',
  'palbociclib',
  'ribociclib',
  'abemaciclib',
  'olaparib',
  'niraparib',
  'rucaparib',
  'talazoparib',
  'lenalidomide',
  'pomalidomide',
  'thalidomide',
  'imatinib',
  'sunitinib',
  'sorafenib',
  'pazopanib',
  'axitinib',
  'lenvatinib',
  'cabozantinib',
  'regorafenib',
  'everolimus',
  'abiraterone',
  'enzalutamide',
  'apalutamide',
  'darolutamide',
] as const;

export function isOralRegimen(regimen: string | null | undefined): boolean {
  return mentions(regimen, oralAnticancerGenerics);
}

export function isZoledronate(regimen: string | null | undefined): boolean {
  return mentions(regimen, ['zoledron']);
}

export function isDenosumab(text: string | null | undefined): boolean {
  return mentions(text, ['denosumab', 'xgeva', 'prolia']);
}

export type CardiotoxicClass = 'anthracycline' | 'her2' | 'vegf' | 'checkpoint' | 'fluoropyrimidine';

export const cardiotoxicClassLabels: Record<CardiotoxicClass, string> = {
  anthracycline: 'anthracycline',
  her2: 'HER2-targeted therapy (trastuzumab)',
  vegf: 'VEGF inhibitor',
  checkpoint: 'immune checkpoint inhibitor',
  fluoropyrimidine: 'fluoropyrimidine (5-FU, capecitabine)',
};

/** The drug classes the ESC 2022 cardio-oncology guideline names for cardiac monitoring. */
const cardiotoxicGenerics: Record<CardiotoxicClass, { generics: readonly string[]; regimens: readonly string[] }> = {
  anthracycline: {
    generics: ['doxorubicin', 'epirubicin', 'daunorubicin', 'idarubicin', 'adriamycin'],
    // AC, EC, FEC, ECF, EOX and CHOP or ABVD each contain an anthracycline.
    regimens: ['ac', 'ec', 'fec', 'ecf', 'ecx', 'eox', 'chop', 'abvd', 'tac'],
  },
  her2: { generics: ['trastuzumab', 'pertuzumab', 'herceptin'], regimens: [] },
  vegf: {
    generics: [
      'bevacizumab',
      'ramucirumab',
      'aflibercept',
      'sunitinib',
      'sorafenib',
      'pazopanib',
      'axitinib',
      'lenvatinib',
      'cabozantinib',
      'regorafenib',
      'vandetanib',
      'tivozanib',
    ],
    regimens: [],
  },
  checkpoint: {
    generics: [
      'pembrolizumab',
      'nivolumab',
      'ipilimumab',
      'atezolizumab',
      'durvalumab',
      'avelumab',
      'cemiplimab',
      'dostarlimab',
      'tremelimumab',
      'relatlimab',
    ],
    regimens: [],
  },
  fluoropyrimidine: {
    generics: ['fluorouracil', '5fu', 'capecitabine', 'tegafur'],
    regimens: ['folfox', 'folfiri', 'folfirinox', 'folfoxiri', 'flot', 'fec', 'ecf', 'ecx', 'capox', 'xelox'],
  },
};

/** Which cardiotoxic classes a treatment belongs to; immunotherapy counts as checkpoint inhibition. */
export function cardiotoxicClasses(treatment: { type: TreatmentType; regimen: string | null }): CardiotoxicClass[] {
  const found = (Object.keys(cardiotoxicGenerics) as CardiotoxicClass[]).filter((kind) => {
    const { generics, regimens } = cardiotoxicGenerics[kind];
    return mentions(treatment.regimen, generics) || hasWord(treatment.regimen, regimens);
  });
  if (treatment.type === 'immunotherapy' && !found.includes('checkpoint')) found.push('checkpoint');
  return found;
}
