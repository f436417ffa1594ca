import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { V1Error, type V1ErrorCode } from '@/lib/validations/v1/errors';
import { createCustomerBody } from '@/lib/validations/v1/customers';
import { createV1Customer } from '@/lib/data/v1-customers';

/** An API key acting, as the /v1 route layer makes it. */
export function apiKeyActor(name: string, role: Actor['role'] = 'editor'): Actor {
  return { id: `apikey:${randomUUID()}`, email: `API key ${name}`, name: `API key ${name}`, role };
}

export const crmSync = apiKeyActor('crm-sync');

/** Awaits a /v1 data call that must be refused with `code`; answers the error. */
export async function refusedWith(call: Promise<unknown>, code: V1ErrorCode): Promise<V1Error> {
  const err = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(V1Error);
  expect((err as V1Error).code).toBe(code);
  return err as V1Error;
}

/** Creates a customer through the /v1 data layer from a request body. */
export function createThroughV1(body: Record<string, unknown>, actor: Actor = crmSync) {
  return createV1Customer(actor, createCustomerBody.parse(body));
}
