import { randomUUID } from 'node:crypto';
import { DETAIL_URL, expect, test, uniqueId } from './fixtures';
import { CustomerFormPage } from './pages/customer-form-page';
import { apiError, apiKey, sdk } from './v1-client';

// Billing provider configurations and custom fields through the official @metronome/sdk, and a
// viewer key refused on every write of /v1 with nothing changed.

const stripe = (customerId: string, stripeId = 'cus_Q1w2') => ({
  customer_id: customerId,
  billing_provider: 'stripe' as const,
  configuration: { stripe_customer_id: stripeId, stripe_collection_method: 'charge_automatically' },
});

test.describe('/v1 billing provider configurations through the SDK', () => {
  test('set, retrieve (active, then with archived), archive, and one active per provider', async ({ baseURL }) => {
    const { client, attempts } = sdk(baseURL!, apiKey('editor'));
    const { client: viewer } = sdk(baseURL!, apiKey('viewer'));
    const { data: customer } = await client.v1.customers.create({ name: uniqueId('v1_billing') });

    const { data: set } = await client.v1.customers.setBillingConfigurations({
      data: [
        stripe(customer.id),
        { customer_id: customer.id, billing_provider: 'netsuite', configuration: { netsuite_customer_id: 'ns-1' } },
      ],
    });
    expect(set).toEqual([
      {
        id: expect.any(String),
        customer_id: customer.id,
        billing_provider: 'stripe',
        configuration: { stripe_customer_id: 'cus_Q1w2', stripe_collection_method: 'charge_automatically' },
        delivery_method: 'direct_to_billing_provider',
        delivery_method_id: '14c550ab-e89c-524e-a8d3-fe012379ea08',
        delivery_method_configuration: {},
        archived_at: null,
      },
      expect.objectContaining({ billing_provider: 'netsuite', archived_at: null }),
    ]);
    const [stripeConfig] = set;

    // A viewer may read them.
    const { data: read } = await viewer.v1.customers.retrieveBillingConfigurations({ customer_id: customer.id });
    expect(read).toEqual(set);

    // Stripe again while active: 409, one attempt, nothing added.
    attempts.count = 0;
    const twice = await apiError(
      client.v1.customers.setBillingConfigurations({ data: [stripe(customer.id, 'cus_Other')] }),
    );
    expect(twice.status).toBe(409);
    expect(twice.error).toMatchObject({ code: 'billing_provider_configured', field: 'data[0].billing_provider' });
    expect(attempts.count).toBe(1);

    // Refusals of the rules: another provider, tax_provider, an unknown customer.
    const custom = await apiError(
      client.v1.customers.setBillingConfigurations({
        data: [{ customer_id: customer.id, billing_provider: 'custom' as never, configuration: {} }],
      }),
    );
    expect(custom.error).toMatchObject({ code: 'validation_failed', field: 'data[0].billing_provider' });
    const tax = await apiError(
      client.v1.customers.setBillingConfigurations({ data: [{ ...stripe(customer.id), tax_provider: 'anrok' }] }),
    );
    expect(tax.error).toMatchObject({ code: 'not_supported', field: 'data[0].tax_provider' });
    const unknown = await apiError(client.v1.customers.setBillingConfigurations({ data: [stripe(randomUUID())] }));
    expect(unknown.status).toBe(404);

    // Archive: echoed; the provider is free again; archived ones only with include_archived.
    const archived = await client.v1.customers.archiveBillingConfigurations({
      customer_id: customer.id,
      customer_billing_provider_configuration_ids: [stripeConfig!.id!],
    });
    expect(archived).toEqual({
      data: { customer_id: customer.id, customer_billing_provider_configuration_ids: [stripeConfig!.id!] },
    });
    const { data: replaced } = await client.v1.customers.setBillingConfigurations({
      data: [stripe(customer.id, 'cus_New')],
    });
    const active = await client.v1.customers.retrieveBillingConfigurations({ customer_id: customer.id });
    expect(active.data.map((c) => c.id).sort()).toEqual([set[1]!.id, replaced[0]!.id].sort());
    const all = await client.v1.customers.retrieveBillingConfigurations({
      customer_id: customer.id,
      include_archived: true,
    });
    expect(all.data.map((c) => c.id)).toEqual([stripeConfig!.id, set[1]!.id, replaced[0]!.id]);
    expect(all.data[0]!.archived_at).not.toBeNull();

    // An ID that is not this customer's: 400, nothing archived.
    const foreign = await apiError(
      client.v1.customers.archiveBillingConfigurations({
        customer_id: customer.id,
        customer_billing_provider_configuration_ids: [replaced[0]!.id!, randomUUID()],
      }),
    );
    expect(foreign.error).toMatchObject({
      code: 'validation_failed',
      field: 'customer_billing_provider_configuration_ids[1]',
    });
    expect((await client.v1.customers.retrieveBillingConfigurations({ customer_id: customer.id })).data).toHaveLength(
      2,
    );
  });

  test('create takes configurations and the deprecated billing_config', async ({ baseURL }) => {
    const { client } = sdk(baseURL!, apiKey('editor'));
    const { data: customer } = await client.v1.customers.create({
      name: uniqueId('v1_billing_create'),
      customer_billing_provider_configurations: [
        { billing_provider: 'netsuite', configuration: { netsuite_customer_id: 'ns-9' } },
      ],
      billing_config: { billing_provider_type: 'stripe', billing_provider_customer_id: 'cus_Dep1' },
    });
    const { data } = await client.v1.customers.retrieveBillingConfigurations({ customer_id: customer.id });
    expect(data.map((c) => [c.billing_provider, c.configuration])).toEqual([
      ['netsuite', { netsuite_customer_id: 'ns-9' }],
      ['stripe', { stripe_customer_id: 'cus_Dep1', stripe_collection_method: 'charge_automatically' }],
    ]);
  });
});

