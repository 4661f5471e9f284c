import { addDays, daysBetween, isClinicDate, startOfWeek, type ClinicDate } from '../../dates';
import type { TreatmentType } from '../../domain/vocabulary';

export interface Treatment {
  type: TreatmentType;
  regimen: string | null;
  startDate: ClinicDate;
  endDate: ClinicDate | null;
  cycleLengthDays: number | null;
  day1Dates: ClinicDate[];
}

export interface CycleDay {
  cycleNumber: number;
  /** The day-1 date itself is day 1. */
  day: number;
  lastDay1: ClinicDate;
  /** True when no day 1 was recorded for this cycle and it was counted forward by cycle length. */
  projected: boolean;
}

function isCyclical(treatment: Treatment): treatment is Treatment & { cycleLengthDays: number } {
  const length = treatment.cycleLengthDays;
  return typeof length === 'number' && Number.isInteger(length) && length > 0;
}

/** Sorted, distinct, valid day-1 dates; the start date stands in when none was recorded. */
export function day1DatesOf(treatment: Treatment): ClinicDate[] {
  const valid = treatment.day1Dates.filter(isClinicDate);
  if (valid.length === 0 && isClinicDate(treatment.startDate)) valid.push(treatment.startDate);
  return [...new Set(valid)].sort();
}

function endedBefore(treatment: Treatment, date: ClinicDate): boolean {
  return treatment.endDate !== null && date > treatment.endDate;
}

export function cycleDayOn(treatment: Treatment, date: ClinicDate): CycleDay | null {
  if (!isCyclical(treatment)) return null;
  if (endedBefore(treatment, date)) return null;
  const day1s = day1DatesOf(treatment);
  let index = -1;
  for (let i = 0; i < day1s.length; i += 1) {
    if (day1s[i]! <= date) index = i;
  }
  if (index < 0) return null;

  const lastRecorded = day1s[index]!;
  const day = daysBetween(lastRecorded, date) + 1;
  const length = treatment.cycleLengthDays;
  const isLastRecorded = index === day1s.length - 1;
  // Between two recorded day-1s a long gap is a delayed cycle, so only count forward after the last.
  if (!isLastRecorded || day <= length) {
    return { cycleNumber: index + 1, day, lastDay1: lastRecorded, projected: false };
  }
  const cyclesOn = Math.floor((day - 1) / length);
  return {
    cycleNumber: index + 1 + cyclesOn,
    day: ((day - 1) % length) + 1,
    lastDay1: addDays(lastRecorded, cyclesOn * length),
    projected: true,
  };
}

export function isTreatmentActiveOn(treatment: Treatment, date: ClinicDate): boolean {
  return treatment.startDate <= date && !endedBefore(treatment, date);
}

export interface ActiveTreatment<T extends Treatment = Treatment> {
  treatment: T;
  cycleDay: CycleDay | null;
}

export function activeTreatmentsOn<T extends Treatment>(
  treatments: readonly T[],
  date: ClinicDate,
): Array<ActiveTreatment<T>> {
  return treatments
    .filter((treatment) => isTreatmentActiveOn(treatment, date))
    .map((treatment) => ({ treatment, cycleDay: cycleDayOn(treatment, date) }));
}

export interface TreatmentInWeek<T extends Treatment = Treatment> {
  treatment: T;
  activeDays: ClinicDate[];
  /** The date `cycleDay` refers to: the requested date if active then, else the first active day. */
  cycleDayDate: ClinicDate;
  cycleDay: CycleDay | null;
  /** Day-1s (recorded or projected) in this week, e.g. to lighten the days after an infusion. */
  day1sInWeek: ClinicDate[];
}

export function onTreatmentInWeek<T extends Treatment>(
  treatments: readonly T[],
  weekStartMonday: ClinicDate,
  on?: ClinicDate,
): Array<TreatmentInWeek<T>> {
  const monday = startOfWeek(weekStartMonday);
  const week = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const entries: Array<TreatmentInWeek<T>> = [];
  for (const treatment of treatments) {
    const activeDays = week.filter((date) => isTreatmentActiveOn(treatment, date));
    const first = activeDays[0];
    if (first === undefined) continue;
    const cycleDayDate = on !== undefined && activeDays.includes(on) ? on : first;
    const day1sInWeek = activeDays.filter((date) => cycleDayOn(treatment, date)?.day === 1);
    entries.push({
      treatment,
      activeDays,
      cycleDayDate,
      cycleDay: cycleDayOn(treatment, cycleDayDate),
      day1sInWeek,
    });
  }
  return entries;
}

/**
 * The caseload's cut of `onTreatmentInWeek`: each treatment active in the week (given as its seven
 * dates, worked out once per page) with its cycle day on `on`, or on its first active day. The
 * profile showed the full version's day-1s-in-week (seven cycle-day sums per treatment) as a
 * quarter of a caseload page, and the caseload does not show them.
 */
export function cycleDaysInWeek<T extends Treatment>(
  treatments: readonly T[],
  week: readonly ClinicDate[],
  on: ClinicDate,
): Array<{ treatment: T; cycleDay: CycleDay | null }> {
  const entries: Array<{ treatment: T; cycleDay: CycleDay | null }> = [];
  for (const treatment of treatments) {
    const activeDays = week.filter((date) => isTreatmentActiveOn(treatment, date));
    const first = activeDays[0];
    if (first === undefined) continue;
    entries.push({ treatment, cycleDay: cycleDayOn(treatment, activeDays.includes(on) ? on : first) });
  }
  return entries;
}
