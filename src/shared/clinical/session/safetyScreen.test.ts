import { describe, expect, it } from 'vitest';
import { redFlagIds, spinalPainQuestionIds, spinalPainQuestions } from './redFlags';
import { addDays } from '../../dates';
import {
  evaluateScreen,
  ruleLabel,
  type ScreenContext,
  type ScreenInput,
  type TreatmentCycleOnDate,
} from './safetyScreen';
import { thresholdsWithValues } from './thresholds';

const normal: ScreenInput = { restingHr: 72, sbp: 128, dbp: 78, spo2: 97, temperatureC: 36.7, redFlags: [] };
const context: ScreenContext = {
  date: '2026-03-10',
  cycles: [],
  chemotherapyActive: false,
  medicationFlags: [],
  hasBoneLesions: false,
  hasSpinalLesion: false,
  groupSession: false,
};

/** A cyclic treatment on the screen's date (2026-03-10), day 1 counted back from `day`. */
const cycle = (day: number, over: Partial<TreatmentCycleOnDate> = {}): TreatmentCycleOnDate => ({
  type: 'chemotherapy',
  treatmentLabel: 'FOLFOX',
  cycleNumber: 3,
  day,
  lastDay1: addDays('2026-03-10', 1 - day),
  projected: false,
  oral: false,
  zoledronate: false,
  ...over,
});

function screen(input: Partial<ScreenInput> = {}, ctx: Partial<ScreenContext> = {}) {
  return evaluateScreen({ ...normal, ...input }, { ...context, ...ctx });
}
const ids = (input: Partial<ScreenInput>, ctx: Partial<ScreenContext> = {}) =>
  screen(input, ctx).firedRules.map((r) => r.id);

describe('evaluateScreen: baseline', () => {
  it('is go with normal vitals and nothing missing', () => {
    expect(screen()).toEqual({ decision: 'go', firedRules: [], missing: [], bloods: null });
  });

  it('lists vitals not taken', () => {
    const result = evaluateScreen({ redFlags: [], sbp: 120 }, context);
    expect(result.missing).toEqual(['restingHr', 'dbp', 'spo2', 'temperatureC']);
    expect(result.decision).toBe('go');
  });

  it('treats a non-numeric reading as not taken', () => {
    expect(screen({ spo2: Number.NaN }).missing).toEqual(['spo2']);
  });
});

const bloodsToday = { bloodsDate: '2026-03-09' };

