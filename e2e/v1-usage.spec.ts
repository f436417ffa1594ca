import { expect, test, uniqueId } from './fixtures';
import { apiError, apiKey, sdk } from './v1-client';

// Usage ingest and event search of /v1, driven with the official @metronome/sdk as a customer's
// program would: routing by uuid and alias, duplicates, a refused batch, and the roles.

const event = (transaction_id: string, customer_id: string, properties: Record<string, unknown> = {}) => ({
  transaction_id,
  customer_id,
  event_type: 'api_request',
  timestamp: new Date().toISOString(),
  properties,
});

test.describe('/v1 usage through the SDK', () => {
  test('ingest routes events by uuid and alias, keeps the unmatched, flags duplicates; search shows them', async ({
    baseURL,
  }) => {
    const { client } = sdk(baseURL!, apiKey('editor'));
    const alias = uniqueId('usage_alias');
    const { data: customer } = await client.v1.customers.create({ name: `Usage ${alias}`, ingest_aliases: [alias] });
    const [byId, byAlias, nobody] = [uniqueId('tx_id'), uniqueId('tx_alias'), uniqueId('tx_nobody')];

    await client.v1.usage.ingest({
      usage: [
        event(byId, customer.id, { region: 'eu' }),
        event(byAlias, alias),
        event(nobody, uniqueId('nobody')),
        event(byId, customer.id), // later in the batch: a duplicate
      ],
    });
    await client.v1.usage.ingest({ usage: [event(byAlias, alias)] }); // a resend: a duplicate

    // A viewer may search; the answer is a bare array in request order, then order of receipt.
    const { client: viewer } = sdk(baseURL!, apiKey('viewer'));
    const found = await viewer.v1.usage.search({ transactionIds: [byAlias, byId, nobody, uniqueId('unknown')] });
    expect(found.map((e) => [e.transaction_id, e.is_duplicate])).toEqual([
      [byAlias, false],
      [byAlias, true],
      [byId, false],
      [byId, true],
      [nobody, false],
    ]);
    const matched = { id: customer.id, name: `Usage ${alias}` };
    expect(found[0]).toMatchObject({ customer_id: alias, matched_customer: matched });
    expect(found[2]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      transaction_id: byId,
      customer_id: customer.id,
      event_type: 'api_request',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      properties: { region: 'eu' },
      is_duplicate: false,
      matched_customer: matched,
      processed_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(found[4]).not.toHaveProperty('matched_customer');
  });

  test('one bad event refuses the batch with invalid_events, listing every bad event; nothing is stored', async ({
    baseURL,
  }) => {
    const { client, attempts } = sdk(baseURL!, apiKey('editor'));
    const good = uniqueId('tx_good');
    const err = await apiError(
      client.v1.usage.ingest({
        usage: [
          event(good, 'someone'),
          { ...event(uniqueId('tx_bad'), ''), timestamp: '2026-13-01T00:00:00Z' },
          { ...event(uniqueId('tx_old'), 'someone'), timestamp: new Date(Date.now() - 40 * 86_400_000).toISOString() },
        ],
      }),
    );
    expect(err.status).toBe(400);
    expect(attempts.count, 'a refusal is tried once').toBe(1);
    expect(err.error).toMatchObject({
      code: 'invalid_events',
      errors: [
        { index: 1, field: 'customer_id', message: 'must not be blank' },
        { index: 1, field: 'timestamp', message: 'must be an RFC 3339 timestamp with Z or an offset' },
        { index: 2, field: 'timestamp', message: 'must not be more than 34 days in the past' },
      ],
    });
    expect(err.message).toContain('Event 1: customer_id must not be blank');
    expect(await client.v1.usage.search({ transactionIds: [good] })).toEqual([]);

    const tooMany = await apiError(
      client.v1.usage.ingest({ usage: Array.from({ length: 101 }, (_, i) => event(`${good}-${i}`, 'someone')) }),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.error).toMatchObject({ code: 'validation_failed', message: 'at most 100 events' });

    // An empty batch (or no body at all) stores nothing and answers 200 {}.
    expect(await client.v1.usage.ingest({ usage: [] })).toEqual({});
    expect(await client.v1.usage.ingest()).toEqual({});
  });

  test('a viewer may not ingest (403, nothing stored), and search needs 1–100 IDs', async ({ baseURL }) => {
    const { client: viewer, attempts } = sdk(baseURL!, apiKey('viewer'));
    const tx = uniqueId('tx_viewer');
    const refused = await apiError(viewer.v1.usage.ingest({ usage: [event(tx, 'someone')] }));
    expect(refused.status).toBe(403);
    expect(refused.error).toMatchObject({ code: 'forbidden' });
    expect(attempts.count).toBe(1);
    expect(await viewer.v1.usage.search({ transactionIds: [tx] })).toEqual([]);

    const empty = await apiError(viewer.v1.usage.search({ transactionIds: [] }));
    expect(empty.status).toBe(400);
    expect(empty.error).toMatchObject({ code: 'validation_failed', field: 'transactionIds' });
  });
});