test.describe('/v1 custom fields through the SDK', () => {
  test('addKey, listKeys, setValues (merge), deleteValues, removeKey', async ({ baseURL }) => {
    const { client, attempts } = sdk(baseURL!, apiKey('editor'));
    const { client: viewer } = sdk(baseURL!, apiKey('viewer'));
    const key = uniqueId('v1key');
    const { data: a } = await client.v1.customers.create({
      name: uniqueId('v1_fields_a'),
      custom_fields: { keep: 'k' },
    });
    const { data: b } = await client.v1.customers.create({ name: uniqueId('v1_fields_b') });

    await client.v1.customFields.addKey({ entity: 'customer', key, enforce_uniqueness: true });
    const listed: { key: string; enforce_uniqueness: boolean; entity: string }[] = [];
    for await (const k of viewer.v1.customFields.listKeys({ entities: ['customer'] })) listed.push(k);
    expect(listed).toContainEqual({ entity: 'customer', key, enforce_uniqueness: true });
    const keys = listed.map((k) => k.key);
    expect(keys, 'in key order').toEqual([...keys].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));

    await client.v1.customFields.setValues({ entity: 'customer', entity_id: a.id, custom_fields: { [key]: ' one ' } });
    expect((await client.v1.customers.retrieve({ customer_id: a.id })).data.custom_fields).toEqual({
      keep: 'k',
      [key]: 'one',
    });

    // The key is unique: b may not take a's value (409 naming a, tried once).
    attempts.count = 0;
    const taken = await apiError(
      client.v1.customFields.setValues({ entity: 'customer', entity_id: b.id, custom_fields: { [key]: 'one' } }),
    );
    expect(taken.status).toBe(409);
    expect(taken.error).toMatchObject({ code: 'custom_field_value_taken', owner: { id: a.id } });
    expect(attempts.count).toBe(1);

    const entity = await apiError(
      client.v1.customFields.setValues({ entity: 'contract' as never, entity_id: a.id, custom_fields: { x: 'y' } }),
    );
    expect(entity.error).toMatchObject({ code: 'entity_not_supported', field: 'entity' });
    const missing = await apiError(
      client.v1.customFields.setValues({ entity: 'customer', entity_id: randomUUID(), custom_fields: { x: 'y' } }),
    );
    expect(missing.status).toBe(404);
    expect((await apiError(viewer.v1.customFields.listKeys({ next_page: 'made-up' }))).error).toMatchObject({
      code: 'invalid_cursor',
    });

    await client.v1.customFields.deleteValues({ entity: 'customer', entity_id: a.id, keys: ['keep', 'never-set'] });
    expect((await client.v1.customers.retrieve({ customer_id: a.id })).data.custom_fields).toEqual({ [key]: 'one' });

    await client.v1.customFields.removeKey({ entity: 'customer', key });
    expect((await client.v1.customers.retrieve({ customer_id: a.id })).data.custom_fields).toEqual({});
    const after: string[] = [];
    for await (const k of viewer.v1.customFields.listKeys()) after.push(k.key);
    expect(after).not.toContain(key);
    const gone = await apiError(client.v1.customFields.removeKey({ entity: 'customer', key }));
    expect(gone.status).toBe(404);
  });
});

