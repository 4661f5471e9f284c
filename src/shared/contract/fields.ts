import { z } from 'zod';
import { isClinicDate, todayLocal } from '../dates';

/**
 * Field builders whose messages read as a clinician would say them. Every message names the field,
 * because it may be shown in a summary away from the input.
 */

export const id = (label = 'Record') =>
  z.string({ error: `${label} is missing` }).min(10, `${label} is not a valid reference`);

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, `Enter the ${label}`)
    .max(max, `${capitalise(label)} must be ${max} characters or fewer`);

export const optionalText = (label: string, max = 2000) =>
  z
    .string({ error: `${capitalise(label)} must be text` })
    .trim()
    .max(max, `${capitalise(label)} must be ${max} characters or fewer`)
    .nullish()
    .transform((v) => (v ? v : null));

export const clinicDate = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, `Enter the ${label}`)
    .refine(isClinicDate, `${capitalise(label)} must be a real date (YYYY-MM-DD)`);

export const optionalClinicDate = (label: string) =>
  z
    .string({ error: `${capitalise(label)} must be a date` })
    .trim()
    .refine((v) => v === '' || isClinicDate(v), `${capitalise(label)} must be a real date (YYYY-MM-DD)`)
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
  z
    .string()
    .trim()
    .refine(
      (v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
      `${capitalise(label)} is not a valid email address`,
    )
    .nullish()
    .transform((v) => (v ? v : null));

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
