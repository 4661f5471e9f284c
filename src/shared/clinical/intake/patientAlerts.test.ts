import { describe, expect, it } from 'vitest';
import { defaultScreenThresholds } from '../session/thresholds';
import { defaultSiteAlertPolicy, patientAlerts, type AlertFacts } from './patientAlerts';

const none: AlertFacts = {
  medicationFlags: [],
  boneLesions: [],
  skeletalRisk: {
    flags: { surgicalOpinionWarranted: false } as AlertFacts['skeletalRisk']['flags'],
    lines: [],
  },
  metastaticSites: [],
  conditions: [],
  screenedNeuropathy: null,
  lastPlatelets: null,
  thresholds: defaultScreenThresholds,
  date: '2026-11-27',
  conditionDetails: [],
  treatments: [],
  medicineNames: [],
  lastEjectionFraction: null,
};

describe('patient alerts', () => {
  it('brain metastases raise an alert by default, with the clinic-policy precautions', () => {
    const [brain] = patientAlerts({ ...none, metastaticSites: ['brain', 'bone'] });
    expect(brain).toMatchObject({ id: 'metastases:brain', title: 'Brain metastases', clinicPolicy: true });
    expect(brain!.body).toContain('seizure plan');
    expect(brain!.body).toContain('breath-holding');
    expect(patientAlerts({ ...none, metastaticSites: ['bone'] })).toEqual([]);
  });

  it('other sites alert only when the clinic turns them on, with its own precautions', () => {
    expect(patientAlerts({ ...none, metastaticSites: ['liver'] })).toEqual([]);
    const policy = {
      ...defaultSiteAlertPolicy,
      brain: { enabled: false, precautions: [] },
      liver: { enabled: true, precautions: ['No abdominal crunches'] },
    };
    const siteAlerts = (facts: AlertFacts) =>
      patientAlerts(facts, policy).filter((a) => a.id.startsWith('metastases:'));
    expect(siteAlerts({ ...none, metastaticSites: ['liver', 'brain'] })).toEqual([
      {
        id: 'metastases:liver',
        color: 'orange',
        title: 'Liver metastases',
        body: 'No abdominal crunches.',
        clinicPolicy: true,
      },
    ]);
  });

  it('every medicine flag and a non-weight-bearing lesion raise their alert', () => {
    const ids = patientAlerts({
      ...none,
      medicationFlags: ['anticoagulant', 'glucose_lowering', 'corticosteroid', 'opioid'],
      boneLesions: [{ site: 'proximal_femur', location: 'left', weightBearing: 'non_weight_bearing' }],
    }).map((a) => a.id);
    expect(ids).toEqual([
      'non_weight_bearing',
      'precaution:bleeding',
      'medication:anticoagulant',
      'medication:glucose_lowering',
      'medication:corticosteroid',
      'medication:opioid',
    ]);
  });

  it('lymphoedema and neuropathy raise alerts; neuropathy is clinic policy, lymphoedema cites its source', () => {
    const alerts = patientAlerts({ ...none, conditions: ['lymphoedema'], screenedNeuropathy: 'moderate' });
    expect(alerts.map((a) => a.title)).toEqual(['Lymphoedema', 'Neuropathy: falls risk']);
    expect(alerts[0]!.body).toContain('Campbell et al., MSSE 2019');
    expect(alerts[0]!.clinicPolicy).toBeUndefined();
    expect(alerts[1]!.body).toMatch(/^Moderate neuropathy at screening\./);
    expect(alerts[1]!.clinicPolicy).toBe(true);
    expect(patientAlerts({ ...none, screenedNeuropathy: 'mild' })).toEqual([]);
    expect(patientAlerts({ ...none, conditions: ['peripheral_neuropathy'] })[0]!.body).toMatch(
      /^Peripheral neuropathy recorded\./,
    );
  });

  it('platelets on the last bloods are judged by the screen thresholds: hold band red, modify band orange', () => {
    const at = (valueX109: number, thresholds = defaultScreenThresholds) =>
      patientAlerts({ ...none, lastPlatelets: { valueX109, on: '2026-11-20' }, thresholds });
    expect(at(12)[0]).toMatchObject({
      id: 'bloods:platelets_very_low',
      color: 'red',
      title: 'Platelets very low on the last bloods',
    });
    expect(at(12)[0]!.body).toContain('12 ×10⁹/L on 20 Nov 2026');
    expect(at(50)[0]).toMatchObject({ id: 'bloods:platelets_low', color: 'orange' });
    // Maltser 2017: 20–29 light exercise and walking only, 30–50 moderate (issue 20).
    expect(at(20)[0]!.id).toBe('bloods:platelets_light');
    expect(at(29)[0]!.id).toBe('bloods:platelets_light');
    expect(at(30)[0]!.id).toBe('bloods:platelets_low');
    expect(at(51)).toEqual([]);
    const stricter = {
      ...defaultScreenThresholds,
      plateletsModifyAtOrBelow: { ...defaultScreenThresholds.plateletsModifyAtOrBelow, value: 80 },
    };
    expect(at(70, stricter)[0]!.id).toBe('bloods:platelets_low');
  });
});
