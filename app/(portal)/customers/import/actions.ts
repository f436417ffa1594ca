'use server';

import { checkedAction } from '@/lib/actions/checked';
import {
  cancelCustomerImport,
  checkCustomerImport,
  runCustomerImportInBackground,
  startCustomerImport,
} from '@/lib/data/customer-imports';
import { unlessUnavailable } from '@/lib/http/action-errors';
import { importCheckInput, importIdInput, importStartInput } from '@/lib/validations/customer-import';

// Every action is a public POST endpoint: each checks who is calling and its own input.

/** The dry run: every row checked, nothing written. */
export async function checkImport(input: unknown) {
  return unlessUnavailable(() =>
    checkedAction('customers:write', importCheckInput, input, (actor, data) => checkCustomerImport(actor, data)),
  );
}

/** Queues the import and starts its job once this answer has gone. */
export async function startImport(input: unknown) {
  return unlessUnavailable(() =>
    checkedAction(
      'customers:write',
      importStartInput,
      input,
      async (actor, data) => {
        const result = await startCustomerImport(actor, data.importId, data.validOnly);
        if (result.ok) runCustomerImportInBackground(data.importId);
        return result;
      },
      ['/customers/imports'],
    ),
  );
}

export async function cancelImport(input: unknown) {
  return unlessUnavailable(() =>
    checkedAction('customers:write', importIdInput, input, (actor, data) => cancelCustomerImport(actor, data.importId)),
  );
}
