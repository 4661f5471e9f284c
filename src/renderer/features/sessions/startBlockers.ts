import type { ScreenDecision } from '../../../shared/clinical/session';
import type { PatientSafetyContext } from '../../../shared/domain/safetyContext';
import type { ScreenNumberField, SessionDraft } from './draft';
import { screenFieldRanges } from './sessionFields';

/** One reason the session may not start yet; `field` is the draft's error key where a field is at fault. */
export interface StartBlocker {
  kind: 'clearance' | 'range';
  field: string | null;
  message: string;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Every typed screen value main would refuse as impossible, in the words main uses, so the card can
 * say which field is wrong before Record is clicked.
 */
export function outOfRangeFields(draft: SessionDraft): StartBlocker[] {
  const out: StartBlocker[] = [];
  for (const [key, range] of Object.entries(screenFieldRanges) as Array<
    [ScreenNumberField, (typeof screenFieldRanges)[ScreenNumberField]]
  >) {
    const value = draft.screen[key];
    if (value === undefined || value === '') continue;
    const unit = range.unit ? ` ${range.unit}` : '';
    if (value < range.min) {
      out.push({
        kind: 'range',
        field: `screen.${key}`,
        message: `${capitalise(range.label)} must be at least ${range.min}${unit}`,
      });
    } else if (value > range.max) {
      out.push({
        kind: 'range',
        field: `screen.${key}`,
        message: `${capitalise(range.label)} must be at most ${range.max}${unit}`,
      });
    }
  }
  return out;
}

/**
 * Why the session cannot start on what is on screen now: an impossible value, or clearance that
 * blocks or needs an override reason not yet typed. A Hold needs no clearance (nobody exercises),
 * but an impossible value still stops the screen being recorded. The clearance's own reasons are
 * in the Medical clearance panel below the decision, beside the reason field: here, only a pointer.
 */
export function startBlockers(input: {
  draft: SessionDraft;
  decision: ScreenDecision;
  mayStart: PatientSafetyContext['mayStart'];
  /** A group session for a patient whose clearance says no group sessions. */
  groupAgainstDoctor?: boolean;
}): StartBlocker[] {
  const blockers = outOfRangeFields(input.draft);
  if (input.decision === 'hold') return blockers;
  const { verdict } = input.mayStart;
  if (verdict === 'blocked') {
    blockers.push({ kind: 'clearance', field: null, message: 'Medical clearance does not allow a session (below).' });
  } else if (verdict === 'override_required' && input.draft.overrideReason.trim() === '') {
    blockers.push({
      kind: 'clearance',
      field: 'clearanceOverrideReason',
      message: 'Medical clearance: record the reason for starting without valid clearance (below), or hold.',
    });
  }
  if (input.groupAgainstDoctor && verdict === 'may_start' && input.draft.overrideReason.trim() === '') {
    blockers.push({
      kind: 'clearance',
      field: 'clearanceOverrideReason',
      message: 'Medical clearance: record why this patient joins a group class (below), or hold.',
    });
  }
  return blockers;
}
