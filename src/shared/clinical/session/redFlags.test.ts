import { describe, expect, it } from 'vitest';
import { findRedFlag, redFlagIds, redFlags } from './redFlags';

describe('red flags', () => {
  it('lists each red flag once, with a source and urgent actions that stop exercise', () => {
    expect(redFlags.map((f) => f.id)).toEqual([...redFlagIds]);
    for (const flag of redFlags) {
      expect(flag.source.length, flag.id).toBeGreaterThan(5);
      expect(flag.urgentActions[0], flag.id).toMatch(/Stop/);
    }
  });

  it('covers the pre-session red flags of FACTS §3 in words a clinician will recognise', () => {
    const text = redFlags.map((f) => `${f.label} ${f.description}`).join(' | ');
    for (const symptom of [
      /chest pain/i,
      /dizziness|light-headed/i,
      /fainting/i,
      /cyanosis/i,
      /pallor/i,
      /severe breathlessness/i,
      /DVT/,
      /PE\b/,
      /swelling/i,
      /confusion|disorientation/i,
      /blurred vision/i,
      /arrhythmia/i,
      /bone pain/i,
      /fever/i,
      /spinal cord compression/i,
    ]) {
      expect(text).toMatch(symptom);
    }
  });

  it('describes the NICE spinal cord compression symptoms and the MSCC actions', () => {
    const mscc = findRedFlag('spinal_cord_compression');
    expect(mscc?.source).toMatch(/NICE NG234/);
    for (const symptom of [
      /thoracic/,
      /neck/,
      /coughing, sneezing or straining/,
      /night/,
      /band-like/,
      /numbness or weakness/,
      /bladder or bowel/,
    ]) {
      expect(mscc?.description).toMatch(symptom);
    }
    const actions = mscc?.urgentActions.join(' ') ?? '';
    expect(actions).toMatch(/MSCC coordinator at once/);
    expect(actions).toMatch(/MRI .*24 hours/);
  });

  it('sends the emergencies to emergency services', () => {
    for (const id of ['chest_pain', 'dizziness_fainting', 'severe_breathlessness', 'suspected_dvt_pe', 'confusion']) {
      expect(findRedFlag(id)?.urgentActions.join(' '), id).toMatch(/emergency services/);
    }
    expect(findRedFlag('not_a_flag')).toBeUndefined();
  });
});
