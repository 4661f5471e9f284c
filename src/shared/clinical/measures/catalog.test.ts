import { describe, expect, it } from 'vitest';
import {
  SIX_MINUTE_WALK_MCID_M,
  builtInMeasureKeys,
  esasSymptomMeasures,
  esasSymptoms,
  getMeasure,
  isMeasureKey,
  measureCatalog,
  measureKeys,
} from './catalog';

describe('measure catalog', () => {
  it('holds every built-in and one sub-measure per ESAS-r core symptom', () => {
    expect(measureKeys).toHaveLength(builtInMeasureKeys.length + esasSymptoms.length);
    for (const key of measureKeys) expect(measureCatalog[key].key).toBe(key);
    expect(getMeasure('esas_r.fatigue')?.shortName).toBe('ESAS-r fatigue');
    expect(getMeasure('esas_r.fatigue')?.parent).toBe('esas_r');
    expect(esasSymptomMeasures()).toHaveLength(9);
    expect(isMeasureKey('toString')).toBe(false);
    expect(getMeasure('nonsense')).toBeNull();
  });

  it('gives every MCID, cut-off and norm a source, and every measure without an MCID a reason', () => {
    for (const def of Object.values(measureCatalog)) {
      if (def.mcid) {
        expect(def.mcid.source.length, def.key).toBeGreaterThan(0);
        expect(def.mcid.value, def.key).toBeGreaterThan(0);
      } else {
        expect(def.mcidGap, def.key).toBeTruthy();
      }
      for (const cutoff of def.cutoffs) expect(cutoff.source.length, cutoff.id).toBeGreaterThan(0);
      for (const norm of def.norms) expect(norm.source.length).toBeGreaterThan(0);
      expect(def.range.min).toBeLessThan(def.range.max);
      expect(def.instructions.length).toBeGreaterThan(20);
      expect(new Set(def.components.map((c) => c.key)).size).toBe(def.components.length);
    }
  });

  it('asks licensed questionnaires for a score only', () => {
    const licensed = Object.values(measureCatalog).filter((def) => def.licensed);
    expect(licensed.map((def) => def.key).sort()).toEqual(['bfi', 'eortc_qlq_c30_ghs', 'facit_fatigue']);
    for (const def of licensed) {
      expect(def.components.map((c) => c.key)).toEqual(['score']);
      expect(def.licenceNote).toBeTruthy();
    }
  });

  it('keeps the published numbers', () => {
    expect(measureCatalog.six_minute_walk.mcid?.value).toBe(SIX_MINUTE_WALK_MCID_M);
    expect(measureCatalog.six_minute_walk.mcid?.note).toMatch(/Perera 2006/);
    expect(measureCatalog.sit_to_stand_30s.mcid).toBeNull();
    expect(measureCatalog.sit_to_stand_30s.mcidGap).toMatch(/^Gap/);
    expect(measureCatalog.esas_r.mcid).toMatchObject({ value: 3, declineValue: 4 });
    expect(measureCatalog.timed_up_and_go.mcid).toMatchObject({ value: 1.1, kind: 'mdc' });
    expect(measureCatalog.ecog.mcid?.source).toBe('Pacewise convention');
    const norms = measureCatalog.sit_to_stand_30s.norms;
    expect(norms.find((n) => n.sex === 'female' && n.ageMin === 60)).toMatchObject({
      low: 12,
      high: 17,
    });
    expect(norms.find((n) => n.sex === 'male' && n.ageMin === 80)).toMatchObject({
      low: 10,
      high: 15,
    });
    expect(measureCatalog.six_minute_walk.loinc).toBe('64098-7');
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(measureCatalog))).toEqual(measureCatalog);
  });
});
