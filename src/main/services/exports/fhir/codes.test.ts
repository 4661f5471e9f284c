import { describe, expect, it } from 'vitest';
import { allLoincCodes, isValidLoinc, loincCheckDigit, metastasisCodes } from './codes';

describe('LOINC check digits (Mod 10, LOINC Users’ Guide)', () => {
  it('computes the check digit of codes whose digit is published', () => {
    // From the R4 vital-signs value set and LOINC's own pages.
    expect(loincCheckDigit('8867')).toBe(4);
    expect(loincCheckDigit('85354')).toBe(9);
    expect(loincCheckDigit('29463')).toBe(7);
    expect(loincCheckDigit('64098')).toBe(7);
    expect(loincCheckDigit('83145')).toBe(3);
    expect(loincCheckDigit('2708')).toBe(6);
  });

  it('accepts every LOINC code the export writes', () => {
    const codes = allLoincCodes();
    expect(codes.length).toBeGreaterThanOrEqual(15);
    for (const { code } of codes) expect(isValidLoinc(code), code).toBe(true);
  });

  it('refuses a code with a wrong or missing check digit, or a mistyped number', () => {
    expect(isValidLoinc('8867-5')).toBe(false);
    expect(isValidLoinc('8876-4')).toBe(false);
    expect(isValidLoinc('83174')).toBe(false);
    expect(isValidLoinc('83174-3')).toBe(true);
    expect(isValidLoinc('83147-3')).toBe(false);
    expect(() => loincCheckDigit('12a4')).toThrow();
  });

  it('codes bone metastases as SNOMED CT 94222008', () => {
    expect(metastasisCodes.bone).toEqual({
      system: 'http://snomed.info/sct',
      code: '94222008',
      display: 'Secondary malignant neoplasm of bone',
    });
  });
});
