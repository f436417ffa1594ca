'use server';

import { revalidatePath } from 'next/cache';
import { invalid, type ActionResult } from '@/lib/action-result';
import { insertCustomer } from '@/lib/data/customers';
import { customerInput } from '@/lib/validations/customer';

export async function createCustomer(input: unknown): Promise<ActionResult<{ id: string }>> {
  const parsed = customerInput.safeParse(input); // the browser's check, again: never trust the client
  if (!parsed.success) return invalid(parsed.error);
  const result = await insertCustomer(parsed.data);
  if (result.ok) revalidatePath('/customers');
  return result;
}
