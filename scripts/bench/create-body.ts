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
