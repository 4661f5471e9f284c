import { describe, expect, it } from 'vitest';
import {
  footerText,
  guidanceChoices,
  letterBlocks,
  letterDate,
  letterPlainText,
  letterShortDate,
  type LetterDocument,
} from './model';
import { sampleGuidanceRequest } from './testLetters';

const guidanceRequest = (letterhead: Partial<LetterDocument['letterhead']> = {}) =>
  sampleGuidanceRequest({ letterhead });

describe('dates in letters follow the clinic’s date format, with the month by name', () => {
  it('writes day first, month first or ISO as Settings → Dates says', () => {
    expect(letterDate('2026-12-07', { dateOrder: 'DMY' })).toBe('7 December 2026');
    expect(letterDate('2026-12-07', { dateOrder: 'MDY' })).toBe('December 7, 2026');
    expect(letterDate('2026-12-07', { dateOrder: 'YMD' })).toBe('2026-12-07');
    expect(letterShortDate('2026-12-07', { dateOrder: 'DMY' })).toBe('7 Dec 2026');
    expect(letterShortDate('2026-03-04', { dateOrder: 'MDY' })).toBe('Mar 4, 2026');
  });

  it('keeps an older letter’s locale where it has no date order (letters finalised before this)', () => {
    expect(letterDate('2026-12-07', { locale: 'en-US' })).toBe('December 7, 2026');
    expect(letterDate('2026-12-07', { locale: 'en-AU' })).toBe('7 December 2026');
  });

  it('uses one format for the letter date, the date of birth and the footer', () => {
    const doc = guidanceRequest();
    const meta = letterBlocks(doc).find((b) => b.kind === 'meta')!;
    expect(meta.kind === 'meta' && meta.lines).toEqual([
      '7 December 2026',
      'Our reference: RCH-1-20261207-GR',
      'Patient: Mere Tūhoe, born 14 July 1961, MRN RCH-1',
    ]);
    expect(footerText(doc, 1, 2)).toBe('Mere Tūhoe · born 14 July 1961 · MRN RCH-1 · Page 1 of 2');
    expect(letterPlainText(guidanceRequest({ dateOrder: 'MDY' }))).toContain('born July 14, 1961');
  });
});

describe('the guidance request’s reply slip', () => {
  it('comes after our signature and copies, with the patient, our reference and where to return it', () => {
    const blocks = letterBlocks(guidanceRequest());
    const kinds = blocks.map((b) => b.kind);
    expect(kinds.indexOf('slip')).toBe(kinds.length - 1);
    expect(kinds.indexOf('signature')).toBeLessThan(kinds.indexOf('slip'));
    const slip = blocks[blocks.length - 1]!;
    if (slip.kind !== 'slip') throw new Error('no slip');
    expect(slip.options).toEqual(guidanceChoices);
    expect(slip.identity).toEqual([
      'Patient: Mere Tūhoe, born 14 July 1961, MRN RCH-1',
      'Our reference: RCH-1-20261207-GR, 7 December 2026',
    ]);
    expect(slip.returnTo).toEqual([
      'Sam Carter, Clinical exercise physiologist',
      'Harbour Exercise Clinic',
      '1 Quay Street',
      'Sydney NSW 2000',
      'Phone 02 9000 0000',
      'Email exercise@harbour.example',
    ]);
    // Nothing of the slip is left in the body: the consent paragraph is the last one before the close.
    const body = letterPlainText(guidanceRequest());
    expect(body.indexOf('has consented')).toBeLessThan(body.indexOf('Yours sincerely'));
    expect(body.indexOf('Yours sincerely')).toBeLessThan(body.indexOf('No restrictions: may take part'));
    expect(body).not.toContain('\u2610');
  });

  it('signs with the clinician’s profession', () => {
    const signature = letterBlocks(guidanceRequest()).find((b) => b.kind === 'signature')!;
    expect(signature.kind === 'signature' && signature.lines.slice(0, 3)).toEqual([
      'Sam Carter',
      'Clinical exercise physiologist',
      'AEP, MClinExPhys',
    ]);
  });
});
