import { sql } from 'drizzle-orm';
import { writeCustomerChildren, type CustomerChildren } from './customer-children';
import type { Database } from './index';
import { customers, type NewCustomer } from './schema';

type DemoCustomer = NewCustomer & { aliases: string[]; providers?: CustomerChildren['billingProviders'] };

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
    phone: '+1 212 555 0142',
    legalName: 'Acme Corporation, Inc.',
    vatId: 'US94-1234567',
    externalId: 'acme-legacy',
    pricePlanName: 'enterprise',
    tags: ['enterprise', 'annual-commit'],
    salesforceAccountId: '0015g00000AcmeX',
    customFields: { csm: 'dana@meterline.example' },
    measurementMappings: [{ label: 'region', valueRegex: 'us-(east|west)-\\d' }],
    aliases: ['acme-prod', 'acme-staging', 'acme-eu-west-1', 'acme-batch', 'acme-analytics'],
    providers: [
      {
        billingProvider: 'stripe',
        deliveryMethod: 'direct_to_billing_provider',
        configuration: { stripe_customer_id: 'cus_AcmeCorp42', stripe_collection_method: 'send_invoice' },
      },
    ],
  },
  {
    name: 'globex',
    displayName: 'Globex Industries',
    email: 'ap@globex.example',
    website: 'https://globex.example',
    city: 'Berlin',
    country: 'DE',
    pricePlanName: 'growth',
    tags: ['eu'],
    aliases: ['globex', 'globex-data-pipeline'],
    providers: [
      {
        billingProvider: 'aws_marketplace',
        deliveryMethod: 'aws_sqs',
        configuration: {
          aws_customer_id: 'globex-aws-7781',
          aws_product_code: 'prod-meterline-usage',
          aws_region: 'eu-central-1',
          aws_is_subscription_product: true,
        },
      },
    ],
  },
  {
    name: 'initech.io',
    displayName: 'Initech',
    description: 'Self-serve; usage comes from the TPS report exporter.',
    email: 'finance@initech.example',
    city: 'Austin',
    state: 'TX',
    country: 'US',
    pricePlanName: 'starter',
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
    for (const [i, { aliases, providers = [], ...customer }] of demoCustomers.entries()) {
      // Spread creation times so "newest first" reads naturally.
      const createdAt = new Date(now - (demoCustomers.length - i) * 3_600_000);
      const [row] = await tx
        .insert(customers)
        .values({ ...customer, createdAt, updatedAt: createdAt })
        .returning({ id: customers.id });
      if (!row) throw new Error('insert returned no row');
      await writeCustomerChildren(tx, row.id, { ingestAliases: aliases, billingProviders: providers });
    }
    return demoCustomers.length;
  });
}
