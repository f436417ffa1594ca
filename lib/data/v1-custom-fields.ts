/**
 * Custom fields for /v1: the key registry (addKey, removeKey, listKeys) and a customer's values
 * (setValues, deleteValues). A registered key with enforce_uniqueness has its values unique across
 * customers, archived ones included: custom_field_unique_values's unique index settles it.
 */
import 'server-only';
import { rowsOf } from './raw-rows';
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Database } from '@/db';
import { lockCustomFieldKeys } from '@/db/customer-children';
import { customers, customFieldKeys, customFieldUniqueValues } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { MAX_CUSTOM_FIELDS } from '@/lib/validations/customer';
import type { V1CustomFieldKey } from '@/lib/validations/v1/objects';
import { recordAudit } from './audit';
import { V1Error } from '@/lib/validations/v1/errors';
import { invalid, notFound, ownerOf } from './v1-errors';
import { customFieldValueTaken, updateCustomerRecord, v1CustomerWrite, v1Write, type V1WriteOptions } from './v1-write';

/** The customers holding `key`, as `custom_fields ->> key` (null where they do not). */
const valueOf = (key: string) => sql<string | null>`(${customers.customFields} ->> ${key})`;

/**
 * POST /v1/customFields/addKey: registers the key, or sets enforce_uniqueness on a registered one.
 * Turning it on while two customers share a value is a 409 naming one of them.
 */
export async function addV1CustomFieldKey(
  actor: Actor,
  key: string,
  enforceUniqueness: boolean,
  opts: V1WriteOptions = {},
): Promise<void> {
  assertCan(actor, 'customers:write');
  await v1Write(opts, {}, async (tx) => {
    await lockCustomFieldKeys(tx, [key], 'exclusive'); // no value of this key is being written now
    const [existing] = await tx.select().from(customFieldKeys).where(eq(customFieldKeys.key, key)).for('update');
    if (existing && existing.enforceUniqueness === enforceUniqueness) return;
    if (existing) {
      await tx.update(customFieldKeys).set({ enforceUniqueness }).where(eq(customFieldKeys.key, key));
    } else {
      await tx.insert(customFieldKeys).values({ key, enforceUniqueness });
    }
    if (enforceUniqueness) await fillUniqueValues(tx, key);
    else await tx.delete(customFieldUniqueValues).where(eq(customFieldUniqueValues.key, key));
    await recordAudit(tx, actor, {
      action: existing ? 'custom_field_key.update' : 'custom_field_key.add',
      entityType: 'custom_field_key',
      entityId: key,
      entityLabel: key,
      changes: [
        { field: 'enforceUniqueness', old: existing ? existing.enforceUniqueness : null, new: enforceUniqueness },
      ],
    });
  });
}

/** Records every customer's value of a key turning unique; a value two customers share is a 409. */
async function fillUniqueValues(tx: Database, key: string) {
  const [shared] = await rowsOf<{ value: string; id: string }>(
    tx.execute(sql`select v.value, (array_agg(v.id order by v.created_at, v.id))[1] as id
    from (select ${valueOf(key)} as value, ${customers.id} as id, ${customers.createdAt} as created_at from ${customers}) v
    where v.value is not null group by v.value having count(*) > 1 limit 1`),
  );
  if (shared) {
    const [holder] = await tx
      .select({ id: customers.id, name: customers.name, displayName: customers.displayName })
      .from(customers)
      .where(eq(customers.id, shared.id));
    throw customFieldValueTaken(key, shared.value, holder && ownerOf(holder));
  }
  await tx.execute(sql`insert into ${customFieldUniqueValues} (key, value, customer_id)
    select ${key}, ${valueOf(key)}, ${customers.id} from ${customers} where ${valueOf(key)} is not null`);
}

/**
 * POST /v1/customFields/removeKey: unregisters the key and deletes its values on every customer
 * (each gets a new version and an audit entry), in one transaction. An unregistered key is not found.
 */
