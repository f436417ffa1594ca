'use server';

import { headers } from 'next/headers';
import { failure, invalid, type ActionResult } from '@/lib/action-result';
import { clientAddress, SETUP_LIMIT } from '@/lib/auth/auth';
import { takeAttempt } from '@/lib/data/rate-limits';
import { insertUser, SYSTEM_ACTOR } from '@/lib/data/users';
import { userInput } from '@/lib/validations/user';

const SETUP_TOO_MANY = 'Too many setup attempts. Wait a minute, then try again.';

/**
 * Creates the first admin; refused (by the database, under a lock) once any user exists. Anybody
 * can call it, so it is limited per client address (counted in the database); once setup is done it
 * is refused before the password is hashed.
 */
export async function createFirstAdmin(input: unknown): Promise<ActionResult<{ id: string }>> {
  if (!(await takeAttempt(`setup:${clientAddress(await headers())}`, SETUP_LIMIT))) return failure(SETUP_TOO_MANY);
  const parsed = userInput.safeParse({ ...(input as object), role: 'admin' });
  if (!parsed.success) return invalid(parsed.error);
  return insertUser(SYSTEM_ACTOR, parsed.data, { firstRunOnly: true });
}