test.describe('/v1 custom fields in the portal', () => {
  test('a unique key’s value another customer holds is refused in the portal form, next to the field, naming the holder', async ({
    page,
    baseURL,
  }) => {
    const { client } = sdk(baseURL!, apiKey('editor'));
    const key = uniqueId('crm_account');
    await client.v1.customFields.addKey({ entity: 'customer', key, enforce_uniqueness: true });
    const { data: holder } = await client.v1.customers.create({
      name: uniqueId('Unique holder'),
      custom_fields: { [key]: 'acct-1' },
    });
    const { data: other } = await client.v1.customers.create({
      name: uniqueId('Unique other'),
      custom_fields: { [key]: 'acct-2' },
    });
    // The API says who holds it (its portal ID is what the portal names).
    const taken = await apiError(
      client.v1.customFields.setValues({ entity: 'customer', entity_id: other.id, custom_fields: { [key]: 'acct-1' } }),
    );
    expect(taken.error).toMatchObject({ code: 'custom_field_value_taken', owner: { id: holder.id } });
    const holderId = (taken.error.owner as { portal_id: string }).portal_id;

    const form = new CustomerFormPage(page);
    await form.openEdit(other.id);
    await expect(form.customFieldKey(1)).toHaveValue(key);
    await form.customFieldValue(1).fill('acct-1');
    await form.saveChanges.click();
    await expect(form.formAlert).toHaveText(
      'Not saved: a custom field value that must be unique belongs to another customer.',
    );
    await expect(form.customFieldValue(1)).toHaveAttribute('aria-invalid', 'true');
    await expect(form.customFieldValue(1)).toHaveAccessibleDescription(
      `Must be unique: already used by customer ${holderId}`,
    );
    await expect(form.customFieldValue(1)).toHaveValue('acct-1'); // what was typed is kept
    expect((await client.v1.customers.retrieve({ customer_id: other.id })).data.custom_fields).toEqual({
      [key]: 'acct-2',
    });

    // A value nobody holds is saved.
    await form.customFieldValue(1).fill('acct-3');
    await form.saveChanges.click();
    await expect(page).toHaveURL(DETAIL_URL);
    expect((await client.v1.customers.retrieve({ customer_id: other.id })).data.custom_fields).toEqual({
      [key]: 'acct-3',
    });
    await client.v1.customFields.removeKey({ entity: 'customer', key });
  });

  test('a key named __proto__ is a key like any other, through the SDK and in the portal', async ({
    page,
    baseURL,
  }) => {
    const { client } = sdk(baseURL!, apiKey('editor'));
    // An object literal's "__proto__" would set its prototype: JSON makes it an own key, as a program reading JSON would.
    const proto = (value: string) => JSON.parse(`{"__proto__":${JSON.stringify(value)}}`) as Record<string, string>;
    const { data: made } = await client.v1.customers.create({ name: uniqueId('Proto'), custom_fields: proto('eu') });
    expect(Object.entries(made.custom_fields ?? {})).toEqual([['__proto__', 'eu']]);
    await client.v1.customFields.setValues({
      entity: 'customer',
      entity_id: made.id,
      custom_fields: { ...proto('us'), region: 'west' },
    });
    const { data } = await client.v1.customers.retrieve({ customer_id: made.id });
    expect(Object.entries(data.custom_fields ?? {})).toEqual([
      ['__proto__', 'us'],
      ['region', 'west'],
    ]);

    const form = new CustomerFormPage(page);
    await form.openEdit(made.id);
    await expect(form.customFieldKey(1)).toHaveValue('__proto__');
    await expect(form.customFieldValue(1)).toHaveValue('us');
  });
});

