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
import { customerId, customerInput } from '@/lib/validations/customer';

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
