import { emptyCustomerForm, type CustomerFormValues } from '../../lib/validations/customer';

/** The form's values for a new customer, unique by `prefix` and `n` (ID and aliases). */
export function createBody(prefix: string, n: number): CustomerFormValues {
  const id = `${prefix}-${n}`;
  return {
    ...emptyCustomerForm,
    name: id,
    displayName: `Bench Customer ${n}`,
    email: `billing@${id}.example`,
    ingestAliases: [{ value: `${id}-prod` }, { value: `${id}-staging` }],
  };
}

/** POST /v1/customers's body for a new customer, unique by `prefix` and `n` (name and aliases). */
export function createV1Body(prefix: string, n: number): { name: string; ingest_aliases: string[] } {
  const id = `${prefix}-v1-${n}`;
  return { name: id, ingest_aliases: [`${id}-prod`, `${id}-staging`] };
}

/** Events per ingest request: the most /v1/ingest takes. */
export const INGEST_BATCH = 100;

/**
 * POST /v1/ingest's body: 100 events with unique transaction IDs (by `prefix` and `n`), nine in
 * ten for `customerId`'s alias and one in ten for an identifier nobody holds (the inbox's share).
 */
export function ingestV1Body(prefix: string, n: number, alias: string) {
  const timestamp = new Date().toISOString();
  return Array.from({ length: INGEST_BATCH }, (_, i) => ({
    transaction_id: `${prefix}-ingest-${n}-${i}`,
    customer_id: i % 10 === 9 ? `${prefix}-nobody-${i % 7}` : alias,
    event_type: i % 3 === 0 ? 'api_request' : 'storage_gb',
    timestamp,
    properties: { region: 'eu', bytes: 1024 * i },
  }));
}
