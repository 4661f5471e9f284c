import { and, desc, eq, isNotNull, lte, sql } from 'drizzle-orm';
import type { AlertFacts } from '../../../shared/clinical/intake/patientAlerts';
import type { ClinicDate } from '../../../shared/dates';
import type { ComorbidityKind, TreatmentType } from '../../../shared/domain/vocabulary';
import type { ServiceContext } from '../../context';
import { prepared } from '../../db/prepared';
import { baselineScreening, comorbidity, session } from '../../db/schema';
import { clinicThresholds } from '../sessions/safety';
import { detailsRow, medicationRows, treatmentRows } from './facts';
import { metastaticSitesOf } from './siteAlerts';

const byPatient = sql.placeholder('patientId');
const onOrBefore = sql.placeholder('date');

/**
 * The facts behind the standing alerts beyond medications and bone lesions: conditions recorded at
 * intake, the latest screened neuropathy grade, and the last platelet count typed on a pre-session
 * screen (bloods are only ever entered there), judged by the clinic's own screen thresholds.
 */
export function conditionAlertFacts(
  ctx: ServiceContext,
  patientId: string,
  date: ClinicDate,
): Omit<AlertFacts, 'medicationFlags' | 'boneLesions' | 'skeletalRisk'> {
  const conditionDetails = prepared(ctx, 'intake.alerts.conditionDetails', () =>
    ctx.db
      .select({ kind: comorbidity.kind, detail: comorbidity.detail })
      .from(comorbidity)
      .where(and(eq(comorbidity.patientId, byPatient), eq(comorbidity.active, true)))
      .prepare(),
  )
    .all({ patientId })
    .map((row) => ({ kind: row.kind as ComorbidityKind, detail: row.detail }));
  const conditions = conditionDetails.map((c) => c.kind);
  const details = detailsRow(ctx, patientId);
  const screening = prepared(ctx, 'intake.alerts.neuropathy', () =>
    ctx.db
      .select({ neuropathy: baselineScreening.neuropathy })
      .from(baselineScreening)
      .where(
        and(
          eq(baselineScreening.patientId, byPatient),
          lte(baselineScreening.screenedOn, onOrBefore),
          isNotNull(baselineScreening.neuropathy),
        ),
      )
      .orderBy(desc(baselineScreening.screenedOn), desc(baselineScreening.createdAt))
      .limit(1)
      .prepare(),
  ).get({ patientId, date });
  const bloods = prepared(ctx, 'intake.alerts.lastPlatelets', () =>
    ctx.db
      .select({
        value: sql<number>`json_extract(${session.screenJson}, '$.plateletsX109')`,
        takenOn: sql<string | null>`json_extract(${session.screenJson}, '$.bloodsDate')`,
        date: session.date,
      })
      .from(session)
      .where(
        and(
          eq(session.patientId, byPatient),
          lte(session.date, onOrBefore),
          sql`json_extract(${session.screenJson}, '$.plateletsX109') is not null`,
        ),
      )
      .orderBy(desc(session.date), desc(session.startTime))
      .limit(1)
      .prepare(),
  ).get({ patientId, date });
  return {
    date,
    metastaticSites: metastaticSitesOf(ctx, patientId),
    conditions,
    conditionDetails,
    // As things stood on the date: a treatment or medicine recorded as starting later does not count yet.
    treatments: treatmentRows(ctx, patientId)
      .filter((row) => row.startDate <= date)
      .map((row) => ({
        type: row.type as TreatmentType,
        regimen: row.regimen,
        startDate: row.startDate,
        endDate: row.endDate,
      })),
    medicineNames: medicationRows(ctx, patientId)
      .filter((row) => (!row.startedOn || row.startedOn <= date) && (!row.stoppedOn || row.stoppedOn >= date))
      .map((row) => row.name),
    lastEjectionFraction:
      details?.lvefPercent != null && details.lvefMeasuredOn && details.lvefMeasuredOn <= date
        ? { percent: details.lvefPercent, on: details.lvefMeasuredOn }
        : null,
    screenedNeuropathy: (screening?.neuropathy as AlertFacts['screenedNeuropathy']) ?? null,
    lastPlatelets: bloods ? { valueX109: bloods.value, on: bloods.takenOn ?? bloods.date } : null,
    thresholds: clinicThresholds(ctx),
  };
}
