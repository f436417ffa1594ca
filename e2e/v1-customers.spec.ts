import { randomUUID } from 'node:crypto';
import Metronome, { ConflictError } from '@metronome/sdk';
import { editName, historyEntries } from './customer-steps';
import { expect, test, uniqueId } from './fixtures';
import { apiError, apiKey, sdk } from './v1-client';

// The customer endpoints of /v1, driven with the official @metronome/sdk as a customer's program
// would: create, retrieve, list (pages), archive, setName, setIngestAliases, updateConfig; conflicts
// tried once, races, idempotent replays; and the same customer seen in the portal.

test.describe('/v1 customers through the SDK', () => {
  test('create, retrieve, setName, setIngestAliases, updateConfig and archive one customer', async ({ baseURL }) => {
    const { client } = sdk(baseURL!, apiKey('editor'));
    const alias = uniqueId('v1_alias');
    const { data: created } = await client.v1.customers.create({
      name: '  Acme Widgets  ',
      ingest_aliases: [alias, `${alias}-2`],
      custom_fields: { region: 'eu' },
    });
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      external_id: alias,
      ingest_aliases: [alias, `${alias}-2`],
      name: 'Acme Widgets',
      custom_fields: { region: 'eu' },
    });

    const { data: detail } = await client.v1.customers.retrieve({ customer_id: created.id });
    expect(detail).toEqual({
      ...created,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      updated_at: expect.stringMatching(/Z$/),
      archived_at: null,
      customer_config: { salesforce_account_id: null },
    });

    // setName cuts at 160 code points (an emoji is one), never refusing for length.
    const long = `${'😀'.repeat(159)}abc`;
    const { data: renamed } = await client.v1.customers.setName({ customer_id: created.id, name: long });
    expect(renamed.name).toBe(`${'😀'.repeat(159)}a`);

    await client.v1.customers.setIngestAliases({ customer_id: created.id, ingest_aliases: [`${alias}-3`, alias] });
    await client.v1.customers.updateConfig({ customer_id: created.id, salesforce_account_id: `sf-${alias}` });
    const { data: changed } = await client.v1.customers.retrieve({ customer_id: created.id });
    expect(changed.ingest_aliases).toEqual([`${alias}-3`, alias]);
    expect(changed.customer_config).toEqual({ salesforce_account_id: `sf-${alias}` });

    // The freed alias is free at once.
    const { data: taker } = await client.v1.customers.create({ name: 'Taker', ingest_aliases: [`${alias}-2`] });
    expect(taker.ingest_aliases).toEqual([`${alias}-2`]);

    const archived = await client.v1.customers.archive({ id: created.id });
    expect(archived).toEqual({ data: { id: created.id } });
    const first = (await client.v1.customers.retrieve({ customer_id: created.id })).data.archived_at;
    expect(first).not.toBeNull();
    expect(await client.v1.customers.archive({ id: created.id })).toEqual({ data: { id: created.id } });
    expect((await client.v1.customers.retrieve({ customer_id: created.id })).data.archived_at).toBe(first);

    // An archived customer keeps its aliases reserved, and is still edited through /v1.
    const taken = await apiError(client.v1.customers.create({ name: 'Late', ingest_aliases: [alias] }));
    expect(taken.status).toBe(409);
    await client.v1.customers.updateConfig({ customer_id: created.id, salesforce_account_id: null });
    expect((await client.v1.customers.retrieve({ customer_id: created.id })).data.customer_config).toEqual({
      salesforce_account_id: null,
    });
  });

  test('refusals: one attempt each, with the contract status, code and field', async ({ baseURL }) => {
    const { client, attempts } = sdk(baseURL!, apiKey('editor'));
    const refusals = [
      [() => client.v1.customers.create({ name: '   ' }), 400, 'validation_failed', 'name'],
      [
        () => client.v1.customers.create({ name: 'x', ingest_aliases: ['a', ' a '] }),
        400,
        'validation_failed',
        'ingest_aliases[1]',
      ],
      [
        () => client.v1.customers.create({ name: 'x', customer_revenue_system_configurations: [{}] as never }),
        400,
        'not_supported',
        'customer_revenue_system_configurations',
      ],
      [() => client.v1.customers.retrieve({ customer_id: 'not-a-uuid' }), 404, 'not_found', undefined],
      [() => client.v1.customers.retrieve({ customer_id: randomUUID() }), 404, 'not_found', undefined],
      [() => client.v1.customers.setName({ customer_id: randomUUID(), name: 'x' }), 404, 'not_found', undefined],
      [
        () => client.v1.customers.updateConfig({ customer_id: randomUUID(), leave_stripe_invoices_in_draft: true }),
        400,
        'not_supported',
        'leave_stripe_invoices_in_draft',
      ],
      [() => client.v1.customers.list({ limit: 101 }), 400, 'validation_failed', 'limit'],
      [() => client.v1.customers.list({ next_page: 'made-up' }), 400, 'invalid_cursor', 'next_page'],
      [() => client.v1.customers.list({ customer_ids: ['nope'] }), 400, 'validation_failed', 'customer_ids[0]'],
      // Text the database cannot hold is a 400 naming the field, never a 500.
      [() => client.v1.customers.list({ ingest_alias: 'a\0b' }), 400, 'validation_failed', 'ingest_alias'],
      [
        () => client.v1.customers.create({ name: JSON.parse('"a\\ud800b"') as string }),
        400,
        'validation_failed',
        'name',
      ],
    ] as const;
    for (const [call, status, code, field] of refusals) {
      attempts.count = 0;
      const err = await apiError(call());
      expect(err.status, code).toBe(status);
      expect(err.error).toMatchObject({ code, ...(field ? { field } : {}), request_id: expect.any(String) });
      expect(err.message).toBe(`${status} ${err.error.message}`);
      expect(attempts.count, `${code} tried once`).toBe(1);
    }
  });

  test('an alias another customer holds: 409 after exactly one request, naming the owner', async ({ baseURL }) => {
    const { client, attempts } = sdk(baseURL!, apiKey('editor'));
    const alias = uniqueId('v1_owner');
    const { data: owner } = await client.v1.customers.create({ name: `Owner ${alias}`, ingest_aliases: [alias] });
    attempts.count = 0;
    const err = await apiError(
      client.v1.customers.create({ name: 'Second', ingest_aliases: ['fresh-' + alias, alias] }),
    );
    expect(attempts.count).toBe(1);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.headers?.get('x-should-retry')).toBe('false');
    expect(err.error).toMatchObject({
      code: 'ingest_alias_taken',
      field: 'ingest_aliases[1]',
      owner: { id: owner.id, name: `Owner ${alias}`, portal_id: `owner-${alias}` },
    });
    expect(err.message).toContain(`"Owner ${alias}"`);
    expect(err.message).toContain(owner.id);

    // setIngestAliases: the same 409, and the list is unchanged.
    const { data: other } = await client.v1.customers.create({ name: 'Other', ingest_aliases: [`${alias}-other`] });
    attempts.count = 0;
    const again = await apiError(
      client.v1.customers.setIngestAliases({ customer_id: other.id, ingest_aliases: [`${alias}-new`, alias] }),
    );
    expect(attempts.count).toBe(1);
    expect(again.status).toBe(409);
    expect(again.error).toMatchObject({ code: 'ingest_alias_taken', owner: { id: owner.id } });
    expect((await client.v1.customers.retrieve({ customer_id: other.id })).data.ingest_aliases).toEqual([
      `${alias}-other`,
    ]);
  });

  test('20 parallel creates claiming one alias: exactly 1 customer and 19 ConflictErrors, never a 5xx', async ({
    baseURL,
  }) => {
    const { client, attempts } = sdk(baseURL!, apiKey('editor'), 0);
    const alias = uniqueId('v1_race');
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => client.v1.customers.create({ name: `Racer ${i}`, ingest_aliases: [alias] })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const err of lost) {
      expect(err).toBeInstanceOf(ConflictError);
      expect((err as ConflictError).error).toMatchObject({ code: 'ingest_alias_taken' });
    }
    expect(attempts.count).toBe(20);
    const holders = await client.v1.customers.list({ ingest_alias: alias });
    expect(holders.data.map((c) => c.id)).toEqual([
      (won[0] as PromiseFulfilledResult<{ data: { id: string } }>).value.data.id,
    ]);
  });

  test('list: filters, pages of exactly `limit`, next_page null on the last page even when full', async ({
    baseURL,
  }) => {
    const { client, attempts } = sdk(baseURL!, apiKey('viewer'));
    const { client: editor } = sdk(baseURL!, apiKey('editor'));
    const tag = uniqueId('v1_list');
    const made: string[] = [];
    for (let i = 0; i < 4; i++) {
      made.push((await editor.v1.customers.create({ name: `${tag} ${i}`, ingest_aliases: [`${tag}-${i}`] })).data.id);
    }

    // 4 items, 2 a page: two requests, oldest first; the second page is full and the last.
    attempts.count = 0;
    const walked: string[] = [];
    for await (const c of client.v1.customers.list({ customer_ids: made, limit: 2 })) walked.push(c.id);
    expect(walked).toEqual(made);
    expect(attempts.count).toBe(2);
    const exact = await client.v1.customers.list({ customer_ids: made, limit: 4 }).asResponse();
    expect(await exact.json()).toMatchObject({ data: made.map((id) => ({ id })), next_page: null });
    const page1 = await client.v1.customers.list({ customer_ids: made, limit: 3 });
    expect(page1.data.map((c) => c.id)).toEqual(made.slice(0, 3));
    expect(page1.hasNextPage()).toBe(true);
    const page2 = await page1.getNextPage();
    expect(page2.data.map((c) => c.id)).toEqual(made.slice(3));
    expect(page2.hasNextPage()).toBe(false);

    // Nothing matches: one request, an empty last page.
    attempts.count = 0;
    const none = await client.v1.customers.list({ customer_ids: [randomUUID()] }).asResponse();
    expect(await none.json()).toEqual({ data: [], next_page: null });

    // customer_ids repeated instead of comma-separated reads the same.
    const repeated = await fetch(`${baseURL}/v1/customers?customer_ids=${made[0]}&customer_ids=${made[1]}`, {
      headers: { authorization: `Bearer ${apiKey('viewer')}` },
    });
    expect(((await repeated.json()) as { data: { id: string }[] }).data.map((c) => c.id)).toEqual(made.slice(0, 2));

    // ingest_alias: exact and case-sensitive.
    expect((await client.v1.customers.list({ ingest_alias: `${tag}-2` })).data.map((c) => c.id)).toEqual([made[2]]);
    expect((await client.v1.customers.list({ ingest_alias: `${tag}-2`.toUpperCase() })).data).toEqual([]);
    expect((await client.v1.customers.list({ ingest_alias: `${tag}-` })).data).toEqual([]);

    // salesforce_account_ids, and only_archived.
    await editor.v1.customers.updateConfig({ customer_id: made[1]!, salesforce_account_id: `sf-${tag}` });
    const bySalesforce = await client.v1.customers.list({ salesforce_account_ids: [`sf-${tag}`, 'sf-nobody'] });
    expect(bySalesforce.data.map((c) => c.id)).toEqual([made[1]]);
    await editor.v1.customers.archive({ id: made[0]! });
    expect((await client.v1.customers.list({ customer_ids: made })).data.map((c) => c.id)).toEqual(made.slice(1));
    const archived = await client.v1.customers.list({ customer_ids: made, only_archived: true });
    expect(archived.data.map((c) => c.id)).toEqual([made[0]]);
    expect(archived.data[0]!.archived_at).not.toBeNull();
  });

  test('paging while customers are created: none repeated, none of those there before skipped', async ({ baseURL }) => {
    const { client } = sdk(baseURL!, apiKey('editor'));
    const tag = uniqueId('v1_walk');
    const before: string[] = [];
    for (let i = 0; i < 7; i++) before.push((await client.v1.customers.create({ name: `${tag} before ${i}` })).data.id);

    const seen: string[] = [];
    const during: string[] = [];
    let page = await client.v1.customers.list({ limit: 4 });
    for (let n = 0; ; n++) {
      seen.push(...page.data.map((c) => c.id));
      if (n < 25) during.push((await client.v1.customers.create({ name: `${tag} during ${n}` })).data.id);
      if (!page.hasNextPage()) break;
      page = await page.getNextPage();
    }
    expect(new Set(seen).size, 'no customer repeated').toBe(seen.length);
    for (const id of before) expect(seen, 'none that existed before skipped').toContain(id);
    // Each made during the walk came after the page being read: the walk reaches it once.
    for (const id of during) expect(seen.filter((s) => s === id).length).toBeLessThanOrEqual(1);
  });
});