export async function removeV1CustomFieldKey(actor: Actor, key: string, opts: V1WriteOptions = {}): Promise<void> {
  assertCan(actor, 'customers:write');
  await v1Write(opts, {}, async (tx) => {
    await lockCustomFieldKeys(tx, [key], 'exclusive');
    const [removed] = await tx.delete(customFieldKeys).where(eq(customFieldKeys.key, key)).returning();
    if (!removed) throw notFound('custom field key');
    const holders = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(sql`${valueOf(key)} is not null`)
      .orderBy(asc(customers.id));
    for (const { id } of holders) {
      await updateCustomerRecord(tx, actor, id, (before) => ({
        customFields: withoutKeys(before.customFields, [key]),
      }));
    }
    await recordAudit(tx, actor, {
      action: 'custom_field_key.remove',
      entityType: 'custom_field_key',
      entityId: key,
      entityLabel: key,
      changes: [{ field: 'enforceUniqueness', old: removed.enforceUniqueness, new: null }],
    });
  });
}

const KEYS_PAGE = 100;
const keyCursor = z.tuple([z.literal('v1k'), z.string().min(1).max(40)]);

/** POST /v1/customFields/listKeys: registered keys in key order, pages of 100, next_page null on the last. */
export async function listV1CustomFieldKeys(
  actor: Actor,
  nextPage?: string,
): Promise<{ data: V1CustomFieldKey[]; next_page: string | null }> {
  assertCan(actor, 'customers:read');
  let after: string | null = null;
  if (nextPage !== undefined) {
    try {
      if (nextPage.length > 200) throw new Error('too long');
      after = keyCursor.parse(JSON.parse(Buffer.from(nextPage, 'base64url').toString('utf8')))[1];
    } catch {
      throw new V1Error(400, 'invalid_cursor', 'next_page: not a cursor this API issued', { field: 'next_page' });
    }
  }
  const db = await getDb();
  const rows = await db
    .select({ key: customFieldKeys.key, enforceUniqueness: customFieldKeys.enforceUniqueness })
    .from(customFieldKeys)
    .where(after === null ? undefined : sql`${customFieldKeys.key} collate "C" > ${after}`)
    .orderBy(sql`${customFieldKeys.key} collate "C"`)
    .limit(KEYS_PAGE + 1);
  const page = rows.slice(0, KEYS_PAGE);
  const last = page[page.length - 1];
  return {
    data: page.map((r) => ({ entity: 'customer' as const, key: r.key, enforce_uniqueness: r.enforceUniqueness })),
    next_page:
      rows.length > KEYS_PAGE && last ? Buffer.from(JSON.stringify(['v1k', last.key])).toString('base64url') : null,
  };
}

function withoutKeys(fields: Record<string, string>, keys: string[]): Record<string, string> {
  const drop = new Set(keys);
  return Object.fromEntries(Object.entries(fields).filter(([k]) => !drop.has(k)));
}

/**
 * POST /v1/customFields/setValues: merges (the given keys set, others kept, order kept); the
 * result holds at most 50 keys. A unique key's value another customer holds is a 409.
 */
export async function setV1CustomFieldValues(
  actor: Actor,
  customerId: string,
  fields: Record<string, string>,
  opts: V1WriteOptions = {},
): Promise<void> {
  await v1CustomerWrite(
    actor,
    customerId,
    opts,
    (tx, id) =>
      updateCustomerRecord(tx, actor, id, (before) => {
        const merged = { ...before.customFields, ...fields };
        if (Object.keys(merged).length > MAX_CUSTOM_FIELDS) {
          throw invalid('custom_fields', `a customer holds at most ${MAX_CUSTOM_FIELDS} keys`);
        }
        return { customFields: merged };
      }),
    { customFields: fields },
  );
}

/** POST /v1/customFields/deleteValues: removes those keys; keys not set are ignored. */
export async function deleteV1CustomFieldValues(
  actor: Actor,
  customerId: string,
  keys: string[],
  opts: V1WriteOptions = {},
): Promise<void> {
  await v1CustomerWrite(actor, customerId, opts, (tx, id) =>
    updateCustomerRecord(tx, actor, id, (before) => ({ customFields: withoutKeys(before.customFields, keys) })),
  );
}
