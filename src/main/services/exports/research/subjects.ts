import { randomInt } from 'node:crypto';
import type { ServiceContext } from '../../../context';
import { researchSubject } from '../../../db/schema';
import { insertAudited } from '../../audit';
import { researchDateShift } from './settings';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford's base 32: no I, L, O or U to misread

/** `PW` and 8 random characters (40 bits): says nothing about the patient, the clinic or the date. */
export function newStudyId(): string {
  let id = 'PW';
  for (let i = 0; i < 8; i++) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

/** Hands the event loop back whenever this much time has gone on giving ids, so the window keeps answering. */
const SLICE_MS = 8;

/**
 * Gives every patient without one a study id and a date offset, kept in the caseload so the next
 * export matches this one. Each is audited (who, when, which patient) without the id or the offset:
 * the trail travels in the patient's record export and the caseload export, and either value there
 * would link the research set back to the person. Returns how many were new.
 */
export async function assignStudyIds(
  ctx: ServiceContext,
  actor: string,
  onProgress: (done: number, total: number) => void,
): Promise<number> {
  const waiting = (
    ctx.sqlite
      .prepare('SELECT id FROM patient WHERE id NOT IN (SELECT patient_id FROM research_subject) ORDER BY id')
      .all() as Array<{ id: string }>
  ).map((r) => r.id);
  if (waiting.length === 0) return 0;
  const taken = new Set(
    (ctx.sqlite.prepare('SELECT study_id FROM research_subject').all() as Array<{ study_id: string }>).map(
      (r) => r.study_id,
    ),
  );
  const shift = researchDateShift(ctx);
  let next = 0;
  while (next < waiting.length) {
    const sliceStart = performance.now();
    // One transaction per slice: each id and its audit entry are kept or lost together.
    ctx.sqlite.transaction(() => {
      while (next < waiting.length && performance.now() - sliceStart < SLICE_MS) {
        const patientId = waiting[next++]!;
        let studyId = newStudyId();
        while (taken.has(studyId)) studyId = newStudyId();
        taken.add(studyId);
        insertAudited(
          ctx,
          researchSubject,
          {
            patientId,
            studyId,
            dateOffsetDays: -randomInt(shift.minDays, shift.maxDays + 1),
          },
          {
            actorId: actor,
            patientId,
            entity: 'research_subject',
            after: () => undefined,
            reason: 'Study id and date offset given for the research export (kept in the caseload only)',
          },
        );
      }
    })();
    onProgress(next, waiting.length);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return waiting.length;
}
