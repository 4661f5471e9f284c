import { describe, expect, it } from 'vitest';
import {
  checklistRedFlags,
  findRedFlag,
  redFlagIds,
  redFlags,
  spinalPainQuestionIds,
  spinalPainQuestions,
  spinalPainRedFlags,
  unansweredSpinalPainQuestions,
} from './redFlags';

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

describe('spinal pain and the red-flag list (issue 20, item 3)', () => {
  it('adds difficulty walking and local spinal tenderness to the checklist, sourced to NICE', () => {
    const ids = checklistRedFlags.map((f) => f.id);
    expect(ids).toContain('difficulty_walking');
    expect(ids).toContain('spinal_tenderness');
    expect(ids).not.toContain('spinal_metastasis_pain');
    for (const id of ['difficulty_walking', 'spinal_tenderness', 'spinal_metastasis_pain']) {
      expect(findRedFlag(id)?.source, id).toMatch(/NICE CG75.*NG234/);
    }
  });

  it('asks the NICE questions, each raising a red flag that is in the one table', () => {
    expect(spinalPainQuestions.map((q) => q.id)).toEqual([...spinalPainQuestionIds]);
    for (const q of spinalPainQuestions) expect(findRedFlag(q.redFlag), q.id).toBeDefined();
    const text = spinalPainQuestions.map((q) => q.question).join(' ');
    for (const sign of [
      /middle or upper back, or the neck/,
      /coughing, sneezing or straining/,
      /night/,
      /tender/,
      /difficulty walking/,
      /bladder or bowel/,
    ]) {
      expect(text).toMatch(sign);
    }
  });

  it('raises the flags of the yes answers only, and bone pain at a recorded spinal lesion', () => {
    expect(spinalPainRedFlags({ isNew: true, answers: { tenderness: 'yes', walking: 'no' } }, false)).toEqual([
      'spinal_tenderness',
    ]);
    expect(spinalPainRedFlags({ isNew: true, answers: {} }, true)).toEqual(['bone_pain']);
    expect(spinalPainRedFlags({ isNew: false, answers: { walking: 'yes' } }, true)).toEqual([]);
    expect(spinalPainRedFlags(null, true)).toEqual([]);
    expect(unansweredSpinalPainQuestions({ isNew: true, answers: { walking: 'yes' } })).toHaveLength(8);
  });
});
