import { capitalise, illFormedMessage, isWellFormedText } from '../shared/contract/fields';
import type { FieldErrors } from '../shared/contract';

/**
 * Bounds on anything that crosses into the main process, whatever its channel's schema says. The
 * schemas set the real, per-field limits; these stop a payload the schemas never get a fair look at
 * (a cycle, a BigInt, a 20,000-deep draft) before it can throw inside a parser or `JSON.stringify`.
 */
export const PAYLOAD_LIMITS = {
  depth: 32,
  nodes: 50_000,
  arrayLength: 1_000,
  // The largest legitimate text is a scanned reply to a letter (10 MB, about 14 million base64
  // characters); each field's schema sets its own, usually far smaller, limit.
  stringLength: 15_000_000,
  keyLength: 200,
} as const;

export interface PayloadProblem {
  field: string;
  message: string;
}

function pathOf(path: readonly (string | number)[]): string {
  return path.length === 0 ? '_' : path.join('.');
}

/** "screen.notTaken.spo2" → "Spo2"; "entries.3.reason" → "Reason": enough to find the field. */
function labelOf(path: readonly (string | number)[]): string {
  const named = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (!named) return 'This entry';
  return capitalise(named.replace(/([a-z])([A-Z0-9])/g, '$1 $2').toLowerCase());
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Walks a payload without recursion and returns the first problem that makes it something other
 * than plain, bounded JSON, or null when it is fine. The dispatch checks text only once the schema has
 * passed, so a labelled field reports ill-formed text in its own words; this catches the rest (drafts,
 * record keys).
 */
export function payloadProblem(payload: unknown, options: { text: boolean }): PayloadProblem | null {
  const stack: Array<{ value: unknown; path: (string | number)[] }> = [{ value: payload, path: [] }];
  const ancestors = new Set<object>();
  const exits: Array<{ at: number; object: object }> = [];
  let nodes = 0;
  const problem = (path: (string | number)[], message: string) => ({ field: pathOf(path), message });

  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    while (exits.length > 0 && exits[exits.length - 1]!.at > stack.length) {
      ancestors.delete(exits.pop()!.object);
    }
    nodes += 1;
    if (nodes > PAYLOAD_LIMITS.nodes) return problem([], 'This request is too large to save. Nothing was saved.');
    if (path.length > PAYLOAD_LIMITS.depth) {
      return problem(path, 'This request is nested too deeply to save. Nothing was saved.');
    }
    switch (typeof value) {
      case 'string':
        if (value.length > PAYLOAD_LIMITS.stringLength) {
          return problem(path, `${labelOf(path)} is too long to save`);
        }
        if (options.text && !isWellFormedText(value)) return problem(path, illFormedMessage(labelOf(path)));
        continue;
      case 'number':
        if (!Number.isFinite(value)) return problem(path, `${labelOf(path)} must be a finite number`);
        continue;
      case 'boolean':
      case 'undefined':
        continue;
      case 'bigint':
      case 'symbol':
      case 'function':
        return problem(path, `${labelOf(path)} is not something Pacewise can store`);
      case 'object': {
        if (value === null) continue;
        if (ancestors.has(value)) return problem(path, `${labelOf(path)} refers back to itself and cannot be saved`);
        const isArray = Array.isArray(value);
        if (!isArray && !isPlainObject(value)) {
          return problem(path, `${labelOf(path)} is not something Pacewise can store`);
        }
        if (isArray && value.length > PAYLOAD_LIMITS.arrayLength) {
          return problem(path, `${labelOf(path)} has too many entries to save`);
        }
        const keys = Object.keys(value);
        if (!isArray && keys.length > PAYLOAD_LIMITS.arrayLength) {
          return problem(path, `${labelOf(path)} has too many entries to save`);
        }
        // Entered on the way down, left once every child pushed below has been walked.
        ancestors.add(value);
        exits.push({ at: stack.length, object: value });
        for (const key of keys) {
          if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
            return problem([...path, key], `“${key}” is not a field Pacewise accepts`);
          }
          if (key.length > PAYLOAD_LIMITS.keyLength || (options.text && !isWellFormedText(key))) {
            return problem(path, `${labelOf(path)} has a field name Pacewise cannot store`);
          }
          const child = (value as Record<string, unknown>)[key];
          stack.push({ value: child, path: [...path, isArray ? Number(key) : key] });
        }
        continue;
      }
    }
  }
  return null;
}

export function problemFields(problem: PayloadProblem): FieldErrors {
  return { [problem.field]: problem.message };
}
