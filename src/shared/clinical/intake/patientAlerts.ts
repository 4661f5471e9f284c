import { formatClinicDate, type ClinicDate } from '../../dates';
import {
  boneLesionSites,
  type ComorbidityKind,
  metastaticSites,
  type BoneLesionSite,
  type MedicationFlag,
  type MetastaticSite,
} from '../../domain/vocabulary';
import { mirelsSource } from './fractureRisk';
import { medicationFlagAdvice } from './medications';
import { defaultPrecautionPolicy, precautionAlerts, type PrecautionFacts, type PrecautionPolicy } from './precautions';
import type { SkeletalRiskSummary } from './skeletalRisk';
import { bloodRules } from '../session/screenRules';
import { crosses, thresholdMeta, type ScreenThresholds } from '../session/thresholds';

/**
 * The patient's standing safety alerts, from one function, so the overview, the caseload and the
 * session header can never disagree about what a clinician should be told.
 */
export interface PatientAlert {
  id: string;
  color: 'red' | 'orange' | 'yellow' | 'blue';
  title: string;
  body: string;
  /** Set when the advice is the clinic's own policy (editable in Settings), not a published source. */
  clinicPolicy?: boolean;
}

/** Metastatic sites other than bone (bone has its own lesion restrictions). */
export const alertableSites = ['brain', 'liver', 'lung', 'lymph_nodes'] as const satisfies readonly MetastaticSite[];
export type AlertableSite = (typeof alertableSites)[number];

export interface SiteAlertRule {
  enabled: boolean;
  precautions: string[];
}
export type SiteAlertPolicy = Record<AlertableSite, SiteAlertRule>;

/** Clinic policy defaults: no published source gives these, so Settings labels them and lets a clinic change them. */
export const defaultSiteAlertPolicy: SiteAlertPolicy = {
  brain: {
    enabled: true,
    precautions: [
      'A seizure plan known to all staff on the day',
      'Fall precautions: supervised transfers, clear floor, seated options',
      'Avoid breath-holding and straining (no Valsalva)',
    ],
  },
  liver: { enabled: false, precautions: ['Ask about abdominal pain, jaundice or swelling before each session'] },
  lung: { enabled: false, precautions: ['Watch breathlessness and SpO₂ closely; stop if breathlessness is severe'] },
  lymph_nodes: { enabled: false, precautions: ['Ask about new swelling of a limb before each session'] },
};

export interface AlertFacts extends Omit<PrecautionFacts, 'plateletsLow' | 'metastaticSites' | 'medicationFlags'> {
  medicationFlags: readonly MedicationFlag[];
  boneLesions: ReadonlyArray<{ site: string; location: string | null; weightBearing: string }>;
  skeletalRisk: Pick<SkeletalRiskSummary, 'flags' | 'lines'>;
  metastaticSites: readonly MetastaticSite[];
  /** Active comorbidities recorded at intake. */
  conditions: readonly ComorbidityKind[];
  /** The neuropathy grade from the latest baseline screening, if one was graded. */
  screenedNeuropathy: 'none' | 'mild' | 'moderate' | 'severe' | null;
  /** The most recent platelet count recorded on a pre-session screen. */
  lastPlatelets: { valueX109: number; on: ClinicDate } | null;
  /** The clinic's screen thresholds, so the alert and the session screen judge platelets alike. */
  thresholds: ScreenThresholds;
}

const LYMPHOEDEMA_SOURCE = 'Campbell et al., MSSE 2019;51:2375 (ACSM roundtable)';

/** The session screen's own platelet rules (screenRules.ts), so this alert never disagrees with it. */
function plateletAlert(facts: AlertFacts): PatientAlert | null {
  if (!facts.lastPlatelets) return null;
  const { valueX109, on } = facts.lastPlatelets;
  const fired = bloodRules.find(
    (rule) =>
      (rule.id === 'platelets_very_low' || rule.id === 'platelets_light' || rule.id === 'platelets_low') &&
      crosses(valueX109, thresholdMeta[rule.key].comparison, facts.thresholds[rule.key].value),
  );
  if (!fired) return null;
  const threshold = facts.thresholds[fired.key];
  const advice = typeof fired.advice === 'string' ? fired.advice : '';
  return {
    id: `bloods:${fired.id}`,
    color: fired.id === 'platelets_very_low' ? 'red' : 'orange',
    title: `${fired.label} on the last bloods`,
    body: `${valueX109} ×10⁹/L on ${formatClinicDate(on)}. ${advice} Repeat the count before the next session if it is not recent. (${threshold.source})`,
  };
}

