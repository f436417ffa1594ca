import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditEntries } from '@/db/schema';
import { customerInput, emptyCustomerForm, type CustomerFormValues } from '@/lib/validations/customer';

// What the data-layer tests (*.db.test.ts) share: the driver's name, unique keys, customer values
// and the audit entries of one record.

/** The database the tests run on, for their titles. */
export const driver = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';

/** A short random suffix, so that each test's rows stand apart from every other's. */
export const unique = () => randomUUID().slice(0, 8);

/** A customer's input as the server action parses it: the empty form with these values. */
export const customerValues = (values: Partial<CustomerFormValues> & { name: string }) =>
  customerInput.parse({ ...emptyCustomerForm, ...values });

/** The rows of a list field (ingest aliases, other emails) from their values. */
export const valueRows = (...values: string[]) => values.map((value) => ({ value }));

/** A billing provider of each delivery method, as the form sends them. */
export const AWS_PROVIDER = {
  billingProvider: 'aws_marketplace',
  deliveryMethod: 'aws_sqs',
  configuration: {
    aws_customer_id: 'aws-cust-1',
    aws_product_code: 'prod-abc',
    aws_region: 'eu-west-1',
    aws_is_subscription_product: true,
  },
} as const;
export const STRIPE_PROVIDER = {
  billingProvider: 'stripe',
  deliveryMethod: 'direct_to_billing_provider',
  configuration: { stripe_customer_id: 'cus_Q1w2E3', stripe_collection_method: 'send_invoice' },
} as const;

/** Billing providers as the form's rows hold them: copies, so a test may change them. */
export const providerRows = (...providers: unknown[]) =>
  structuredClone(providers) as CustomerFormValues['billingProviders'];

/** The audit entries of one record ('customer', 'price_plan' or 'user', and its id or key). */
export async function auditOf(entityType: string, entityId: string) {
  const db = await getDb();
  return db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.entityType, entityType), eq(auditEntries.entityId, entityId)));
}
