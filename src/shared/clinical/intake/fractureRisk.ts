import type { BoneLesionSite } from '../../domain/vocabulary';

export const mirelsSource = 'Mirels 1989, Clin Orthop 249:256-64';
export const sinsSource = 'Fisher et al. 2010, Spine 35:E1221';

export const mirelsAccuracyNote = {
  text:
    'A cut-off of 9 or more is over 91% sensitive but only about 35% specific, so many lesions ' +
    'scored high will not fracture. In the humerus, 8 or more predicted fracture best.',
  source: 'Ramsey 2020, JAAOS Global; humerus: PMC10132712',
} as const;

export const mirelsItems = {
  site: {
    label: 'Site',
    options: {
      upper_limb: { label: 'Upper limb', points: 1 },
      lower_limb: { label: 'Lower limb', points: 2 },
      peritrochanteric: { label: 'Peritrochanteric', points: 3 },
    },
  },
  lesion: {
    label: 'Lesion type',
    options: {
      blastic: { label: 'Blastic', points: 1 },
      mixed: { label: 'Mixed', points: 2 },
      lytic: { label: 'Lytic', points: 3 },
    },
  },
  size: {
    label: 'Size (fraction of cortex)',
    options: {
      lt_one_third: { label: 'Less than 1/3', points: 1 },
      one_to_two_thirds: { label: '1/3 to 2/3', points: 2 },
      gt_two_thirds: { label: 'More than 2/3', points: 3 },
    },
  },
  pain: {
    label: 'Pain',
    options: {
      mild: { label: 'Mild', points: 1 },
      moderate: { label: 'Moderate', points: 2 },
      functional: { label: 'Functional (severe, or worse with limb use)', points: 3 },
    },
  },
} as const;

export const sinsItems = {
  location: {
    label: 'Location',
    options: {
      junctional: { label: 'Junctional (occiput–C2, C7–T2, T11–L1, L5–S1)', points: 3 },
      mobile: { label: 'Mobile spine (C3–C6, L2–L4)', points: 2 },
      semi_rigid: { label: 'Semi-rigid (T3–T10)', points: 1 },
      rigid: { label: 'Rigid (S2–S5)', points: 0 },
    },
  },
  pain: {
    label: 'Pain',
    options: {
      mechanical: {
        label: 'Mechanical (eases lying down, or worse with movement/loading)',
        points: 3,
      },
      occasional_non_mechanical: { label: 'Occasional, non-mechanical', points: 1 },
      none: { label: 'Pain-free lesion', points: 0 },
    },
  },
  lesion: {
    label: 'Bone lesion',
    options: {
      lytic: { label: 'Lytic', points: 2 },
      mixed: { label: 'Mixed', points: 1 },
      blastic: { label: 'Blastic', points: 0 },
    },
  },
  alignment: {
    label: 'Radiographic alignment',
    options: {
      subluxation: { label: 'Subluxation or translation', points: 4 },
      de_novo_deformity: { label: 'De novo deformity (kyphosis or scoliosis)', points: 2 },
      normal: { label: 'Normal', points: 0 },
    },
  },
  collapse: {
    label: 'Vertebral body collapse',
    options: {
      gt_50: { label: 'More than 50% collapse', points: 3 },
      lt_50: { label: 'Less than 50% collapse', points: 2 },
      none_gt_50_involved: { label: 'No collapse, more than 50% of body involved', points: 1 },
      none: { label: 'None of the above', points: 0 },
    },
  },
  posterolateral: {
    label: 'Posterolateral involvement',
    options: {
      bilateral: { label: 'Bilateral', points: 3 },
      unilateral: { label: 'Unilateral', points: 1 },
      none: { label: 'None', points: 0 },
    },
  },
} as const;

type Items = Record<string, { label: string; options: Record<string, { label: string; points: number }> }>;
type OptionOf<I extends Items, K extends keyof I> = keyof I[K]['options'] & string;

export type MirelsItem = keyof typeof mirelsItems;
export type MirelsSite = OptionOf<typeof mirelsItems, 'site'>;
export type MirelsLesion = OptionOf<typeof mirelsItems, 'lesion'>;
export type MirelsSize = OptionOf<typeof mirelsItems, 'size'>;
export type MirelsPain = OptionOf<typeof mirelsItems, 'pain'>;