test.describe('/v1 Idempotency-Key through the SDK', () => {
  test('the same key and body replay the same customer; another body under it is a 422', async ({ baseURL }) => {
    const { client, attempts } = sdk(baseURL!, apiKey('editor'));
    const alias = uniqueId('v1_idem');
    const headers = { 'Idempotency-Key': `create-${alias}` };
    const body = { name: `Idem ${alias}`, ingest_aliases: [alias] };

    const first = await client.v1.customers.create(body, { headers }).withResponse();
    expect(first.response.headers.get('idempotent-replayed')).toBeNull();
    const again = await client.v1.customers
      .create({ ingest_aliases: [alias], name: `Idem ${alias}` }, { headers })
      .withResponse();
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(again.data).toEqual(first.data);

    attempts.count = 0;
    const reused = await apiError(client.v1.customers.create({ ...body, name: 'Something else' }, { headers }));
    expect(reused.status).toBe(422);
    expect(reused.error).toMatchObject({ code: 'idempotency_key_reused' });
    expect(attempts.count).toBe(1);

    // A refusal reached while running (409) is replayed too; the key of a 400 stays free.
    const conflictHeaders = { 'Idempotency-Key': `conflict-${alias}` };
    const conflict = await apiError(
      client.v1.customers.create({ name: 'Late', ingest_aliases: [alias] }, { headers: conflictHeaders }),
    );
    expect(conflict.status).toBe(409);
    const replayed = await apiError(
      client.v1.customers.create({ name: 'Late', ingest_aliases: [alias] }, { headers: conflictHeaders }),
    );
    expect(replayed.status).toBe(409);
    expect(replayed.headers?.get('idempotent-replayed')).toBe('true');
    const badHeaders = { 'Idempotency-Key': `bad-${alias}` };
    expect((await apiError(client.v1.customers.create({ name: ' ' }, { headers: badHeaders }))).status).toBe(400);
    const fixed = await client.v1.customers.create({ name: `Fixed ${alias}` }, { headers: badHeaders }).withResponse();
    expect(fixed.response.headers.get('idempotent-replayed')).toBeNull();

    const holders = await client.v1.customers.list({ ingest_alias: alias });
    expect(holders.data.map((c) => c.id)).toEqual([first.data.data.id]);
  });

  test("the SDK's retry after a lost response replays the first answer: one customer, never two", async ({
    baseURL,
  }) => {
    const alias = uniqueId('v1_lost');
    let attempts = 0;
    const client = new Metronome({
      baseURL,
      bearerToken: apiKey('editor'),
      maxRetries: 2,
      fetch: async (url, init) => {
        attempts++;
        const response = await fetch(url, init);
        if (attempts === 1) {
          await response.text(); // the server answered (and saved) …
          throw new TypeError('fetch failed: connection reset'); // … and the answer was lost on the way
        }
        return response;
      },
    });
    const { data, response } = await client.v1.customers
      .create({ name: `Lost ${alias}`, ingest_aliases: [alias] }, { headers: { 'Idempotency-Key': `lost-${alias}` } })
      .withResponse();
    expect(attempts).toBe(2);
    expect(response.headers.get('idempotent-replayed')).toBe('true');
    const holders = await client.v1.customers.list({ ingest_alias: alias });
    expect(holders.data.map((c) => c.id)).toEqual([data.data.id]);
  });
});

