'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { failure, invalid, ok, type ActionResult } from '@/lib/action-result';
import { authorize } from '@/lib/auth/session';
import { unlessUnavailable } from '@/lib/http/action-errors';
import {
  insertCustomer,
  setCustomerArchived,
  updateCustomer as saveCustomer,
  type UpdateCustomerResult,
} from '@/lib/data/customers-write';
import { checkedAction } from '@/lib/actions/checked';
import { bulkChangeCustomers, bulkChangeView, viewSnapshotTime } from '@/lib/data/customers-bulk';
import { customerId, customerInput } from '@/lib/validations/customer';
import { BULK_BATCH, bulkRows, bulkView, type BulkOutcome } from '@/lib/validations/customer-bulk';
import { parseCustomerFilters } from '@/lib/validations/customer-filters';

// Every action is a public POST endpoint: each checks who is calling and its own input,
// whatever the page did.

export async function createCustomer(input: unknown): Promise<ActionResult<{ id: string }>> {
  return unlessUnavailable(() => create(input));
}

async function create(input: unknown): Promise<ActionResult<{ id: string }>> {
  const caller = await authorize('customers:write');
  if (!caller.ok) return caller;
  const parsed = customerInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await insertCustomer(caller.actor, parsed.data);
  if (result.ok) revalidatePath('/customers');
  return result;
}

const version = z.number().int().positive();

export async function updateCustomer(id: unknown, baseVersion: unknown, input: unknown): Promise<UpdateCustomerResult> {
  return unlessUnavailable(() => update(id, baseVersion, input));
}

async function update(id: unknown, baseVersion: unknown, input: unknown): Promise<UpdateCustomerResult> {
  const caller = await authorize('customers:write');
  if (!caller.ok) return caller;
  const target = customerId.safeParse(id);
  const base = version.safeParse(baseVersion);
  if (!target.success || !base.success) return failure('This customer could not be found.');
  const parsed = customerInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await saveCustomer(caller.actor, target.data, base.data, parsed.data);
  if (!result) return failure('This customer no longer exists.');
  if (result.ok && !result.data.unchanged) {
    revalidatePath('/customers');
    revalidatePath(`/customers/${target.data}`);
  }
  return result;
}

async function setArchived(id: unknown, archived: boolean): Promise<ActionResult<{ archivedAt: string | null }>> {
  const caller = await authorize('customers:write');
  if (!caller.ok) return caller;
  const target = customerId.safeParse(id);
  if (!target.success) return failure('This customer could not be found.');
  const state = await setCustomerArchived(caller.actor, target.data, archived);
  if (!state) return failure('This customer no longer exists.');
  revalidatePath('/customers');
  revalidatePath(`/customers/${target.data}`);
  return ok({ archivedAt: state.archivedAt });
}

export async function archiveCustomer(id: unknown): Promise<ActionResult<{ archivedAt: string | null }>> {
  return unlessUnavailable(() => setArchived(id, true));
}

export async function unarchiveCustomer(id: unknown): Promise<ActionResult<{ archivedAt: string | null }>> {
  return unlessUnavailable(() => setArchived(id, false));
}

/** A selection longer than a batch is refused before its rows are parsed one by one. */
const tooManyRows = (input: unknown) => {
  const rows = (input as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) && rows.length > BULK_BATCH;
};

/** A change to the chosen rows of the list (one batch; the page sends a larger selection in parts). */
export async function changeCustomers(input: unknown): Promise<ActionResult<BulkOutcome>> {
  if (tooManyRows(input)) return failure(`At most ${BULK_BATCH} customers a request.`);
  return unlessUnavailable(() =>
    checkedAction(
      'customers:write',
      bulkRows,
      input,
      (actor, { action, rows }) => bulkChangeCustomers(actor, action, rows),
      ['/customers'],
    ),
  );
}

/** When a view was chosen ("select all matching"): bulk changes of it report rows changed after. */
export async function chooseCustomerView(): Promise<ActionResult<{ asOf: string }>> {
  return unlessUnavailable(async () => {
    const caller = await authorize('customers:write');
    if (!caller.ok) return caller;
    return ok({ asOf: await viewSnapshotTime(caller.actor) });
  });
}

/** A change to the next batch of every customer of a view (the list's query string). */
export async function changeCustomerView(input: unknown): Promise<ActionResult<BulkOutcome>> {
  return unlessUnavailable(() =>
    checkedAction(
      'customers:write',
      bulkView,
      input,
      (actor, { action, view, asOf, after }) =>
        bulkChangeView(actor, action, parseCustomerFilters(new URLSearchParams(view)), asOf, after, BULK_BATCH),
      ['/customers'],
    ),
  );
}