test.describe('/v1 as a viewer', () => {
  test('every write is a 403 after one attempt, and nothing changes; the reads answer', async ({ baseURL }) => {
    const { client: editor } = sdk(baseURL!, apiKey('editor'));
    const { client, attempts } = sdk(baseURL!, apiKey('viewer'));
    const alias = uniqueId('v1_viewer');
    const key = uniqueId('v1vkey');
    const { data: customer } = await editor.v1.customers.create({
      name: `Viewer ${alias}`,
      ingest_aliases: [alias],
      custom_fields: { region: 'eu' },
    });
    const { data: configs } = await editor.v1.customers.setBillingConfigurations({ data: [stripe(customer.id)] });
    await editor.v1.customFields.addKey({ entity: 'customer', key, enforce_uniqueness: false });
    const before = (await editor.v1.customers.retrieve({ customer_id: customer.id })).data;

    const id = customer.id;
    const writes = {
      'customers.create': () => client.v1.customers.create({ name: `Viewer made ${alias}` }),
      'customers.archive': () => client.v1.customers.archive({ id }),
      'customers.setName': () => client.v1.customers.setName({ customer_id: id, name: 'Renamed' }),
      'customers.setIngestAliases': () => client.v1.customers.setIngestAliases({ customer_id: id, ingest_aliases: [] }),
      'customers.updateConfig': () =>
        client.v1.customers.updateConfig({ customer_id: id, salesforce_account_id: 'sf' }),
      'customers.setBillingConfigurations': () =>
        client.v1.customers.setBillingConfigurations({
          data: [{ customer_id: id, billing_provider: 'netsuite', configuration: { netsuite_customer_id: 'n' } }],
        }),
      'customers.archiveBillingConfigurations': () =>
        client.v1.customers.archiveBillingConfigurations({
          customer_id: id,
          customer_billing_provider_configuration_ids: [configs[0]!.id!],
        }),
      'customFields.addKey': () =>
        client.v1.customFields.addKey({ entity: 'customer', key: `${key}x`, enforce_uniqueness: true }),
      'customFields.removeKey': () => client.v1.customFields.removeKey({ entity: 'customer', key }),
      'customFields.setValues': () =>
        client.v1.customFields.setValues({ entity: 'customer', entity_id: id, custom_fields: { region: 'us' } }),
      'customFields.deleteValues': () =>
        client.v1.customFields.deleteValues({ entity: 'customer', entity_id: id, keys: ['region'] }),
    };
    for (const [method, call] of Object.entries(writes)) {
      attempts.count = 0;
      const err = await apiError(call());
      expect(err.status, method).toBe(403);
      expect(err.error, method).toMatchObject({ code: 'forbidden' });
      expect(attempts.count, method).toBe(1);
    }

    expect((await client.v1.customers.retrieve({ customer_id: id })).data).toEqual(before);
    expect((await client.v1.customers.list({ ingest_alias: alias })).data.map((c) => c.id)).toEqual([id]);
    const names: string[] = [];
    for await (const c of client.v1.customers.list()) names.push(c.name);
    expect(names).not.toContain(`Viewer made ${alias}`);
    const { data: stillConfigs } = await client.v1.customers.retrieveBillingConfigurations({ customer_id: id });
    expect(stillConfigs).toEqual(configs);
    const keys: string[] = [];
    for await (const k of client.v1.customFields.listKeys()) keys.push(k.key);
    expect(keys).toContain(key);
    expect(keys).not.toContain(`${key}x`);
  });
});
