import type { ClearanceLimits } from '../intake/clearance';
import { movementTagLabels, type MovementTag } from './boneRestrictions';

/**
 * The doctor's structured restrictions, checked like the bone-lesion restrictions: a logged value
 * or a planned exercise beyond them is not refused, it warns and needs the clinician's reason.
 */
export interface LimitProblem {
  kind: 'rpe' | 'hr' | 'tag';
  tag?: MovementTag;
  message: string;
}

export const CLEARANCE_LIMITS_SOURCE = "The referring doctor's clearance (restrictions recorded with it)";

const tagWords = (tag: MovementTag) => movementTagLabels[tag].split(' (')[0]!.toLowerCase();

function tagProblems(tags: readonly MovementTag[], limits: ClearanceLimits): LimitProblem[] {
  return limits.avoidTags
    .filter((tag) => tags.includes(tag))
    .map((tag) => ({ kind: 'tag' as const, tag, message: `The doctor asked to avoid ${tagWords(tag)}` }));
}

/** One logged exercise row against the limits; a skipped row did not happen and has none. */
export function entryLimitProblems(
  entry: { rpe: number | null; peakHr: number | null; outcome: string | null },
  exercise: { tags: readonly MovementTag[] },
  limits: ClearanceLimits,
): LimitProblem[] {
  if (entry.outcome === 'skipped') return [];
  const problems = tagProblems(exercise.tags, limits);
  if (limits.rpeCeiling !== null && entry.rpe !== null && entry.rpe > limits.rpeCeiling) {
    problems.push({
      kind: 'rpe',
      message: `RPE ${entry.rpe} is above the doctor's ceiling of RPE ${limits.rpeCeiling}`,
    });
  }
  if (limits.hrCeiling !== null && entry.peakHr !== null && entry.peakHr > limits.hrCeiling) {
    problems.push({
      kind: 'hr',
      message: `Peak HR ${entry.peakHr} bpm is above the doctor's ceiling of ${limits.hrCeiling} bpm`,
    });
  }
  return problems;
}

/** One planned exercise against the limits: its movements and its RPE and HR targets. */
export function planItemLimitProblems(
  item: { rpeMax: number | null; hrMax: number | null },
  exercise: { tags: readonly MovementTag[] },
  limits: ClearanceLimits,
): LimitProblem[] {
  const problems = tagProblems(exercise.tags, limits);
  if (limits.rpeCeiling !== null && item.rpeMax !== null && item.rpeMax > limits.rpeCeiling) {
    problems.push({
      kind: 'rpe',
      message: `Target RPE up to ${item.rpeMax} is above the doctor's ceiling of RPE ${limits.rpeCeiling}`,
    });
  }
  if (limits.hrCeiling !== null && item.hrMax !== null && item.hrMax > limits.hrCeiling) {
    problems.push({
      kind: 'hr',
      message: `Target HR up to ${item.hrMax} bpm is above the doctor's ceiling of ${limits.hrCeiling} bpm`,
    });
  }
  return problems;
}

/** The limits in a clinician's words, for the safety header and the plan. */
export function describeLimits(limits: ClearanceLimits): string[] {
  const lines: string[] = [];
  if (limits.rpeCeiling !== null) lines.push(`RPE ≤ ${limits.rpeCeiling}`);
  if (limits.hrCeiling !== null) lines.push(`Heart rate ≤ ${limits.hrCeiling} bpm`);
  if (limits.avoidTags.length > 0) lines.push(`Avoid ${limits.avoidTags.map(tagWords).join(', ')}`);
  if (limits.noGroupSessions) lines.push('No group sessions');
  return lines;
}
