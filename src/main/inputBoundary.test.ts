import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, contract, type ApiResult } from '../shared/contract';
import { addDays, todayLocal } from '../shared/dates';
import { payloadProblem } from './payloadGuard';
import { openTestCaseload } from './testing';

/**
 * Every channel in the contract, walked with payloads a careless or hostile caller could send. Each
 * must answer with a typed error and leave the database file byte-for-byte as it was.
 */

let running: ReturnType<typeof openTestCaseload>;
const ids: Record<string, string> = {};

async function call<T = unknown>(channel: string, payload: unknown): Promise<T> {
  const result = await running.dispatch(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

function digest(): string {
  running.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const file = join(running.dir, 'caseload.db');
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

beforeAll(async () => {
  running = openTestCaseload();
  ids.patientId = (await call<{ id: string }>('patients.create', ruth)).id;
  ids.exerciseId = (await call<Array<{ id: string }>>('exercises.list', {}))[0]!.id;
  ids.sessionId = (
    await call<{ sessionId: string }>('bookings.create', {
      patientId: ids.patientId,
      date: todayLocal(),
      startTime: '09:30',
    })
  ).sessionId;
});
afterAll(() => running.close());

const ruth = {
  givenName: 'Ruth',
  familyName: 'Okafor',
  preferredName: null,
  dateOfBirth: '1958-04-02',
  sex: 'female',
  mrn: 'RMH-0001',
};

/* ------------------------------------------------------------------ schema walking */

type AnySchema = { _zod: { def: Record<string, unknown> & { type: string } } };
const schemaOf = (channel: string) => contract[channel as keyof typeof contract].input as unknown as AnySchema;

function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (;;) {
    const def = s._zod.def;
    if (def.type === 'pipe') s = def.in as AnySchema;
    else if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch'].includes(def.type)) {
      s = def.innerType as AnySchema;
    } else return s;
  }
}

function shapeOf(schema: AnySchema): Record<string, AnySchema> {
  const inner = unwrap(schema);
  return inner._zod.def.type === 'object' ? (inner._zod.def.shape as Record<string, AnySchema>) : {};
}

/** Every leaf under a channel's input: its path (arrays as `0`) and its schema. */
function leaves(
  schema: AnySchema,
  path: (string | number)[] = [],
): Array<{ path: (string | number)[]; schema: AnySchema }> {
  const inner = unwrap(schema);
  const { type } = inner._zod.def;
  if (type === 'object') {
    return Object.entries(shapeOf(inner)).flatMap(([key, child]) => leaves(child, [...path, key]));
  }
  if (type === 'array') return leaves(inner._zod.def.element as AnySchema, [...path, 0]);
  return [{ path, schema }];
}

/** A payload that holds `value` at `path` and nothing else. */
function payloadAt(path: readonly (string | number)[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => (typeof key === 'number' ? [inner] : { [key]: inner }), value);
}

// Fields that hold a calendar date or an instant, found by name so a date typed as bare text shows up.
const dateName = /^(date.*|from|to|reviewBy)$|(Date|Dates|On|At)$/;
const dateLeaves = channelNames.flatMap((channel) =>
  leaves(schemaOf(channel))
    .filter(({ path }) => path.some((p) => typeof p === 'string' && dateName.test(p)))
    .map(({ path }) => ({ channel, path })),
);

/* ------------------------------------------------------------------ arbitraries */

const loneSurrogate = fc.constantFrom('\uD800', 'a\uDFFFb', 'ok \uDBFF', '\uDC00\uD800');
const unusualText = fc.constantFrom(
  "Robert'); DROP TABLE patient;--",
  '" OR 1=1 --',
  '\u0000',
  '\u202Eevil',
  'Zoë Ngũgĩ O’Brien',
  '👩🏽‍⚕️',
  'e\u0301',
  '\uFEFF',
  ' ',
  '<script>alert(1)</script>',
  '%s%n',
);
const impossibleDate = fc.constantFrom(
  '2026-02-30',
  '1',
  '0000-01-01',
  '2026-13-01',
  '26-01-01',
  '2026-1-1',
  '9999-12-31',
  '1850-01-01',
  '2026-02-29T25:00:00Z',
  'yesterday',
  '',
);
const oddNumber = fc.constantFrom(Number.NaN, Infinity, -Infinity, -1, 1e308, -0, 0.5, 2 ** 53 + 2, -1e-300);
const hugeString = fc.constantFrom('x'.repeat(20_001), 'é'.repeat(300_000), 'a'.repeat(1_000_000));

function circular(): unknown {
  const a: Record<string, unknown> = { name: 'loop' };
  a.self = { back: a };
  return a;
}
function deep(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = { d: v };
  return v;
}
function protoKey(): unknown {
  return JSON.parse('{"__proto__": {"isAdmin": true}, "patientId": "x"}');
}

const hostile = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  oddNumber,
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  loneSurrogate,
  unusualText,
  impossibleDate,
  hugeString,
  fc.constant(10n as unknown),
  fc.constant(circular()),
  fc.constant(deep(20_000)),
  fc.constant(deep(40)),
  fc.constant(protoKey()),
  fc.constant([] as unknown),
  fc.constant(Array.from({ length: 5_000 }, () => 'a') as unknown),
  fc.constant(new Date() as unknown),
  fc.constant(new Map() as unknown),
);

