import { text } from 'drizzle-orm/sqlite-core';

/** Who and when, on every clinical row (DESIGN.md "Data rules"). Instants are ISO-8601 UTC. */
export const whoAndWhen = {
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
};
