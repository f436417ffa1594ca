import { z } from 'zod';
import { customerId } from './customer';

// Request bodies of the /v1 customer endpoints (the API's contract, §4): one schema per endpoint,
// used to check requests.

/** `POST /v1/customers/archive` (`customers.archive`). */
export const v1ArchiveCustomerInput = z.object({
  id: customerId.meta({ description: 'The customer to archive.' }),
});
