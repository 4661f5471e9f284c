import {
  activeTreatmentsOn,
  clearanceStatusOn,
  exerciseFlagsFrom,
  mayStartSessions,
  patientAlerts,
  skeletalRiskSummary,
} from '../../../shared/clinical/intake';
import { conditionAlertFacts } from './alertFacts';
import { precautionPolicy, siteAlertPolicy } from './siteAlerts';
import { mirelsScore } from '../../../shared/clinical/intake/fractureRisk';
import type { ClinicDate } from '../../../shared/dates';
import type { PatientSafetyContext } from '../../../shared/domain/safetyContext';
import type { BoneLesionSite, LesionType, PatientStatus, WeightBearingStatus } from '../../../shared/domain/vocabulary';
import type { ServiceContext } from '../../context';
import { notFound } from '../../errors';
import {
  boneLesionRows,
  careTeamRows,
  clearanceRows,
  detailsRow,
  medicationFlagsOf,
  medicationRows,
  patientRow,
  toClearanceRecord,
  toSkeletalLesion,
  toTreatment,
  treatmentRows,
} from './facts';

/**
 * Everything the session workflow needs about a patient to screen them on `date`, derived from
 * the stored intake facts by the pure rules in src/shared/clinical/intake. Entries dated after
 * `date` are ignored by those rules, so a past session is judged as things stood then.
 */
export function getSafetyContext(ctx: ServiceContext, patientId: string, date: ClinicDate): PatientSafetyContext {
  const person = patientRow(ctx, patientId);
  if (!person) throw notFound('That patient');
  const details = detailsRow(ctx, patientId);
  const status = person.status as PatientStatus;
  const clearance = clearanceStatusOn(clearanceRows(ctx, patientId).map(toClearanceRecord), date);
  const lesions = boneLesionRows(ctx, patientId).filter((row) => row.active);
  const medications = medicationRows(ctx, patientId).map((row) => ({
    flags: medicationFlagsOf(row),
    startedOn: row.startedOn,
    stoppedOn: row.stoppedOn,
  }));
  const treatments = activeTreatmentsOn(treatmentRows(ctx, patientId).map(toTreatment), date);
  const careTeam = careTeamRows(ctx, patientId).filter((member) => member.active);
  const skeletalRisk = skeletalRiskSummary(lesions.map(toSkeletalLesion));
  const medicationFlags = exerciseFlagsFrom(medications, date);
  return {
    patientId,
    date,
    displayName: `${person.preferredName ?? person.givenName} ${person.familyName}`,
    status,
    clearance,
    mayStart: mayStartSessions({ patientStatus: status, clearance }),
    boneLesions: lesions.map((row) => {
      const skeletal = toSkeletalLesion(row);
      const mirels = mirelsScore(skeletal.mirels);
      return {
        id: row.id,
        site: row.site as BoneLesionSite,
        lesionType: row.lesionType as LesionType | null,
        weightBearing: row.weightBearing as WeightBearingStatus,
        location: row.location,
        mirelsPoints: mirels.missing.length === 4 ? null : mirels.subtotal,
      };
    }),
    skeletalRisk,
    medicationFlags,
    alerts: patientAlerts(
      { medicationFlags, boneLesions: lesions, skeletalRisk, ...conditionAlertFacts(ctx, patientId, date) },
      siteAlertPolicy(ctx),
      precautionPolicy(ctx),
    ),
    activeTreatments: treatments.map(({ treatment, cycleDay }) => ({
      id: treatment.id,
      type: treatment.type,
      regimen: treatment.regimen,
      cycleDay,
    })),
    careTeam: careTeam.map((member) => ({
      contactId: member.contactId,
      fullName: member.fullName,
      role: member.role,
      phone: member.phone,
      isMainOncologist: member.isMainOncologist,
    })),
    emergencyContact: {
      name: details?.emergencyContactName ?? null,
      relationship: details?.emergencyContactRelationship ?? null,
      phone: details?.emergencyContactPhone ?? null,
    },
  };
}
