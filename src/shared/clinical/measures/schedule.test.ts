import { describe, expect, it } from 'vitest';
import { DEFAULT_REASSESSMENT_WEEKS, reassessmentDue, reassessmentWindowOpens } from './schedule';

const base = {
  lastAssessmentDate: '2026-03-02',
  intakeDate: '2026-02-16',
  intervalWeeks: 8,
  treatmentChanges: [],
};

describe('reassessmentDue', () => {
  it('is due the interval after the last assessment', () => {
    const result = reassessmentDue(base, '2026-03-10');
    expect(result).toMatchObject({ dueOn: '2026-04-27', state: 'not_due', trigger: 'interval' });
    expect(result.reason).toBe('Regular 8-week reassessment after the last assessment on 2 Mar 2026.');
  });
  it('falls back to intake and the default interval', () => {
    const result = reassessmentDue({ lastAssessmentDate: null, intakeDate: '2026-02-16' }, '2026-02-20');
    expect(DEFAULT_REASSESSMENT_WEEKS).toBe(8);
    expect(result.dueOn).toBe('2026-04-13');
    expect(result.reason).toMatch(/after intake on 16 Feb 2026/);
  });
  it('moves from not due to due seven days before, and to overdue the day after', () => {
    expect(reassessmentDue(base, '2026-04-19').state).toBe('not_due');
    expect(reassessmentDue(base, '2026-04-20')).toMatchObject({ state: 'due', daysUntilDue: 7 });
    expect(reassessmentDue(base, '2026-04-27')).toMatchObject({ state: 'due', daysUntilDue: 0 });
    expect(reassessmentDue(base, '2026-04-28')).toMatchObject({
      state: 'overdue',
      daysUntilDue: -1,
    });
    expect(reassessmentWindowOpens('2026-04-27')).toBe('2026-04-20');
  });
  it('brings the date forward to a treatment change after the last assessment', () => {
    const result = reassessmentDue(
      {
        ...base,
        treatmentChanges: [
          '2026-01-05',
          { date: '2026-04-10', change: 'changed' },
          { date: '2026-03-30', change: 'started', treatment: 'chemotherapy' },
        ],
      },
      '2026-03-31',
    );
    expect(result).toMatchObject({
      dueOn: '2026-03-30',
      state: 'overdue',
      trigger: 'treatment_change',
    });
    expect(result.reason).toBe(
      'Chemotherapy started on 30 Mar 2026, after the last assessment on 2 Mar 2026; brought forward from 27 Apr 2026.',
    );
  });
  it('names a bare treatment-change date without guessing what changed', () => {
    const result = reassessmentDue({ ...base, treatmentChanges: ['2026-04-01'] }, '2026-03-20');
    expect(result.reason).toMatch(/^Treatment started, changed or stopped on 1 Apr 2026/);
    expect(result.state).toBe('not_due');
  });
  it('ignores changes on or before the last assessment and after the regular date', () => {
    expect(reassessmentDue({ ...base, treatmentChanges: ['2026-03-02', '2026-05-01'] }, '2026-03-10')).toMatchObject({
      dueOn: '2026-04-27',
      trigger: 'interval',
    });
    expect(
      reassessmentDue({ ...base, treatmentChanges: [{ date: '2026-04-27', change: 'stopped' }] }, '2026-03-10').trigger,
    ).toBe('interval');
  });
  it('rejects a bad interval or a malformed date', () => {
    expect(() => reassessmentDue({ ...base, intervalWeeks: 0 }, '2026-03-10')).toThrow(RangeError);
    expect(() => reassessmentDue({ ...base, treatmentChanges: ['2026-02-30'] }, '2026-03-10')).toThrow(RangeError);
  });
});
