import { conditionAlertFacts } from './alertFacts';
import { precautionPolicy, siteAlertPolicy } from './siteAlerts';
import { asc, desc, eq, sql } from 'drizzle-orm';
import {
  clearanceStatusOn,
  cycleDayOn,
  exerciseFlagsFrom,
  fractureScoreFor,
  isTreatmentActiveOn,
  mayStartSessions,
  patientAlerts,
  mirelsScore,
  sinsScore,
  skeletalRiskSummary,
  type MirelsComponents,
  type SinsComponents,
} from '../../../shared/clinical/intake';
import type { BoneLesionView, IntakeRecord, ScreeningView } from '../../../shared/contract/intake';
import { todayLocal } from '../../../shared/dates';
import type {
  BoneLesionSite,
  ClearanceDecision,
  ComorbidityKind,
  GoalCategory,
  GoalStatus,
  LesionType,
  MetastaticSite,
  PatientStatus,
  ReferralPriority,
  WeightBearingStatus,
} from '../../../shared/domain/vocabulary';
import type { ServiceContext } from '../../context';
import { prepared } from '../../db/prepared';
import {
  baselineScreening,
  caseloadSummary,
  clinician,
  comorbidity,
  diagnosis,
  goal,
  goalMilestone,
  referral,
  statusChange,
} from '../../db/schema';
import { notFound } from '../../errors';
import { toSummary } from '../patients';
import {
  boneLesionRows,
  careTeamRows,
  clearanceRows,
  limitsOf,
  detailsRow,
  medicationFlagsOf,
  medicationRows,
  parseJsonArray,
  parseJsonObject,
  patientRow,
  toClearanceRecord,
  toSkeletalLesion,
  toTreatment,
  treatmentRows,
  type BoneLesionRow,
} from './facts';

const byPatient = sql.placeholder('patientId');

function lesionView(row: BoneLesionRow): BoneLesionView {
  const mirels = parseJsonObject<MirelsComponents>(row.mirelsJson);
  const sins = parseJsonObject<SinsComponents>(row.sinsJson);
  const site = row.site as BoneLesionSite;
  const kind = fractureScoreFor(site) ?? (mirels ? 'mirels' : sins ? 'sins' : null);
  return {
    id: row.id,
    site,
    side: row.side,
    location: row.location,
    lesionType: row.lesionType as LesionType | null,
    radiotherapy: row.radiotherapy,
    radiotherapyOn: row.radiotherapyOn,
    surgery: row.surgery,
    surgeryOn: row.surgeryOn,
    weightBearing: row.weightBearing as WeightBearingStatus,
    mirels: mirels
      ? {
          site: mirels.site ?? null,
          lesion: mirels.lesion ?? null,
          size: mirels.size ?? null,
          pain: mirels.pain ?? null,
        }
      : null,
    sins: sins
      ? {
          location: sins.location ?? null,
          pain: sins.pain ?? null,
          lesion: sins.lesion ?? null,
          alignment: sins.alignment ?? null,
          collapse: sins.collapse ?? null,
          posterolateral: sins.posterolateral ?? null,
        }
      : null,
    notes: row.notes,
    active: row.active,
    score:
      kind === 'mirels'
        ? { kind, result: mirelsScore(mirels) }
        : kind === 'sins'
          ? { kind, result: sinsScore(sins) }
          : null,
  };
}