/** A payload for one channel: each known field kept, dropped or replaced, plus stray keys. */
function payloadFor(channel: string): fc.Arbitrary<unknown> {
  const keys = Object.keys(shapeOf(schemaOf(channel)));
  const known = fc.record(
    Object.fromEntries(
      keys.map((key) => [
        key,
        fc.oneof(hostile, fc.constantFrom(ids.patientId, ids.sessionId, ids.exerciseId, todayLocal(), 'active')),
      ]),
    ),
    { requiredKeys: [] },
  );
  const extra = fc.dictionary(
    fc.constantFrom('__proto__', 'constructor', 'extra', 'id', 'createdBy', 'x'.repeat(300), '\uD800'),
    hostile,
    { maxKeys: 2 },
  );
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.tuple(known, extra).map(([k, e]) => Object.assign(Object.create(null), e, k) as unknown),
    },
    { weight: 1, arbitrary: hostile },
  );
}

function schemaAccepts(channel: string, payload: unknown): boolean {
  try {
    return (
      payloadProblem(payload, { text: false }) === null &&
      contract[channel as keyof typeof contract].input.safeParse(payload).success &&
      payloadProblem(payload, { text: true }) === null
    );
  } catch {
    return false;
  }
}

function isTypedError(result: ApiResult<unknown>): boolean {
  return (
    !result.ok &&
    ['validation', 'not_found', 'conflict', 'locked', 'forbidden', 'not_set_up'].includes(result.error.code) &&
    typeof result.error.message === 'string' &&
    result.error.message.length > 0 &&
    typeof result.error.fields === 'object'
  );
}

/* ------------------------------------------------------------------ properties */

describe('the input boundary, walked with fast-check (fixed seed)', () => {
  it('answers every invalid payload on every channel with a typed error and leaves the file unchanged', async () => {
    let walked = 0;
    for (const channel of channelNames) {
      let before = digest();
      await fc.assert(
        fc.asyncProperty(payloadFor(channel), async (payload) => {
          const valid = schemaAccepts(channel, payload);
          const result = await running.dispatch(channel, payload);
          expect(result, `${channel} answered with an envelope`).toHaveProperty('ok');
          if (valid) {
            // Accepted payloads may write; they only have to answer, then become the new baseline.
            before = digest();
            return;
          }
          walked += 1;
          expect(isTypedError(result), `${channel}: ${JSON.stringify(result).slice(0, 300)}`).toBe(true);
          expect(digest(), `${channel} changed the database`).toBe(before);
        }),
        { seed: 20_261_129, numRuns: 25, endOnFailure: true },
      );
    }
    expect(walked).toBeGreaterThan(channelNames.length * 15);
  }, 60_000);

  it('round-trips unusual but valid text exactly', async () => {
    const name = fc
      .string({
        unit: fc.constantFrom(
          'Zoë',
          'ũ',
          'ĩ',
          '’',
          "'",
          '👩🏽‍⚕️',
          'e\u0301',
          'ß',
          'İ',
          'Ω',
          '中',
          '\u200D',
          'a',
          ';',
          '"',
          '--',
          '\u202E',
          '\t',
          '%',
          '\\',
          'ﬁ',
          '𝔘',
        ),
      })
      .map((s) => s.trim())
      .filter((s) => s.length > 0 && s.length <= 100);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(name, async (familyName) => {
        n += 1;
        const created = await call<{ id: string; familyName: string }>('patients.create', {
          ...ruth,
          familyName,
          mrn: `RT-${n}`,
        });
        const read = await call<{ familyName: string }>('patients.get', { patientId: created.id });
        expect(read.familyName).toBe(familyName);
        const row = running.ctx.sqlite.prepare('SELECT family_name AS f FROM patient WHERE id = ?').get(created.id);
        expect(row).toEqual({ f: familyName });
      }),
      { seed: 20_261_129, numRuns: 40 },
    );
  });
});

