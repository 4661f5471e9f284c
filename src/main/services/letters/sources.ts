import { inArray } from 'drizzle-orm';
import {
  letterDate,
  letterShortDate,
  list,
  medicinesByGroup,
  outcomeSummary,
  outcomeTable,
  programmeSentence,
  proposedTesting,
  proposedTraining,
  readerSource,
  type LetterChart,
  type LetterRecipient,
  type LetterTable,
  type LetterType,
  type MergeView,
} from '../../../shared/clinical/letters';
import { formatNumber, getMeasure } from '../../../shared/clinical/measures';
import {
  boneLesionSites,
  contactRoles,
  metastaticSites,
  treatmentTypes,
  weightBearingStatuses,
} from '../../../shared/domain/vocabulary';
import type { RecipientOption } from '../../../shared/contract/letters';
import type { IntakeRecord } from '../../../shared/contract/intake';
import type { ProgressOverview } from '../../../shared/contract/assessments';
import type { AdverseEventRecord, ExercisePlan } from '../../../shared/contract/sessions';
import { addWeeks, ageOn, type ClinicDate } from '../../../shared/dates';
import type { ServiceContext } from '../../context';
import { contact } from '../../db/schema';
import { ApiError } from '../../errors';
import { customDefinitions, defaultBattery } from '../assessments/measures';
import { progressOverview } from '../assessments/progress';
import { getIntakeRecord } from '../intake/record';
import { adverseEventsForPatient } from '../sessions/adverseEvents';
import { patientSessions } from '../sessions/history';
import { planView } from '../sessions/plans';
import { letterheadOf, signatoryOf } from './settings';

/** Everything a letter is drafted from, read once from the record. */
export interface LetterSources {
  record: IntakeRecord;
  progress: ProgressOverview;
  plan: ExercisePlan | null;
  restrictions: ReturnType<typeof planView>['restrictions'];
  adverseEvents: AdverseEventRecord[];
}

export function readSources(ctx: ServiceContext, patientId: string): LetterSources {
  const record = getIntakeRecord(ctx, patientId);
  const view = planView(ctx, patientId);
  return {
    record,
    progress: progressOverview(ctx, patientId),
    plan: view.plan,
    restrictions: view.restrictions,
    adverseEvents: adverseEventsForPatient(ctx, patientId),
  };
}

export function patientName(record: IntakeRecord): string {
  const p = record.patient;
  return `${p.givenName}${p.preferredName && p.preferredName !== p.givenName ? ` (${p.preferredName})` : ''} ${p.familyName}`;
}

const honorific = (role: string, name: string) =>
  role === 'oncologist' || role === 'gp' ? `Dr ${name.split(' ').slice(-1)[0]}` : name;

/** Who a letter can go to: the patient's care team (main oncologist first), and the patient. */
export function recipientOptions(ctx: ServiceContext, record: IntakeRecord): RecipientOption[] {
  const team = record.careTeam.filter((m) => m.active);
  const addresses = new Map(
    team.length === 0
      ? []
      : ctx.db
          .select({ id: contact.id, address: contact.address, practice: contact.practice })
          .from(contact)
          .where(
            inArray(
              contact.id,
              team.map((m) => m.contactId),
            ),
          )
          .all()
          .map((c) => [c.id, [c.practice, ...(c.address ?? '').split('\n')].filter((l): l is string => !!l?.trim())]),
  );
  const options: RecipientOption[] = team.map((m) => ({
    key: `contact:${m.contactId}`,
    contactId: m.contactId,
    isPatient: false,
    name: m.fullName,
    roleLabel: m.isMainOncologist ? 'Main oncologist' : contactRoles.labels[m.role],
    addressLines: addresses.get(m.contactId) ?? [],
    isMainOncologist: m.isMainOncologist,
    isGp: m.role === 'gp',
  }));
  const p = record.patient;
  options.push({
    key: 'patient',
    contactId: null,
    isPatient: true,
    name: `${p.preferredName ?? p.givenName} ${p.familyName}`,
    roleLabel: 'Patient',
    addressLines: (record.details.address ?? '').split('\n').filter((l) => l.trim()),
    isMainOncologist: false,
    isGp: false,
  });
  return options;
}

