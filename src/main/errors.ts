import type { ApiErrorBody, ApiErrorCode, FieldErrors } from '../shared/contract';

/** An error a clinician should read. Anything else that escapes a service is reported as internal. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message, fields: this.fields };
  }
}

export const notFound = (what: string) => new ApiError('not_found', `${what} was not found.`);

export function fieldError(field: string, message: string): ApiError {
  return new ApiError('validation', message, { [field]: message });
}
