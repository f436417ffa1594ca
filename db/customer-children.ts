import { eq, sql } from 'drizzle-orm';
import type { Database } from './index';
import { customerBillingProviders, customerIngestAliases, customers, customerSearchText } from './schema';

/** What a customer has in tables of its own: its ingest aliases and billing providers, in order. */
export interface CustomerChildren {
  ingestAliases: string[];
  billingProviders: {
    billingProvider: string;
    deliveryMethod: string;
    configuration: Record<string, string | boolean>;
  }[];
}

/**
 * Replaces a customer's aliases and billing providers, and what search finds it by. The one
 * writer of these rows: the data layer's saves and the demo seed both call it.
 */
export async function writeCustomerChildren(tx: Database, id: string, children: CustomerChildren) {
  await tx.delete(customerIngestAliases).where(eq(customerIngestAliases.customerId, id));
  await tx.delete(customerBillingProviders).where(eq(customerBillingProviders.customerId, id));
  if (children.ingestAliases.length > 0) {
    // One array parameter rather than three per alias: 2,000 aliases bind and plan in one go.
    await tx.execute(sql`insert into ${customerIngestAliases} (customer_id, position, alias)
      select ${id}::uuid, (t.ord - 1)::int, t.alias
      from unnest(${sql.param(children.ingestAliases)}::text[]) with ordinality as t(alias, ord)`);
  }
  if (children.billingProviders.length > 0) {
    await tx.insert(customerBillingProviders).values(
      children.billingProviders.map((p, position) => ({
        customerId: id,
        position,
        billingProvider: p.billingProvider,
        deliveryMethod: p.deliveryMethod,
        configuration: p.configuration,
      })),
    );
  }
  await tx.update(customers).set({ searchText: customerSearchText }).where(eq(customers.id, id));
}
