import { describe, expect, it } from 'vitest';
import { fromWireSource, toWire } from './wire';

const fromWire = new Function(`return ${fromWireSource}`)() as (w: ReturnType<typeof toWire>) => unknown;

describe('the test transport carries results exactly', () => {
  it('sends a plain result as JSON and reads it back equal', () => {
    const result = {
      ok: true,
      value: { rows: [{ id: 'a', score: 12.5, note: null, flags: [true, false] }], total: 1, nothing: undefined },
    };
    const wire = toWire(result);
    expect('json' in wire).toBe(true);
    expect(fromWire(wire)).toEqual(result);
  });

  it.each([
    ['a Date', { at: new Date('2026-11-30T00:00:00Z') }],
    ['a typed array', { bytes: new Uint8Array([1, 2, 3]) }],
    ['a Map', { m: new Map([['a', 1]]) }],
    ['NaN', { n: Number.NaN }],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['undefined in an array', [1, undefined, 3]],
    ['a class instance', { e: new Error('x') }],
    ['a bigint', { b: 10n }],
  ])('leaves %s to the value path, where JSON would change it', (_what, value) => {
    const wire = toWire(value);
    expect(wire).toEqual({ value });
    expect(fromWire(wire)).toBe(value);
  });

  it('leaves undefined and circular values to the value path', () => {
    expect(toWire(undefined)).toEqual({ value: undefined });
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(toWire(loop)).toEqual({ value: loop });
  });
});