describe('evaluateScreen: every threshold on both sides of its boundary', () => {
  it.each([
    ['sbp', 200, null, 'go'],
    ['sbp', 201, 'sbp_high', 'hold'],
    ['dbp', 110, null, 'go'],
    ['dbp', 111, 'dbp_high', 'hold'],
    ['restingHr', 120, null, 'go'],
    ['restingHr', 121, 'resting_hr_high', 'hold'],
    ['spo2', 87, 'spo2_low_hold', 'hold'],
    ['spo2', 88, 'spo2_low_modify', 'modify'],
    ['spo2', 94, 'spo2_low_modify', 'modify'],
    ['spo2', 95, null, 'go'],
    ['temperatureC', 37.9, null, 'go'],
    ['temperatureC', 38.0, 'temperature_fever', 'hold'],
    // NICE NG51 / CG151: a temperature below 36 °C joins the fever flag (issue 20).
    ['temperatureC', 36.0, null, 'go'],
    ['temperatureC', 35.9, 'temperature_low', 'hold'],
    ['plateletsX109', 19, 'platelets_very_low', 'hold'],
    // Maltser 2017: above 20 light exercise and walking, above 30 moderate exercise (issue 20).
    ['plateletsX109', 20, 'platelets_light', 'modify'],
    ['plateletsX109', 29, 'platelets_light', 'modify'],
    ['plateletsX109', 30, 'platelets_low', 'modify'],
    ['plateletsX109', 50, 'platelets_low', 'modify'],
    ['plateletsX109', 51, null, 'go'],
    ['haemoglobinGL', 79, 'haemoglobin_low', 'modify'],
    ['haemoglobinGL', 80, null, 'go'],
    // AHA CORE: ANC must be above 0.5, so 0.5 itself holds.
    ['neutrophilsX109', 0.5, 'neutrophils_very_low', 'hold'],
    ['neutrophilsX109', 0.6, 'neutrophils_low', 'modify'],
    ['neutrophilsX109', 1.4, 'neutrophils_low', 'modify'],
    ['neutrophilsX109', 1.5, null, 'go'],
    // The carbohydrate prompt is only for people on glucose-lowering medicine (see below).
    ['glucoseMmol', 5.4, null, 'go'],
    ['glucoseMmol', 4.0, null, 'go'],
    ['glucoseMmol', 3.9, 'glucose_very_low', 'hold'],
    ['pain0to10', 6, null, 'go'],
    ['pain0to10', 7, 'pain_high', 'modify'],
    ['fatigue0to10', 6, null, 'go'],
    ['fatigue0to10', 7, 'fatigue_high', 'modify'],
    ['breathlessness0to10', 6, null, 'go'],
    ['breathlessness0to10', 7, 'breathlessness_high', 'go'],
    ['nausea0to10', 6, null, 'go'],
    ['nausea0to10', 7, 'nausea_high', 'go'],
  ] as const)('%s = %s fires %s (%s)', (field, value, ruleId, decision) => {
    const result = screen({ ...bloodsToday, [field]: value });
    expect(result.firedRules.map((r) => r.id)).toEqual(ruleId ? [ruleId] : []);
    expect(result.decision).toBe(decision);
    for (const rule of result.firedRules) {
      expect(rule.source.length).toBeGreaterThan(5);
      expect(rule.advice.length).toBeGreaterThan(5);
    }
  });

  it('reports value and threshold with units', () => {
    const [rule] = screen({ sbp: 201 }).firedRules;
    expect(rule).toMatchObject({ value: '201 mmHg', threshold: '> 200 mmHg', effect: 'hold' });
    expect(rule?.source).toMatch(/Cancer Exercise Toolkit/);
    expect(screen({ spo2: 90 }).firedRules[0]).toMatchObject({ value: '90 %', threshold: '88–94 %' });
    expect(screen({ pain0to10: 8, painSite: ' left hip ' }).firedRules[0]?.value).toBe('8/10 (left hip)');
  });

  it('uses clinic thresholds instead of the defaults', () => {
    const strict = thresholdsWithValues({ sbpHoldAbove: 180, painModifyAtOrAbove: 6 });
    const result = evaluateScreen({ ...normal, sbp: 181, pain0to10: 6 }, context, strict);
    expect(result.firedRules.map((r) => r.id)).toEqual(['sbp_high', 'pain_high']);
    expect(result.firedRules[0]?.threshold).toBe('> 180 mmHg');
  });

  it('takes the worst effect as the decision', () => {
    expect(screen({ fatigue0to10: 8, sbp: 220 }).decision).toBe('hold');
    expect(screen({ fatigue0to10: 8, breathlessness0to10: 8 }).decision).toBe('modify');
  });
});

describe('evaluateScreen: red flags', () => {
  it.each(redFlagIds)('%s holds the session with urgent advice', (id) => {
    const result = screen({ redFlags: [id] });
    expect(result.decision).toBe('hold');
    expect(result.firedRules).toHaveLength(1);
    expect(result.firedRules[0]).toMatchObject({ id: `red_flag:${id}`, effect: 'hold' });
    expect(result.firedRules[0]?.advice).toMatch(/Stop/);
  });

  it('holds on a red flag the app does not recognise', () => {
    const result = screen({ redFlags: ['something_new'] });
    expect(result.decision).toBe('hold');
    expect(result.firedRules[0]?.label).toMatch(/something_new/);
  });

  it('points spinal cord compression to the MSCC coordinator', () => {
    expect(screen({ redFlags: ['spinal_cord_compression'] }).firedRules[0]?.advice).toMatch(/MSCC coordinator/);
  });
});

