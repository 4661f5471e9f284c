import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NOTES_MAX } from './fields';
import { buildBridge, channelNames, contract } from './index';

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  maxLength?: number;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

/** Every text field of every channel's input, as `channel.path.field` with its longest length. */
function textFields(): Array<{ path: string; field: string; max: number | undefined }> {
  const found: Array<{ path: string; field: string; max: number | undefined }> = [];
  const walk = (schema: JsonSchema, path: string) => {
    for (const [field, value] of Object.entries(schema.properties ?? {})) {
      const max = value.maxLength ?? value.anyOf?.find((s) => s.maxLength !== undefined)?.maxLength;
      found.push({ path, field, max });
      walk(value, `${path}.${field}`);
    }
    if (schema.items) walk(schema.items, path);
    for (const s of schema.anyOf ?? []) walk(s, path);
  };
  for (const name of channelNames) {
    walk(z.toJSONSchema(contract[name].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema, name);
  }
  return found;
}

describe('API contract', () => {
  it('names every channel namespace.action, once', () => {
    for (const name of channelNames) expect(name).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/);
    expect(new Set(channelNames).size).toBe(channelNames.length);
  });

  it('gives every channel an input schema that accepts plain JSON objects only', () => {
    for (const name of channelNames) {
      expect(contract[name].input.safeParse('not an object').success, name).toBe(false);
      expect(contract[name].input.safeParse(null).success, name).toBe(false);
    }
  });

  it('builds a bridge with exactly the contract’s channels and nothing else', async () => {
    const calls: Array<[string, unknown]> = [];
    const bridge = buildBridge(channelNames, async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true, value: null };
    }) as unknown as Record<string, Record<string, (i?: unknown) => Promise<unknown>>>;
    const exposed = Object.entries(bridge).flatMap(([ns, methods]) => Object.keys(methods).map((m) => `${ns}.${m}`));
    expect(exposed.sort()).toEqual([...channelNames].sort());
    await bridge['patients']!['search']!();
    expect(calls).toEqual([['patients.search', {}]]);
  });

  it('takes a clinical note of the same length everywhere: every notes field and an incident’s account', () => {
    const narrative = new Set(['description', 'actionTaken', 'outcome', 'closingNote']);
    const notes = textFields().filter(
      (f) => f.field === 'notes' || (f.path.startsWith('adverseEvents.') && narrative.has(f.field)),
    );
    // The diagnosis note a clinician met refused at 2,000 while a session's took 20,000 (issue 25).
    expect(notes.map((f) => `${f.path}.${f.field}`)).toContain('intake.saveDiagnosis.notes');
    expect(notes.length).toBeGreaterThan(15);
    for (const f of notes) expect(f.max, `${f.path}.${f.field}`).toBe(NOTES_MAX);
  });
});
