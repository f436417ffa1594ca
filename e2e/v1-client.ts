import { readFileSync } from 'node:fs';
import Metronome, { APIError } from '@metronome/sdk';
import { expect } from '@playwright/test';
import { apiKeyFile, type E2ERole } from './users';

// The official Metronome SDK pointed at the e2e server, as a customer's program would use it.

/** The API key made for `role` before the server started (npm run apikey:create). */
export const apiKey = (role: E2ERole) => readFileSync(apiKeyFile(role), 'utf8').trim().split('\n').at(-1)!;

/** An SDK client with `token`, counting the HTTP attempts it makes (its retries included) and their statuses. */
export function sdk(baseURL: string, token: string, maxRetries = 2) {
  const attempts = { count: 0, statuses: [] as number[] };
  const client = new Metronome({
    baseURL,
    bearerToken: token,
    maxRetries,
    fetch: async (url, init) => {
      attempts.count++;
      const response = await fetch(url, init);
      attempts.statuses.push(response.status);
      return response;
    },
  });
  return { client, attempts };
}

/** The APIError a call ends in (it must fail), with the body the server sent. */
export async function apiError(call: Promise<unknown>): Promise<APIError & { error: Record<string, unknown> }> {
  const caught = await call.then(
    () => null,
    (err: unknown) => err,
  );
  expect(caught, 'the call should fail with an APIError').toBeInstanceOf(APIError);
  return caught as APIError & { error: Record<string, unknown> };
}
