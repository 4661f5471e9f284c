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

/** The order a clinic reads and types calendar dates in; the names say which part comes first. */
export const dateOrders = ['DMY', 'MDY', 'YMD'] as const;
export type DateOrder = (typeof dateOrders)[number];

export const dateOrderPatterns: Record<DateOrder, string> = {
  DMY: 'DD/MM/YYYY',
  MDY: 'MM/DD/YYYY',
  YMD: 'YYYY-MM-DD',
};

/** How the clinic shows dates. With month names, 03/04 can never be read two ways. */
export interface DateDisplay {
  order: DateOrder;
  monthNames: boolean;
}

const DAY_FIRST_LOCALES = ['en-AU', 'en-GB', 'en-NZ', 'en-IE', 'en-ZA', 'en-IN'];

/**
 * The default for a computer's locale: day first in Australia, Britain and their neighbours,
 * month first in the United States, otherwise year first (ISO 8601), which no one misreads.
 */
export function defaultDateOrderFor(locale: string): DateOrder {
  const tag = locale.replace('_', '-');
  if (DAY_FIRST_LOCALES.some((l) => tag.toLowerCase().startsWith(l.toLowerCase()))) return 'DMY';
  if (tag.toLowerCase().startsWith('en-us')) return 'MDY';
  return 'YMD';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A clinic date in the clinic's chosen form: "30 Nov 2026", "Nov 30, 2026", "30/11/2026", "2026-11-30". */
export function formatDateAs(date: ClinicDate | null | undefined, display: DateDisplay): string {
  if (!date) return '—';
  if (!isClinicDate(date)) return date;
  const [y, m, d] = date.split('-') as [string, string, string];
  const month = MONTHS[Number(m) - 1]!;
  if (display.order === 'YMD') return date;
  if (display.monthNames) {
    return display.order === 'DMY' ? `${Number(d)} ${month} ${y}` : `${month} ${Number(d)}, ${y}`;
  }
  return display.order === 'DMY' ? `${d}/${m}/${y}` : `${m}/${d}/${y}`;
}

/** An instant as the clinic's date and the local 24-hour time: "27 Nov 2026, 09:17". */
export function formatInstantAs(
  iso: string | null | undefined,
  display: DateDisplay,
  options: { seconds?: boolean } = {},
): string {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${formatDateAs(todayLocal(at), display)}, ${clockTime(at, options)}`;
}

/** A moment's local time on the 24-hour clock, never the locale's "9:56:41 pm": "21:56", or "21:56:41". */
export function clockTime(at: Date, { seconds = false }: { seconds?: boolean } = {}): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(at.getHours())}:${two(at.getMinutes())}${seconds ? `:${two(at.getSeconds())}` : ''}`;
}

/**
 * Reads a typed date in the clinic's order ("30/11/2026", "30.11.2026", "30-11-2026"), with a
 * month name in either order ("30 Nov 2026", "Nov 30, 2026", "30 November 2026"), or as ISO
 * "2026-11-30". A four-digit year is required, so "03/04/26" is never guessed at. Null when it is
 * not a real calendar date.
 */
export function parseDateAs(text: string, order: DateOrder): ClinicDate | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (iso) return calendar(iso[1]!, iso[2]!, iso[3]!);
  const named = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(value);
  if (named) return calendar(named[3]!, monthNumber(named[2]!), named[1]!);
  const namedFirst = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(value);
  if (namedFirst) return calendar(namedFirst[3]!, monthNumber(namedFirst[1]!), namedFirst[2]!);
  const numeric = /^(\d{1,4})[/.\-\s](\d{1,2})[/.\-\s](\d{1,4})$/.exec(value);
  if (!numeric) return null;
  const [, a, b, c] = numeric as unknown as [string, string, string, string];
  if (order === 'DMY' && c.length === 4) return calendar(c, b, a);
  if (order === 'MDY' && c.length === 4) return calendar(c, a, b);
  if (order === 'YMD' && a.length === 4) return calendar(a, b, c);
  return null;
}

function monthNumber(name: string): string {
  const index = MONTHS.findIndex((m) => name.toLowerCase().startsWith(m.toLowerCase()));
  const full = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ];
  if (index < 0 || (name.length > 3 && !full[index]!.startsWith(name.toLowerCase().replace(/\.$/, '')))) return '0';
  return String(index + 1);
}

function calendar(y: string, m: string, d: string): ClinicDate | null {
  if (y.length !== 4) return null;
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isClinicDate(date) ? date : null;
}

/**
 * A time typed on the 24-hour clock as `HH:mm`: "16:30", "9:05", "9.05", "0905" or "905". Null when
 * it is not a time of day ("25:00", "16:3", "4pm"): the clinic's clock has no AM or PM to guess.
 */
export function parseClockTime(text: string): string | null {
  const t = text.trim();
  const match = /^(\d{1,2})[:.h](\d{2})$/.exec(t) ?? /^(\d{1,2})(\d{2})$/.exec(t);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}
