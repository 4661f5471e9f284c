import { describe, expect, it } from 'vitest';
import { buildBridge, channelNames, contract } from './index';

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
});
