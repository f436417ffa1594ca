'use server';

import { revalidatePath } from 'next/cache';
import { invalid, type ActionResult } from '@/lib/action-result';
import { authorize } from '@/lib/auth/session';
import { insertPricePlan } from '@/lib/data/price-plans';
import { pricePlanInput } from '@/lib/validations/price-plan';

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