/** To the main oncologist, a copy to the GP (issue 8 §4). */
export function defaultRecipients(options: RecipientOption[]): LetterRecipient[] {
  const main = options.find((o) => o.isMainOncologist) ?? options.find((o) => o.roleLabel === 'Oncologist');
  const gp = options.find((o) => o.isGp && o !== main);
  const chosen: LetterRecipient[] = [];
  if (main) chosen.push(toRecipient(main, 'to'));
  if (gp) chosen.push(toRecipient(gp, 'cc'));
  return chosen;
}

export function toRecipient(option: RecipientOption, role: 'to' | 'cc'): LetterRecipient {
  return {
    contactId: option.contactId,
    isPatient: option.isPatient,
    role,
    name: option.name,
    addressLines: option.addressLines,
  };
}

function attendanceSentence(ctx: ServiceContext, patientId: string, name: string, from: ClinicDate, to: ClinicDate) {
  const view = patientSessions(ctx, { patientId, from, to });
  const a = view.adherence;
  if (a.offered === 0 && a.notRecorded === 0) return `No supervised sessions were booked for ${name} in this period.`;
  const parts = [`${name} attended ${a.attended} of ${a.offered} supervised sessions offered`];
  if (a.attendanceRate != null) parts[0] += ` (${Math.round(a.attendanceRate * 100)}%)`;
  const missed: string[] = [];
  if (a.held) missed.push(`${a.held} held for safety`);
  if (a.cancelled) missed.push(`${a.cancelled} cancelled`);
  if (a.dna) missed.push(`${a.dna} not attended`);
  let text = `${parts[0]}${missed.length ? `; ${list(missed)}` : ''}.`;
  if (a.plannedSessions && a.adherenceToPlan != null) {
    // The plan's count is sessions a week times weeks in the period, so rarely a whole number.
    const planned = Math.round(a.plannedSessions);
    text += ` Against the plan of about ${planned} session${planned === 1 ? '' : 's'}, adherence was ${Math.round(a.adherenceToPlan * 100)}%.`;
  }
  return text;
}

function modificationsSentence(sources: LetterSources): string {
  const lines = sources.restrictions.map(
    (r) => `${boneLesionSites.labels[r.site]} lesion: ${r.allowedNote} (${readerSource(r.source)}).`,
  );
  if (sources.plan?.cycleAdjustment) lines.push(`Around treatment: ${sources.plan.cycleAdjustment}.`);
  return lines.length ? `Modifications: ${lines.join(' ')}` : 'No modifications for bone lesions were needed.';
}

function adverseSentence(
  events: AdverseEventRecord[],
  from: ClinicDate,
  to: ClinicDate,
  name: string,
  fmt: (d: ClinicDate) => string,
): string {
  const inPeriod = events.filter((e) => e.occurredAt.slice(0, 10) >= from && e.occurredAt.slice(0, 10) <= to);
  if (inPeriod.length === 0) return `There were no adverse events during ${name}’s sessions in this period.`;
  return inPeriod
    .map((e) => {
      const when = fmt(e.occurredAt.slice(0, 10));
      const what = e.description ?? e.type.replace(/_/g, ' ');
      return `On ${when}: ${what} (${e.severity === null ? 'not yet graded' : `grade ${e.severity}`})${e.actionTaken ? `; action taken: ${e.actionTaken}` : ''}${e.closedAt ? '; resolved' : '; still open'}.`;
    })
    .join('\n\n');
}

