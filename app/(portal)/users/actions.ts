'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { failure, invalid, type ActionResult } from '@/lib/action-result';
import { authorize } from '@/lib/auth/session';
import { insertUser, setUserPassword, updateUserAccess } from '@/lib/data/users';
import { newPasswordInput, roleInput, userInput } from '@/lib/validations/user';

// Every action is a public POST endpoint: it checks the caller and its input, whatever the page did.

const userId = z.string().trim().min(1, 'Choose a user').max(128);

export async function addUser(input: unknown): Promise<ActionResult<{ id: string }>> {
  const caller = await authorize('users:manage');
  if (!caller.ok) return caller;
  const parsed = userInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await insertUser(caller.actor, parsed.data);
  if (result.ok) revalidatePath('/users');
  return result;
}

export async function changeUserRole(id: unknown, role: unknown): Promise<ActionResult<{ id: string }>> {
  const caller = await authorize('users:manage');
  if (!caller.ok) return caller;
  const parsed = z.object({ id: userId, role: roleInput }).safeParse({ id, role });
  if (!parsed.success) return invalid(parsed.error);
  const result = await updateUserAccess(caller.actor, parsed.data.id, { role: parsed.data.role });
  if (result.ok) revalidatePath('/users');
  return result;
}

export async function setUserActive(id: unknown, active: unknown): Promise<ActionResult<{ id: string }>> {
  const caller = await authorize('users:manage');
  if (!caller.ok) return caller;
  const parsed = z.object({ id: userId, active: z.boolean() }).safeParse({ id, active });
  if (!parsed.success) return invalid(parsed.error);
  // Deactivating yourself would end this very session half-way through: another admin does it.
  if (!parsed.data.active && parsed.data.id === caller.actor.id) {
    return failure('You cannot deactivate your own account: ask another admin.');
  }
  const result = await updateUserAccess(caller.actor, parsed.data.id, { active: parsed.data.active });
  if (result.ok) revalidatePath('/users');
  return result;
}

export async function setPassword(
  id: unknown,
  input: unknown,
): Promise<ActionResult<{ id: string; sessionsEnded: number }>> {
  const caller = await authorize('users:manage');
  if (!caller.ok) return caller;
  const parsed = z.object({ id: userId, input: newPasswordInput }).safeParse({ id, input });
  if (!parsed.success) {
    const result = invalid(parsed.error);
    // The form knows its field as "password", not "input.password".
    const { 'input.password': password, ...rest } = result.fieldErrors;
    return { ...result, fieldErrors: password ? { ...rest, password } : rest };
  }
  // It would end this very session: your own password is not set from here.
  if (parsed.data.id === caller.actor.id) {
    return failure('You cannot set your own password here: ask another admin.');
  }
  const result = await setUserPassword(caller.actor, parsed.data.id, parsed.data.input.password);
  if (result.ok) revalidatePath('/users');
  return result;
}
