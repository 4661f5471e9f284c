import { describe, expect, it } from 'vitest';
import { blankScreen, type SessionDraft } from './draft';
import { outOfRangeFields, startBlockers } from './startBlockers';

function draft(screen: Partial<SessionDraft['screen']>, overrideReason = ''): SessionDraft {
  return {
    version: 1,
    screen: { ...blankScreen(), ...screen },
    overrideReason,
    entries: [],
    after: { restingHr: '', sbp: '', dbp: '', spo2: '', rpeOverall: '', fatigue: '', pain: '' },
    notes: '',
    occurredAt: '',
  };
}

const mayStart = { verdict: 'may_start' as const, reasons: [] };
const noClearance = { verdict: 'override_required' as const, reasons: ['No medical clearance is recorded.'] };

describe('startBlockers', () => {
  it('names an impossible value in main’s words, and only that field', () => {
    expect(outOfRangeFields(draft({ spo2: 150, restingHr: 72, standingSbp: 40 }))).toEqual([
      { kind: 'range', field: 'screen.spo2', message: 'SpO₂ must be at most 100 %' },
      {
        kind: 'range',
        field: 'screen.standingSbp',
        message: 'Standing systolic blood pressure must be at least 50 mmHg',
      },
    ]);
    expect(outOfRangeFields(draft({ spo2: 100, plateletsX109: 0, pain0to10: 10 }))).toEqual([]);
  });

  it('asks for an override reason while clearance is missing, and stops asking once one is typed', () => {
    const blocked = startBlockers({ draft: draft({}), decision: 'go', mayStart: noClearance });
    expect(blocked).toHaveLength(1);
    expect(blocked[0]!.field).toBe('clearanceOverrideReason');
    // The reasons are in the Medical clearance panel beside the reason field; the card only points there.
    expect(blocked[0]!.message).toBe(
      'Medical clearance: record the reason for starting without valid clearance (below), or hold.',
    );
    expect(
      startBlockers({ draft: draft({}, 'Oncologist cleared by phone'), decision: 'go', mayStart: noClearance }),
    ).toEqual([]);
    expect(startBlockers({ draft: draft({}, '   '), decision: 'modify', mayStart: noClearance })).toHaveLength(1);
  });

  it('a block stands whatever is typed; a Hold needs no clearance but still no impossible value', () => {
    const notCleared = { verdict: 'blocked' as const, reasons: ['The doctor did not clear exercise.'] };
    expect(startBlockers({ draft: draft({}, 'anyway'), decision: 'go', mayStart: notCleared })[0]!.message).toBe(
      'Medical clearance does not allow a session (below).',
    );
    expect(startBlockers({ draft: draft({}), decision: 'hold', mayStart: notCleared })).toEqual([]);
    expect(startBlockers({ draft: draft({ spo2: 150 }), decision: 'hold', mayStart })).toHaveLength(1);
    expect(startBlockers({ draft: draft({ spo2: 97 }), decision: 'go', mayStart })).toEqual([]);
  });

  it('a group class against the doctor’s "no group sessions" needs a reason, unless the patient is held', () => {
    const group = startBlockers({ draft: draft({}), decision: 'go', mayStart, groupAgainstDoctor: true });
    expect(group).toHaveLength(1);
    expect(group[0]!.message).toContain('joins a group class');
    expect(
      startBlockers({
        draft: draft({}, 'Seated class; doctor agreed'),
        decision: 'go',
        mayStart,
        groupAgainstDoctor: true,
      }),
    ).toEqual([]);
    expect(startBlockers({ draft: draft({}), decision: 'hold', mayStart, groupAgainstDoctor: true })).toEqual([]);
  });
});
