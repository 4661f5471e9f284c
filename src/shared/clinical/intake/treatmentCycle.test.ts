import { describe, expect, it } from 'vitest';
import { addDays } from '../../dates';
import {
  activeTreatmentsOn,
  cycleDayOn,
  cycleDaysInWeek,
  day1DatesOf,
  isTreatmentActiveOn,
  onTreatmentInWeek,
  type Treatment,
} from './treatmentCycle';

const docetaxel: Treatment = {
  type: 'chemotherapy',
  regimen: 'Docetaxel 3-weekly',
  startDate: '2026-03-02',
  endDate: null,
  cycleLengthDays: 21,
  day1Dates: ['2026-03-23', '2026-03-02', '2026-03-23'],
};

const zoledronate: Treatment = {
  type: 'bone_targeted',
  regimen: 'Zoledronic acid',
  startDate: '2026-01-10',
  endDate: null,
  cycleLengthDays: null,
  day1Dates: [],
};

const radiotherapy: Treatment = {
  type: 'radiotherapy',
  regimen: '20 Gy in 5 fractions, L3',
  startDate: '2026-03-04',
  endDate: '2026-03-10',
  cycleLengthDays: null,
  day1Dates: [],
};

describe('cycle day', () => {
  it('counts the day-1 date as day 1, from unsorted and duplicated day-1s', () => {
    expect(day1DatesOf(docetaxel)).toEqual(['2026-03-02', '2026-03-23']);
    expect(cycleDayOn(docetaxel, '2026-03-02')).toEqual({
      cycleNumber: 1,
      day: 1,
      lastDay1: '2026-03-02',
      projected: false,
    });
    expect(cycleDayOn(docetaxel, '2026-03-06')).toMatchObject({ cycleNumber: 1, day: 5 });
    expect(cycleDayOn(docetaxel, '2026-03-22')).toMatchObject({ cycleNumber: 1, day: 21 });
    expect(cycleDayOn(docetaxel, '2026-03-23')).toMatchObject({ cycleNumber: 2, day: 1 });
  });

  it('is null when not cyclical or before the first day 1', () => {
    expect(cycleDayOn(zoledronate, '2026-03-01')).toBeNull();
    expect(cycleDayOn({ ...docetaxel, cycleLengthDays: 0 }, '2026-03-05')).toBeNull();
    expect(cycleDayOn(docetaxel, '2026-03-01')).toBeNull();
  });

  it('is null after the end date but counts on the end date itself', () => {
    const finished = { ...docetaxel, endDate: '2026-04-12' };
    expect(cycleDayOn(finished, '2026-04-12')).toMatchObject({ cycleNumber: 2, day: 21 });
    expect(cycleDayOn(finished, '2026-04-13')).toBeNull();
  });

  it('stays on the recorded cycle until a full cycle has passed since the last day 1', () => {
    expect(cycleDayOn(docetaxel, '2026-04-12')).toEqual({
      cycleNumber: 2,
      day: 21,
      lastDay1: '2026-03-23',
      projected: false,
    });
  });

  it('projects later cycles forward while treatment continues', () => {
    expect(cycleDayOn(docetaxel, '2026-04-13')).toEqual({
      cycleNumber: 3,
      day: 1,
      lastDay1: '2026-04-13',
      projected: true,
    });
    expect(cycleDayOn(docetaxel, '2026-05-06')).toEqual({
      cycleNumber: 4,
      day: 3,
      lastDay1: '2026-05-04',
      projected: true,
    });
  });

  it('shows a delayed cycle as a long cycle rather than projecting between recorded day 1s', () => {
    const delayed = { ...docetaxel, day1Dates: ['2026-03-02', '2026-04-06'] };
    expect(cycleDayOn(delayed, '2026-04-01')).toEqual({
      cycleNumber: 1,
      day: 31,
      lastDay1: '2026-03-02',
      projected: false,
    });
    expect(cycleDayOn(delayed, '2026-04-06')).toMatchObject({ cycleNumber: 2, day: 1 });
  });

  it('uses the start date as day 1 when none was recorded, and ignores malformed dates', () => {
    const unrecorded = { ...docetaxel, day1Dates: ['not a date'] };
    expect(cycleDayOn(unrecorded, '2026-03-02')).toMatchObject({
      cycleNumber: 1,
      day: 1,
      projected: false,
    });
    expect(cycleDayOn(unrecorded, '2026-03-24')).toMatchObject({
      cycleNumber: 2,
      day: 2,
      projected: true,
    });
  });

  it('counts across a daylight-saving change', () => {
    const weekly: Treatment = { ...docetaxel, cycleLengthDays: 7, day1Dates: ['2026-03-25'] };
    expect(cycleDayOn(weekly, '2026-03-31')).toMatchObject({ cycleNumber: 1, day: 7 });
    expect(cycleDayOn(weekly, '2026-04-01')).toMatchObject({
      cycleNumber: 2,
      day: 1,
      projected: true,
    });
  });
});

