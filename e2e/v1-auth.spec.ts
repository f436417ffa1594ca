import { randomUUID } from 'node:crypto';
import { emptyCustomerForm } from '../lib/validations/customer';
import { historyEntries } from './customer-steps';
import { expect, test, uniqueId } from './fixtures';
import { apiError, apiKey, sdk } from './v1-client';

// The /v1 API's doors, driven with the official @metronome/sdk: who gets in, what a refusal looks
// like to the SDK (one attempt, never a retry), and Idempotency-Key replays.

test.describe('/v1 keys and roles', () => {
  test('without a key: 401 JSON with WWW-Authenticate, never a redirect; a session cookie is no key', async ({
    page,
    baseURL,
  }) => {
    for (const path of ['/v1/customers', '/v1/customers/archive', '/v2/contracts/list', '/v1']) {
      const response = await fetch(`${baseURL}${path}`, { method: 'POST', redirect: 'manual' });
      expect(response.status, path).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(response.headers.get('x-should-retry')).toBe('false');
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const body = await response.json();
      expect(body).toEqual({ message: expect.any(String), code: 'unauthorized', request_id: expect.any(String) });
      expect(body.request_id).toBe(response.headers.get('x-request-id'));
    }
    // The editor's browser session (this project's storage state) carries a cookie, and still gets a 401.
    await page.goto('/customers');
    const withCookie = await page.request.get('/v1/customers', { maxRedirects: 0 });
    expect(withCookie.status()).toBe(401);
  });

  test('a wrong key: the SDK gets a 401 after one attempt', async ({ baseURL }) => {
    const { client, attempts } = sdk(baseURL!, `mlk_${'A'.repeat(43)}`);
    const err = await apiError(client.v1.customers.archive({ id: randomUUID() }));
    expect(err.status).toBe(401);
    expect(err.error).toMatchObject({ code: 'unauthorized' });
    expect(attempts.count).toBe(1);
  });

  test("a viewer's write: 403 forbidden after one attempt, whatever the body", async ({ baseURL }) => {
    const { client, attempts } = sdk(baseURL!, apiKey('viewer'));
    const err = await apiError(client.v1.customers.archive({ id: 'not-a-uuid' }));
    expect(err.status).toBe(403);
    expect(err.error).toMatchObject({ code: 'forbidden', message: expect.any(String) });
    expect(err.message).toBe(`403 ${err.error.message}`);
    expect(attempts.count).toBe(1);
  });

  test('SDK methods outside the contract: 404 not_supported after one attempt, /v1 and /v2 alike', async ({
    baseURL,
  }) => {
    for (const role of ['viewer', 'editor', 'admin'] as const) {
      const { client, attempts } = sdk(baseURL!, apiKey(role));
      const calls = [
        () => client.v1.contracts.list({ customer_id: randomUUID() }),
        () => client.v1.plans.list(),
        () => client.v1.customers.listBillableMetrics({ customer_id: randomUUID() }),
        () => client.v2.contracts.list({ customer_id: randomUUID() }),
      ];
      for (const call of calls) {
        attempts.count = 0;
        const err = await apiError(call());
        expect(err.status).toBe(404);
        expect(err.error).toMatchObject({ code: 'not_supported' });
        expect(err.headers?.get('x-should-retry')).toBe('false');
        expect(attempts.count).toBe(1);
      }
    }
  });
});

test.describe('/v1 errors and Idempotency-Key', () => {
  test('a malformed ID is a 400 naming the field, an unknown one a 404, each tried once', async ({ baseURL }) => {
    const { client, attempts } = sdk(baseURL!, apiKey('editor'));
    const invalid = await apiError(client.v1.customers.archive({ id: 'nope' }));
    expect(invalid.status).toBe(400);
    expect(invalid.error).toMatchObject({ code: 'validation_failed', field: 'id', errors: [{ field: 'id' }] });
    const unknown = await apiError(client.v1.customers.archive({ id: randomUUID() }));
    expect(unknown.status).toBe(404);
    expect(unknown.error).toMatchObject({ code: 'not_found' });
    expect(attempts.count).toBe(2);
  });

  test('the same Idempotency-Key replays the first answer; another request under it is refused', async ({
    baseURL,
    page,
    request,
  }) => {
    const created = await request.post('/api/customers', { data: { ...emptyCustomerForm, name: uniqueId('v1_idem') } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const { client, attempts } = sdk(baseURL!, apiKey('editor'));
    const headers = { 'Idempotency-Key': `archive-${id}` };

    const first = await client.v1.customers.archive({ id }, { headers }).withResponse();
    expect(first.data).toEqual({ data: { id } });
    expect(first.response.headers.get('idempotent-replayed')).toBeNull();
    const again = await client.v1.customers.archive({ id }, { headers }).withResponse();
    expect(again.data).toEqual({ data: { id } });
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');

    const reused = await apiError(client.v1.customers.archive({ id: randomUUID() }, { headers }));
    expect(reused.status).toBe(422);
    expect(reused.error).toMatchObject({ code: 'idempotency_key_reused' });
    expect(attempts.count).toBe(3);

    // Archived once, by the key, as its History says.
    await page.goto(`/customers/${id}`);
    await expect(historyEntries(page)).toHaveText([/^Archived by API key e2e-editor /, /^Created by /]);
  });
});
