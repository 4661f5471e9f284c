import { describe, expect, it } from 'vitest';
import { payloadProblem, PAYLOAD_LIMITS } from './payloadGuard';

const check = (payload: unknown) => payloadProblem(payload, { text: true });

describe('payloadProblem', () => {
  it('accepts plain JSON, including one object reached twice without a cycle', () => {
    const shared = { a: 1 };
    expect(check({ x: shared, y: [shared, shared], z: { w: shared }, s: 'Zoë 👩🏽‍⚕️', n: null, b: false })).toBeNull();
  });

  it('names where a payload stops being plain, bounded JSON', () => {
    const loop: Record<string, unknown> = {};
    loop.entries = [{ back: loop }];
    expect(check({ draft: loop })).toMatchObject({
      field: 'draft.entries.0.back',
      message: expect.stringMatching(/refers back/),
    });
    expect(check({ sets: 10n })).toMatchObject({ field: 'sets' });
    expect(check({ when: new Date() })).toMatchObject({ field: 'when' });
    expect(check({ load: Number.NaN })).toMatchObject({ field: 'load', message: 'Load must be a finite number' });
    expect(check(JSON.parse('{"a": {"__proto__": {"x": 1}}}'))).toMatchObject({ field: 'a.__proto__' });
    expect(check({ list: Array.from({ length: PAYLOAD_LIMITS.arrayLength + 1 }, () => 1) })).toMatchObject({
      field: 'list',
    });
    expect(check({ painSite: 'knee \uD800' })).toMatchObject({
      field: 'painSite',
      message: expect.stringMatching(/^Pain site contains/),
    });
    expect(payloadProblem({ painSite: 'knee \uD800' }, { text: false })).toBeNull();
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = { d: deep };
    expect(check(deep)).toMatchObject({ message: expect.stringMatching(/nested too deeply/) });
  });
});
