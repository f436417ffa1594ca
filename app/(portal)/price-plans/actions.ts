'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { invalid, type ActionResult } from '@/lib/action-result';
import { authorize } from '@/lib/auth/session';
import {
  insertPricePlan,
  setPricePlanArchived,
  updatePricePlan as savePricePlan,
  type UpdatePricePlanResult,
} from '@/lib/data/price-plans';
import { pricePlanEditInput, pricePlanInput } from '@/lib/validations/price-plan';

// Every action is a public POST endpoint: it checks its own input, whatever the page did.

export async function createPricePlan(input: unknown): Promise<ActionResult<{ name: string }>> {
  const caller = await authorize('customers:write');
  if (!caller.ok) return caller;
  const parsed = pricePlanInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await insertPricePlan(caller.actor, parsed.data);
  if (result.ok) revalidatePath('/price-plans');
  return result;
}

const planKey = z.string().trim().min(1, 'Choose a price plan').max(128);

export async function updatePricePlan(name: unknown, version: unknown, input: unknown): Promise<UpdatePricePlanResult> {
  const caller = await authorize('customers:write');
  if (!caller.ok) return caller;
  const key = planKey.safeParse(name);
  const expected = z.number().int().positive().safeParse(version);
  if (!key.success || !expected.success) return { ok: false, message: 'This price plan no longer exists.' };
  const parsed = pricePlanEditInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await savePricePlan(caller.actor, key.data, expected.data, parsed.data);
  if (result.ok) revalidatePath('/price-plans');
  return result;
}

export async function archivePricePlan(
  name: unknown,
  archived: unknown,
): Promise<ActionResult<{ name: string; archivedAt: string | null }>> {
  const caller = await authorize('customers:write');
  if (!caller.ok) return caller;
  const parsed = z.object({ name: planKey, archived: z.boolean() }).safeParse({ name, archived });
  if (!parsed.success) return invalid(parsed.error);
  const result = await setPricePlanArchived(caller.actor, parsed.data.name, parsed.data.archived);
  if (result.ok) {
    revalidatePath('/price-plans');
    revalidatePath('/customers', 'layout');
  }
  return result;
}