/** A patient's intake record and everything derived from it today; the overview's one read. */
export function getIntakeRecord(ctx: ServiceContext, patientId: string): IntakeRecord {
  const person = patientRow(ctx, patientId);
  if (!person) throw notFound('That patient');
  const today = todayLocal(ctx.now());
  const details = detailsRow(ctx, patientId);
  const lead = details?.leadClinicianId
    ? prepared(ctx, 'intake.record.clinician', () =>
        ctx.db
          .select({ id: clinician.id, fullName: clinician.fullName })
          .from(clinician)
          .where(eq(clinician.id, sql.placeholder('id')))
          .prepare(),
      ).get({ id: details.leadClinicianId })
    : undefined;

  const statusHistory = prepared(ctx, 'intake.record.status', () =>
    ctx.db
      .select()
      .from(statusChange)
      .where(eq(statusChange.patientId, byPatient))
      .orderBy(desc(statusChange.effectiveOn), desc(statusChange.createdAt))
      .prepare(),
  ).all({ patientId });
  const referrals = prepared(ctx, 'intake.record.referrals', () =>
    ctx.db
      .select()
      .from(referral)
      .where(eq(referral.patientId, byPatient))
      .orderBy(desc(referral.referredOn))
      .prepare(),
  ).all({ patientId });
  const diagnoses = prepared(ctx, 'intake.record.diagnoses', () =>
    ctx.db
      .select()
      .from(diagnosis)
      .where(eq(diagnosis.patientId, byPatient))
      .orderBy(asc(diagnosis.createdAt))
      .prepare(),
  ).all({ patientId });
  const comorbidities = prepared(ctx, 'intake.record.comorbidities', () =>
    ctx.db
      .select()
      .from(comorbidity)
      .where(eq(comorbidity.patientId, byPatient))
      .orderBy(asc(comorbidity.createdAt))
      .prepare(),
  ).all({ patientId });
  const screenings = prepared(ctx, 'intake.record.screenings', () =>
    ctx.db
      .select()
      .from(baselineScreening)
      .where(eq(baselineScreening.patientId, byPatient))
      .orderBy(desc(baselineScreening.screenedOn))
      .prepare(),
  ).all({ patientId });
  const goals = prepared(ctx, 'intake.record.goals', () =>
    ctx.db.select().from(goal).where(eq(goal.patientId, byPatient)).orderBy(asc(goal.createdAt)).prepare(),
  ).all({ patientId });
  const milestones =
    goals.length === 0
      ? []
      : prepared(ctx, 'intake.record.milestones', () =>
          ctx.db
            .select()
            .from(goalMilestone)
            .where(sql`${goalMilestone.goalId} IN (SELECT value FROM json_each(${sql.placeholder('goalIds')}))`)
            .orderBy(asc(goalMilestone.createdAt))
            .prepare(),
        ).all({ goalIds: JSON.stringify(goals.map((g) => g.id)) });
  const summary = prepared(ctx, 'intake.record.summary', () =>
    ctx.db
      .select({
        reassessmentDueOn: caseloadSummary.reassessmentDueOn,
        openAdverseEvents: caseloadSummary.openAdverseEvents,
        openRedFlags: caseloadSummary.openRedFlags,
        ungradedAdverseEvents: caseloadSummary.ungradedAdverseEvents,
      })
      .from(caseloadSummary)
      .where(eq(caseloadSummary.patientId, byPatient))
      .prepare(),
  ).get({ patientId });

  const lesionRows = boneLesionRows(ctx, patientId);
  const clearances = clearanceRows(ctx, patientId);
  const medications = medicationRows(ctx, patientId);
  const treatments = treatmentRows(ctx, patientId).map((row) => ({ ...toTreatment(row), notes: row.notes }));
  const clearance = clearanceStatusOn(clearances.map(toClearanceRecord), today);
  const status = person.status as PatientStatus;
  const skeletalRisk = skeletalRiskSummary(lesionRows.filter((row) => row.active).map(toSkeletalLesion));
  const medicationFlags = exerciseFlagsFrom(
    medications.map((row) => ({ flags: medicationFlagsOf(row), startedOn: row.startedOn, stoppedOn: row.stoppedOn })),
    today,
  );

  return {
    today,
    patient: toSummary(person),
    details: {
      gender: details?.gender ?? null,
      phone: details?.phone ?? null,
      email: details?.email ?? null,
      address: details?.address ?? null,
      preferredLanguage: details?.preferredLanguage ?? null,
      interpreterNeeded: details?.interpreterNeeded ?? false,
      emergencyContactName: details?.emergencyContactName ?? null,
      emergencyContactRelationship: details?.emergencyContactRelationship ?? null,
      emergencyContactPhone: details?.emergencyContactPhone ?? null,
      reassessmentIntervalWeeks: details?.reassessmentIntervalWeeks ?? 8,
      leadClinicianId: details?.leadClinicianId ?? null,
      lvefPercent: details?.lvefPercent ?? null,
      lvefMeasuredOn: details?.lvefMeasuredOn ?? null,
    },
    leadClinician: lead ?? null,
    statusHistory: statusHistory.map((row) => ({
      id: row.id,
      fromStatus: row.fromStatus as PatientStatus | null,
      toStatus: row.toStatus as PatientStatus,
      effectiveOn: row.effectiveOn,
      reason: row.reason,
      recordedAt: row.createdAt,
    })),
    referrals: referrals.map((row) => ({
      id: row.id,
      referredOn: row.referredOn,
      referrerContactId: row.referrerContactId,
      referrerName: row.referrerName,
      reason: row.reason,
      priority: row.priority as ReferralPriority,
    })),
    diagnoses: diagnoses.map((row) => ({
      id: row.id,
      primarySite: row.primarySite,
      histology: row.histology,
      diagnosedOn: row.diagnosedOn,
      stage: row.stage,
      metastaticSites: parseJsonArray<MetastaticSite>(row.metastaticSitesJson),
      otherMetastaticSites: row.otherMetastaticSites,
      notes: row.notes,
    })),
    boneLesions: lesionRows.map(lesionView),
    treatments: treatments.map((t) => ({
      ...t,
      cycleDayToday: cycleDayOn(t, today),
      activeToday: isTreatmentActiveOn(t, today),
    })),
    comorbidities: comorbidities.map((row) => ({
      id: row.id,
      kind: row.kind as ComorbidityKind,
      detail: row.detail,
      active: row.active,
    })),
    medications: medications.map((row) => ({
      id: row.id,
      name: row.name,
      dose: row.dose,
      flags: medicationFlagsOf(row),
      startedOn: row.startedOn,
      stoppedOn: row.stoppedOn,
      notes: row.notes,
    })),
    clearances: clearances.map((row) => ({
      id: row.id,
      requestedOn: row.requestedOn,
      requestedFromContactId: row.requestedFromContactId,
      requestedFromName: row.requestedFromName,
      receivedOn: row.receivedOn,
      receivedFromContactId: row.receivedFromContactId,
      receivedFromName: row.receivedFromName,
      decision: row.decision as ClearanceDecision | null,
      restrictions: row.restrictions,
      ...limitsOf(row),
      reviewBy: row.reviewBy,
      notes: row.notes,
    })),
    screenings: screenings.map((row): ScreeningView => ({
      id: row.id,
      screenedOn: row.screenedOn,
      fatigue: row.fatigue,
      pain: row.pain,
      painSite: row.painSite,
      breathlessness: row.breathlessness,
      nausea: row.nausea,
      neuropathy: row.neuropathy as ScreeningView['neuropathy'],
      sleepQuality: row.sleepQuality,
      energy: row.energy,
      ecog: row.ecog,
      fallsLast6Months: row.fallsLast6Months,
      currentActivity: row.currentActivity,
      exerciseFear: row.exerciseFear,
      readiness: row.readiness as ScreeningView['readiness'],
      priorities: row.priorities,
    })),
    goals: goals.map((row) => ({
      id: row.id,
      inOwnWords: row.inOwnWords,
      category: row.category as GoalCategory,
      measureKey: row.measureKey,
      targetValue: row.targetValue,
      targetDate: row.targetDate,
      status: row.status as GoalStatus,
      achievedOn: row.achievedOn,
      milestones: milestones
        .filter((m) => m.goalId === row.id)
        .map((m) => ({ id: m.id, description: m.description, targetDate: m.targetDate, achievedOn: m.achievedOn })),
    })),
    careTeam: careTeamRows(ctx, patientId),
    clearance,
    mayStart: mayStartSessions({ patientStatus: status, clearance }),
    skeletalRisk,
    medicationFlags,
    reassessmentDueOn: summary?.reassessmentDueOn ?? null,
    openAdverseEvents: summary?.openAdverseEvents ?? 0,
    openRedFlags: summary?.openRedFlags ?? 0,
    ungradedAdverseEvents: summary?.ungradedAdverseEvents ?? 0,
    alerts: patientAlerts(
      {
        medicationFlags,
        boneLesions: lesionRows.filter((row) => row.active),
        skeletalRisk,
        ...conditionAlertFacts(ctx, patientId, today),
      },
      siteAlertPolicy(ctx),
      precautionPolicy(ctx),
    ),
  };
}
