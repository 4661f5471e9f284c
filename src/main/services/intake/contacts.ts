import { asc, eq, sql } from 'drizzle-orm';
import type { ParsedInputOf } from '../../../shared/contract';
import type { ContactView } from '../../../shared/contract/intake';
import type { ContactRole } from '../../../shared/domain/vocabulary';
import type { ServiceContext } from '../../context';
import { prepared } from '../../db/prepared';
import { contact } from '../../db/schema';
import { notFound } from '../../errors';
import { appendAudit } from '../audit';
import { requireClinician } from '../settings';

function toView(row: typeof contact.$inferSelect): ContactView {
  return {
    id: row.id,
    fullName: row.fullName,
    role: row.role as ContactRole,
    practice: row.practice,
    address: row.address,
    phone: row.phone,
    email: row.email,
    fax: row.fax,
    active: row.active,
  };
}

/** The clinic-wide directory; small (hundreds at most), so a name-ordered list filtered by a substring. */
export function listContacts(ctx: ServiceContext, input: ParsedInputOf<'contacts.list'>): ContactView[] {
  const rows = prepared(ctx, 'contacts.list', () =>
    ctx.db
      .select()
      .from(contact)
      .where(
        sql`(${sql.placeholder('all')} = 1 OR ${contact.active} = 1) AND (${sql.placeholder('q')} = '' OR instr(lower(${contact.fullName} || ' ' || coalesce(${contact.practice}, '')), ${sql.placeholder('q')}) > 0)`,
      )
      .orderBy(asc(contact.fullName))
      .limit(500)
      .prepare(),
  ).all({ all: input.includeInactive ? 1 : 0, q: input.query.toLowerCase() });
  return rows.map(toView);
}

export function saveContact(ctx: ServiceContext, input: ParsedInputOf<'contacts.save'>): ContactView {
  const actor = requireClinician(ctx);
  return ctx.sqlite.transaction(() => {
    const at = ctx.now().toISOString();
    const { id, ...values } = input;
    if (id) {
      const before = ctx.db.select().from(contact).where(eq(contact.id, id)).get();
      if (!before) throw notFound('That contact');
      const changes = { ...values, updatedAt: at, updatedBy: actor };
      ctx.db.update(contact).set(changes).where(eq(contact.id, id)).run();
      const after = { ...before, ...changes };
      appendAudit(ctx.db, ctx, {
        actorId: actor,
        patientId: null,
        entity: 'contact',
        entityId: id,
        action: 'update',
        before,
        after,
      });
      return toView(after);
    }
    const row = { id: ctx.newId(), ...values, createdAt: at, createdBy: actor, updatedAt: at, updatedBy: actor };
    ctx.db.insert(contact).values(row).run();
    appendAudit(ctx.db, ctx, {
      actorId: actor,
      patientId: null,
      entity: 'contact',
      entityId: row.id,
      action: 'create',
      after: row,
    });
    return toView(row);
  })();
}