describe('evaluateScreen: blood results', () => {
  it('flags bloods older than the stale limit but still applies them', () => {
    const fresh = screen({ plateletsX109: 40, bloodsDate: '2026-02-24' });
    expect(fresh.bloods).toEqual({ date: '2026-02-24', ageDays: 14, stale: false });
    expect(fresh.firedRules.map((r) => r.id)).toEqual(['platelets_low']);

    const stale = screen({ plateletsX109: 40, bloodsDate: '2026-02-23' });
    expect(stale.bloods).toEqual({ date: '2026-02-23', ageDays: 15, stale: true });
    expect(stale.firedRules.map((r) => r.id)).toEqual(['bloods_stale', 'platelets_low']);
    expect(stale.firedRules[0]).toMatchObject({ effect: 'info', value: '23 Feb 2026 (15 days old)' });
    expect(stale.firedRules[1]?.value).toBe('40 ×10⁹/L (bloods 15 days old)');
    expect(stale.decision).toBe('modify');
  });

  it('flags stale bloods even when every value is normal', () => {
    const result = screen({ haemoglobinGL: 130, bloodsDate: '2026-01-01' });
    expect(result.firedRules.map((r) => r.id)).toEqual(['bloods_stale']);
    expect(result.decision).toBe('go');
  });

  it('respects the clinic stale limit', () => {
    const t = thresholdsWithValues({ bloodsStaleAfterDays: 7 });
    const result = evaluateScreen({ ...normal, haemoglobinGL: 130, bloodsDate: '2026-03-02' }, context, t);
    expect(result.bloods?.stale).toBe(true);
  });

  it('flags undated or unreadable bloods', () => {
    expect(ids({ haemoglobinGL: 130 })).toEqual(['bloods_undated']);
    expect(ids({ haemoglobinGL: 130, bloodsDate: '2026-02-30' })).toEqual(['bloods_undated']);
    // A date after the screen cannot make results count as fresh.
    expect(ids({ haemoglobinGL: 130, bloodsDate: '2026-12-01' })).toEqual(['bloods_undated']);
    expect(screen({ bloodsDate: '2026-03-01' }).bloods).toBeNull();
  });
});

