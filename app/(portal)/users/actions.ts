'use server';

import { z } from 'zod';
import { failure, type ActionResult } from '@/lib/action-result';
import { checkedAction } from '@/lib/actions/checked';
import { insertUser, setUserPassword, updateUserAccess } from '@/lib/data/users';
import { newPasswordInput, roleInput, userInput } from '@/lib/validations/user';

// Every action is a public POST endpoint: it checks the caller and its input, whatever the page did.

const userId = z.string().trim().min(1, 'Choose a user').max(128);

export async function addUser(input: unknown): Promise<ActionResult<{ id: string }>> {
  return checkedAction('users:manage', userInput, input, insertUser, ['/users']);
}

export async function changeUserRole(id: unknown, role: unknown): Promise<ActionResult<{ id: string }>> {
  return checkedAction(
    'users:manage',
    z.object({ id: userId, role: roleInput }),
    { id, role },
    (actor, data) => updateUserAccess(actor, data.id, { role: data.role }),
    ['/users'],
  );
}

export async function setUserActive(id: unknown, active: unknown): Promise<ActionResult<{ id: string }>> {
  return checkedAction(
    'users:manage',
    z.object({ id: userId, active: z.boolean() }),
    { id, active },
    async (actor, data) => {
      // Deactivating yourself would end this very session half-way through: another admin does it.
      if (!data.active && data.id === actor.id) {
        return failure('You cannot deactivate your own account: ask another admin.');
      }
      return updateUserAccess(actor, data.id, { active: data.active });
    },
    ['/users'],
  );
}

export async function setPassword(
  id: unknown,
  input: unknown,
): Promise<ActionResult<{ id: string; sessionsEnded: number }>> {
  return checkedAction(
    'users:manage',
    newPasswordInput.extend({ id: userId }),
    // The form knows its field as "password": the id beside it, not the form's values below an "input".
    { ...(typeof input === 'object' ? input : {}), id },
    async (actor, data) => {
      // It would end this very session: your own password is not set from here.
      if (data.id === actor.id) return failure('You cannot set your own password here: ask another admin.');
      return setUserPassword(actor, data.id, data.password);
    },
    ['/users'],
  );
}
