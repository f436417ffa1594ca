import { randomUUID } from 'node:crypto';
import { driver, unique } from '@/test/data';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { editor } from '@/test/actors';
import { apiKeyActor, createThroughV1, crmSync, refusedWith } from '@/test/v1';
import { customerInput, emptyCustomerForm, toCustomerFormValues } from '@/lib/validations/customer';
import { listCustomersQuery } from '@/lib/validations/v1/customers';
import { customerHistory } from './audit';
import { getCustomer } from './customers';
import { insertCustomer, updateCustomer } from './customers-write';
import { inTransaction } from './transaction';
import {
  archiveV1Customer,
  createV1Customer,
  listV1Customers,
  retrieveV1Customer,
  setV1CustomerName,
  setV1IngestAliases,
  updateV1CustomerConfig,
} from './v1-customers';
import { deleteV1CustomFieldValues, setV1CustomFieldValues } from './v1-custom-fields';

const list = (query: Record<string, string | string[]>) => listV1Customers(crmSync, listCustomersQuery.parse(query));

describe(`/v1 customers on ${driver}`, () => {
  it('derives the portal ID from the name or external ID (contract §8), first free of base-2, base-3…', async () => {
    const u = unique();
    const first = await createThroughV1({ name: `Example ${u}, Inc.` });
    const second = await createThroughV1({ name: `Example ${u}, Inc.` });
    const third = await createThroughV1({ name: `EXAMPLE ${u} inc` });
    const portalIds = await Promise.all(
      [first, second, third].map(async (c) => (await getCustomer(editor, c.id))!.name),
    );
    expect(portalIds).toEqual([`example-${u}-inc`, `example-${u}-inc-2`, `example-${u}-inc-3`]);

    const fromExternal = await createThroughV1({ name: 'Acme', external_id: `acme-prod-${u}` });
    expect((await getCustomer(editor, fromExternal.id))!.name).toBe(`acme-prod-${u}`);
    const long = await createThroughV1({ name: `${u}${'n'.repeat(200)}` });
    expect((await getCustomer(editor, long.id))!.name).toBe(`${u}${'n'.repeat(112)}`);
    const emoji = await createThroughV1({ name: '🦾🚀' });
    expect((await getCustomer(editor, emoji.id))!.name).toMatch(/^customer(-\d+)?$/);
  });

  it('never reports a clash on the derived ID: parallel creates with one name all succeed', async () => {
    const name = `Parallel ${unique()}`;
    const made = await Promise.all(Array.from({ length: 8 }, () => createThroughV1({ name })));
    const ids = await Promise.all(made.map(async (c) => (await getCustomer(editor, c.id))!.name));
    expect(new Set(ids).size).toBe(8);
  });

  it('makes a normal portal customer: Name cut to 160 code points, other fields empty, audited as the API key', async () => {
    const u = unique();
    const created = await createThroughV1({
      name: `  ${u}${'é'.repeat(200)} `,
      ingest_aliases: [` ${u}@example.com `, `${u}-acct`],
      custom_fields: { region: 'eu' },
      billing_config: { billing_provider_type: 'stripe', billing_provider_customer_id: 'cus_Q1w2' },
    });
    expect(created).toEqual({
      id: created.id,
      external_id: `${u}@example.com`,
      ingest_aliases: [`${u}@example.com`, `${u}-acct`],
      name: `${u}${'é'.repeat(152)}`,
      custom_fields: { region: 'eu' },
    });
    const portal = await getCustomer(editor, created.id);
    expect(portal).toMatchObject({
      displayName: created.name,
      description: null,
      email: null,
      tags: [],
      measurementMappings: [],
      pricePlanName: null,
      salesforceAccountId: null,
      version: 1,
      billingProviders: [
        {
          billingProvider: 'stripe',
          deliveryMethod: 'direct_to_billing_provider',
          configuration: { stripe_customer_id: 'cus_Q1w2', stripe_collection_method: 'charge_automatically' },
        },
      ],
    });
    const [entry] = await customerHistory(editor, created.id);
    expect(entry).toMatchObject({ action: 'customer.create', actorEmail: 'API key crm-sync', actorName: null });

    const bare = await createThroughV1({ name: `Bare ${u}` });
    expect(bare.external_id).toBe(bare.id);
    const withExternal = await createThroughV1({
      name: `Ext ${u}`,
      external_id: `ext-${u}`,
      ingest_aliases: [`a-${u}`],
    });
    expect(withExternal.external_id).toBe(`ext-${u}`);
    expect(withExternal.ingest_aliases).toEqual([`a-${u}`]);
  });

  it('of 20 parallel creates claiming one alias, one succeeds and 19 are told who holds it', async () => {
    const alias = `race-${unique()}@example.com`;
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => createThroughV1({ name: `Racer ${i}`, ingest_aliases: [alias] })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<{ id: string; name: string }>).value;
    const portalId = (await getCustomer(editor, winner.id))!.name;
    for (const r of results.filter((r) => r.status === 'rejected')) {
      await refusedWith(Promise.reject((r as PromiseRejectedResult).reason), 'ingest_alias_taken');
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        status: 409,
        field: 'ingest_aliases[0]',
        owner: { id: winner.id, name: winner.name, portal_id: portalId },
      });
    }
    expect((await list({ ingest_alias: alias })).data.map((c) => c.id)).toEqual([winner.id]);
  });

  it('refuses an external ID or alias another customer holds (archived ones included), naming it', async () => {
    const u = unique();
    const owner = await createThroughV1({ name: `Owner ${u}`, external_id: `x-${u}`, ingest_aliases: [`held-${u}`] });
    await archiveV1Customer(crmSync, owner.id);
    const external = await refusedWith(createThroughV1({ name: 'Other', external_id: `x-${u}` }), 'external_id_taken');
    expect(external).toMatchObject({ field: 'external_id', owner: { id: owner.id, name: `Owner ${u}` } });
    const alias = await refusedWith(
      createThroughV1({ name: 'Other', ingest_aliases: ['free-' + u, `held-${u}`] }),
      'ingest_alias_taken',
    );
    expect(alias.field).toBe('ingest_aliases[1]');
    expect(alias.message).toBe(`Ingest alias "held-${u}" belongs to customer "Owner ${u}" (ID x-${u}, ${owner.id})`);
    expect((await list({ ingest_alias: `free-${u}` })).data).toEqual([]); // nothing was saved
  });

  it('refuses two configurations of one provider in one create', async () => {
    const stripe = {
      billing_provider: 'stripe',
      configuration: { stripe_customer_id: 'cus_A1', stripe_collection_method: 'send_invoice' },
    };
    await refusedWith(
      createThroughV1({ name: 'Twice', customer_billing_provider_configurations: [stripe, stripe] }),
      'billing_provider_configured',
    );
  });

  it('retrieves a customer as CustomerDetail, archived included; a malformed or unknown id is not found', async () => {
    const u = unique();
    const made = await createThroughV1({ name: `Detail ${u}` });
    await updateV1CustomerConfig(crmSync, made.id, { salesforce_account_id: `0015g${u}` });
    const detail = await retrieveV1Customer(crmSync, made.id.toUpperCase());
    expect(detail).toMatchObject({
      id: made.id,
      archived_at: null,
      customer_config: { salesforce_account_id: `0015g${u}` },
    });
    expect(detail.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    await refusedWith(retrieveV1Customer(crmSync, 'nope'), 'not_found');
    await refusedWith(retrieveV1Customer(crmSync, randomUUID()), 'not_found');
  });

  it('lists oldest first by keyset; the last page says so even when exactly full; filters combine', async () => {
    const u = unique();
    const made = [];
    for (let i = 0; i < 4; i++)
      made.push(await createThroughV1({ name: `Page ${u} ${i}`, ingest_aliases: [`p${i}-${u}`] }));
    const ids = made.map((c) => c.id);
    const first = await list({ customer_ids: ids, limit: '2' });
    expect(first.data.map((c) => c.id)).toEqual(ids.slice(0, 2));
    const second = await list({ customer_ids: ids, limit: '2', next_page: first.next_page! });
    expect(second.data.map((c) => c.id)).toEqual(ids.slice(2));
    expect(second.next_page).toBeNull();
    expect((await list({ customer_ids: ids, limit: '4' })).next_page).toBeNull();
    expect(await list({ customer_ids: randomUUID() })).toEqual({ data: [], next_page: null });

    expect((await list({ ingest_alias: `p1-${u}` })).data.map((c) => c.id)).toEqual([ids[1]]);
    expect((await list({ ingest_alias: `P1-${u}` })).data).toEqual([]);
    expect((await list({ ingest_alias: `p1-` })).data).toEqual([]);
    await archiveV1Customer(crmSync, ids[2]!);
    expect((await list({ customer_ids: ids })).data.map((c) => c.id)).toEqual([ids[0], ids[1], ids[3]]);
    expect((await list({ customer_ids: ids, only_archived: 'true' })).data.map((c) => c.id)).toEqual([ids[2]]);
    await updateV1CustomerConfig(crmSync, ids[3]!, { salesforce_account_id: `sf-${u}` });
    expect((await list({ salesforce_account_ids: `sf-${u},other` })).data.map((c) => c.id)).toEqual([ids[3]]);
    expect((await list({ salesforce_account_ids: `sf-${u}`, customer_ids: ids[0]! })).data).toEqual([]);

    await refusedWith(list({ next_page: 'not-a-cursor' }), 'invalid_cursor');
    await refusedWith(list({ next_page: '' }), 'invalid_cursor'); // issued by nobody, as listKeys says too
    await refusedWith(list({ next_page: Buffer.from('["v1c","x","y"]').toString('base64url') }), 'invalid_cursor');
  });

  it('walks every customer once while others are being created', async () => {
    await createThroughV1({ name: `Walk ${unique()}` });
    const db = await getDb();
    const before = await db.execute<{ id: string }>(sql`select id from customers where archived_at is null`);
    const existing = (before as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
    const seen: string[] = [];
    const creating = (async () => {
      for (let i = 0; i < 15; i++) await createThroughV1({ name: `During walk ${i}` });
    })();
    let cursor: string | null = null;
    do {
      const page: { data: { id: string }[]; next_page: string | null } = await list(
        cursor ? { limit: '7', next_page: cursor } : { limit: '7' },
      );
      seen.push(...page.data.map((c) => c.id));
      cursor = page.next_page;
    } while (cursor);
    await creating;
    expect(new Set(seen).size).toBe(seen.length);
    expect(existing.filter((id) => !seen.includes(id))).toEqual([]);
  });

  it('archives idempotently, keeping the first archived_at and version', async () => {
    const made = await createThroughV1({ name: `Archive ${unique()}` });
    expect(await archiveV1Customer(crmSync, made.id)).toEqual({ id: made.id });
    const once = await retrieveV1Customer(crmSync, made.id);
    expect(await archiveV1Customer(crmSync, made.id)).toEqual({ id: made.id });
    const twice = await retrieveV1Customer(crmSync, made.id);
    expect(twice.archived_at).toBe(once.archived_at);
    expect((await getCustomer(editor, made.id))!.version).toBe(2);
    await refusedWith(archiveV1Customer(crmSync, randomUUID()), 'not_found');
  });

  it('sets the name and config, bumping the version; a portal edit on the older version names the API key', async () => {
    const u = unique();
    const made = await insertCustomer(editor, customerInput.parse({ ...emptyCustomerForm, name: `portal-${u}` }));
    if (!made.ok) throw new Error('create failed');
    const stale = (await getCustomer(editor, made.data.id))!;
    const renamed = await setV1CustomerName(apiKeyActor('renamer'), made.data.id, `Renamed ${u}`);
    expect(renamed).toMatchObject({ id: made.data.id, name: `Renamed ${u}`, external_id: made.data.id });
    const after = (await getCustomer(editor, made.data.id))!;
    expect(after).toMatchObject({ displayName: `Renamed ${u}`, name: `portal-${u}`, version: 2 });

    const form = customerInput.parse({ ...toCustomerFormValues(stale), description: 'mine' });
    const conflict = await updateCustomer(editor, made.data.id, stale.version, form);
    expect(conflict).toMatchObject({ ok: false, changedBy: { name: null, email: 'API key renamer', isYou: false } });

    await updateV1CustomerConfig(crmSync, made.data.id, { salesforce_account_id: `sf-${u}` });
    await updateV1CustomerConfig(crmSync, made.data.id, {});
    expect((await getCustomer(editor, made.data.id))!).toMatchObject({ salesforceAccountId: `sf-${u}`, version: 3 });
    await updateV1CustomerConfig(crmSync, made.data.id, { salesforce_account_id: null });
    expect((await getCustomer(editor, made.data.id))!.salesforceAccountId).toBeNull();
    const [latest] = await customerHistory(editor, made.data.id);
    expect(latest).toMatchObject({
      actorEmail: 'API key crm-sync',
      changes: [{ field: 'salesforceAccountId', old: `sf-${u}`, new: null }],
    });
    await refusedWith(setV1CustomerName(crmSync, randomUUID(), 'x'), 'not_found');
  });

  it('replaces aliases in order; a taken alias changes nothing, and a freed one is free at once', async () => {
    const u = unique();
    const a = await createThroughV1({ name: `A ${u}`, ingest_aliases: [`a1-${u}`] });
    const b = await createThroughV1({ name: `B ${u}`, ingest_aliases: [`b1-${u}`, `b2-${u}`] });
    const refused = await refusedWith(setV1IngestAliases(crmSync, a.id, [`new-${u}`, `b2-${u}`]), 'ingest_alias_taken');
    expect(refused).toMatchObject({ field: 'ingest_aliases[1]', owner: { id: b.id, name: `B ${u}` } });
    expect((await retrieveV1Customer(crmSync, a.id)).ingest_aliases).toEqual([`a1-${u}`]);
    expect((await list({ ingest_alias: `new-${u}` })).data).toEqual([]);

    await setV1IngestAliases(crmSync, b.id, [`b2-${u}`]);
    await setV1IngestAliases(crmSync, a.id, [`z-${u}`, `b1-${u}`, `a1-${u}`]);
    expect((await retrieveV1Customer(crmSync, a.id)).ingest_aliases).toEqual([`z-${u}`, `b1-${u}`, `a1-${u}`]);
    await setV1IngestAliases(crmSync, a.id, []);
    expect((await retrieveV1Customer(crmSync, a.id)).ingest_aliases).toEqual([]);
  });

  it('writes nothing for a call that changes nothing: no audit entry, the same version and updated_at', async () => {
    const u = unique();
    const made = await createThroughV1({
      name: `Same ${u}`,
      ingest_aliases: [`s1-${u}`, `s2-${u}`],
      custom_fields: { region: 'eu' },
    });
    await updateV1CustomerConfig(crmSync, made.id, { salesforce_account_id: `sf-${u}` });
    await archiveV1Customer(crmSync, made.id);
    const before = (await getCustomer(editor, made.id))!;
    const history = await customerHistory(editor, made.id);
    const detail = await retrieveV1Customer(crmSync, made.id);

    await setV1CustomerName(crmSync, made.id, `Same ${u}`);
    await setV1IngestAliases(crmSync, made.id, [`s1-${u}`, `s2-${u}`]);
    await updateV1CustomerConfig(crmSync, made.id, { salesforce_account_id: `sf-${u}` });
    await updateV1CustomerConfig(crmSync, made.id, {});
    await setV1CustomFieldValues(crmSync, made.id, { region: 'eu' });
    await deleteV1CustomFieldValues(crmSync, made.id, ['not-set']);
    await archiveV1Customer(crmSync, made.id);

    expect((await getCustomer(editor, made.id))!.version).toBe(before.version);
    expect(await customerHistory(editor, made.id)).toHaveLength(history.length);
    expect(await retrieveV1Customer(crmSync, made.id)).toEqual(detail);
    // A real change after them still counts once.
    await setV1CustomerName(crmSync, made.id, `Other ${u}`);
    expect((await getCustomer(editor, made.id))!.version).toBe(before.version + 1);
    expect(await customerHistory(editor, made.id)).toHaveLength(history.length + 1);
  });

  it('runs inside the caller’s transaction: a refusal undoes only itself', async () => {
    const u = unique();
    const held = await createThroughV1({ name: `Held ${u}`, ingest_aliases: [`t-${u}`] });
    const db = await getDb();
    const made = await inTransaction(db, async (tx) => {
      await refusedWith(
        createV1Customer(crmSync, { ...baseBody(`Clash ${u}`), ingest_aliases: [`t-${u}`] }, { tx }),
        'ingest_alias_taken',
      );
      return createV1Customer(crmSync, baseBody(`After ${u}`), { tx });
    });
    expect((await retrieveV1Customer(crmSync, made.id)).name).toBe(`After ${u}`);
    expect((await retrieveV1Customer(crmSync, held.id)).ingest_aliases).toEqual([`t-${u}`]);
  });

  it('checks the actor: a viewer key may read but not write', async () => {
    const viewerKey = apiKeyActor('reader', 'viewer');
    await expect(createV1Customer(viewerKey, baseBody('Nope'))).rejects.toThrow(/Not allowed/);
    await expect(listV1Customers(viewerKey, listCustomersQuery.parse({ limit: '1' }))).resolves.toBeTruthy();
  });
});

function baseBody(name: string) {
  return {
    name,
    ingest_aliases: [],
    custom_fields: {},
    customer_billing_provider_configurations: [],
    external_id: undefined,
    billing_config: undefined,
    customer_revenue_system_configurations: undefined,
  };
}