describe('evaluateScreen: context rules', () => {
  it('holds someone with low neutrophils from a group session', () => {
    const group = screen({ neutrophilsX109: 1.0, ...bloodsToday }, { groupSession: true });
    expect(group.firedRules.map((r) => r.id)).toEqual(['neutrophils_low', 'neutrophils_low_group']);
    expect(group.decision).toBe('hold');
    expect(group.firedRules[1]?.advice).toMatch(/one-to-one/);
    expect(screen({ neutrophilsX109: 1.0, ...bloodsToday }).decision).toBe('modify');
    expect(ids({ neutrophilsX109: 1.5, ...bloodsToday }, { groupSession: true })).toEqual([]);
  });

  it('asks for a lighter session on chemotherapy cycle days 1–5 (Kirkham 2020)', () => {
    const on = (day: number) => ids({}, { cycles: [cycle(day)] });
    expect(on(0)).toEqual([]);
    expect(on(1)).toEqual(['cycle_lighter']);
    expect(on(5)).toEqual(['cycle_lighter']);
    expect(on(6)).toEqual([]);
    const rule = screen({}, { cycles: [cycle(3)] }).firedRules[0];
    expect(rule).toMatchObject({ effect: 'modify', value: 'Day 3 of FOLFOX (cycle 3)' });
    expect(rule?.source).toMatch(/Kirkham/);
    expect(rule?.advice).toMatch(/after infusion/);
  });

  it('lets the clinic switch the cycle rule off', () => {
    const t = thresholdsWithValues({ cycleLighterToDay: 0 });
    const result = evaluateScreen(normal, { ...context, cycles: [cycle(1)] }, t);
    expect(result.firedRules).toEqual([]);
  });
  it('tells the clinician to use RPE on a beta-blocker', () => {
    const result = screen({}, { medicationFlags: ['beta_blocker'] });
    expect(result.firedRules.map((r) => r.id)).toEqual(['beta_blocker']);
    expect(result.firedRules[0]?.advice).toMatch(/RPE/);
    expect(result.decision).toBe('go');
  });

  it('asks for a glucose check on glucose-lowering medication', () => {
    expect(ids({}, { medicationFlags: ['glucose_lowering'] })).toEqual(['glucose_unchecked']);
    expect(screen({}, { medicationFlags: ['glucose_lowering'] }).decision).toBe('modify');
    expect(ids({ glucoseMmol: 6.2, ...bloodsToday }, { medicationFlags: ['glucose_lowering'] })).toEqual([]);
    expect(ids({ glucoseMmol: 4.8, ...bloodsToday }, { medicationFlags: ['glucose_lowering'] })).toEqual([
      'glucose_low',
    ]);
  });

  it('gives the carbohydrate prompt only on glucose-lowering medicine (Toolkit: <5.5 mmol/L), at its boundary', () => {
    const on = { medicationFlags: ['glucose_lowering'] as const };
    expect(ids({ glucoseMmol: 5.4, ...bloodsToday }, { medicationFlags: [...on.medicationFlags] })).toEqual([
      'glucose_low',
    ]);
    expect(ids({ glucoseMmol: 5.5, ...bloodsToday }, { medicationFlags: [...on.medicationFlags] })).toEqual([]);
    expect(ids({ glucoseMmol: 5.4, ...bloodsToday })).toEqual([]);
  });

  it('reminds about pain and analgesics with bone lesions, and treats severe pain as a possible red flag', () => {
    expect(ids({}, { hasBoneLesions: true })).toEqual(['bone_lesion_check']);
    const result = screen({ pain0to10: 8 }, { hasBoneLesions: true });
    expect(result.firedRules.find((r) => r.id === 'pain_high')?.advice).toMatch(/red flag/);
  });
});

