'use server';

import { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { checkedAction } from '@/lib/actions/checked';
import { createApiKey, revokeApiKey } from '@/lib/data/api-keys';
import { apiKeyInput } from '@/lib/validations/api-key';

// Every action is a public POST endpoint: it checks the caller (an admin) and its input itself.

/** Makes a key; the answer holds the key itself, which the dialog shows once. */
export async function createKey(
  input: unknown,
): Promise<ActionResult<{ id: string; name: string; key: string; prefix: string }>> {
  return checkedAction('users:manage', apiKeyInput, input, createApiKey, ['/api-keys']);
}

export async function revokeKey(id: unknown): Promise<ActionResult<{ id: string }>> {
  return checkedAction(
    'users:manage',
    z.object({ id: z.uuid('Choose an API key') }),
    { id },
    (actor, data) => revokeApiKey(actor, data.id),
    ['/api-keys'],
  );
}