function symptomSentence(progress: ProgressOverview): string {
  const scores = progress.charts.sessionScores;
  const average = (xs: Array<number | null>) => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
  };
  if (scores.length < 2) return 'Too few sessions have symptom scores to show a trend yet.';
  const third = Math.max(1, Math.floor(scores.length / 3));
  const early = scores.slice(0, third);
  const late = scores.slice(-third);
  const parts: string[] = [];
  for (const [key, label] of [
    ['fatigue', 'Fatigue'],
    ['pain', 'Pain'],
  ] as const) {
    const a = average(early.map((s) => s[key]));
    const b = average(late.map((s) => s[key]));
    if (a !== null && b !== null)
      parts.push(
        `${label} (0–10) averaged ${formatNumber(a, 1)} early in the period and ${formatNumber(b, 1)} recently.`,
      );
  }
  return parts.length ? parts.join(' ') : 'Symptom scores were not recorded often enough to show a trend.';
}

function goalsSentence(progress: ProgressOverview): string {
  const goals = progress.charts.goals;
  if (goals.length === 0) return 'No goals are recorded yet.';
  return goals
    .map((g) => {
      const status = g.status.replace(/_/g, ' ');
      const toward = g.percentToTarget != null ? `, ${Math.round(g.percentToTarget)}% of the way to the target` : '';
      return `“${g.inOwnWords}”: ${status}${toward}.`;
    })
    .join('\n\n');
}

function lesionTable(record: IntakeRecord, fmt: (d: ClinicDate) => string): LetterTable {
  return {
    columns: ['Site', 'Type', 'Score', 'Weight-bearing', 'Radiotherapy'],
    rows: record.boneLesions
      .filter((l) => l.active)
      .map((l) => {
        const score =
          l.score?.kind === 'mirels'
            ? l.score.result.total !== null
              ? `Mirels ${l.score.result.total} (${l.score.result.band?.label ?? ''})`
              : 'Mirels not yet scored'
            : l.score?.kind === 'sins'
              ? l.score.result.total !== null
                ? `SINS ${l.score.result.total} (${l.score.result.band?.label ?? ''})`
                : 'SINS not yet scored'
              : 'Not scored';
        return [
          `${boneLesionSites.labels[l.site]}${l.side ? `, ${l.side}` : ''}${l.location ? `, ${l.location}` : ''}`,
          l.lesionType ? l.lesionType.charAt(0).toUpperCase() + l.lesionType.slice(1) : 'Not stated',
          score,
          weightBearingStatuses.labels[l.weightBearing],
          l.radiotherapy ? (l.radiotherapyOn ? fmt(l.radiotherapyOn) : 'Yes') : 'No',
        ];
      }),
  };
}

function diagnosisSentence(record: IntakeRecord): string {
  const d = record.diagnoses[0];
  if (!d) return 'cancer (diagnosis not yet recorded)';
  const sites = d.metastaticSites.map((s) => metastaticSites.labels[s].toLowerCase());
  // "Breast" reads as "breast" mid-sentence; an acronym ("NSCLC") keeps its capitals.
  const site = /^[A-Z][a-z]/.test(d.primarySite)
    ? d.primarySite.charAt(0).toLowerCase() + d.primarySite.slice(1)
    : d.primarySite;
  return `${site} cancer${d.histology ? ` (${d.histology})` : ''}${sites.length ? ` with metastases to ${list(sites)}` : ''}`;
}

/** The clinic's baseline tests (Settings → Assessments), by name, for the guidance request to propose. */
function batteryOf(ctx: ServiceContext): Array<{ key: string; name: string }> {
  const custom = customDefinitions(ctx);
  return defaultBattery(ctx).flatMap((key) => {
    const name = (getMeasure(key) ?? custom.get(key))?.name;
    return name ? [{ key, name }] : [];
  });
}

/** What a discharge letter recommends: nothing it cannot know, such as a home programme handed over. */
function dischargeAdvice(name: string, sources: LetterSources): string {
  const advice = `We recommend that ${name} stays as active as symptoms allow: the guidelines’ core message for people with cancer is to avoid inactivity (Campbell et al., MSSE 2019).`;
  const reasons = [...new Set(sources.restrictions.map((r) => r.reason))];
  return reasons.length
    ? `${advice} The precautions for the bone lesions still apply until the medical team advises otherwise: ${reasons.join(' ')}`
    : advice;
}