describe('evaluateScreen: gaps closed (issue 11)', () => {
  const withBloods = (over: Partial<ScreenInput>) => screen({ ...bloodsToday, ...over });

  it('holds haemoglobin below 70 g/L regardless, labelled clinic policy', () => {
    const result = withBloods({ haemoglobinGL: 65 });
    expect(result.decision).toBe('hold');
    expect(result.firedRules.map((r) => r.id)).toEqual(['haemoglobin_very_low']);
    expect(result.firedRules[0]?.source).toMatch(/^Clinic policy/);
    expect(withBloods({ haemoglobinGL: 70 }).decision).toBe('modify');
  });

  it('holds haemoglobin below 80 g/L with dizziness, chest symptoms or marked breathlessness (AHA CORE)', () => {
    for (const over of [
      { redFlags: ['dizziness_fainting'] },
      { redFlags: ['chest_pain'] },
      { breathlessness0to10: 7 },
    ]) {
      const rules = withBloods({ haemoglobinGL: 75, ...over }).firedRules;
      const rule = rules.find((r) => r.id === 'haemoglobin_low_symptomatic');
      expect(rule, JSON.stringify(over)).toMatchObject({ effect: 'hold' });
      expect(rule?.source).toMatch(/AHA CORE/);
      expect(rules.map((r) => r.id)).not.toContain('haemoglobin_low');
    }
    expect(withBloods({ haemoglobinGL: 75, breathlessness0to10: 3 }).decision).toBe('modify');
  });

  it('holds glucose below 4.0 mmol/L and says when the screen may be redone', () => {
    const result = withBloods({ glucoseMmol: 3.2 });
    expect(result.decision).toBe('hold');
    expect(result.firedRules.map((r) => r.id)).toEqual(['glucose_very_low']);
    expect(result.firedRules[0]?.advice).toMatch(/at least 5.5 mmol\/L/);
    expect(result.firedRules[0]?.source).toMatch(/Turner/);
    expect(withBloods({ glucoseMmol: 4.0 }).firedRules.map((r) => r.id)).toEqual([]);
  });

  it('holds glucose above 15.0 mmol/L with ketones or symptoms, and asks about them without', () => {
    const asked = withBloods({ glucoseMmol: 16.2 });
    expect(asked.decision).toBe('modify');
    expect(asked.firedRules.map((r) => r.id)).toEqual(['glucose_high']);
    const held = withBloods({ glucoseMmol: 16.2, glucoseKetonesOrSymptoms: true });
    expect(held.decision).toBe('hold');
    expect(held.firedRules.map((r) => r.id)).toEqual(['glucose_high_symptomatic']);
    expect(withBloods({ glucoseMmol: 15.0, glucoseKetonesOrSymptoms: true }).decision).toBe('go');
  });

  it('modifies at 78/45 mmHg with the clinic-policy label, and holds it with dizziness', () => {
    const result = screen({ sbp: 78, dbp: 45 });
    expect(result.decision).toBe('modify');
    expect(result.firedRules.map((r) => r.id)).toEqual(['sbp_low']);
    expect(result.firedRules[0]).toMatchObject({ value: '78 mmHg', threshold: '< 90 mmHg' });
    expect(result.firedRules[0]?.source).toMatch(/^Clinic policy/);
    const dizzy = ids({ sbp: 78, dbp: 45, redFlags: ['dizziness_fainting'] });
    expect(dizzy).toEqual(['red_flag:dizziness_fainting', 'sbp_low_symptomatic']);
    expect(screen({ sbp: 90 }).decision).toBe('go');
  });

  it('modifies a resting heart rate of 35 bpm as clinic policy, and holds it with dizziness', () => {
    const result = screen({ restingHr: 35 });
    expect(result.decision).toBe('modify');
    expect(result.firedRules[0]).toMatchObject({ id: 'resting_hr_low', value: '35 bpm' });
    expect(result.firedRules[0]?.source).toMatch(/^Clinic policy/);
    expect(ids({ restingHr: 35, redFlags: ['dizziness_fainting'] })).toContain('resting_hr_low_symptomatic');
    expect(screen({ restingHr: 50 }).decision).toBe('go');
  });

  it('holds an orthostatic fall of 20 mmHg or more with symptoms, and notes it without (Freeman 2011)', () => {
    const symptomatic = screen({ sbp: 130, standingSbp: 105, redFlags: ['dizziness_fainting'] });
    const rule = symptomatic.firedRules.find((r) => r.id === 'orthostatic_drop_symptomatic');
    expect(rule).toMatchObject({ effect: 'hold', threshold: '≥ 20 mmHg' });
    expect(rule?.value).toBe('Systolic fall of 25 mmHg (130 → 105 mmHg standing)');
    expect(rule?.source).toMatch(/Freeman et al\., Clin Auton Res 2011;21:69/);
    const quiet = screen({ sbp: 130, standingSbp: 105 });
    expect(quiet.decision).toBe('go');
    expect(quiet.firedRules.map((r) => r.id)).toEqual(['orthostatic_drop']);
    // The boundary: a fall of exactly 20 meets the definition, 19 does not.
    expect(ids({ sbp: 130, standingSbp: 110 })).toEqual(['orthostatic_drop']);
    expect(ids({ sbp: 130, standingSbp: 111 })).toEqual([]);
  });

  it('counts a diastolic fall of 10 mmHg or more as orthostatic too (Freeman 2011)', () => {
    expect(ids({ dbp: 80, standingDbp: 70 })).toEqual(['orthostatic_diastolic_drop']);
    expect(ids({ dbp: 80, standingDbp: 71 })).toEqual([]);
    const held = screen({ dbp: 80, standingDbp: 68, redFlags: ['dizziness_fainting'] });
    expect(held.firedRules.find((r) => r.id === 'orthostatic_diastolic_drop_symptomatic')).toMatchObject({
      effect: 'hold',
      value: 'Diastolic fall of 12 mmHg (80 → 68 mmHg standing)',
      threshold: '≥ 10 mmHg',
    });
    // Both falling: the systolic line says it once.
    expect(ids({ sbp: 130, standingSbp: 105, dbp: 80, standingDbp: 65 })).toEqual(['orthostatic_drop']);
  });

  it('uses the clinic value of a new threshold', () => {
    const t = thresholdsWithValues({ haemoglobinHoldBelow: 90 });
    expect(evaluateScreen({ ...normal, ...bloodsToday, haemoglobinGL: 85 }, context, t).decision).toBe('hold');
  });
});

