import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../../shared/contract/sessions';
import { initialDraft, screenPayload, type EntryDraft } from './draft';
import { draftReducer, type DraftAction } from './draftReducer';

const view = {
  date: '2026-11-27',
  startTime: '09:00',
  draft: null,
  screen: null,
  clearanceOverrideReason: null,
  plan: {
    items: [
      { exerciseId: 'x1', exerciseName: 'Stationary cycle', sets: null, reps: null, loadKg: null, durationMin: 10 },
    ],
  },
} as unknown as SessionView;

const run = (...actions: DraftAction[]) => actions.reduce(draftReducer, initialDraft(view));

describe('draftReducer', () => {
  it('sets screen values without touching the rest, and the payload carries them', () => {
    const before = initialDraft(view);
    const after = draftReducer(before, { type: 'screenNumber', field: 'sbp', value: 128 });
    expect(after.screen.sbp).toBe(128);
    expect(after.entries).toBe(before.entries);
    expect(before.screen.sbp).toBe('');
    const d = run(
      { type: 'screenNumber', field: 'standingSbp', value: 100 },
      { type: 'screenText', field: 'bloodsDate', value: '2026-11-26' },
      { type: 'glucoseKetonesOrSymptoms', value: true },
      { type: 'redFlags', value: ['chest_pain'] },
    );
    expect(screenPayload(d)).toMatchObject({
      standingSbp: 100,
      bloodsDate: '2026-11-26',
      glucoseKetonesOrSymptoms: true,
      redFlags: ['chest_pain'],
    });
  });

  it('records not-taken reasons, the override reason, notes, the time and after-session values', () => {
    const d = run(
      { type: 'notTaken', value: { spo2: 'Oximeter unavailable' } },
      { type: 'overrideReason', value: 'Oncologist agreed by phone' },
      { type: 'notes', value: 'Tolerated well' },
      { type: 'occurredAt', value: '2026-11-27T09:15' },
      { type: 'after', field: 'rpeOverall', value: 13 },
    );
    expect(d).toMatchObject({
      notTaken: { spo2: 'Oximeter unavailable' },
      overrideReason: 'Oncologist agreed by phone',
      notes: 'Tolerated well',
      occurredAt: '2026-11-27T09:15',
      after: { rpeOverall: 13 },
    });
  });

  it('adds an exercise as Completed, replaces one row by key, and removes it', () => {
    const added = run({ type: 'addExercise', exercise: { id: 'x2', name: 'Sit to stand' } });
    expect(added.entries).toHaveLength(2);
    const row = added.entries[1]!;
    expect(row).toMatchObject({ exerciseId: 'x2', planned: false, outcome: 'completed' });
    const edited = draftReducer(added, { type: 'entry', key: row.key, next: { ...row, reps: 10 } });
    expect(edited.entries[1]!.reps).toBe(10);
    expect(edited.entries[0]).toBe(added.entries[0]);
    expect(draftReducer(edited, { type: 'removeEntry', key: row.key }).entries.map((e) => e.exerciseId)).toEqual([
      'x1',
    ]);
  });
  it('sets one number of one exercise row, marks it done and keeps the other rows as they were', () => {
    const before = run({ type: 'addExercise', exercise: { id: 'x2', name: 'Sit to stand' } });
    const [cycle, added] = before.entries as [EntryDraft, EntryDraft];
    const after = draftReducer(before, { type: 'entryNumber', key: cycle.key, field: 'rpe', value: 13 });
    expect(after.entries[0]).toMatchObject({ rpe: 13, done: true, outcome: 'completed' });
    expect(after.entries[1]).toBe(added);
  });
});
