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
