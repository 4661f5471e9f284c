import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { ClearanceRecord } from '../../../shared/clinical/intake';
import type { ClearanceLimits } from '../../../shared/clinical/intake/clearance';
import type { MovementTag } from '../../../shared/clinical/session/boneRestrictions';
import type { MirelsComponents, SinsComponents } from '../../../shared/clinical/intake/fractureRisk';
import type { SkeletalLesion } from '../../../shared/clinical/intake/skeletalRisk';
import type { Treatment } from '../../../shared/clinical/intake/treatmentCycle';
import type {
  BoneLesionSite,
  ClearanceDecision,
  ContactRole,
  LesionType,
  MedicationFlag,
  TreatmentType,
  WeightBearingStatus,
} from '../../../shared/domain/vocabulary';
import type { CareTeamView } from '../../../shared/contract/intake';
import type { ServiceContext } from '../../context';
import { prepared } from '../../db/prepared';
import {
  boneLesion,
  careTeamMember,
  clearance,
  contact,
  medication,
  patient,
  patientDetails,
  treatment,
} from '../../db/schema';

/**
 * Prepared reads of the intake facts that the safety context, the overview and the caseload
 * summary all derive from. One statement per shape, built once per open caseload.
 */

const byPatient = sql.placeholder('patientId');

export function parseJsonArray<T>(json: string | null | undefined): T[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

export function parseJsonObject<T extends object>(json: string | null | undefined): T | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as T) : null;
  } catch {
    return null;
  }
}

export function patientRow(ctx: ServiceContext, patientId: string) {
  return prepared(ctx, 'intake.patient', () =>
    ctx.db.select().from(patient).where(eq(patient.id, byPatient)).prepare(),
  ).get({ patientId });
}

export function detailsRow(ctx: ServiceContext, patientId: string) {
  return prepared(ctx, 'intake.details', () =>
    ctx.db.select().from(patientDetails).where(eq(patientDetails.patientId, byPatient)).prepare(),
  ).get({ patientId });
}

export type ClearanceRow = typeof clearance.$inferSelect;

export function clearanceRows(ctx: ServiceContext, patientId: string): ClearanceRow[] {
  return prepared(ctx, 'intake.clearances', () =>
    ctx.db
      .select()
      .from(clearance)
      .where(eq(clearance.patientId, byPatient))
      .orderBy(asc(clearance.createdAt), asc(clearance.id))
      .prepare(),
  ).all({ patientId });
}

export function toClearanceRecord(row: ClearanceRow): ClearanceRecord {
  return {
    requestedOn: row.requestedOn,
    requestedFrom: row.requestedFromName,
    receivedOn: row.receivedOn,
    receivedFrom: row.receivedFromName,
    decision: row.decision as ClearanceDecision | null,
    restrictions: row.restrictions,
    limits: limitsOf(row),
    reviewBy: row.reviewBy,
  };
}

export function limitsOf(row: ClearanceRow): ClearanceLimits {
  return {
    rpeCeiling: row.rpeCeiling,
    hrCeiling: row.hrCeiling,
    avoidTags: row.avoidTags ? (JSON.parse(row.avoidTags) as MovementTag[]) : [],
    noGroupSessions: row.noGroupSessions,
  };
}

export type BoneLesionRow = typeof boneLesion.$inferSelect;

export function boneLesionRows(ctx: ServiceContext, patientId: string): BoneLesionRow[] {
  return prepared(ctx, 'intake.lesions', () =>
    ctx.db
      .select()
      .from(boneLesion)
      .where(eq(boneLesion.patientId, byPatient))
      .orderBy(asc(boneLesion.createdAt), asc(boneLesion.id))
      .prepare(),
  ).all({ patientId });
}

export function toSkeletalLesion(row: BoneLesionRow): SkeletalLesion {
  return {
    id: row.id,
    site: row.site as BoneLesionSite,
    lesionType: row.lesionType as LesionType | null,
    weightBearing: row.weightBearing as WeightBearingStatus,
    mirels: parseJsonObject<MirelsComponents>(row.mirelsJson),
    sins: parseJsonObject<SinsComponents>(row.sinsJson),
    radiotherapy: row.radiotherapy,
    surgery: row.surgery,
  };
}

export type TreatmentRow = typeof treatment.$inferSelect;

export function treatmentRows(ctx: ServiceContext, patientId: string): TreatmentRow[] {
  return prepared(ctx, 'intake.treatments', () =>
    ctx.db
      .select()
      .from(treatment)
      .where(eq(treatment.patientId, byPatient))
      .orderBy(desc(treatment.startDate), asc(treatment.id))
      .prepare(),
  ).all({ patientId });
}

export type TreatmentFacts = Treatment & { id: string };

export function toTreatment(row: TreatmentRow): TreatmentFacts {
  return {
    id: row.id,
    type: row.type as TreatmentType,
    regimen: row.regimen,
    startDate: row.startDate,
    endDate: row.endDate,
    cycleLengthDays: row.cycleLengthDays,
    day1Dates: parseJsonArray<string>(row.day1DatesJson),
  };
}

export type MedicationRow = typeof medication.$inferSelect;

export function medicationRows(ctx: ServiceContext, patientId: string): MedicationRow[] {
  return prepared(ctx, 'intake.medications', () =>
    ctx.db
      .select()
      .from(medication)
      .where(eq(medication.patientId, byPatient))
      .orderBy(asc(medication.createdAt), asc(medication.id))
      .prepare(),
  ).all({ patientId });
}

export function medicationFlagsOf(row: MedicationRow): MedicationFlag[] {
  return parseJsonArray<MedicationFlag>(row.flagsJson);
}

/** The care-team line as the contract sends it. */
export type CareTeamLine = CareTeamView;

export function careTeamRows(ctx: ServiceContext, patientId: string): CareTeamLine[] {
  const rows = prepared(ctx, 'intake.careTeam', () =>
    ctx.db
      .select({
        id: careTeamMember.id,
        contactId: contact.id,
        fullName: contact.fullName,
        role: contact.role,
        practice: contact.practice,
        phone: contact.phone,
        email: contact.email,
        fax: contact.fax,
        isMainOncologist: careTeamMember.isMainOncologist,
        note: careTeamMember.note,
        active: careTeamMember.active,
      })
      .from(careTeamMember)
      .innerJoin(contact, eq(contact.id, careTeamMember.contactId))
      .where(and(eq(careTeamMember.patientId, byPatient)))
      .orderBy(desc(careTeamMember.isMainOncologist), asc(contact.fullName))
      .prepare(),
  ).all({ patientId });
  return rows.map((row) => ({ ...row, role: row.role as ContactRole }));
}
