import { describe, expect, it } from 'vitest';
import { formatNumber, formatSigned, roundTo } from './numbers';

describe('number helpers', () => {
  it('rounds half away from zero without binary drift', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(roundTo(0.1 + 0.2, 9)).toBe(0.3);
    expect(roundTo(-0.0001, 2)).toBe(0);
    expect(roundTo(1e-7, 9)).toBe(1e-7);
    expect(Object.is(roundTo(-0.0001, 2), -0)).toBe(false);
  });
  it('formats signed changes with a true minus sign', () => {
    expect(formatSigned(45, 0)).toBe('+45');
    expect(formatSigned(-0.4, 1)).toBe('\u22120.4');
    expect(formatSigned(0, 2)).toBe('0.00');
    expect(formatNumber(0.1, 2)).toBe('0.10');
  });
});
