import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../context';
import { letter, letterReply, letterSending } from '../../db/schema';

/** The caseload column: since when the oldest unanswered guidance request has waited. */
export function lettersSummary(ctx: ServiceContext, patientId: string): { guidanceAwaitingSince: string | null } {
  const requests = ctx.db
    .select({ id: letter.id, finalisedAt: letter.finalisedAt })
    .from(letter)
    .where(and(eq(letter.patientId, patientId), eq(letter.type, 'guidance_request'), eq(letter.status, 'final')))
    .all();
  if (requests.length === 0) return { guidanceAwaitingSince: null };
  const ids = requests.map((r) => r.id);
  const answered = new Set(
    ctx.db
      .select({ id: letterReply.letterId })
      .from(letterReply)
      .where(inArray(letterReply.letterId, ids))
      .all()
      .map((r) => r.id),
  );
  const corrected = new Set(
    ctx.db
      .select({ id: letter.previousId })
      .from(letter)
      .where(inArray(letter.previousId, ids))
      .all()
      .map((r) => r.id),
  );
  const sentOn = new Map<string, string>();
  for (const s of ctx.db.select().from(letterSending).where(inArray(letterSending.letterId, ids)).all()) {
    const before = sentOn.get(s.letterId);
    if (!before || s.sentOn < before) sentOn.set(s.letterId, s.sentOn);
  }
  const waiting = requests
    .filter((r) => !answered.has(r.id) && !corrected.has(r.id))
    .map((r) => sentOn.get(r.id) ?? r.finalisedAt!.slice(0, 10))
    .sort();
  return { guidanceAwaitingSince: waiting[0] ?? null };
}