export type SinsItem = keyof typeof sinsItems;
export type SinsLocation = OptionOf<typeof sinsItems, 'location'>;
export type SinsPain = OptionOf<typeof sinsItems, 'pain'>;
export type SinsLesion = OptionOf<typeof sinsItems, 'lesion'>;
export type SinsAlignment = OptionOf<typeof sinsItems, 'alignment'>;
export type SinsCollapse = OptionOf<typeof sinsItems, 'collapse'>;
export type SinsPosterolateral = OptionOf<typeof sinsItems, 'posterolateral'>;

/** Stored as entered; any item may still be blank while the imaging report is awaited. */
export interface MirelsComponents {
  site?: MirelsSite | null;
  lesion?: MirelsLesion | null;
  size?: MirelsSize | null;
  pain?: MirelsPain | null;
}

export interface SinsComponents {
  location?: SinsLocation | null;
  pain?: SinsPain | null;
  lesion?: SinsLesion | null;
  alignment?: SinsAlignment | null;
  collapse?: SinsCollapse | null;
  posterolateral?: SinsPosterolateral | null;
}

interface Tally<K extends string> {
  total: number | null;
  /** Points from the items entered so far; a floor for the final total. */
  subtotal: number;
  missing: K[];
}

function tally<I extends Items>(
  items: I,
  entered: Partial<Record<keyof I, string | null>> | null | undefined,
): Tally<keyof I & string> {
  let subtotal = 0;
  const missing: Array<keyof I & string> = [];
  for (const key of Object.keys(items) as Array<keyof I & string>) {
    const options = items[key]!.options;
    const value = entered?.[key];
    // Stored JSON may carry a value from an older vocabulary; treat it as not entered.
    if (typeof value === 'string' && Object.hasOwn(options, value)) {
      subtotal += options[value]!.points;
    } else {
      missing.push(key);
    }
  }
  return { total: missing.length === 0 ? subtotal : null, subtotal, missing };
}

export type MirelsBandKey = 'low' | 'borderline' | 'high';
export interface MirelsBand {
  key: MirelsBandKey;
  label: string;
  range: string;
  fractureRisk: string;
  meaning: string;
}

export const mirelsBands: Record<MirelsBandKey, MirelsBand> = {
  low: {
    key: 'low',
    label: 'Low risk',
    range: '4–7',
    fractureRisk: 'about 0–4%',
    meaning: 'About 0–4% risk of fracture: radiotherapy and observe.',
  },
  borderline: {
    key: 'borderline',
    label: 'Borderline',
    range: '8',
    fractureRisk: 'about 15%',
    meaning: 'About 15% risk of fracture: clinical judgement.',
  },
  high: {
    key: 'high',
    label: 'High risk',
    range: '9–12',
    fractureRisk: '33% or more',
    meaning: '33% or more risk of fracture: prophylactic fixation is considered.',
  },
};

export function mirelsBandFor(total: number): MirelsBand {
  if (total >= 9) return mirelsBands.high;
  if (total === 8) return mirelsBands.borderline;
  return mirelsBands.low;
}

export interface MirelsResult extends Tally<MirelsItem> {
  band: MirelsBand | null;
  notes: string[];
  source: string;
}

export function mirelsScore(components: MirelsComponents | null | undefined): MirelsResult {
  const counted = tally(mirelsItems, components);
  const notes: string[] = [mirelsAccuracyNote.text];
  if (counted.total === 8 && components?.site === 'upper_limb') {
    notes.push('In the humerus a score of 8 already predicted fracture best (PMC10132712).');
  }
  return {
    ...counted,
    band: counted.total === null ? null : mirelsBandFor(counted.total),
    notes,
    source: mirelsSource,
  };
}

export type SinsBandKey = 'stable' | 'potentially_unstable' | 'unstable';
export interface SinsBand {
  key: SinsBandKey;
  label: string;
  range: string;
  meaning: string;
}

export const sinsBands: Record<SinsBandKey, SinsBand> = {
  stable: { key: 'stable', label: 'Stable', range: '0–6', meaning: 'Stable.' },
  potentially_unstable: {
    key: 'potentially_unstable',
    label: 'Potentially unstable',
    range: '7–12',
    meaning: 'Potentially unstable: a surgical opinion is warranted.',
  },
  unstable: {
    key: 'unstable',
    label: 'Unstable',
    range: '13–18',
    meaning: 'Unstable: a surgical opinion is warranted.',
  },
};

