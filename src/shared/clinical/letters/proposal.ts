import { boneLesionSites } from '../../domain/vocabulary';
import {
  boneLoadingRule,
  conflictsFor,
  movementTagLabels,
  type BoneRestriction,
  type MovementTag,
} from '../session/boneRestrictions';
import { list } from './outcomes';

/**
 * What a guidance request proposes: the patient's own plan (or, before there is one, the guideline
 * programme shaped by the bone-lesion restrictions) and the clinic's baseline tests less any the
 * restrictions rule out. IBMEWG (Campbell et al., JCO Oncol Pract 2022) asks that testing and
 * training be chosen for the person after a risk assessment, not a fixed battery.
 */

export interface PlanForLetter {
  sessionsPerWeek: number;
  sessionMinutes: number;
  items: ReadonlyArray<{
    exerciseName: string;
    rpeMin: number | null;
    rpeMax: number | null;
    overrideNote: string | null;
  }>;
}

export interface TestForLetter {
  key: string;
  name: string;
}

/**
 * What each outcome test loads, in the site-based scheme's terms, so the restrictions' own
 * conflictsFor can judge it as it judges an exercise: the 6MWT is weight-bearing walking, chair
 * stands load hip flexion and extension, the SPPB's tandem stance is narrow-base balance. A test
 * not listed (questionnaires, grip, a clinic's own measure) loads nothing the scheme restricts.
 */
const testLoads: Record<string, readonly MovementTag[]> = {
  six_minute_walk: ['weight_bearing_aerobic', 'standing_lower_limb_load'],
  sit_to_stand_30s: ['hip_flexion_extension', 'knee_flexion_extension', 'standing_lower_limb_load'],
  five_times_sit_to_stand: ['hip_flexion_extension', 'knee_flexion_extension', 'standing_lower_limb_load'],
  timed_up_and_go: ['hip_flexion_extension', 'standing_lower_limb_load'],
  gait_speed_4m: ['standing_lower_limb_load'],
  sppb: ['single_leg_balance', 'hip_flexion_extension', 'knee_flexion_extension', 'standing_lower_limb_load'],
};

const siteOf = (r: BoneRestriction) => boneLesionSites.labels[r.site].toLowerCase();
/** "hip flexion/extension", without the label's explanation in brackets. */
const movementOf = (tag: MovementTag) => movementTagLabels[tag].replace(/\s*\(.*\)$/, '').toLowerCase();

