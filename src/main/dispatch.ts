import type { z } from 'zod';
import { contract, type ApiResult, type ChannelName, type FieldErrors } from '../shared/contract';
import type { ServiceContext } from './context';
import { ApiError } from './errors';
import { handlers, type Handler } from './handlers';
import { payloadProblem, problemFields } from './payloadGuard';

export type Dispatch = (channel: string, payload: unknown) => Promise<ApiResult<unknown>>;

function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

function summarise(fields: FieldErrors): string {
  const messages = Object.values(fields);
  return messages.length === 1 ? messages[0]! : `Please check ${messages.length} fields: ${messages.join('; ')}`;
}

function refused(problem: { field: string; message: string }): ApiResult<unknown> {
  return { ok: false, error: { code: 'validation', message: problem.message, fields: problemFields(problem) } };
}

export type ParsedRequest = { ok: true; name: ChannelName; input: unknown } | { ok: false; result: ApiResult<unknown> };

/** Looks the channel up and validates the payload against its schema (shape first, then text). */
export function parseRequest(channel: string, payload: unknown, log: (error: unknown) => void): ParsedRequest {
  if (!Object.hasOwn(contract, channel)) {
    return {
      ok: false,
      result: { ok: false, error: { code: 'not_found', message: `Unknown request: ${channel}`, fields: {} } },
    };
  }
  const name = channel as ChannelName;
  const shape = payloadProblem(payload, { text: false });
  if (shape) return { ok: false, result: refused(shape) };
  let parsed: ReturnType<(typeof contract)[ChannelName]['input']['safeParse']>;
  try {
    parsed = contract[name].input.safeParse(payload);
  } catch (error) {
    log(error);
    return {
      ok: false,
      result: refused({ field: '_', message: 'Pacewise could not read this request. Nothing was saved.' }),
    };
  }
  if (!parsed.success) {
    const fields = fieldErrorsFrom(parsed.error);
    return { ok: false, result: { ok: false, error: { code: 'validation', message: summarise(fields), fields } } };
  }
  const text = payloadProblem(payload, { text: true });
  if (text) return { ok: false, result: refused(text) };
  return { ok: true, name, input: parsed.data };
}

/** Runs a service and wraps its value or error in the envelope; nothing thrown reaches the renderer. */
export async function answer(run: () => unknown, log: (error: unknown) => void): Promise<ApiResult<unknown>> {
  try {
    const value = await run();
    // A round trip through JSON guarantees both transports carry exactly the same values.
    return { ok: true, value: JSON.parse(JSON.stringify(value ?? null)) as unknown };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toBody() };
    log(error);
    return {
      ok: false,
      error: {
        code: 'internal',
        message:
          'Pacewise could not complete that. Nothing was saved. If it happens again, note the time and contact support.',
        fields: {},
      },
    };
  }
}

/**
 * The single entry into the main process: look up the channel, validate the payload against its
 * schema, run the service, and return a plain-JSON envelope. Nothing thrown reaches the renderer
 * as a stack trace; unexpected errors are logged here and reported as a short message.
 */
export function createDispatch(ctx: ServiceContext, log: (error: unknown) => void = console.error): Dispatch {
  return async (channel, payload) => {
    const request = parseRequest(channel, payload, log);
    if (!request.ok) return request.result;
    const handler = handlers[request.name] as Handler<ChannelName>;
    return answer(() => handler(ctx, request.input as never), log);
  };
}