export const SINS_SURGICAL_OPINION_FROM = 7;

export function sinsBandFor(total: number): SinsBand {
  if (total >= 13) return sinsBands.unstable;
  if (total >= SINS_SURGICAL_OPINION_FROM) return sinsBands.potentially_unstable;
  return sinsBands.stable;
}

export interface SinsResult extends Tally<SinsItem> {
  band: SinsBand | null;
  /** Already true on a partial score once the entered items reach 7; null while it could go either way. */
  surgicalOpinionWarranted: boolean | null;
  source: string;
}

export function sinsScore(components: SinsComponents | null | undefined): SinsResult {
  const counted = tally(sinsItems, components);
  let surgicalOpinionWarranted: boolean | null = null;
  if (counted.subtotal >= SINS_SURGICAL_OPINION_FROM) surgicalOpinionWarranted = true;
  else if (counted.total !== null) surgicalOpinionWarranted = false;
  return {
    ...counted,
    band: counted.total === null ? null : sinsBandFor(counted.total),
    surgicalOpinionWarranted,
    source: sinsSource,
  };
}

export type FractureScoreKind = 'mirels' | 'sins';

export function fractureScoreFor(site: BoneLesionSite): FractureScoreKind | null {
  switch (site) {
    case 'cervical_spine':
    case 'thoracic_spine':
    case 'lumbar_spine':
    case 'sacral_spine':
      return 'sins';
    case 'proximal_femur':
    case 'femoral_shaft':
    case 'tibia':
    case 'proximal_humerus':
    case 'humeral_shaft':
      return 'mirels';
    default:
      return null;
  }
}

/** A suggestion only: a proximal-femur lesion may lie in the head or neck rather than peritrochanteric. */
export function defaultMirelsSite(site: BoneLesionSite): MirelsSite | null {
  switch (site) {
    case 'proximal_humerus':
    case 'humeral_shaft':
      return 'upper_limb';
    case 'femoral_shaft':
    case 'tibia':
      return 'lower_limb';
    case 'proximal_femur':
      return 'peritrochanteric';
    default:
      return null;
  }
}

/* ------------------------------------------------------------------ which options fit the lesion's own site */

const mirelsSitesBySite: Partial<Record<BoneLesionSite, readonly MirelsSite[]>> = {
  // A proximal-femur lesion may lie in the head or neck (lower limb) rather than peritrochanteric.
  proximal_femur: ['peritrochanteric', 'lower_limb'],
  femoral_shaft: ['lower_limb'],
  tibia: ['lower_limb'],
  proximal_humerus: ['upper_limb'],
  humeral_shaft: ['upper_limb'],
};

/** The Mirels "site" options that fit the lesion site (Mirels 1989); every option for "other" (e.g. a fibula). */
export function mirelsSitesFor(site: BoneLesionSite): readonly MirelsSite[] {
  return mirelsSitesBySite[site] ?? (Object.keys(mirelsItems.site.options) as MirelsSite[]);
}

type SpinalRegion = 'cervical_spine' | 'thoracic_spine' | 'lumbar_spine' | 'sacral_spine';

const sinsLocationsByRegion: Record<SpinalRegion, readonly SinsLocation[]> = {
  cervical_spine: ['junctional', 'mobile'],
  thoracic_spine: ['junctional', 'semi_rigid'],
  lumbar_spine: ['junctional', 'mobile'],
  sacral_spine: ['junctional', 'rigid'],
};

const regionLetter: Record<SpinalRegion, 'C' | 'T' | 'L' | 'S'> = {
  cervical_spine: 'C',
  thoracic_spine: 'T',
  lumbar_spine: 'L',
  sacral_spine: 'S',
};

/**
 * SINS location of one vertebral level (Fisher et al. 2010): junctional occiput–C2, C7–T2, T11–L1,
 * L5–S1; mobile C3–C6, L2–L4; semi-rigid T3–T10; rigid S2–S5.
 */
export function sinsLocationOfLevel(letter: 'C' | 'T' | 'L' | 'S', level: number): SinsLocation | null {
  switch (letter) {
    case 'C':
      if (level < 1 || level > 7) return null;
      return level >= 3 && level <= 6 ? 'mobile' : 'junctional';
    case 'T':
      if (level < 1 || level > 12) return null;
      return level >= 3 && level <= 10 ? 'semi_rigid' : 'junctional';
    case 'L':
      if (level < 1 || level > 5) return null;
      return level >= 2 && level <= 4 ? 'mobile' : 'junctional';
    case 'S':
      if (level < 1 || level > 5) return null;
      return level === 1 ? 'junctional' : 'rigid';
  }
}

