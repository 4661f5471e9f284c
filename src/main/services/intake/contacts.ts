import { asc, eq, sql } from 'drizzle-orm';
import type { ParsedInputOf } from '../../../shared/contract';
import type { ContactView } from '../../../shared/contract/intake';
import type { ContactRole } from '../../../shared/domain/vocabulary';
import type { ServiceContext } from '../../context';
import { prepared } from '../../db/prepared';
import { contact } from '../../db/schema';
import { notFound } from '../../errors';
import { insertAudited, updateAudited } from '../audit';
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
    const { id, ...values } = input;
    const audit = { actorId: actor, patientId: null, entity: 'contact' };
    if (id) {
      const before = ctx.db.select().from(contact).where(eq(contact.id, id)).get();
      if (!before) throw notFound('That contact');
      return toView(updateAudited(ctx, contact, before, values, audit));
    }
    return toView(insertAudited(ctx, contact, { id: ctx.newId(), ...values }, audit));
  })();
}
