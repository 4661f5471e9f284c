/**
 * How a dispatch result crosses the test transport. Playwright's binding serialises a returned
 * object value by value (its own tagged format, walked in Node and rebuilt in the page), which costs
 * about 30 ms for a 50 kB result: a cost Electron's IPC, a structured clone, does not pay. So a
 * result that JSON carries exactly crosses as one JSON string the page parses; anything JSON would
 * change (a Date, a typed array, a Map, NaN, a class instance) crosses as the value, as before.
 */
export type Wire = { json: string } | { value: unknown };

class NotJson extends Error {}

/**
 * JSON.stringify's replacer: lets through only what JSON reads back unchanged (plain objects,
 * arrays, strings, finite numbers, booleans, null) and throws on anything else. `this` holds the
 * value as it was, before any toJSON turned a Date into a string.
 */
function exactOnly(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  if (original === null || typeof original === 'string' || typeof original === 'boolean') return value;
  if (typeof original === 'number') {
    if (Number.isFinite(original)) return value;
    throw new NotJson(); // NaN and Infinity would come back as null
  }
  // A property left undefined is dropped and reads back undefined: the same. In an array it would
  // come back as null.
  if (original === undefined && !Array.isArray(this)) return value;
  if (Array.isArray(original)) return value;
  if (typeof original === 'object' && original !== undefined) {
    const proto = Object.getPrototypeOf(original) as unknown;
    if ((proto === Object.prototype || proto === null) && !('toJSON' in original)) return value;
  }
  throw new NotJson(); // a Date, a typed array, a Map, a class instance, a function, a bigint…
}

export function toWire(value: unknown): Wire {
  if (value === undefined) return { value };
  try {
    return { json: JSON.stringify(value, exactOnly) };
  } catch {
    return { value }; // not exact in JSON (or circular): Playwright's own serialisation, as before
  }
}

/** The page's side, written out into the init script: the value either way. */
export const fromWireSource = `(w) => ('json' in w ? JSON.parse(w.json) : w.value)`;