describe('evaluateScreen: neutropenic sepsis cannot slip through as Go (issue 20, item 1)', () => {
  const chemo = { chemotherapyActive: true, cycles: [cycle(10, { treatmentLabel: 'Docetaxel' })] };

  it('notes the expected nadir on days 7–14 of a chemotherapy cycle (Crawford 2004), at both ends', () => {
    const at = (day: number) => ids({}, { chemotherapyActive: true, cycles: [cycle(day)] });
    expect(at(6)).toEqual([]);
    expect(at(7)).toEqual(['nadir_window']);
    expect(at(14)).toEqual(['nadir_window']);
    expect(at(15)).toEqual([]);
    const rule = screen({}, chemo).firedRules[0];
    expect(rule).toMatchObject({ effect: 'info', value: 'Day 10 of Docetaxel (cycle 3)' });
    expect(rule?.source).toMatch(/Crawford/);
    expect(rule?.source).toMatch(/not retrieved here/);
  });

  it('treats bloods taken before this cycle’s day 1 as pre-nadir: they modify, not reassure', () => {
    // Day 10 of the cycle: day 1 was 2026-03-01. Normal counts from 2026-02-28 do not reassure.
    const result = screen({ neutrophilsX109: 3.2, plateletsX109: 210, bloodsDate: '2026-02-28' }, chemo);
    expect(result.decision).toBe('modify');
    const rule = result.firedRules.find((r) => r.id === 'bloods_pre_nadir');
    expect(rule).toMatchObject({ effect: 'modify' });
    expect(rule?.value).toBe('Taken 28 Feb 2026, before day 1 of cycle 3 of Docetaxel (1 Mar 2026); today is day 10');
    expect(rule?.source).toMatch(/NICE CG151/);
  });

  it('treats bloods taken on day 1 as pre-nadir only once the nadir window has begun', () => {
    const onDay1 = (today: number) =>
      ids(
        { neutrophilsX109: 3.2, bloodsDate: addDays('2026-03-10', 1 - today) },
        { chemotherapyActive: true, cycles: [cycle(today)] },
      );
    expect(onDay1(6)).toEqual([]);
    expect(onDay1(7)).toEqual(['bloods_pre_nadir', 'nadir_window']);
    // Bloods from after day 1 show this cycle's fall and stand as they are.
    expect(
      ids({ neutrophilsX109: 3.2, bloodsDate: '2026-03-09' }, { chemotherapyActive: true, cycles: [cycle(10)] }),
    ).toEqual(['nadir_window']);
  });

  it('does not call bloods pre-nadir for a treatment that is not chemotherapy', () => {
    const denosumab = cycle(10, { type: 'bone_targeted', treatmentLabel: 'Denosumab' });
    expect(ids({ neutrophilsX109: 3.2, bloodsDate: '2026-02-28' }, { cycles: [denosumab] })).toEqual([]);
  });

  it('still holds low neutrophils in pre-nadir bloods, beside the pre-nadir warning', () => {
    const result = screen({ neutrophilsX109: 0.4, bloodsDate: '2026-02-28' }, chemo);
    expect(result.decision).toBe('hold');
    expect(result.firedRules.map((r) => r.id)).toEqual(['bloods_pre_nadir', 'neutrophils_very_low', 'nadir_window']);
  });

  it('holds a temperature below 36 °C with neutropenic-sepsis advice on chemotherapy', () => {
    const result = screen({ temperatureC: 35.8 }, chemo);
    expect(result.decision).toBe('hold');
    expect(result.firedRules[0]).toMatchObject({ id: 'temperature_low', threshold: '< 36 °C' });
    expect(result.firedRules[0]?.advice).toMatch(/neutropenic sepsis/);
    expect(result.firedRules[0]?.source).toMatch(/NICE NG51/);
    expect(screen({ temperatureC: 35.8 }).firedRules[0]?.advice).toMatch(/sign of sepsis/);
  });

  it('holds on rigors through the fever flag, which names neutropenic sepsis (NICE CG151)', () => {
    const result = screen({ redFlags: ['fever_infection'] }, chemo);
    expect(result.decision).toBe('hold');
    expect(result.firedRules[0]?.label).toMatch(/rigors/);
    expect(result.firedRules[0]?.source).toMatch(/NICE CG151/);
    expect(result.firedRules[0]?.advice).toMatch(/neutropenic sepsis, with or without a fever/);
  });
});