describe('dates', () => {
  it('finds the date fields of every workflow', () => {
    const names = new Set(dateLeaves.map(({ path }) => path.filter((p) => typeof p === 'string').at(-1)));
    for (const expected of ['dateOfBirth', 'bloodsDate', 'occurredAt', 'day1Dates', 'reviewBy', 'assessedOn']) {
      expect(names).toContain(expected);
    }
  });

  it.each(['2026-02-30', '1', '0000-01-01', '2026-02-30T10:00:00Z'])(
    'refuses %s on every date field, naming that field',
    async (bad) => {
      for (const { channel, path } of dateLeaves) {
        const before = digest();
        const result = await running.dispatch(channel, payloadAt(path, bad));
        const key = path.join('.');
        expect(result.ok, `${channel} ${key}`).toBe(false);
        if (result.ok) continue;
        expect(result.error.fields[key], `${channel} ${key}`).toMatch(/date/i);
        expect(digest()).toBe(before);
      }
    },
  );

  it('refuses a blood result dated after the session, and an instant without its zone', async () => {
    const screen = { restingHr: 70, sbp: 120, dbp: 80, spo2: 98, haemoglobinGL: 130 };
    const later = await running.dispatch('sessions.recordScreen', {
      sessionId: ids.sessionId,
      screen: { ...screen, bloodsDate: addDays(todayLocal(), 1) },
    });
    expect(later).toMatchObject({
      ok: false,
      error: { fields: { 'screen.bloodsDate': expect.stringMatching(/future|after/) } },
    });
    const event = {
      patientId: ids.patientId,
      type: 'fall',
      severity: 1,
      occurredAt: `${todayLocal()}T09:00`,
    };
    expect(await running.dispatch('adverseEvents.record', event)).toMatchObject({
      ok: false,
      error: { fields: { occurredAt: 'Time it happened must be a real date and time' } },
    });
  });
});

describe('text', () => {
  it('refuses a lone surrogate in a reason field with a message naming the field, and stores nothing', async () => {
    const before = digest();
    const result = await running.dispatch('bookings.setAttendance', {
      sessionId: ids.sessionId,
      attendance: 'cancelled',
      reason: 'Unwell \uD800',
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        fields: { reason: expect.stringMatching(/^Reason contains a character that cannot be stored/) },
      },
    });
    expect(digest()).toBe(before);
    // A NUL would be read as the end of the text by SQLite's functions and by importers.
    const nul = await running.dispatch('bookings.setAttendance', {
      sessionId: ids.sessionId,
      attendance: 'cancelled',
      reason: 'Unwell\u0000',
    });
    expect(nul).toMatchObject({ ok: false, error: { fields: { reason: expect.stringMatching(/^Reason contains/) } } });
  });

  it('refuses a lone surrogate inside a draft, naming where it is', async () => {
    const result = await running.dispatch('sessions.saveDraft', {
      sessionId: ids.sessionId,
      draft: { notes: 'ok', screen: { painSite: 'knee \uDC00' } },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { fields: { 'draft.screen.painSite': expect.stringMatching(/^Pain site contains a character/) } },
    });
  });

  it('keeps session notes of 10,000 and 20,000 characters exactly, and refuses 20,001', async () => {
    const booking = await call<{ sessionId: string }>('bookings.create', {
      patientId: ids.patientId,
      date: todayLocal(),
      startTime: '11:00',
    });
    const sign = (notes: string) =>
      running.dispatch('sessions.sign', {
        sessionId: booking.sessionId,
        screen: { restingHr: 72, sbp: 128, dbp: 78, spo2: 97, temperatureC: 36.6 },
        clearanceOverrideReason: 'Oncologist confirmed by phone',
        entries: [],
        notes,
      });
    const tenThousand = 'Walked well. '.repeat(770).slice(0, 10_000);
    expect(tenThousand).toHaveLength(10_000);
    expect(await sign('x'.repeat(20_001))).toMatchObject({
      ok: false,
      error: { fields: { notes: 'Session notes must be 20,000 characters or fewer' } },
    });
    expect(await sign(tenThousand)).toMatchObject({ ok: true, value: { notes: tenThousand } });
    const twenty = 'ü'.repeat(20_000);
    const amended = await running.dispatch('sessions.amend', {
      sessionId: booking.sessionId,
      reason: 'Fuller notes',
      notes: twenty,
    });
    expect(amended.ok).toBe(true);
    const view = await call<{ amendments: Array<{ notes: string | null }> }>('sessions.get', {
      sessionId: booking.sessionId,
    });
    expect(view.amendments.at(-1)?.notes).toBe(twenty);
  });

  it('answers a circular, BigInt or 20,000-deep draft with a typed error', async () => {
    for (const draft of [circular(), { n: 10n }, deep(20_000)]) {
      const result = await running.dispatch('sessions.saveDraft', { sessionId: ids.sessionId, draft });
      expect(isTypedError(result)).toBe(true);
    }
  });
});
