import { desc, eq } from 'drizzle-orm';
import type { ParsedInputOf } from '../../../shared/contract';
import { suggestMedicationFlags } from '../../../shared/clinical/intake/medications';
import { medicationFlags, patientStatuses } from '../../../shared/domain/vocabulary';
import type { ServiceContext } from '../../context';
import {
  baselineScreening,
  boneLesion,
  careTeamMember,
  clearance,
  clinician,
  comorbidity,
  contact,
  diagnosis,
  goal,
  goalMilestone,
  medication,
  patient,
  patientDetails,
  referral,
  statusChange,
  treatment,
} from '../../db/schema';
import { fieldError, notFound } from '../../errors';
import { insertAudited, updateAudited } from '../audit';
import { refreshCaseloadSummary } from '../caseloadSummary';
import { assertMrnFree, identityColumns, writeNameWords } from '../patients';
import { requireClinician } from '../settings';
import { patientRow } from './facts';
import { saveRow, changesNothing } from './write';

function contactNamed(ctx: ServiceContext, contactId: string, field: string) {
  const row = ctx.db.select().from(contact).where(eq(contact.id, contactId)).get();
  if (!row) throw fieldError(field, 'That contact is not in the directory');
  return row;
}

/* ------------------------------------------------------------------ patient record */

export function saveDetails(ctx: ServiceContext, input: ParsedInputOf<'intake.saveDetails'>): void {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => {
    const before = patientRow(ctx, input.patientId);
    if (!before) throw notFound('That patient');
    assertMrnFree(ctx, input.mrn, input.patientId);
    if (input.leadClinicianId) {
      const lead = ctx.db.select().from(clinician).where(eq(clinician.id, input.leadClinicianId)).get();
      if (!lead) throw fieldError('leadClinicianId', 'Choose a clinician of this clinic');
    }
    const identity = identityColumns(input);
    const identityChanged = (Object.keys(identity) as Array<keyof typeof identity>).some(
      (k) => before[k] !== identity[k],
    );
    const audit = { actorId: actor, patientId: input.patientId };
    if (identityChanged) {
      updateAudited(ctx, patient, before, identity, { ...audit, entity: 'patient' });
      writeNameWords(ctx, input.patientId, input);
    }
    const details = {
      gender: input.gender,
      phone: input.phone,
      email: input.email,
      address: input.address,
      preferredLanguage: input.preferredLanguage,
      interpreterNeeded: input.interpreterNeeded,
      emergencyContactName: input.emergencyContactName,
      emergencyContactRelationship: input.emergencyContactRelationship,
      emergencyContactPhone: input.emergencyContactPhone,
      reassessmentIntervalWeeks: input.reassessmentIntervalWeeks,
      leadClinicianId: input.leadClinicianId,
    };
    const existing = ctx.db.select().from(patientDetails).where(eq(patientDetails.patientId, input.patientId)).get();
    if (existing && changesNothing(existing, details)) {
      // Saving the form unchanged leaves the record and the audit trail as they were.
    } else if (existing) {
      updateAudited(ctx, patientDetails, existing, details, { ...audit, entity: 'patient_details' });
    } else {
      insertAudited(
        ctx,
        patientDetails,
        { patientId: input.patientId, ...details },
        { ...audit, entity: 'patient_details' },
      );
    }
    refreshCaseloadSummary(ctx, input.patientId);
  })();
}

type Loosen<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

export function changeStatus(
  ctx: ServiceContext,
  input: Loosen<ParsedInputOf<'intake.changeStatus'>, 'correction'>,
): void {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => {
    const before = patientRow(ctx, input.patientId);
    if (!before) throw notFound('That patient');
    if (before.status === input.toStatus) {
      throw fieldError('toStatus', `The patient is already ${patientStatuses.labels[input.toStatus]}`);
    }
    if (before.status === 'deceased' && !input.correction) {
      throw fieldError(
        'toStatus',
        'A patient recorded as deceased cannot change status. If Deceased was recorded in error, record this as a correction with the reason',
      );
    }
    const last = ctx.db
      .select({ effectiveOn: statusChange.effectiveOn })
      .from(statusChange)
      .where(eq(statusChange.patientId, input.patientId))
      .orderBy(desc(statusChange.effectiveOn))
      .limit(1)
      .get();
    if (last && input.effectiveOn < last.effectiveOn) {
      throw fieldError('effectiveOn', `Date of the change cannot be before the last change (${last.effectiveOn})`);
    }
    const at = ctx.now().toISOString();
    const row = insertAudited(
      ctx,
      statusChange,
      {
        patientId: input.patientId,
        fromStatus: before.status,
        toStatus: input.toStatus,
        effectiveOn: input.effectiveOn,
        // No column of its own: the history row says it was a correction in its reason.
        reason: input.correction ? `Correction: ${input.reason}` : input.reason,
      },
      // Logged inside the patient's status entry below, not on its own.
      { actorId: actor, patientId: input.patientId, entity: 'status_change', at, ownEntry: false },
    );
    updateAudited(
      ctx,
      patient,
      before,
      { status: input.toStatus },
      {
        actorId: actor,
        patientId: input.patientId,
        entity: 'patient',
        action: 'status',
        at,
        before: { status: before.status },
        after: () => ({
          status: input.toStatus,
          effectiveOn: input.effectiveOn,
          statusChangeId: row.id,
          ...(input.correction ? { correction: true } : {}),
        }),
        reason: input.reason,
      },
    );
    refreshCaseloadSummary(ctx, input.patientId);
  })();
}

