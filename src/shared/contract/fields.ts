import { z } from 'zod';
import { isClinicDate, todayLocal } from '../dates';

/**
 * Field builders whose messages read as a clinician would say them. Every message names the field,
 * because it may be shown in a summary away from the input.
 */

/**
 * Text that can be stored exactly as written. A lone UTF-16 surrogate cannot: SQLite's UTF-8 would turn
 * it into U+FFFD, so what is kept (and hashed into the audit trail) would differ from what was typed.
 * Nor can U+0000, which SQLite's own text functions and many importers read as the end of the text.
 */
export function isWellFormedText(value: string): boolean {
  const native = (value as unknown as { isWellFormed?: () => boolean }).isWellFormed;
  const wellFormed = native ? native.call(value) : !/[\uD800-\uDFFF]/u.test(value);
  return wellFormed && !value.includes('\u0000');
}

export const illFormedMessage = (label: string) =>
  `${capitalise(label)} contains a character that cannot be stored (a broken symbol or emoji): please retype it`;

/**
 * The one limit for a clinical note, wherever it is written (a session, a diagnosis, a lesion, an
 * incident's account): long enough for a fall or a conversation with the family written out in full.
 * Other free text (a name, a reason for a change) sets its own, smaller limit.
 */
export const NOTES_MAX = 20_000;

/** The plausible span of any clinic date: earlier or later is a typing slip (1026 for 2026). */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2100-12-31';

export function isPlausibleClinicDate(value: string): boolean {
  return isClinicDate(value) && value >= EARLIEST_DATE && value <= LATEST_DATE;
}

const dateMessage = (label: string) => `${capitalise(label)} must be a real date (YYYY-MM-DD)`;
const rangeMessage = (label: string) =>
  `${capitalise(label)} must lie between ${EARLIEST_DATE.slice(0, 4)} and ${LATEST_DATE.slice(0, 4)}`;
const inRange = (v: string) => v >= EARLIEST_DATE && v <= LATEST_DATE;

// Full ISO-8601 with a zone: a bare "2026-03-03" or "1" would be read as some other instant.
const instantPattern =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** True for a full ISO-8601 instant with a zone, on a real and plausible calendar day. */
export function isInstant(value: string): boolean {
  const match = instantPattern.exec(value);
  return match !== null && isPlausibleClinicDate(match[1]!) && !Number.isNaN(Date.parse(value));
}

const text = (error: string, label: string) => z.string({ error }).refine(isWellFormedText, illFormedMessage(label));

export const id = (label = 'Record') =>
  z
    .string({ error: `${label} is missing` })
    .min(10, `${label} is not a valid reference`)
    .max(64, `${label} is not a valid reference`)
    .refine(isWellFormedText, `${label} is not a valid reference`);

export const requiredText = (label: string, max = 200) =>
  text(`Enter the ${label}`, label)
    .trim()
    .min(1, `Enter the ${label}`)
    .max(max, `${capitalise(label)} must be ${max.toLocaleString('en')} characters or fewer`);

export const optionalText = (label: string, max = 2000) =>
  text(`${capitalise(label)} must be text`, label)
    .trim()
    .max(max, `${capitalise(label)} must be ${max.toLocaleString('en')} characters or fewer`)
    .nullish()
    .transform((v) => (v ? v : null));

/** A clinical note, optional: NOTES_MAX characters wherever it is written. */
export const clinicalNote = (label: string) => optionalText(label, NOTES_MAX);

/** A real calendar date, with no range: for a field that sets its own, narrower one (date of birth). */
export const calendarDate = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, `Enter the ${label}`)
    .refine(isClinicDate, { message: dateMessage(label), abort: true });

export const clinicDate = (label: string) => calendarDate(label).refine(inRange, rangeMessage(label));

export const optionalClinicDate = (label: string) =>
  z
    .string({ error: `${capitalise(label)} must be a date` })
    .trim()
    .refine((v) => v === '' || isClinicDate(v), { message: dateMessage(label), abort: true })
    .refine((v) => v === '' || inRange(v), rangeMessage(label))
    .nullish()
    .transform((v) => (v ? v : null));

/** A date that may be left blank but cannot lie in the future (date received, date achieved). */
export const optionalPastDate = (label: string) =>
  optionalClinicDate(label).refine(
    (v) => v === null || v <= todayLocal(),
    `${capitalise(label)} cannot be in the future`,
  );

/** An instant: full ISO-8601 with its zone (`2026-03-03T10:30:00.000Z`). */
export const instant = (label: string, missing = `Enter the ${label}`) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(40, `${capitalise(label)} must be a date and time`)
    .refine(isInstant, `${capitalise(label)} must be a real date and time`);

export const optionalInstant = (label: string) =>
  z
    .string({ error: `${capitalise(label)} must be a date and time` })
    .trim()
    .max(40, `${capitalise(label)} must be a date and time`)
    .refine((v) => v === '' || isInstant(v), `${capitalise(label)} must be a real date and time`)
    .nullish()
    .transform((v) => (v ? v : null));

/** A date that cannot lie in the future (date of birth, date a symptom began). */
export const pastOrTodayDate = (label: string) =>
  clinicDate(label).refine((v) => v <= todayLocal(), `${capitalise(label)} cannot be in the future`);

export const choice = <const T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z.enum(values, { error: `Choose the ${label}` });

export const optionalChoice = <const T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z
    .enum(values, { error: `Choose a valid ${label}` })
    .nullish()
    .transform((v) => v ?? null);

export const optionalNumber = (label: string, min: number, max: number, unit = '') =>
  z
    .number({ error: `${capitalise(label)} must be a number` })
    .min(min, `${capitalise(label)} must be at least ${min}${unit ? ` ${unit}` : ''}`)
    .max(max, `${capitalise(label)} must be at most ${max}${unit ? ` ${unit}` : ''}`)
    .nullish()
    .transform((v) => v ?? null);

export const requiredNumber = (label: string, min: number, max: number, unit = '') =>
  z
    .number({ error: `Enter the ${label}` })
    .min(min, `${capitalise(label)} must be at least ${min}${unit ? ` ${unit}` : ''}`)
    .max(max, `${capitalise(label)} must be at most ${max}${unit ? ` ${unit}` : ''}`);

export const integerIn = (label: string, min: number, max: number) =>
  z
    .number({ error: `Enter the ${label}` })
    .int(`${capitalise(label)} must be a whole number`)
    .min(min, `${capitalise(label)} must be ${min} to ${max}`)
    .max(max, `${capitalise(label)} must be ${min} to ${max}`);

export const optionalIntegerIn = (label: string, min: number, max: number) =>
  integerIn(label, min, max)
    .nullish()
    .transform((v) => v ?? null);

export const email = (label = 'email') =>
  text(`${capitalise(label)} must be text`, label)
    .trim()
    .max(254, `${capitalise(label)} must be 254 characters or fewer`)
    .refine(
      (v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
      `${capitalise(label)} is not a valid email address`,
    )
    .nullish()
    .transform((v) => (v ? v : null));

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