test.describe('/v1 customers in the portal', () => {
  test('a customer made through the SDK is a portal customer; a portal edit is seen by retrieve', async ({
    baseURL,
    page,
    customerDetail,
  }) => {
    const { client } = sdk(baseURL!, apiKey('editor'));
    const alias = uniqueId('v1_portal');
    const name = `Portal ${alias}`;
    const { data } = await client.v1.customers.create({ name, ingest_aliases: [alias, `${alias}-b`] });

    await customerDetail.open(data.id);
    await expect(customerDetail.heading).toHaveText(name);
    await expect(customerDetail.item('Name')).toHaveText(name);
    await expect(customerDetail.aliases).toHaveText([alias, `${alias}-b`]);
    await expect(historyEntries(page)).toHaveText([/^Created by API key e2e-editor /]);

    await editName(page, name, `${name} renamed`);
    const { data: seen } = await client.v1.customers.retrieve({ customer_id: data.id });
    expect(seen.name).toBe(`${name} renamed`);
    expect(seen.ingest_aliases).toEqual([alias, `${alias}-b`]);

    // And a /v1 change after it shows in the History, by the key.
    await client.v1.customers.setName({ customer_id: data.id, name: `${name} again` });
    await page.reload();
    await expect(customerDetail.heading).toHaveText(`${name} again`);
    await expect(historyEntries(page).first()).toHaveText(/^Edited by API key e2e-editor /);
  });
});
