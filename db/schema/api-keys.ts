import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { timestampMs as at, uuidOwner } from './columns';

/** Keys for the /v1 API. Only the SHA-256 of a key is kept; its first 8 characters let people recognise it. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    role: text('role').notNull(), // viewer | editor | admin
    prefix: text('prefix').notNull(),
    hash: text('hash').notNull().unique('api_keys_hash_key'),
    // Null for keys made from the shell (npm run apikey:create).
    createdByUserId: text('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdByEmail: text('created_by_email'),
    createdAt: at('created_at').notNull().defaultNow(),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [index('api_keys_created_at_idx').on(t.createdAt)],
);

/**
 * Idempotency-Key records (Stripe's rules): one per API key and key, kept 24 hours. `status` is
 * null while the first request runs; its answer is stored in the same transaction as its write.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    apiKeyId: uuidOwner('api_key_id', () => apiKeys.id),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status'),
    responseBody: jsonb('response_body'),
    createdAt: at('created_at').notNull().defaultNow(),
    // A request that never finished (a crash) frees its key after this time.
    lockedUntil: at('locked_until'),
  },
  (t) => [
    primaryKey({ name: 'idempotency_keys_pkey', columns: [t.apiKeyId, t.key] }),
    index('idempotency_keys_created_at_idx').on(t.createdAt),
  ],
);

export type ApiKey = typeof apiKeys.$inferSelect;
