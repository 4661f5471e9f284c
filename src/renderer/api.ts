import type { ApiBridge, ApiClient, ApiErrorBody, ApiResult, FieldErrors } from '../shared/contract';

declare global {
  interface Window {
    api: ApiBridge;
  }
}

/** A refusal from the main process, carrying the per-field messages for the form to show. */
export class ApiError extends Error {
  readonly code: ApiErrorBody['code'];
  readonly fields: FieldErrors;
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.fields = body.fields;
  }
}

/**
 * The renderer's only way to the caseload. It unwraps the envelope the bridge returns, so screens
 * write `await api.patients.create(values)` and catch ApiError for field messages.
 */
export const api: ApiClient = new Proxy({} as ApiClient, {
  get(_target, namespace: string) {
    return new Proxy(
      {},
      {
        get(_inner, method: string) {
          return async (input: unknown) => {
            const bridge = window.api as unknown as Record<
              string,
              Record<string, (i: unknown) => Promise<ApiResult<unknown>>>
            >;
            const call = bridge[namespace]?.[method];
            if (!call)
              throw new ApiError({ code: 'not_found', message: `Unknown request ${namespace}.${method}`, fields: {} });
            const result = await call(input);
            if (!result.ok) {
              // Locked by the main process meanwhile (idle, the computer slept), or the caseload closed
              // (its check after sign-in found it damaged): redraw from the main process's state.
              if (result.error.code === 'locked' || result.error.code === 'not_set_up') {
                window.dispatchEvent(new Event('pacewise:locked'));
              }
              throw new ApiError(result.error);
            }
            return result.value;
          };
        },
      },
    );
  },
});
