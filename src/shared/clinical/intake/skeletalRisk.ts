import {
  boneLesionSites,
  lesionTypes,
  type BoneLesionSite,
  type LesionType,
  type WeightBearingStatus,
} from '../../domain/vocabulary';
import {
  fractureScoreFor,
  mirelsItems,
  mirelsScore,
  sinsItems,
  sinsScore,
  type FractureScoreKind,
  type MirelsBandKey,
  type MirelsComponents,
  type SinsBandKey,
  type SinsComponents,
} from './fractureRisk';

/**
 * Pacewise's own roll-up of Mirels, SINS and weight-bearing status. It is NOT the IBMEWG 2022
 * low/moderate/high risk classification: those categories were not verified (FACTS §2), so
 * the screens must not present this level as the consensus category.
 */
export const skeletalRiskNote = {
  text:
    "This level is Pacewise's own summary of the recorded Mirels and SINS scores and " +
    'weight-bearing status. It is not the IBMEWG consensus risk category; check the consensus ' +
    'paper and the medical team before prescribing.',
  source:
    'Mirels 1989, Clin Orthop 249:256-64; Fisher et al. 2010, Spine 35:E1221; ' +
    'IBMEWG categories not used (Campbell et al. 2022, JCO Oncol Pract, doi 10.1200/OP.21.00454)',
} as const;

export type SkeletalRiskLevel = 'none' | 'low' | 'unscored' | 'moderate' | 'high';
export type LesionRiskLevel = Exclude<SkeletalRiskLevel, 'none'>;

export const skeletalRiskLevelLabels: Record<SkeletalRiskLevel, string> = {
  none: 'No bone lesions recorded',
  low: 'Low',
  unscored: 'Not scored: clinical judgement',
  moderate: 'Moderate',
  high: 'High',
};

const severity: Record<SkeletalRiskLevel, number> = {
  none: 0,
  low: 1,
  unscored: 2,
  moderate: 3,
  high: 4,
};

export interface SkeletalLesion {
  id: string;
  site: BoneLesionSite;
  lesionType: LesionType | null;
  weightBearing: WeightBearingStatus;
  mirels?: MirelsComponents | null;
  sins?: SinsComponents | null;
  radiotherapy?: boolean;
  surgery?: boolean;
}

export interface LesionScore {
  kind: FractureScoreKind;
  /** Null while items are missing. */
  total: number | null;
  /** Points entered so far: the final total can only be this or higher. */
  atLeast: number;
  missing: string[];
  bandKey: MirelsBandKey | SinsBandKey | null;
  bandLabel: string | null;
  meaning: string | null;
}

export interface SkeletalLesionLine {
  id: string;
  site: BoneLesionSite;
  siteLabel: string;
  lesionType: LesionType | null;
  level: LesionRiskLevel;
  score: LesionScore | null;
  scoreText: string;
  reason: string;
}

export interface SkeletalRiskFlags {
  anySpinal: boolean;
  anyPelvic: boolean;
  anyLongBoneHigh: boolean;
  nonWeightBearing: boolean;
  partialWeightBearing: boolean;
  anyUnscored: boolean;
  surgicalOpinionWarranted: boolean;
}

export interface SkeletalRiskSummary {
  level: SkeletalRiskLevel;
  label: string;
  lines: SkeletalLesionLine[];
  /** The lesions that set the overall level. */
  reasons: string[];
  flags: SkeletalRiskFlags;
  note: string;
}

const unscoredConcernSites: ReadonlySet<BoneLesionSite> = new Set<BoneLesionSite>([
  'cervical_spine',
  'thoracic_spine',
  'lumbar_spine',
  'sacral_spine',
  'proximal_femur',
  'femoral_shaft',
  'tibia',
  'proximal_humerus',
  'humeral_shaft',
  'pelvis',
]);

function anyEntered(components: object | null | undefined): boolean {
  return !!components && Object.values(components).some((value) => value != null);
}

/** Every site with a validated score gets one, even if blank, so a blank shows as "not scored". */
function scoreKindUsed(lesion: SkeletalLesion): FractureScoreKind | null {
  const expected = fractureScoreFor(lesion.site);
  if (expected || lesion.site !== 'other') return expected;
  // 'other' may be a fibula or a vertebra the list lacks: honour whichever score was entered.
  if (anyEntered(lesion.mirels)) return 'mirels';
  if (anyEntered(lesion.sins)) return 'sins';
  return null;
}

function scoreLesion(lesion: SkeletalLesion, kind: FractureScoreKind): LesionScore {
  if (kind === 'mirels') {
    const result = mirelsScore(lesion.mirels);
    return {
      kind,
      total: result.total,
      atLeast: result.subtotal,
      missing: result.missing.map((item) => mirelsItems[item].label.toLowerCase()),
      bandKey: result.band?.key ?? null,
      bandLabel: result.band?.label ?? null,
      meaning: result.band?.meaning ?? null,
    };
  }
  const result = sinsScore(lesion.sins);
  return {
    kind,
    total: result.total,
    atLeast: result.subtotal,
    missing: result.missing.map((item) => sinsItems[item].label.toLowerCase()),
    bandKey: result.band?.key ?? null,
    bandLabel: result.band?.label ?? null,
    meaning: result.band?.meaning ?? null,
  };
}