/* ------------------------------------------------------------------ care team and referral */

export function saveCareTeamMember(ctx: ServiceContext, input: ParsedInputOf<'intake.saveCareTeamMember'>): void {
  const { id, ...values } = input;
  saveRow(ctx, {
    table: careTeamMember,
    entity: 'care_team_member',
    what: 'care team member',
    id,
    values,
    refresh: false,
    before: (existing) => {
      const person = contactNamed(ctx, values.contactId, 'contactId');
      if (values.isMainOncologist && person.role !== 'oncologist') {
        throw fieldError(
          'isMainOncologist',
          `${person.fullName} is not an oncologist, so cannot be the main oncologist`,
        );
      }
      if (values.isMainOncologist && !values.active) {
        throw fieldError('isMainOncologist', 'The main oncologist must be on the care team');
      }
      const team = ctx.db.select().from(careTeamMember).where(eq(careTeamMember.patientId, values.patientId)).all();
      const twin = team.find((m) => m.contactId === values.contactId && m.active && m.id !== existing?.id);
      if (twin && values.active) throw fieldError('contactId', `${person.fullName} is already on the care team`);
      if (values.isMainOncologist) {
        // Only one main oncologist: the previous one stays on the team but loses the mark, audited.
        const actor = requireClinician(ctx);
        for (const member of team) {
          if (!member.isMainOncologist || member.id === existing?.id) continue;
          updateAudited(
            ctx,
            careTeamMember,
            member,
            { isMainOncologist: false },
            {
              actorId: actor,
              patientId: values.patientId,
              entity: 'care_team_member',
              reason: 'Another contact was marked as the main oncologist',
            },
          );
        }
      }
    },
  });
}

export function saveReferral(ctx: ServiceContext, input: ParsedInputOf<'intake.saveReferral'>): void {
  const { id, ...values } = input;
  const referrerName = values.referrerContactId
    ? contactNamed(ctx, values.referrerContactId, 'referrerContactId').fullName
    : values.referrerName;
  saveRow(ctx, {
    table: referral,
    entity: 'referral',
    what: 'referral',
    id,
    values: { ...values, referrerName },
    refresh: false,
  });
}

/* ------------------------------------------------------------------ cancer, lesions, treatment */

export function saveDiagnosis(ctx: ServiceContext, input: ParsedInputOf<'intake.saveDiagnosis'>): void {
  const { id, metastaticSites, ...values } = input;
  saveRow(ctx, {
    table: diagnosis,
    entity: 'diagnosis',
    what: 'diagnosis',
    id,
    values: { ...values, metastaticSitesJson: JSON.stringify([...new Set(metastaticSites)]) },
    refresh: true,
  });
}

const entered = (components: Record<string, unknown> | null) =>
  components && Object.values(components).some((v) => v != null) ? JSON.stringify(components) : null;

export function saveBoneLesion(ctx: ServiceContext, input: ParsedInputOf<'intake.saveBoneLesion'>): void {
  const { id, mirels, sins, ...values } = input;
  saveRow(ctx, {
    table: boneLesion,
    entity: 'bone_lesion',
    what: 'bone lesion',
    id,
    values: { ...values, mirelsJson: entered(mirels), sinsJson: entered(sins) },
    refresh: true,
  });
}

export function saveTreatment(ctx: ServiceContext, input: ParsedInputOf<'intake.saveTreatment'>): void {
  const { id, day1Dates, ...values } = input;
  saveRow(ctx, {
    table: treatment,
    entity: 'treatment',
    what: 'treatment',
    id,
    values: { ...values, day1DatesJson: JSON.stringify([...day1Dates].sort()) },
    refresh: true,
  });
}

/* ------------------------------------------------------------------ comorbidities, medicines */

