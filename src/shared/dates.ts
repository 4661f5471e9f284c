/**
 * Clinic dates are calendar days written `YYYY-MM-DD`, never instants: a session on 3 March is on
 * 3 March wherever the laptop's clock zone says it is. All arithmetic here is on whole days in UTC
 * so that a daylight-saving change can never make a day 23 or 25 hours long.
 */

export type ClinicDate = string;

const DAY_MS = 86_400_000;
const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date in `YYYY-MM-DD` form (rejects 2025-02-30). */
export function isClinicDate(value: string): boolean {
  const match = pattern.exec(value);
  if (!match) return false;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  // Years before 100 stay refused, as they were when this went through Date.UTC (which reads them as 19xx).
  return y >= 100 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

// Hot path (cycle days for every caseload row): parse by position, no regex or Date object.
function toUtcMs(date: ClinicDate): number {
  if (date.length === 10 && date[4] === '-' && date[7] === '-') {
    const y = Number(date.slice(0, 4));
    const m = Number(date.slice(5, 7));
    const d = Number(date.slice(8, 10));
    if (Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) return Date.UTC(y, m - 1, d);
  }
  throw new RangeError(`Not a calendar date: ${date}`);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Days since 1970-01-01 to a civil date (H. Hinnant's algorithm): no Date object or ISO string,
// which the profile of the caseload's cycle days showed as a fifth of its time.
function fromUtcMs(ms: number): ClinicDate {
  const z = Math.floor(ms / DAY_MS) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) return new Date(ms).toISOString().slice(0, 10);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: ClinicDate, to: ClinicDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

export function addDays(date: ClinicDate, days: number): ClinicDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

export function addWeeks(date: ClinicDate, weeks: number): ClinicDate {
  return addDays(date, weeks * 7);
}

/** Today's date on the clinic's local calendar (the machine's time zone). */
export function todayLocal(now: Date = new Date()): ClinicDate {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Age in completed years on `on`. */
export function ageOn(dateOfBirth: ClinicDate, on: ClinicDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** Monday of the ISO week containing `date`. */
export function startOfWeek(date: ClinicDate): ClinicDate {
  const weekday = new Date(toUtcMs(date)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** "3 Mar 2026" — unambiguous across locales, which matters in letters read abroad. */
export function formatClinicDate(date: ClinicDate | null | undefined): string {
  if (!date) return '—';
  if (!isClinicDate(date)) return date;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${months[m - 1]} ${y}`;
}
