import { describe, expect, it } from 'vitest';
import { defaultPrecautionPolicy, precautionAlerts, type PrecautionFacts } from './precautions';
import { cardiotoxicClasses, isOralRegimen, isZoledronate } from './treatmentKinds';

const none: PrecautionFacts = {
  date: '2026-11-27',
  medicationFlags: [],
  metastaticSites: [],
  conditionDetails: [],
  treatments: [],
  medicineNames: [],
  lastEjectionFraction: null,
  plateletsLow: false,
};
const ids = (over: Partial<PrecautionFacts>) => precautionAlerts({ ...none, ...over }).map((a) => a.id);
const one = (over: Partial<PrecautionFacts>) => precautionAlerts({ ...none, ...over })[0]!;

describe('precautions this population needs (issue 20, item 7)', () => {
  it('raises nothing when nothing is recorded', () => {
    expect(precautionAlerts(none)).toEqual([]);
  });

  it('hypercalcaemia: asks about thirst, polyuria, constipation and drowsiness, citing its source', () => {
    const alert = one({ conditionDetails: [{ kind: 'hypercalcaemia', detail: null }] });
    expect(alert.id).toBe('precaution:hypercalcaemia');
    for (const symptom of [/thirst/, /passing more urine/, /constipation/, /drowsiness/])
      expect(alert.body).toMatch(symptom);
    expect(alert.body).toMatch(/Zagzag.*not retrieved here/);
    expect(alert.clinicPolicy).toBeUndefined();
  });

  it('cardiotoxic treatment, past or present: heart-failure symptoms and the last ejection fraction (ESC 2022)', () => {
    const treatments = [
      { type: 'chemotherapy' as const, regimen: 'AC-T (doxorubicin)', startDate: '2024-02-01', endDate: '2024-06-01' },
      { type: 'targeted' as const, regimen: 'Trastuzumab', startDate: '2026-09-01', endDate: null },
    ];
    const alert = one({ treatments, lastEjectionFraction: { percent: 54, on: '2026-10-02' } });
    expect(alert.title).toBe('Cardiotoxic treatment: AC-T (doxorubicin), Trastuzumab');
    expect(alert.body).toMatch(/^Anthracycline, HER2-targeted therapy \(trastuzumab\)\./);
    expect(alert.body).toMatch(/ankle swelling/);
    expect(alert.body).toMatch(/Last ejection fraction: 54 % on 2 Oct 2026/);
    expect(alert.body).toMatch(/Lyon et al\., Eur Heart J 2022;43:4229/);
    expect(one({ treatments: [treatments[1]!] }).body).toMatch(/Last ejection fraction: not recorded/);
  });

  it('names each cardiotoxic class the guideline lists, and immunotherapy as checkpoint inhibition', () => {
    const classOf = (regimen: string, type: 'chemotherapy' | 'targeted' | 'immunotherapy' = 'chemotherapy') =>
      cardiotoxicClasses({ type, regimen });
    expect(classOf('Epirubicin')).toEqual(['anthracycline']);
    expect(classOf('FEC-T')).toEqual(['anthracycline', 'fluoropyrimidine']);
    expect(classOf('Bevacizumab', 'targeted')).toEqual(['vegf']);
    expect(classOf('Pembrolizumab', 'immunotherapy')).toEqual(['checkpoint']);
    expect(cardiotoxicClasses({ type: 'immunotherapy', regimen: null })).toEqual(['checkpoint']);
    expect(classOf('FOLFOX')).toEqual(['fluoropyrimidine']);
    expect(classOf('Capecitabine')).toEqual(['fluoropyrimidine']);
    expect(classOf('Docetaxel')).toEqual([]);
    // A medicine recorded by name counts too.
    expect(ids({ medicineNames: ['Herceptin SC'] })).toEqual(['precaution:cardiotoxic']);
  });

  it('tells oral agents and zoledronate from the rest', () => {
    expect(isOralRegimen('Capecitabine 1000 mg/m² bd')).toBe(true);
    expect(isOralRegimen('Docetaxel')).toBe(false);
    expect(isZoledronate('Zoledronic acid 4 mg')).toBe(true);
  });

  it('denosumab: low calcium, from a medicine or a bone-targeted treatment', () => {
    const alert = one({ medicineNames: ['Denosumab 120 mg'] });
    expect(alert.id).toBe('precaution:denosumab_calcium');
    expect(alert.body).toMatch(/tingling around the mouth/);
    expect(alert.body).toMatch(/MHRA/);
    expect(
      ids({ treatments: [{ type: 'bone_targeted', regimen: 'Xgeva', startDate: '2026-01-01', endDate: null }] }),
    ).toEqual(['precaution:denosumab_calcium']);
  });

  it('brain metastases: the signs of raised intracranial pressure, sourced', () => {
    const alert = one({ metastaticSites: ['brain'] });
    expect(alert).toMatchObject({ id: 'precaution:raised_icp', color: 'red' });
    expect(alert.body).toMatch(/headache.*vomiting.*drowsiness/);
    expect(alert.body).toMatch(/Scottish Palliative Care Guidelines/);
  });

  it('bleeding signs with an anticoagulant or low platelets', () => {
    expect(one({ medicationFlags: ['anticoagulant'] }).title).toBe(
      'Bleeding risk (anticoagulant): ask about bleeding signs',
    );
    expect(one({ plateletsLow: true }).title).toMatch(/low platelets on the last bloods/);
    expect(one({ plateletsLow: true }).body).toMatch(/nosebleeds, bleeding gums/);
  });

  it('PICC line, port and stoma: clinic policy, naming the arm or side recorded', () => {
    const alerts = precautionAlerts({
      ...none,
      conditionDetails: [
        { kind: 'picc_line', detail: 'Left arm' },
        { kind: 'implanted_port', detail: 'Right chest' },
        { kind: 'stoma', detail: 'Ileostomy' },
      ],
    });
    expect(alerts.map((a) => a.title)).toEqual([
      'PICC line (Left arm)',
      'Implanted port (Right chest)',
      'Stoma (Ileostomy)',
    ]);
    expect(alerts.every((a) => a.clinicPolicy)).toBe(true);
    expect(alerts[0]!.body).toMatch(/No blood-pressure cuff on the PICC arm/);
    expect(alerts[2]!.body).toMatch(/Parastomal hernia/);
    const off = { ...defaultPrecautionPolicy, stoma: { enabled: false, precautions: [] } };
    expect(precautionAlerts({ ...none, conditionDetails: [{ kind: 'stoma', detail: null }] }, off)).toEqual([]);
  });

  it('recent surgery: lifting limits by date, for the clinic’s number of weeks (clinic policy), both ends', () => {
    const surgery = (startDate: string) => ({
      type: 'surgery' as const,
      regimen: 'Right hemicolectomy',
      startDate,
      endDate: null,
    });
    // Six weeks by default: shown on day 41 after surgery, gone on day 42.
    expect(ids({ treatments: [surgery('2026-10-17')] })).toEqual(['precaution:recent_surgery:2026-10-17']);
    expect(ids({ treatments: [surgery('2026-10-16')] })).toEqual([]);
    expect(one({ treatments: [surgery('2026-10-17')] }).title).toBe(
      'Recent surgery: Right hemicolectomy on 17 Oct 2026 (lifting limits until 28 Nov 2026)',
    );
    const longer = { ...defaultPrecautionPolicy, recentSurgeryWeeks: 12 };
    expect(precautionAlerts({ ...none, treatments: [surgery('2026-10-16')] }, longer)).toHaveLength(1);
    // Surgery booked for later does not count yet.
    expect(ids({ treatments: [surgery('2026-12-01')] })).toEqual([]);
  });
});