const scoreName: Record<FractureScoreKind, string> = { mirels: 'Mirels', sins: 'SINS' };

const itemCount: Record<FractureScoreKind, number> = {
  mirels: Object.keys(mirelsItems).length,
  sins: Object.keys(sinsItems).length,
};

function describeScore(score: LesionScore | null): string {
  if (!score) return 'no validated fracture score for this site';
  const name = scoreName[score.kind];
  if (score.total !== null) return `${name} ${score.total} ${score.bandLabel?.toLowerCase()}`;
  if (score.missing.length === itemCount[score.kind]) return `${name} not scored`;
  return `${name} incomplete (at least ${score.atLeast}; missing ${score.missing.join(', ')})`;
}

export const noValidatedScoreText = 'no validated score: clinical judgement';

function levelFor(lesion: SkeletalLesion, score: LesionScore | null, lesionType: LesionType | null): LesionRiskLevel {
  // Points only add, so a partial score already at a cut-off cannot fall below it.
  const floor = score?.atLeast ?? 0;
  const mirels = score?.kind === 'mirels' ? floor : null;
  const sins = score?.kind === 'sins' ? floor : null;

  if (lesion.weightBearing === 'non_weight_bearing') return 'high';
  if ((mirels !== null && mirels >= 9) || (sins !== null && sins >= 13)) return 'high';

  if ((mirels !== null && mirels === 8) || (sins !== null && sins >= 7)) return 'moderate';
  const scored = score !== null && score.total !== null;
  // An unrecorded lesion type is treated as possibly lytic until the imaging says otherwise.
  if (!scored && lesionType !== 'blastic' && lesionType !== 'mixed' && unscoredConcernSites.has(lesion.site)) {
    return 'moderate';
  }
  if (lesion.weightBearing === 'partial') return 'moderate';

  if (score && !scored) return 'unscored';
  // Ribs, skull, pelvis or another site with no validated score: a lytic or mixed (or untyped) lesion
  // there is not "low"; FACTS §2 restricts training for rib lesions, for example.
  if (!score && lesionType !== 'blastic') return 'unscored';
  return 'low';
}

function lineFor(lesion: SkeletalLesion): SkeletalLesionLine {
  const kind = scoreKindUsed(lesion);
  const score = kind ? scoreLesion(lesion, kind) : null;
  const lesionType =
    lesion.lesionType ??
    (kind === 'mirels' ? lesion.mirels?.lesion : kind === 'sins' ? lesion.sins?.lesion : null) ??
    null;
  const level = levelFor(lesion, score, lesionType);
  const siteLabel = boneLesionSites.labels[lesion.site];
  const scoreText = !score && level === 'unscored' ? noValidatedScoreText : describeScore(score);

  const parts = [
    lesionType ? `${lesionTypes.labels[lesionType]} lesion` : 'Lesion of unrecorded type',
    siteLabel.toLowerCase(),
    scoreText,
  ];
  if (lesion.weightBearing === 'non_weight_bearing') parts.push('non-weight-bearing');
  if (lesion.weightBearing === 'partial') parts.push('partial weight-bearing');
  if (lesion.radiotherapy) parts.push('radiotherapy given');
  if (lesion.surgery) parts.push('surgically treated');

  return {
    id: lesion.id,
    site: lesion.site,
    siteLabel,
    lesionType,
    level,
    score,
    scoreText,
    reason: parts.join(', '),
  };
}

export function skeletalRiskSummary(lesions: SkeletalLesion[]): SkeletalRiskSummary {
  const lines = lesions.map(lineFor);
  let level: SkeletalRiskLevel = 'none';
  for (const line of lines) {
    if (severity[line.level] > severity[level]) level = line.level;
  }

  const flags: SkeletalRiskFlags = {
    anySpinal: lesions.some((lesion) => fractureScoreFor(lesion.site) === 'sins'),
    anyPelvic: lesions.some((lesion) => lesion.site === 'pelvis'),
    anyLongBoneHigh: lines.some(
      (line) => line.level === 'high' && (fractureScoreFor(line.site) === 'mirels' || line.score?.kind === 'mirels'),
    ),
    nonWeightBearing: lesions.some((lesion) => lesion.weightBearing === 'non_weight_bearing'),
    partialWeightBearing: lesions.some((lesion) => lesion.weightBearing === 'partial'),
    anyUnscored: lines.some((line) => line.score !== null && line.score.total === null),
    surgicalOpinionWarranted: lines.some((line) => line.score?.kind === 'sins' && line.score.atLeast >= 7),
  };

  return {
    level,
    label: skeletalRiskLevelLabels[level],
    lines,
    reasons: lines.filter((line) => line.level === level).map((line) => line.reason),
    flags,
    note: skeletalRiskNote.text,
  };
}
