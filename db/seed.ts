import { sql } from 'drizzle-orm';
import type { Database } from './index';
import { customerIngestAliases, customers, type NewCustomer } from './schema';

type DemoCustomer = NewCustomer & { aliases: string[] };

const demoCustomers: DemoCustomer[] = [
  {
    name: 'acme_corp',
    displayName: 'Acme Corporation',
    description: 'Enterprise plan, billed monthly on API calls and storage.',
    email: 'billing@acme.example',
    website: 'https://acme.example',
    addressLine1: '111 Main St',
    addressLine2: '#1',
    city: 'New York',
    state: 'NY',
    zipcode: '10011',
    country: 'US',
    aliases: ['acme-prod', 'acme-staging', 'acme-eu-west-1', 'acme-batch', 'acme-analytics'],
  },
  {
    name: 'globex',
    displayName: 'Globex Industries',
    email: 'ap@globex.example',
    website: 'https://globex.example',
    city: 'Berlin',
    country: 'DE',
    aliases: ['globex', 'globex-data-pipeline'],
  },
  {
    name: 'initech.io',
    displayName: 'Initech',
    description: 'Self-serve; usage comes from the TPS report exporter.',
    email: 'finance@initech.example',
    city: 'Austin',
    state: 'TX',
    country: 'US',
    aliases: ['initech-tps'],
  },
  {
    name: 'umbrella-health',
    displayName: 'Umbrella Health Sciences GmbH & Co. KG — Research Computing Division',
    email: 'invoices@umbrella.example',
    city: 'Raccoon City',
    country: 'CA',
    aliases: ['umbrella-hpc-cluster-a', 'umbrella-hpc-cluster-b', 'umbrella-lab-sensors'],
  },
  {
    name: 'tyrell',
    displayName: 'Tyrell Corp',
    country: 'JP',
    aliases: [],
  },
  {
    name: 'wayne_enterprises',
    displayName: 'Wayne Enterprises',
    email: 'accounts@wayne.example',
    website: 'https://wayne.example',
    city: 'Gotham',
    country: 'US',
    aliases: ['wayne-rnd', 'wayne-applied-sciences'],
  },
];

/** Adds the demo customers to an empty database; returns how many it added. */
export async function seedDemoCustomers(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    // Serialize concurrent seeders; the emptiness check and inserts happen under the lock.
    await tx.execute(sql`lock table ${customers} in exclusive mode`);
    const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(customers);
    if ((existing?.n ?? 0) > 0) return 0;
    const now = Date.now();
    for (const [i, { aliases, ...customer }] of demoCustomers.entries()) {
      // Spread creation times so "newest first" reads naturally.
      const createdAt = new Date(now - (demoCustomers.length - i) * 3_600_000);
      const [row] = await tx
        .insert(customers)
        .values({ ...customer, createdAt, updatedAt: createdAt })
        .returning({ id: customers.id });
      if (row && aliases.length > 0) {
        await tx
          .insert(customerIngestAliases)
          .values(aliases.map((alias, position) => ({ customerId: row.id, position, alias })));
      }
    }
    return demoCustomers.length;
  });
}