describe('active treatments', () => {
  const all = [docetaxel, zoledronate, radiotherapy];

  it('includes the start and end dates', () => {
    expect(isTreatmentActiveOn(radiotherapy, '2026-03-04')).toBe(true);
    expect(isTreatmentActiveOn(radiotherapy, '2026-03-10')).toBe(true);
    expect(isTreatmentActiveOn(radiotherapy, '2026-03-11')).toBe(false);
    expect(isTreatmentActiveOn(radiotherapy, '2026-03-03')).toBe(false);
  });

  it('lists what is active on a date with its cycle day', () => {
    const on = activeTreatmentsOn(all, '2026-03-05');
    expect(on.map((entry) => entry.treatment.type)).toEqual(['chemotherapy', 'bone_targeted', 'radiotherapy']);
    expect(on[0]?.cycleDay).toMatchObject({ cycleNumber: 1, day: 4 });
    expect(on[1]?.cycleDay).toBeNull();
    expect(activeTreatmentsOn(all, '2026-02-01').map((entry) => entry.treatment)).toEqual([zoledronate]);
  });

  it('finds treatment on any day of a Monday–Sunday week', () => {
    const week = onTreatmentInWeek(all, '2026-03-09');
    expect(week.map((entry) => entry.treatment.type)).toEqual(['chemotherapy', 'bone_targeted', 'radiotherapy']);
    const rt = week[2];
    expect(rt?.activeDays).toEqual(['2026-03-09', '2026-03-10']);
    expect(rt?.cycleDayDate).toBe('2026-03-09');
    expect(onTreatmentInWeek([radiotherapy], '2026-03-16')).toEqual([]);
    expect(onTreatmentInWeek([radiotherapy], '2026-02-23')).toEqual([]);
  });

  it("gives the caseload's cycle days exactly as the full week view does", () => {
    for (const [monday, on] of [
      ['2026-03-09', '2026-03-11'],
      ['2026-03-23', '2026-03-26'],
      ['2026-03-02', '2026-03-08'],
      ['2026-02-23', '2026-02-23'],
    ] as const) {
      const week = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
      const full = onTreatmentInWeek(all, monday, on).map(({ treatment, cycleDay }) => ({ treatment, cycleDay }));
      expect(cycleDaysInWeek(all, week, on)).toEqual(full);
    }
  });

  it('starts the week on the Monday and includes the Sunday', () => {
    const startsSunday = { ...radiotherapy, startDate: '2026-03-01', endDate: '2026-03-01' };
    expect(onTreatmentInWeek([startsSunday], '2026-02-23')).toHaveLength(1);
    expect(onTreatmentInWeek([startsSunday], '2026-02-25')).toHaveLength(1);
    expect(onTreatmentInWeek([startsSunday], '2026-03-02')).toEqual([]);
  });

  it('gives the cycle day for a chosen date in the week and the day 1s in it', () => {
    const week = onTreatmentInWeek([docetaxel], '2026-03-23', '2026-03-26');
    expect(week[0]?.cycleDayDate).toBe('2026-03-26');
    expect(week[0]?.cycleDay).toMatchObject({ cycleNumber: 2, day: 4 });
    expect(week[0]?.day1sInWeek).toEqual(['2026-03-23']);
    expect(onTreatmentInWeek([docetaxel], '2026-02-23')).toEqual([]);
    const projectedWeek = onTreatmentInWeek([docetaxel], '2026-04-13', '2026-04-20');
    expect(projectedWeek[0]?.day1sInWeek).toEqual(['2026-04-13']);
    expect(projectedWeek[0]?.cycleDayDate).toBe('2026-04-13');
  });
});