export function patientAlerts(
  facts: AlertFacts,
  policy: SiteAlertPolicy = defaultSiteAlertPolicy,
  precautionPolicy: PrecautionPolicy = defaultPrecautionPolicy,
): PatientAlert[] {
  const alerts: PatientAlert[] = [];
  for (const site of alertableSites) {
    const rule = policy[site];
    if (!rule.enabled || !facts.metastaticSites.includes(site)) continue;
    alerts.push({
      id: `metastases:${site}`,
      color: site === 'brain' ? 'red' : 'orange',
      title: `${metastaticSites.labels[site]} metastases`,
      body: rule.precautions.length > 0 ? rule.precautions.join('. ') + '.' : 'No precautions set in Settings.',
      clinicPolicy: true,
    });
  }
  if (facts.skeletalRisk.flags.surgicalOpinionWarranted) {
    alerts.push({
      id: 'sins_high',
      color: 'red',
      title: 'SINS 7 or more: a surgical opinion is warranted',
      body: 'Fisher et al. 2010, Spine 35:E1221',
    });
  }
  const mirelsHigh = facts.skeletalRisk.lines.filter(
    (line) => line.score?.kind === 'mirels' && line.score.atLeast >= 9,
  );
  if (mirelsHigh.length > 0) {
    alerts.push({
      id: 'mirels_high',
      color: 'red',
      title: 'Mirels 9 or more: prophylactic fixation is considered',
      body: `${mirelsHigh.map((line) => line.reason).join('; ')}. (${mirelsSource})`,
    });
  }
  const nonWeightBearing = facts.boneLesions.filter((l) => l.weightBearing === 'non_weight_bearing');
  if (nonWeightBearing.length > 0) {
    alerts.push({
      id: 'non_weight_bearing',
      color: 'red',
      title: 'Non-weight-bearing',
      body: `Recorded as non-weight-bearing: ${nonWeightBearing
        .map(
          (l) =>
            `${(boneLesionSites.labels[l.site as BoneLesionSite] ?? l.site).toLowerCase()}${l.location ? ` (${l.location})` : ''}`,
        )
        .join(', ')}. No weight-bearing through it until the medical team changes this.`,
    });
  }
  const platelets = plateletAlert(facts);
  if (platelets) alerts.push(platelets);
  alerts.push(...precautionAlerts({ ...facts, plateletsLow: platelets !== null }, precautionPolicy));
  if (facts.conditions.includes('lymphoedema')) {
    alerts.push({
      id: 'condition:lymphoedema',
      color: 'yellow',
      title: 'Lymphoedema',
      body: `Supervised progressive resistance training 2–3×/wk is safe: start low, progress slow. Ask about swelling, heaviness or tightness of the limb before each session and ease the load if it is worse. (${LYMPHOEDEMA_SOURCE})`,
    });
  }
  const screened = facts.screenedNeuropathy;
  if (facts.conditions.includes('peripheral_neuropathy') || screened === 'moderate' || screened === 'severe') {
    const why = [
      facts.conditions.includes('peripheral_neuropathy') ? 'peripheral neuropathy recorded' : null,
      screened === 'moderate' || screened === 'severe' ? `${screened} neuropathy at screening` : null,
    ]
      .filter(Boolean)
      .join('; ');
    alerts.push({
      id: 'condition:neuropathy',
      color: 'yellow',
      title: 'Neuropathy: falls risk',
      body: `${why.charAt(0).toUpperCase()}${why.slice(1)}. Balance and standing work within reach of support, check footwear and the feet for unnoticed injury, prefer a bike or seated options when sensation is poor.`,
      clinicPolicy: true,
    });
  }
  for (const flag of facts.medicationFlags) {
    const advice = medicationFlagAdvice[flag];
    alerts.push({
      id: `medication:${flag}`,
      color: 'yellow',
      title: advice.title,
      body: `${advice.advice}${advice.source ? ` (${advice.source})` : ''}`,
    });
  }
  return alerts;
}