describe('evaluateScreen: every active cyclic treatment counts (issue 20, item 2)', () => {
  it('does not let a later bone-targeted cycle hide day 2 of chemotherapy, nor treat it like chemotherapy', () => {
    const docetaxel = cycle(2, { treatmentLabel: 'Docetaxel' });
    const denosumab = cycle(2, { type: 'bone_targeted', treatmentLabel: 'Denosumab', cycleNumber: 1 });
    const result = screen({}, { chemotherapyActive: true, cycles: [denosumab, docetaxel] });
    expect(result.firedRules.map((r) => [r.id, r.value])).toEqual([['cycle_lighter', 'Day 2 of Docetaxel (cycle 3)']]);
    expect(ids({}, { cycles: [denosumab] })).toEqual([]);
  });

  it('fires the early-cycle rule for each chemotherapy in its window', () => {
    const result = screen({}, { cycles: [cycle(2), cycle(4, { treatmentLabel: 'Capecitabine', oral: true })] });
    expect(result.firedRules.map((r) => r.id)).toEqual(['cycle_lighter', 'cycle_lighter:2']);
  });

  it('says "day 1 of the cycle", not "after infusion", for an oral agent', () => {
    const rule = screen({}, { cycles: [cycle(3, { treatmentLabel: 'Capecitabine', oral: true })] }).firedRules[0];
    expect(rule?.advice).toMatch(/day 1 of the cycle \(the first dose\)/);
    expect(rule?.advice).not.toMatch(/days after infusion\./);
    expect(rule?.threshold).toBe('Days 1–5 from day 1 of the cycle');
  });

  it('shows a projected day as projected', () => {
    const rule = screen({}, { cycles: [cycle(2, { projected: true })] }).firedRules[0];
    expect(rule?.value).toBe('Day 2 of FOLFOX (cycle 3, projected: this cycle’s day 1 was not recorded)');
  });

  it('gives zoledronate its own note for 3 days after the infusion', () => {
    const zol = (day: number) =>
      cycle(day, { type: 'bone_targeted', treatmentLabel: 'Zoledronic acid', zoledronate: true });
    expect(ids({}, { cycles: [zol(1)] })).toEqual(['zoledronate_reaction']);
    expect(ids({}, { cycles: [zol(3)] })).toEqual(['zoledronate_reaction']);
    expect(ids({}, { cycles: [zol(4)] })).toEqual([]);
    const rule = screen({}, { cycles: [zol(2)] }).firedRules[0];
    expect(rule).toMatchObject({ effect: 'info' });
    expect(rule?.advice).toMatch(/flu-like/);
    expect(screen({}, { cycles: [zol(2)] }).decision).toBe('go');
  });
});

