'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { invalid, type ActionResult } from '@/lib/action-result';
import { checkedAction } from '@/lib/actions/checked';
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
  return checkedAction('customers:write', pricePlanInput, input, insertPricePlan, ['/price-plans']);
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
  return checkedAction(
    'customers:write',
    z.object({ name: planKey, archived: z.boolean() }),
    { name, archived },
    (actor, data) => setPricePlanArchived(actor, data.name, data.archived),
    ['/price-plans', ['/customers', 'layout']],
  );
}
