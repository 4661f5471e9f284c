import type { ExportResult } from '../../../shared/contract/exports';
import { reportDefinitions, type ClinicReport, type Share } from '../../../shared/contract/reports';
import { formatDateAs, formatInstantAs, todayLocal, type DateDisplay } from '../../../shared/dates';
import type { ServiceContext } from '../../context';
import type { PrintedDocument } from '../../workers/blocksPdf';
import { render, renderWithFacts } from '../../workers/render';
import { clinicDateDisplay } from '../display';
import { caseloadFile, clinicianName, saveAuditedExport } from '../exports/recordExport';
import { letterheadOf } from '../letters/settings';
import { requireClinician } from '../settings';
import type { ReportPeriod } from './clinicReport';

/** The clinic report for a period, counted in the document worker so a long period never stalls the window. */
export async function clinicReportFor(ctx: ServiceContext, period: ReportPeriod): Promise<ClinicReport> {
  requireClinician(ctx);
  const now = ctx.now();
  const bytes = await render({
    kind: 'clinic-report',
    caseload: caseloadFile(ctx),
    from: period.from,
    to: period.to,
    today: todayLocal(now),
    generatedAt: now.toISOString(),
  });
  return JSON.parse(new TextDecoder().decode(bytes)) as ClinicReport;
}

export const percentText = (share: Share) =>
  share.percent === null ? `${share.count}` : `${share.count} (${share.percent.toFixed(1)}%)`;

export const gradeLabel = (grade: number | null) => (grade === null ? 'Not yet graded' : `Grade ${grade}`);

/** The report as a printed document: the same figures as the screen, each with its definition. */
export function clinicReportDocument(
  report: ClinicReport,
  options: { clinicName: string; dates: DateDisplay; preparedBy: string },
): PrintedDocument {
  const day = (d: string) => formatDateAs(d, options.dates);
  const period = `${day(report.from)} to ${day(report.to)}`;
  const s = report.sessions;
  const ofBooked = (n: number) => (s.booked > 0 ? `${((n / s.booked) * 100).toFixed(1)}%` : '—');
  const rate = (r: number | null) => (r === null ? '—' : r.toFixed(1));
  const walk = report.sixMinuteWalk;
  const threshold = `${walk.threshold.value} ${walk.threshold.unit} (${walk.threshold.source})`;
  return {
    title: `Clinic report, ${period}`,
    clinicName: options.clinicName,
    footer: `${options.clinicName} · Clinic report, ${period}`,
    blocks: [
      { kind: 'heading', level: 1, text: `Clinic report: ${period}` },
      {
        kind: 'fields',
        rows: [
          ['Clinic', options.clinicName],
          ['Period', period],
          ...(report.asOf !== report.to
            ? ([['Overdue and current states judged on', day(report.asOf)]] as Array<[string, string]>)
            : []),
          ['Prepared', `${formatInstantAs(report.generatedAt, options.dates)} by ${options.preparedBy}`],
        ],
      },
      { kind: 'heading', level: 2, text: 'Patients seen' },
      { kind: 'fields', rows: [['Patients seen', String(report.patientsSeen)]] },
      { kind: 'paragraph', text: reportDefinitions.patientsSeen, tone: 'muted' },
      { kind: 'heading', level: 2, text: 'Sessions' },
      {
        kind: 'table',
        columns: ['Sessions', 'Number', 'Share of booked'],
        rows: [
          ['Booked', String(s.booked), s.booked > 0 ? '100%' : '—'],
          ['Attended', String(s.attended), ofBooked(s.attended)],
          ['Cancelled', String(s.cancelled), ofBooked(s.cancelled)],
          ['Did not attend', String(s.didNotAttend), ofBooked(s.didNotAttend)],
          ['Held for safety', String(s.heldForSafety), ofBooked(s.heldForSafety)],
          ['Not yet recorded', String(s.notYetRecorded), ofBooked(s.notYetRecorded)],
        ],
        widths: ['*', 80, 100],
      },
      { kind: 'paragraph', text: reportDefinitions.sessions, tone: 'muted' },
      { kind: 'heading', level: 2, text: 'Pre-session safety checks' },
      {
        kind: 'table',
        columns: ['Decision', 'Safety checks (share)'],
        rows: [
          ['Go', percentText(report.screens.go)],
          ['Go with modifications', percentText(report.screens.modify)],
          ['Hold', percentText(report.screens.hold)],
          ['All safety checks', String(report.screens.total)],
        ],
        widths: ['*', 180],
      },
      { kind: 'paragraph', text: reportDefinitions.screens, tone: 'muted' },
      { kind: 'heading', level: 2, text: 'Adverse events' },
      {
        kind: 'table',
        columns: ['Grade', 'Events', 'Per 100 attended sessions'],
        rows: [
          ...report.adverseEvents.byGrade.map((g) => [gradeLabel(g.grade), String(g.count), rate(g.per100)]),
          ['All adverse events', String(report.adverseEvents.total), rate(report.adverseEvents.per100)],
        ],
        widths: ['*', 80, 140],
      },
      {
        kind: 'paragraph',
        text: `${reportDefinitions.adverseEvents} Sessions attended in the period: ${report.adverseEvents.attendedSessions}.`,
        tone: 'muted',
      },
      { kind: 'heading', level: 2, text: 'Reassessments' },
      {
        kind: 'fields',
        rows: [
          ['Reassessments done', String(report.reassessments.done)],
          [
            `Overdue on ${day(report.asOf)}`,
            `${report.reassessments.overdue} of ${report.reassessments.activePatients} active patients`,
          ],
        ],
      },
      { kind: 'paragraph', text: reportDefinitions.reassessments, tone: 'muted' },
      { kind: 'heading', level: 2, text: 'Six-minute walk' },
      {
        kind: 'fields',
        rows: [
          ['Patients compared', String(walk.patients)],
          ['Improved beyond the threshold', percentText(walk.improved)],
          ['Stable', String(walk.stable)],
          ['Declined beyond the threshold', String(walk.declined)],
          ...(walk.notJudged > 0 ? ([['Not judged', String(walk.notJudged)]] as Array<[string, string]>) : []),
          ['Threshold', walk.threshold.clinicPolicy ? `${threshold}: clinic policy, not a published MCID` : threshold],
        ],
      },
      {
        kind: 'paragraph',
        text: `${reportDefinitions.sixMinuteWalk}${walk.threshold.note ? ` ${walk.threshold.note}` : ''}`,
        tone: 'muted',
      },
    ],
  };
}

/** The report as a PDF, laid out in the worker, saved where the clinician chooses and audited. */
export async function exportClinicReportPdf(ctx: ServiceContext, period: ReportPeriod): Promise<ExportResult> {
  const actor = requireClinician(ctx);
  const at = ctx.now();
  return saveAuditedExport(
    ctx,
    { suggestedName: `clinic-report-${period.from}-to-${period.to}.pdf`, kind: 'pdf', at },
    async () => {
      const report = await clinicReportFor(ctx, period);
      const letterhead = letterheadOf(ctx);
      const document = clinicReportDocument(report, {
        clinicName: letterhead.clinicName,
        dates: clinicDateDisplay(ctx),
        preparedBy: clinicianName(ctx, actor),
      });
      return renderWithFacts({ kind: 'printed-pdf', document, paper: letterhead.paper, createdAt: at.toISOString() });
    },
    { actorId: actor, patientId: null, entityId: 'clinic_report', kind: 'clinic_report_pdf', detail: { ...period } },
  );
}