describe('evaluateScreen: new spinal pain asks the cord-compression questions (issue 20, item 3)', () => {
  const noToAll = Object.fromEntries(spinalPainQuestionIds.map((id) => [id, 'no' as const]));

  it('holds on any yes, each with its own red flag and NICE source', () => {
    for (const question of spinalPainQuestions) {
      const result = screen({ spinalPain: { isNew: true, answers: { ...noToAll, [question.id]: 'yes' } } });
      expect(result.decision, question.id).toBe('hold');
      expect(
        result.firedRules.map((r) => r.id),
        question.id,
      ).toEqual([`red_flag:${question.redFlag}`]);
      expect(result.firedRules[0]?.source, question.id).toMatch(/NICE/);
    }
  });

  it('makes difficulty walking and local spinal tenderness red flags of their own', () => {
    expect(screen({ redFlags: ['difficulty_walking'] }).firedRules[0]?.advice).toMatch(/at once/);
    expect(screen({ redFlags: ['spinal_tenderness'] }).firedRules[0]?.advice).toMatch(/within 24 hours/);
  });

  it('with every answer no, modifies (clinic policy) rather than reading as Go', () => {
    const result = screen({ spinalPain: { isNew: true, answers: noToAll } });
    expect(result.decision).toBe('modify');
    expect(result.firedRules.map((r) => r.id)).toEqual(['spinal_pain_new']);
    expect(result.firedRules[0]?.source).toMatch(/clinic policy/);
  });

  it('treats new spinal pain at a recorded spinal lesion as new bone pain (Hold)', () => {
    const result = screen({ spinalPain: { isNew: true, answers: noToAll } }, { hasSpinalLesion: true });
    expect(result.decision).toBe('hold');
    expect(result.firedRules.map((r) => r.id)).toEqual(['red_flag:bone_pain']);
  });

  it('asks nothing when no new spinal pain is reported', () => {
    expect(screen({ spinalPain: { isNew: false, answers: { walking: 'yes' } } }).decision).toBe('go');
  });
});

describe('ruleLabel: a fired rule named from its id alone, as the change history needs', () => {
  it('gives every rule the name the screen shows, for screens that fire each kind of rule', () => {
    const screens: Array<[Partial<ScreenInput>, Partial<ScreenContext>]> = [
      [{ sbp: 210, dbp: 115, restingHr: 130, spo2: 86, temperatureC: 38.5 }, {}],
      [{ sbp: 85, restingHr: 45, standingSbp: 60, redFlags: ['dizziness_fainting'] }, {}],
      [{ spo2: 91, plateletsX109: 15, haemoglobinGL: 60, neutrophilsX109: 0.4, glucoseMmol: 3.0, ...bloodsToday }, {}],
      [
        {
          plateletsX109: 40,
          neutrophilsX109: 1.2,
          glucoseMmol: 15,
          glucoseKetonesOrSymptoms: true,
          bloodsDate: '2025-01-01',
        },
        { groupSession: true },
      ],
      [{ pain0to10: 9, fatigue0to10: 9, breathlessness0to10: 9, nausea0to10: 9, redFlags: [...redFlagIds] }, {}],
      [{ plateletsX109: 100, bloodsDate: 'yesterday' }, {}],
      [
        {},
        {
          chemotherapyActive: true,
          cycles: [cycle(2, { treatmentLabel: 'Docetaxel' }), cycle(3, { treatmentLabel: 'Capecitabine', oral: true })],
          medicationFlags: ['beta_blocker', 'glucose_lowering'],
          hasBoneLesions: true,
        },
      ],
      [
        { neutrophilsX109: 3.2, bloodsDate: '2026-02-28' },
        { chemotherapyActive: true, cycles: [cycle(10)] },
      ],
      [
        { spinalPain: { isNew: true, answers: {} } },
        {
          cycles: [cycle(2, { type: 'bone_targeted', treatmentLabel: 'Zoledronic acid', zoledronate: true })],
          medicationFlags: ['heart_rate_lowering'],
        },
      ],
    ];
    const seen = new Set<string>();
    for (const [input, ctx] of screens) {
      for (const rule of screen(input, ctx).firedRules) {
        expect(ruleLabel(rule.id), rule.id).toBe(rule.label);
        seen.add(rule.id);
      }
    }
    expect(seen.size).toBeGreaterThan(25);
  });

  it('reads an id no rule has any more as words, never as a code', () => {
    expect(ruleLabel('retired_rule_x')).toBe('retired rule x');
    expect(ruleLabel('red_flag:chest_pain')).toBe('Red flag: Chest pain or pressure');
  });
});
