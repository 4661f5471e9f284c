import type { ClearanceStatus } from '../clinical/intake/clearance';
import type { PatientAlert } from '../clinical/intake/patientAlerts';
import type { SkeletalRiskSummary } from '../clinical/intake/skeletalRisk';
import type { CycleDay } from '../clinical/intake/treatmentCycle';
import type { ClinicDate } from '../dates';
import type {
  BoneLesionSite,
  ContactRole,
  LesionType,
  MedicationFlag,
  PatientStatus,
  TreatmentType,
  WeightBearingStatus,
} from './vocabulary';

/**
 * Everything the session workflow needs to know about a patient to screen them safely on a given
 * date, assembled by the intake service from stored facts. Sessions read it; they never read the
 * intake tables themselves.
 */
export interface PatientSafetyContext {
  patientId: string;
  date: ClinicDate;
  displayName: string;
  status: PatientStatus;
  clearance: ClearanceStatus;
  mayStart: { verdict: 'may_start' | 'override_required' | 'blocked'; reasons: string[] };
  boneLesions: Array<{
    id: string;
    site: BoneLesionSite;
    lesionType: LesionType | null;
    weightBearing: WeightBearingStatus;
    location: string | null;
    /** Mirels points entered so far (a floor for the total); null when none are entered. */
    mirelsPoints: number | null;
  }>;
  skeletalRisk: SkeletalRiskSummary;
  medicationFlags: MedicationFlag[];
  activeTreatments: Array<{
    id: string;
    type: TreatmentType;
    regimen: string | null;
    cycleDay: CycleDay | null;
  }>;
  /** The care team's phone numbers for the urgent-action panel; main oncologist first. */
  careTeam: Array<{
    contactId: string;
    fullName: string;
    role: ContactRole;
    phone: string | null;
    isMainOncologist: boolean;
  }>;
  emergencyContact: { name: string | null; relationship: string | null; phone: string | null };
  /** Standing safety alerts (patientAlerts): the same list the overview shows. */
  alerts: PatientAlert[];
}
