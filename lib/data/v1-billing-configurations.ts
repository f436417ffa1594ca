/**
 * Billing provider configurations for /v1: get, set (add), archive. A customer has at most one
 * active configuration per provider (a partial unique index); archived ones are kept.
 */
import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Database } from '@/db';
import { archiveBillingProviderRows, billingProviderRows, insertBillingProviders } from '@/db/customer-children';
import { customerBillingProviders, customers } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import type { BillingProviderConfiguration, DeliveryMethod } from '@/lib/validations/billing-providers';
import { DELIVERY_METHOD_IDS } from '@/lib/validations/v1/billing-configurations';
import type { V1BillingProviderConfiguration } from '@/lib/validations/v1/objects';
import { iso } from './customers';
import { V1Error } from '@/lib/validations/v1/errors';
import { invalid, notFound } from './v1-errors';
import { knownId, updateCustomerRecord, v1Write, type V1WriteOptions } from './v1-write';

type ConfigurationRow = typeof customerBillingProviders.$inferSelect;

/** BillingProviderConfiguration as the contract answers it. */
export function toV1BillingConfiguration(row: ConfigurationRow): V1BillingProviderConfiguration {
  const method = row.deliveryMethod as DeliveryMethod;
  return {
    id: row.id,
    customer_id: row.customerId,
    billing_provider: row.billingProvider as V1BillingProviderConfiguration['billing_provider'],
    configuration: row.configuration,
    delivery_method: method,
    delivery_method_id: DELIVERY_METHOD_IDS[method],
    delivery_method_configuration: {},
    archived_at: iso(row.archivedAt),
  };
}

async function customerExists(db: Database, id: string): Promise<boolean> {
  const [row] = await db.select({ id: customers.id }).from(customers).where(eq(customers.id, id));
  return Boolean(row);
}

/** POST /v1/getCustomerBillingProviderConfigurations: oldest first; archived ones only if asked. */
export async function getV1BillingConfigurations(
  actor: Actor,
  customerId: string,
  includeArchived = false,
): Promise<V1BillingProviderConfiguration[]> {
  assertCan(actor, 'customers:read');
  const db = await getDb();
  const id = knownId(customerId);
  if (!(await customerExists(db, id))) throw notFound();
  const rows = await billingProviderRows(db, id);
  return rows.filter((r) => includeArchived || r.archivedAt === null).map(toV1BillingConfiguration);
}

/** One entry of setCustomerBillingProviderConfigurations, parsed. */
export type V1BillingConfigurationEntry = BillingProviderConfiguration & { customerId: string };

const asChild = (c: BillingProviderConfiguration) => ({
  billingProvider: c.billingProvider,
  deliveryMethod: c.deliveryMethod,
  configuration: c.configuration as Record<string, string | boolean>,
});

/**
 * POST /v1/setCustomerBillingProviderConfigurations: adds every entry, or none. An unknown customer
 * is a 404; a provider the customer already has active, or named twice for one customer, a 409.
 * Answers the new configurations in request order.
 */
export async function setV1BillingConfigurations(
  actor: Actor,
  entries: V1BillingConfigurationEntry[],
  opts: V1WriteOptions = {},
): Promise<V1BillingProviderConfiguration[]> {
  assertCan(actor, 'customers:write');
  const ids = [...new Set(entries.map((e) => knownId(e.customerId)))].sort();
  const db = opts.tx ?? (await getDb());
  const known = await db.select({ id: customers.id }).from(customers).where(inArray(customers.id, ids));
  const missing = ids.find((id) => !known.some((k) => k.id === id));
  if (missing) throw notFound();
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    const key = `${knownId(e.customerId)}/${e.billingProvider}`;
    if (seen.has(key)) {
      throw new V1Error(
        409,
        'billing_provider_configured',
        `data[${i}]: ${e.billingProvider} is named twice for this customer`,
        {
          field: `data[${i}].billing_provider`,
        },
      );
    }
    seen.add(key);
  });
  return v1Write(opts, {}, async (tx) => {
    const made = new Map<number, ConfigurationRow>();
    // Customers in a fixed order: two calls naming the same customers lock them alike.
    for (const customerId of ids) {
      const mine = entries.flatMap((e, i) => (knownId(e.customerId) === customerId ? [{ e, i }] : []));
      await updateCustomerRecord(
        tx,
        actor,
        customerId,
        async (before) => {
          for (const { e, i } of mine) {
            if (before.billingProviders.some((p) => p.billingProvider === e.billingProvider)) {
              throw new V1Error(
                409,
                'billing_provider_configured',
                `data[${i}]: the customer already has an active ${e.billingProvider} configuration`,
                { field: `data[${i}].billing_provider` },
              );
            }
          }
          const rows = await insertBillingProviders(
            tx,
            customerId,
            mine.map(({ e }) => asChild(e)),
          );
          rows.forEach((row, j) => made.set(mine[j]!.i, row));
          return { billingProviders: [...before.billingProviders, ...mine.map(({ e }) => e)] };
        },
        { writeBillingProviders: false },
      );
    }
    return entries.map((_, i) => toV1BillingConfiguration(made.get(i)!));
  });
}

/**
 * POST /v1/archiveCustomerBillingProviderConfigurations: every id must be one of the customer's
 * configurations (else 400, nothing archived); archived ones stay as they are.
 */
export async function archiveV1BillingConfigurations(
  actor: Actor,
  customerId: string,
  configurationIds: string[],
  opts: V1WriteOptions = {},
): Promise<{ customer_id: string; customer_billing_provider_configuration_ids: string[] }> {
  assertCan(actor, 'customers:write');
  const id = knownId(customerId);
  const configurations = configurationIds.map((c) => c.toLowerCase());
  const malformed = configurations.findIndex((c) => !z.uuid().safeParse(c).success);
  if (malformed >= 0) throw invalid(`customer_billing_provider_configuration_ids[${malformed}]`, 'must be a UUID');
  await v1Write(opts, {}, async (tx) => {
    await updateCustomerRecord(
      tx,
      actor,
      id,
      async (before) => {
        const owned = await tx
          .select({ id: customerBillingProviders.id, archivedAt: customerBillingProviders.archivedAt })
          .from(customerBillingProviders)
          .where(
            and(eq(customerBillingProviders.customerId, id), inArray(customerBillingProviders.id, configurations)),
          );
        const i = configurations.findIndex((c) => !owned.some((o) => o.id === c));
        if (i >= 0) {
          throw invalid(`customer_billing_provider_configuration_ids[${i}]`, 'is not a configuration of this customer');
        }
        await archiveBillingProviderRows(tx, id, configurations);
        const active = await tx
          .select({ billingProvider: customerBillingProviders.billingProvider })
          .from(customerBillingProviders)
          .where(and(eq(customerBillingProviders.customerId, id), isNull(customerBillingProviders.archivedAt)));
        const stillActive = new Set(active.map((a) => a.billingProvider));
        return { billingProviders: before.billingProviders.filter((p) => stillActive.has(p.billingProvider)) };
      },
      { writeBillingProviders: false },
    );
  });
  return { customer_id: id, customer_billing_provider_configuration_ids: configurations };
}