/** The last ejection fraction, kept on the patient's details (issue 20: the cardiotoxic-treatment alert). */
export function saveHeartFunction(ctx: ServiceContext, input: ParsedInputOf<'intake.saveHeartFunction'>): void {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => {
    if (!patientRow(ctx, input.patientId)) throw notFound('That patient');
    const values = { lvefPercent: input.lvefPercent, lvefMeasuredOn: input.lvefMeasuredOn };
    const audit = { actorId: actor, patientId: input.patientId, entity: 'patient_details' };
    const existing = ctx.db.select().from(patientDetails).where(eq(patientDetails.patientId, input.patientId)).get();
    if (existing && changesNothing(existing, values)) return;
    if (existing) updateAudited(ctx, patientDetails, existing, values, audit);
    else insertAudited(ctx, patientDetails, { patientId: input.patientId, ...values }, audit);
  })();
}

export function saveComorbidity(ctx: ServiceContext, input: ParsedInputOf<'intake.saveComorbidity'>): void {
  const { id, ...values } = input;
  saveRow(ctx, { table: comorbidity, entity: 'comorbidity', what: 'condition', id, values, refresh: false });
}

export function saveMedication(
  ctx: ServiceContext,
  input: Loosen<ParsedInputOf<'intake.saveMedication'>, 'flagOverrideReason'>,
): void {
  const { id, flags, flagOverrideReason, ...values } = input;
  // The contract refuses an unticked suggested flag without a reason; the reason is kept in the audit entry.
  const unticked = suggestMedicationFlags(values.name).filter((f) => !flags.includes(f));
  saveRow(ctx, {
    table: medication,
    entity: 'medication',
    what: 'medicine',
    id,
    values: { ...values, flagsJson: JSON.stringify([...new Set(flags)]) },
    refresh: false,
    reason:
      unticked.length > 0 && flagOverrideReason
        ? `Suggested flag not ticked (${unticked.map((f) => medicationFlags.labels[f]).join(', ')}): ${flagOverrideReason}`
        : null,
  });
}

/* ------------------------------------------------------------------ clearance */

/** Returns the clearance row's id (a guidance-request letter keeps it to complete on reply). */
export function saveClearance(ctx: ServiceContext, input: ParsedInputOf<'intake.saveClearance'>): string {
  const { id, ...values } = input;
  const requestedFromName = values.requestedFromContactId
    ? contactNamed(ctx, values.requestedFromContactId, 'requestedFromContactId').fullName
    : values.requestedFromName;
  const receivedFromName = values.receivedFromContactId
    ? contactNamed(ctx, values.receivedFromContactId, 'receivedFromContactId').fullName
    : values.receivedFromName;
  return saveRow(ctx, {
    table: clearance,
    entity: 'clearance',
    what: 'clearance',
    id,
    values: {
      ...values,
      avoidTags: values.avoidTags.length > 0 ? JSON.stringify(values.avoidTags) : null,
      requestedFromName,
      receivedFromName,
    },
    refresh: true,
  });
}

/* ------------------------------------------------------------------ screening, goals */

export function saveScreening(ctx: ServiceContext, input: ParsedInputOf<'intake.saveScreening'>): void {
  const { id, ...values } = input;
  saveRow(ctx, {
    table: baselineScreening,
    entity: 'baseline_screening',
    what: 'screening',
    id,
    values,
    refresh: false,
  });
}

export function saveGoal(ctx: ServiceContext, input: ParsedInputOf<'intake.saveGoal'>): void {
  const { id, milestones, ...values } = input;
  saveRow(ctx, {
    table: goal,
    entity: 'goal',
    what: 'goal',
    id,
    values: { ...values, achievedOn: values.status === 'active' ? null : values.achievedOn },
    refresh: false,
    after: (goalId) => {
      const audit = { actorId: requireClinician(ctx), patientId: values.patientId, entity: 'goal_milestone' };
      const current = ctx.db.select().from(goalMilestone).where(eq(goalMilestone.goalId, goalId)).all();
      milestones.forEach((m, index) => {
        const fields = { description: m.description, targetDate: m.targetDate, achievedOn: m.achievedOn };
        if (m.id) {
          const before = current.find((c) => c.id === m.id);
          if (!before) throw fieldError(`milestones.${index}.description`, 'That milestone belongs to another goal');
          if (
            before.description === m.description &&
            before.targetDate === m.targetDate &&
            before.achievedOn === m.achievedOn
          ) {
            return;
          }
          updateAudited(ctx, goalMilestone, before, fields, audit);
        } else {
          insertAudited(ctx, goalMilestone, { id: ctx.newId(), goalId, ...fields }, audit);
        }
      });
    },
  });
}