/** The written plan in brief: frequency, intensity, time and type (FITT). */
export function programmeSentence(plan: PlanForLetter | null): string {
  if (!plan) return 'No written exercise plan is on record yet.';
  const rpe = plan.items.filter((i) => i.rpeMin && i.rpeMax);
  const lo = rpe.length ? Math.min(...rpe.map((i) => i.rpeMin!)) : null;
  const hi = rpe.length ? Math.max(...rpe.map((i) => i.rpeMax!)) : null;
  const names = plan.items.map((i) => i.exerciseName);
  return [
    `Frequency: ${plan.sessionsPerWeek} supervised session${plan.sessionsPerWeek === 1 ? '' : 's'} a week.`,
    lo !== null && hi !== null
      ? `Intensity: RPE ${lo}–${hi} on the 6–20 Borg scale.`
      : 'Intensity: guided by symptoms and the talk test.',
    `Time: about ${plan.sessionMinutes} minutes.`,
    names.length ? `Type: ${list(names)}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Baseline tests: those the restrictions allow, and those held back with the lesion that rules them out. */
export function proposedTesting(tests: readonly TestForLetter[], restrictions: readonly BoneRestriction[]): string {
  const held: string[] = [];
  const proposed: string[] = [];
  for (const test of tests) {
    const conflicts = conflictsFor({ id: test.key, name: test.name, tags: testLoads[test.key] ?? [] }, restrictions);
    if (conflicts.length === 0) {
      proposed.push(test.name);
      continue;
    }
    const why = [...new Set(conflicts.map((c) => movementOf(c.tag)))];
    const sites = [...new Set(conflicts.map((c) => boneLesionSites.labels[c.site].toLowerCase()))];
    held.push(`${test.name} (${why.join('; ')}: restricted with the ${list(sites)} lesion)`);
  }
  const parts: string[] = [];
  parts.push(
    proposed.length
      ? `Testing at baseline, once resting heart rate, blood pressure and oxygen saturation are checked: ${list(proposed)}.`
      : 'Testing at baseline: resting heart rate, blood pressure and oxygen saturation only.',
  );
  if (held.length) parts.push(`Held back unless you advise that they are safe: ${held.join('; ')}.`);
  return parts.join(' ');
}

/**
 * A restriction's source as a letter cites it: the app's own name for a precaution it adds beyond
 * the published scheme is the clinic's to explain, not a citation.
 */
export function readerSource(source: string): string {
  return source.replace(/Pacewise conservative extrapolation/g, 'our own conservative extrapolation');
}

/** The restrictions we keep until we hear back, each with its source. */
function restrictionText(restrictions: readonly BoneRestriction[]): string {
  const bySource = new Map<string, string[]>();
  for (const r of restrictions) {
    for (const rule of r.rules) {
      if (rule.tag === 'heavy_load') continue;
      const reason = rule.tag === 'impact' ? 'Any bone lesion: no impact or contact.' : rule.reason;
      const reasons = bySource.get(rule.source) ?? [];
      if (!reasons.includes(reason)) reasons.push(reason);
      bySource.set(rule.source, reasons);
    }
  }
  const paragraphs = [...bySource.entries()].map(
    ([source, reasons]) => `${reasons.join(' ')} Source: ${readerSource(source)}.`,
  );
  paragraphs[0] =
    `Until we hear from you we keep to these restrictions for the bone lesions. ${paragraphs[0] ?? ''}`.trim();
  paragraphs.push(`Loads: ${boneLoadingRule.text} Source: ${boneLoadingRule.source}.`);
  return paragraphs.join('\n\n');
}

/** Training: the patient's current plan, or the guideline programme shaped by the restrictions. */
export function proposedTraining(plan: PlanForLetter | null, restrictions: readonly BoneRestriction[]): string {
  const avoided = new Set(restrictions.flatMap((r) => r.avoid));
  let training: string;
  if (plan && plan.items.length > 0) {
    const kept = plan.items.filter((i) => i.overrideNote);
    training =
      `Training, as in the current written plan: ${programmeSentence(plan)}` +
      (kept.length
        ? ` Kept despite a restriction, with the clinician’s note: ${kept.map((i) => `${i.exerciseName} (“${i.overrideNote}”)`).join('; ')}.`
        : '');
  } else {
    const aerobic = avoided.has('weight_bearing_aerobic')
      ? `non-weight-bearing aerobic exercise such as cycling (no weight-bearing aerobic exercise with the ${list([...new Set(restrictions.filter((r) => r.avoid.includes('weight_bearing_aerobic')).map(siteOf))])} lesion)`
      : 'aerobic exercise such as walking or cycling';
    const movements = [...avoided]
      .filter((t) => t !== 'impact' && t !== 'heavy_load' && t !== 'weight_bearing_aerobic')
      .map(movementOf);
    training =
      `Training: supervised ${aerobic} at moderate intensity (RPE 11–13 of 20, able to talk in sentences) and resistance exercise for the major muscle groups (2 sets of 8–12 at a moderate effort)` +
      (movements.length ? `, leaving out ${list(movements)}` : '') +
      ', 2–3 sessions a week of about 45 minutes, in line with the ACSM roundtable guidelines (Campbell et al., MSSE 2019).';
  }
  return restrictions.length ? `${training}\n\n${restrictionText(restrictions)}` : training;
}
