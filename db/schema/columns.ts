import { text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

// Column shapes every table writes the same way.

/** A moment as every table keeps it: with its time zone, to the millisecond, so JavaScript dates (and keyset cursors) round-trip exactly. */
export const timestampMs = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** `created_at`, and `updated_at` moved on by every update made through Drizzle. */
export const createdAndUpdatedAt = () => ({
  createdAt: timestampMs('created_at').notNull().defaultNow(),
  updatedAt: timestampMs('updated_at')
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
});

/** A child row's owner, by its uuid: the row goes with the owner. */
export const uuidOwner = (name: string, owner: () => AnyPgColumn) =>
  uuid(name).notNull().references(owner, { onDelete: 'cascade' });

/** A child row's owner, by a text key: the row goes with the owner. */
export const textOwner = (name: string, owner: () => AnyPgColumn) =>
  text(name).notNull().references(owner, { onDelete: 'cascade' });
