import { eq } from 'drizzle-orm';
import { formatClinicDate, todayLocal } from '../../../shared/dates';
import type { ExercisePlan, PlanItem, SavedHandout } from '../../../shared/contract/sessions';
import type { ServiceContext } from '../../context';
import { patient } from '../../db/schema';
import { ApiError, notFound } from '../../errors';
import { exercisesById } from './exercises';
import { planView } from './plans';
import { readSetting, requireClinician } from '../settings';
import { saveAudited } from '../exports/target';
import { render } from '../../workers/render';

/** The dose of one exercise in plain words, as a patient would read it at home. */
export function doseInWords(item: PlanItem, useHeartRate: boolean): string {
  const parts: string[] = [];
  if (item.sets && item.reps) parts.push(`${item.sets} sets of ${item.reps}`);
  else if (item.reps) parts.push(`${item.reps} times`);
  if (item.durationMin) parts.push(`for ${item.durationMin} minutes`);
  if (item.loadKg) parts.push(`with ${item.loadKg} kg`);
  if (item.rpeMin && item.rpeMax) parts.push(`effort ${item.rpeMin}–${item.rpeMax} on the 6–20 scale`);
  if (item.talkTest) parts.push('you should still be able to talk in sentences');
  if (useHeartRate && item.hrMin && item.hrMax) parts.push(`heart rate ${item.hrMin}–${item.hrMax} beats a minute`);
  if (item.restSeconds) parts.push(`rest ${item.restSeconds} seconds between sets`);
  return parts.join(', ') || 'As shown by your exercise specialist';
}

function documentFor(ctx: ServiceContext, name: string, plan: ExercisePlan, useHeartRate: boolean) {
  const library = exercisesById(
    ctx,
    plan.items.map((i) => i.exerciseId),
  );
  const clinic = readSetting<string>(ctx, 'clinic.name') ?? 'Your exercise clinic';
  return {
    info: { title: `Exercise plan for ${name}` },
    defaultStyle: { font: 'Roboto', fontSize: 12, lineHeight: 1.25 },
    pageMargins: [48, 56, 48, 56] as [number, number, number, number],
    content: [
      { text: clinic, color: '#137871', bold: true },
      { text: `Your exercise plan, ${name}`, fontSize: 20, bold: true, margin: [0, 6, 0, 4] },
      {
        text: `Version ${plan.version}, written ${formatClinicDate(plan.createdAt.slice(0, 10))} by ${plan.createdByName}`,
        color: '#555',
      },
      {
        text: `Aim for ${plan.sessionsPerWeek} session${plan.sessionsPerWeek === 1 ? '' : 's'} a week of about ${plan.sessionMinutes} minutes.`,
        margin: [0, 12, 0, 0],
        bold: true,
      },
      plan.cycleAdjustment ? { text: `Around your treatment: ${plan.cycleAdjustment}`, margin: [0, 6, 0, 0] } : '',
      ...plan.items.flatMap((item, i) => [
        { text: `${i + 1}. ${item.exerciseName}`, fontSize: 14, bold: true, margin: [0, 14, 0, 2] },
        { text: library.get(item.exerciseId)?.description ?? '' },
        { text: doseInWords(item, useHeartRate), italics: true, margin: [0, 2, 0, 0] },
        item.progression ? { text: `When it feels easy: ${item.progression}` } : '',
        item.notes ? { text: item.notes } : '',
      ]),
      plan.milestones ? { text: `What we are working towards: ${plan.milestones}`, margin: [0, 16, 0, 0] } : '',
      {
        margin: [0, 18, 0, 0],
        table: {
          widths: ['*'],
          body: [
            [
              {
                text: 'Stop and get help straight away if you have chest pain or pressure, feel faint or dizzy, are suddenly very short of breath, have new swelling or pain in a calf, new or worse bone pain, feel confused, have a fever, or have new weakness or numbness in your legs or problems with your bladder or bowels.',
                margin: [8, 8, 8, 8],
              },
            ],
          ],
        },
      },
    ],
  };
}

/**
 * Renders the current plan as a patient handout and saves it where the specialist chooses, audited
 * like every file that leaves. pdfmake lays out synchronously, so the layout runs in the document
 * worker and the main process keeps answering the window meanwhile.
 */
export async function patientHandout(ctx: ServiceContext, patientId: string): Promise<SavedHandout> {
  const actor = requireClinician(ctx);
  const who = ctx.db.select().from(patient).where(eq(patient.id, patientId)).get();
  if (!who) throw notFound('That patient');
  const view = planView(ctx, patientId);
  if (!view.plan) throw new ApiError('conflict', 'Write the exercise plan first; the handout is printed from it.');
  const name = `${who.preferredName ?? who.givenName} ${who.familyName}`;
  const definition = documentFor(ctx, name, view.plan, view.heartRateTargets.allowed);
  const fileName = `exercise-plan-${who.familyName.toLowerCase()}-${todayLocal(ctx.now())}.pdf`;
  const bytes = () => render({ kind: 'pdf', definition });
  const saved = await saveAudited(ctx, { suggestedName: fileName, kind: 'handout' }, bytes, {
    actorId: actor,
    patientId,
    entityId: view.plan.id,
    kind: 'plan_handout',
    detail: { planVersion: view.plan.version },
  });
  return { fileName, path: saved?.path ?? null };
}
