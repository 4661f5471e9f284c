import { describe, expect, it } from 'vitest';
import { defaultSiteAlertPolicy, patientAlerts, type AlertFacts } from './patientAlerts';

const none: AlertFacts = {
  medicationFlags: [],
  boneLesions: [],
  skeletalRisk: {
    flags: { surgicalOpinionWarranted: false } as AlertFacts['skeletalRisk']['flags'],
    lines: [],
  },
  metastaticSites: [],
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
    expect(patientAlerts({ ...none, metastaticSites: ['liver', 'brain'] }, policy)).toEqual([
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
      'medication:anticoagulant',
      'medication:glucose_lowering',
      'medication:corticosteroid',
      'medication:opioid',
    ]);
  });
});