/** Vertebral levels of the lesion's own region named in free text such as "L3 vertebral body" or "T11–T12". */
export function spinalLevelsIn(site: BoneLesionSite, text: string | null | undefined): string[] {
  if (!text || !(site in sinsLocationsByRegion)) return [];
  const letter = regionLetter[site as SpinalRegion];
  const levels: string[] = [];
  for (const match of text.toUpperCase().matchAll(/\b([CTLS])\s?(\d{1,2})\b/g)) {
    const level = Number(match[2]);
    if (match[1] === letter && sinsLocationOfLevel(letter, level) && !levels.includes(`${letter}${level}`)) {
      levels.push(`${letter}${level}`);
    }
  }
  if (site === 'cervical_spine' && /\bOCCIPUT|\bOCCIPITAL|\bATLAS\b|\bAXIS\b/i.test(text)) levels.unshift('occiput–C2');
  return levels;
}

/**
 * The SINS location options that fit the lesion: by its spinal region, narrowed to the levels named in
 * "Level or part of the bone" when it names any of that region. Every option for "other".
 */
export function sinsLocationsFor(site: BoneLesionSite, levelText?: string | null): readonly SinsLocation[] {
  if (!(site in sinsLocationsByRegion)) return Object.keys(sinsItems.location.options) as SinsLocation[];
  const region = site as SpinalRegion;
  const levels = spinalLevelsIn(site, levelText);
  if (levels.length === 0) return sinsLocationsByRegion[region];
  const fitting = new Set<SinsLocation>(
    levels.map((level) =>
      level.startsWith('occiput') ? 'junctional' : sinsLocationOfLevel(regionLetter[region], Number(level.slice(1)))!,
    ),
  );
  return sinsLocationsByRegion[region].filter((location) => fitting.has(location));
}

function orList(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

const siteNoun: Record<BoneLesionSite, string> = {
  cervical_spine: 'A cervical spine lesion',
  thoracic_spine: 'A thoracic spine lesion',
  lumbar_spine: 'A lumbar spine lesion',
  sacral_spine: 'A sacral lesion',
  pelvis: 'A pelvic lesion',
  proximal_femur: 'A proximal femur lesion',
  femoral_shaft: 'A femoral shaft lesion',
  proximal_humerus: 'A proximal humerus lesion',
  humeral_shaft: 'A humeral shaft lesion',
  tibia: 'A tibial lesion',
  ribs: 'A rib lesion',
  sternum: 'A sternal lesion',
  scapula: 'A scapular lesion',
  clavicle: 'A clavicle lesion',
  skull: 'A skull lesion',
  other: 'This lesion',
};

const sinsLocationWords: Record<SinsLocation, string> = {
  junctional: 'junctional',
  mobile: 'mobile spine',
  semi_rigid: 'semi-rigid',
  rigid: 'rigid',
};

/** Null when the chosen Mirels site fits the lesion site; otherwise the message for `mirels.site`. */
export function mirelsSiteMismatch(site: BoneLesionSite, mirelsSite: MirelsSite | null | undefined): string | null {
  if (!mirelsSite) return null;
  const allowed = mirelsSitesFor(site);
  if (allowed.includes(mirelsSite)) return null;
  return `${siteNoun[site]} is scored as ${orList(allowed.map((s) => mirelsItems.site.options[s].label.toLowerCase()))}`;
}

/** Null when the chosen SINS location fits the lesion's region and named levels; otherwise the message for `sins.location`. */
export function sinsLocationMismatch(
  site: BoneLesionSite,
  levelText: string | null | undefined,
  location: SinsLocation | null | undefined,
): string | null {
  if (!location) return null;
  const allowed = sinsLocationsFor(site, levelText);
  if (allowed.includes(location)) return null;
  const words = orList(allowed.map((l) => sinsLocationWords[l]));
  const levels = spinalLevelsIn(site, levelText);
  if (levels.length > 0) return `${orList(levels)} ${levels.length === 1 ? 'is' : 'are'} scored as ${words}`;
  return `${siteNoun[site]} is scored as ${words}`;
}
