import type { z } from 'zod';

/**
 * One channel of the API: its input schema (checked in the main process on every call) and, at the
 * type level only, its output. Outputs are plain JSON built by services, so they need no runtime
 * schema; the input is what crosses the trust boundary.
 */
export interface ChannelDef<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly __output?: O;
}

export function channel<I extends z.ZodType>(input: I) {
  return {
    returns<O>(): ChannelDef<I, O> {
      return { input };
    },
  };
}

/** Per-field messages keyed by the field's dotted path (`dateOfBirth`, `lesions.0.site`). */
export type FieldErrors = Record<string, string>;

export type ApiErrorCode = 'validation' | 'not_found' | 'conflict' | 'locked' | 'forbidden' | 'not_set_up' | 'internal';

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  fields: FieldErrors;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
