import { describe, expect, it } from 'vitest';
import { entrySpo2Problem } from './inSession';
import { defaultScreenThresholds } from './thresholds';

describe('SpO₂ during an exercise (FACTS §3: below 88 % stop, also during a session)', () => {
  const t = defaultScreenThresholds;
  it('refuses "completed" below the hold level, on both sides of the boundary', () => {
    expect(entrySpo2Problem(87, 'completed', t)).toMatch(
      /^SpO₂ 87 % is below 88 %: stop.*Toolkit.*modified or skipped/,
    );
    expect(entrySpo2Problem(88, 'completed', t)).toBeNull();
    expect(entrySpo2Problem(null, 'completed', t)).toBeNull();
  });
  it('accepts the row once it is marked modified or skipped', () => {
    expect(entrySpo2Problem(85, 'modified', t)).toBeNull();
    expect(entrySpo2Problem(85, 'skipped', t)).toBeNull();
  });
  it('follows the clinic’s hold level', () => {
    expect(entrySpo2Problem(89, 'completed', { spo2HoldBelow: { ...t.spo2HoldBelow, value: 90 } })).toMatch(
      /below 90 %/,
    );
  });
});
