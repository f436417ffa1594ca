'use server';

import { invalid, type ActionResult } from '@/lib/action-result';
import { insertUser, SYSTEM_ACTOR } from '@/lib/data/users';
import { userInput } from '@/lib/validations/user';

/** Creates the first admin; refused (by the database, under a lock) once any user exists. */
export async function createFirstAdmin(input: unknown): Promise<ActionResult<{ id: string }>> {
  const parsed = userInput.safeParse({ ...(input as object), role: 'admin' });
  if (!parsed.success) return invalid(parsed.error);
  return insertUser(SYSTEM_ACTOR, parsed.data, { firstRunOnly: true });
}
