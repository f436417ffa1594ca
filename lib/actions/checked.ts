import 'server-only';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { invalid } from '@/lib/action-result';
import type { Actor, Permission } from '@/lib/auth/permissions';
import { authorize } from '@/lib/auth/session';

/** A page to render afresh after a change: a path, or a path and `'layout'` for all below it. */
export type Revalidate = string | [path: string, type: 'layout'];

/**
 * The body of every server action (each one is a public POST endpoint, so it checks the caller
 * and its input whatever the page did): the caller must hold `permission`, `input` must parse
 * with `schema`, then `work` runs; when it succeeds, the pages that show what changed are
 * rendered afresh. A refusal or a parse failure comes back as the action's failure.
 */
export async function checkedAction<S extends z.ZodType, R extends { ok: boolean }>(
  permission: Permission,
  schema: S,
  input: unknown,
  work: (actor: Actor, data: z.output<S>) => Promise<R>,
  revalidate: Revalidate[] = [],
) {
  const caller = await authorize(permission);
  if (!caller.ok) return caller;
  const parsed = schema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await work(caller.actor, parsed.data);
  if (result.ok) {
    for (const target of revalidate) {
      if (typeof target === 'string') revalidatePath(target);
      else revalidatePath(...target);
    }
  }
  return result;
}