export interface DraftMaterial {
  view: MergeView;
  tables: { outcomes: LetterTable; lesions: LetterTable };
  chartOptions: Array<{ key: string; name: string }>;
  chart: (measureKey: string | null) => LetterChart | null;
}

export interface DraftEvent {
  adverseEvent: AdverseEventRecord | null;
}

/** The merge view and structured blocks for one patient's letter, built from the record. */
export function draftMaterial(
  ctx: ServiceContext,
  sources: LetterSources,
  options: { type: LetterType; date: ClinicDate; recipients: LetterRecipient[]; event: DraftEvent },
): DraftMaterial {
  const { record, progress } = sources;
  const letterhead = letterheadOf(ctx);
  const fmt = (d: ClinicDate | null | undefined) => (d ? letterDate(d, letterhead) : 'not set');
  const p = record.patient;
  const preferred = p.preferredName ?? p.givenName;
  const referral = record.referrals[0] ?? null;
  const baselineDates = progress.comparison.rows
    .map((r) => r.baseline?.date)
    .filter((d): d is string => !!d)
    .sort();
  const periodFrom = baselineDates[0] ?? referral?.referredOn ?? options.date;
  const periodTo = options.date;
  const to = options.recipients.find((r) => r.role === 'to') ?? null;
  const toOption = to ? (to.isPatient ? null : record.careTeam.find((m) => m.contactId === to.contactId)) : null;
  const signatory = signatoryOf(ctx, ctx.session.clinicianId);
  const latestClearance = record.clearances[0] ?? null;
  const hasLesions = record.boneLesions.some((l) => l.active);
  const event = options.event.adverseEvent;
  const nextReview = record.reassessmentDueOn ?? addWeeks(options.date, record.details.reassessmentIntervalWeeks || 12);
  const discharge = record.statusHistory.find((s) => s.toStatus === 'discharged') ?? null;
  const medicines = medicinesByGroup(record.medications, options.date);

  const view: MergeView = {
    'clinic.name': letterhead.clinicName,
    'clinic.phone': letterhead.phone ?? '',
    'clinic.email': letterhead.email ?? '',
    'letter.date': fmt(options.date),
    'patient.fullName': `${p.givenName} ${p.familyName}`,
    'patient.preferredName': preferred,
    'patient.givenName': p.givenName,
    'patient.familyName': p.familyName,
    'patient.dateOfBirth': fmt(p.dateOfBirth),
    'patient.age': String(ageOn(p.dateOfBirth, options.date)),
    'patient.mrn': p.mrn,
    'recipient.name': to?.name ?? '',
    'recipient.salutation': to
      ? to.isPatient
        ? preferred
        : honorific(toOption?.role ?? 'other', to.name)
      : 'colleague',
    'clinician.name': signatory.name,
    'clinician.profession': signatory.profession ?? '',
    'clinician.credentials': signatory.credentials ?? '',
    'referral.date': referral ? fmt(referral.referredOn) : '',
    'referral.reason': referral?.reason ?? '',
    'referral.referrer': referral?.referrerName ?? '',
    'diagnosis.summary': diagnosisSentence(record),
    'period.from': fmt(periodFrom),
    'period.to': fmt(periodTo),
    'attendance.summary': attendanceSentence(ctx, p.id, preferred, periodFrom, periodTo),
    'programme.summary': programmeSentence(sources.plan),
    'programme.modifications': modificationsSentence(sources),
    'adverseEvents.summary': adverseSentence(sources.adverseEvents, periodFrom, periodTo, preferred, fmt),
    'outcomes.summary': outcomeSummary(progress.comparison.rows),
    'symptoms.summary': symptomSentence(progress),
    'goals.summary': goalsSentence(progress),
    'plan.summary': sources.plan
      ? `We plan to continue ${sources.plan.sessionsPerWeek} supervised session${sources.plan.sessionsPerWeek === 1 ? '' : 's'} a week, progressing as tolerated.`
      : 'We will write an exercise plan once guidance is received.',
    'nextReview.date': fmt(nextReview),
    'testing.planned': `${proposedTesting(batteryOf(ctx), sources.restrictions)}\n\n${proposedTraining(sources.plan, sources.restrictions)}`,
    'guidance.reasons': `${preferred} has ${diagnosisSentence(record)}.${hasLesions ? ' Bone metastases change which movements and loads are safe.' : ''}${record.treatments.some((t) => t.activeToday) ? ` Current treatment: ${list(record.treatments.filter((t) => t.activeToday).map((t) => `${treatmentTypes.labels[t.type].toLowerCase()}${t.regimen ? ` (${t.regimen})` : ''}`))}.` : ''}`,
    'medications.hrBp': medicines.heartRate,
    'medications.bleeding': medicines.bleeding,
    'medications.glucose': medicines.glucose,
    'medications.other': medicines.other,
    'bone.request':
      'Please share recent imaging and bone-scan results, your view (or the orthopaedic view) of each lesion’s stability, radiotherapy dates, any bone-targeted drugs, and any weight-bearing restrictions: the bone-metastasis consensus advises this two-way exchange with the medical team before testing or training (IBMEWG, Campbell et al., JCO Oncol Pract 2022). Until we hear from you we do not load the affected sites, as the site-based exercise scheme advises (Galvão 2011; Cormie 2013).',
    'clearance.restrictions': latestClearance?.restrictions ?? '',
    'event.summary': event
      ? `On ${fmt(event.occurredAt.slice(0, 10))}, during a supervised session: ${event.description ?? event.type.replace(/_/g, ' ')} (${event.severity === null ? 'not yet graded' : `grade ${event.severity}`}).`
      : '',
    'event.actions': event?.actionTaken ?? '',
    'discharge.reason': discharge?.reason ?? '',
    'discharge.recommendations': dischargeAdvice(preferred, sources),
    toPatient: to?.isPatient ?? false,
    hasBoneLesions: hasLesions,
    hasAdverseEvents: sources.adverseEvents.length > 0,
  };

  const measures = progress.charts.measures.filter((m) => m.points.length > 0);
  return {
    view,
    // Table cells are narrow: the short month ("14 Sep 2026"), still in the clinic's order.
    tables: {
      outcomes: outcomeTable(progress.comparison.rows, (d) => letterShortDate(d, letterhead)),
      lesions: lesionTable(record, fmt),
    },
    chartOptions: chartOptionsOf(progress),
    chart: (measureKey) => {
      const m = measures.find((x) => x.measureKey === measureKey);
      if (!m) return null;
      return {
        measureKey: m.measureKey,
        title: `${m.name} over time`,
        unit: m.unit,
        decimals: m.decimals,
        points: m.points.map((pt) => ({ date: pt.date, value: pt.value })),
        baseline: m.baseline,
      };
    },
  };
}

/** The measures with results, any of which the letter's chart may show. */
export function chartOptionsOf(progress: ProgressOverview): Array<{ key: string; name: string }> {
  return progress.charts.measures.filter((m) => m.points.length > 0).map((m) => ({ key: m.measureKey, name: m.name }));
}

/** 6MWT by default (issue 8 §3), else the first measure with results. */
export function defaultChartKey(options: Array<{ key: string }>): string | null {
  return (options.find((o) => o.key === 'six_minute_walk') ?? options[0])?.key ?? null;
}

export function assertHasAssessments(sources: LetterSources, type: LetterType): void {
  if ((type === 'reassessment' || type === 'discharge') && sources.progress.comparison.rows.length === 0) {
    throw new ApiError(
      'conflict',
      `${type === 'reassessment' ? 'A reassessment letter' : 'A discharge summary'} reports outcome measures, and this patient has no finalised assessment yet. Finalise a baseline assessment first.`,
      { type: 'This patient has no finalised assessment to report' },
    );
  }
}
