import { randomUUID } from 'node:crypto';
import { driver, unique } from '@/test/data';
import { describe, expect, it } from 'vitest';
import { editor } from '@/test/actors';
import { createThroughV1, crmSync, refusedWith } from '@/test/v1';
import { customerInput, toCustomerFormValues } from '@/lib/validations/customer';
import { setBillingConfigurationsBody } from '@/lib/validations/v1/billing-configurations';
import { customerHistory } from './audit';
import { getCustomer } from './customers';
import { updateCustomer } from './customers-write';
import {
  archiveV1BillingConfigurations,
  getV1BillingConfigurations,
  setV1BillingConfigurations,
} from './v1-billing-configurations';
import { retrieveV1Customer } from './v1-customers';
import {
  addV1CustomFieldKey,
  deleteV1CustomFieldValues,
  listV1CustomFieldKeys,
  removeV1CustomFieldKey,
  setV1CustomFieldValues,
} from './v1-custom-fields';

const stripe = (customerId: string, id = 'cus_Q1w2') => ({
  customer_id: customerId,
  billing_provider: 'stripe',
  configuration: { stripe_customer_id: id, stripe_collection_method: 'charge_automatically' },
});
const netsuite = (customerId: string) => ({
  customer_id: customerId,
  billing_provider: 'netsuite',
  configuration: { netsuite_customer_id: 'ns-1' },
});
const set = (...data: object[]) =>
  setV1BillingConfigurations(crmSync, setBillingConfigurationsBody.parse({ data }).data);

describe(`/v1 billing provider configurations on ${driver}`, () => {
  it('adds configurations with ids and fixed delivery method ids, one active per provider', async () => {
    const c = await createThroughV1({ name: `Billing ${unique()}` });
    const made = await set(netsuite(c.id), stripe(c.id));
    expect(made.map((m) => m.billing_provider)).toEqual(['netsuite', 'stripe']);
    expect(made[1]).toMatchObject({
      customer_id: c.id,
      delivery_method: 'direct_to_billing_provider',
      delivery_method_id: '14c550ab-e89c-524e-a8d3-fe012379ea08',
      delivery_method_configuration: {},
      archived_at: null,
    });
    const again = await refusedWith(set(stripe(c.id, 'cus_Other')), 'billing_provider_configured');
    expect(again.field).toBe('data[0].billing_provider');
    const twice = await refusedWith(set(stripe(randomUUID()), stripe(c.id)), 'not_found');
    expect(twice.status).toBe(404);
    const other = await createThroughV1({ name: `Billing other ${unique()}` });
    await refusedWith(set(stripe(other.id), stripe(other.id)), 'billing_provider_configured');
    expect(await getV1BillingConfigurations(crmSync, other.id)).toEqual([]); // nothing saved

    await refusedWith(
      archiveV1BillingConfigurations(crmSync, c.id, [made[1]!.id, (await set(stripe(other.id)))[0]!.id]),
      'validation_failed',
    );
    expect(await getV1BillingConfigurations(crmSync, c.id)).toHaveLength(2);
    await archiveV1BillingConfigurations(crmSync, c.id, [made[1]!.id]);
    await archiveV1BillingConfigurations(crmSync, c.id, [made[1]!.id]); // stays as it was
    const [newStripe] = await set(stripe(c.id, 'cus_New'));
    const active = await getV1BillingConfigurations(crmSync, c.id);
    expect(active.map((a) => a.id)).toEqual([made[0]!.id, newStripe!.id]);
    const all = await getV1BillingConfigurations(crmSync, c.id, true);
    expect(all.map((a) => [a.id, a.archived_at === null])).toEqual([
      [made[0]!.id, true],
      [made[1]!.id, false],
      [newStripe!.id, true],
    ]);
    const [entry] = await customerHistory(editor, c.id);
    expect(entry).toMatchObject({ actorEmail: 'API key crm-sync', changes: [{ field: 'billingProviders' }] });
    await refusedWith(getV1BillingConfigurations(crmSync, randomUUID()), 'not_found');
  });

  it('a portal save keeps archived configurations and the ids of unchanged active ones', async () => {
    const c = await createThroughV1({ name: `Portal billing ${unique()}` });
    const [ns, st] = await set(netsuite(c.id), stripe(c.id));
    await archiveV1BillingConfigurations(crmSync, c.id, [st!.id]);
    const [st2] = await set(stripe(c.id, 'cus_Second'));
    const stored = (await getCustomer(editor, c.id))!;
    expect(stored.archivedBillingProviders).toMatchObject([{ id: st!.id, billingProvider: 'stripe' }]);
    const form = customerInput.parse({ ...toCustomerFormValues(stored), description: 'edited in the portal' });
    const saved = await updateCustomer(editor, c.id, stored.version, form);
    expect(saved).toMatchObject({ ok: true });
    const after = await getV1BillingConfigurations(crmSync, c.id, true);
    expect(after.map((a) => a.id).sort()).toEqual([ns!.id, st!.id, st2!.id].sort());

    // Removing a provider in the portal archives it; changing one keeps its id.
    const current = (await getCustomer(editor, c.id))!;
    const edit = toCustomerFormValues(current);
    edit.billingProviders = edit.billingProviders
      .filter((p) => p.billingProvider === 'stripe')
      .map((p) => ({ ...p, configuration: { ...p.configuration, stripe_collection_method: 'send_invoice' } }));
    expect(await updateCustomer(editor, c.id, current.version, customerInput.parse(edit))).toMatchObject({ ok: true });
    const final = await getV1BillingConfigurations(crmSync, c.id, true);
    expect(final.find((f) => f.id === st2!.id)).toMatchObject({
      archived_at: null,
      configuration: { stripe_collection_method: 'send_invoice' },
    });
    expect(final.find((f) => f.id === ns!.id)?.archived_at).not.toBeNull();
  });
});

describe(`/v1 custom fields on ${driver}`, () => {
  it('merges and deletes values, at most 50 keys, order kept', async () => {
    const c = await createThroughV1({ name: `Fields ${unique()}`, custom_fields: { a: '1', b: '2' } });
    await setV1CustomFieldValues(crmSync, c.id, { a: 'one', c: '3' });
    expect((await retrieveV1Customer(crmSync, c.id)).custom_fields).toEqual({ a: 'one', b: '2', c: '3' });
    expect(Object.keys((await retrieveV1Customer(crmSync, c.id)).custom_fields)).toEqual(['a', 'b', 'c']);
    await deleteV1CustomFieldValues(crmSync, c.id, ['b', 'not-set']);
    expect((await retrieveV1Customer(crmSync, c.id)).custom_fields).toEqual({ a: 'one', c: '3' });
    const many = Object.fromEntries(Array.from({ length: 48 }, (_, i) => [`k${i}`, 'v']));
    await setV1CustomFieldValues(crmSync, c.id, many);
    await setV1CustomFieldValues(crmSync, c.id, { k0: 'changed at 50' });
    const full = await refusedWith(setV1CustomFieldValues(crmSync, c.id, { k99: 'v' }), 'validation_failed');
    expect(full.field).toBe('custom_fields');
    await refusedWith(setV1CustomFieldValues(crmSync, randomUUID(), { a: 'b' }), 'not_found');
  });

  it('keeps a key named __proto__ like any other: set, stored, shown in the portal, unique, deleted', async () => {
    const proto = (value: string) => JSON.parse(`{"__proto__":${JSON.stringify(value)}}`) as Record<string, string>;
    const c = await createThroughV1(JSON.parse(`{"name":"Proto ${unique()}","custom_fields":{"__proto__":"eu"}}`));
    expect(Object.entries(c.custom_fields)).toEqual([['__proto__', 'eu']]);
    await setV1CustomFieldValues(crmSync, c.id, { ...proto('us'), a: '1' });
    const detail = await retrieveV1Customer(crmSync, c.id);
    expect(JSON.stringify(detail.custom_fields)).toBe('{"__proto__":"us","a":"1"}');
    const stored = (await getCustomer(editor, c.id))!;
    expect(toCustomerFormValues(stored).customFields).toEqual([
      { key: '__proto__', value: 'us' },
      { key: 'a', value: '1' },
    ]);
    const [latest] = await customerHistory(editor, c.id);
    expect(JSON.stringify(latest?.changes)).toContain('"__proto__":"us"');

    await addV1CustomFieldKey(crmSync, '__proto__', true);
    try {
      const other = await createThroughV1({ name: `Proto other ${unique()}` });
      const taken = await refusedWith(
        setV1CustomFieldValues(crmSync, other.id, proto('us')),
        'custom_field_value_taken',
      );
      expect(taken).toMatchObject({ field: 'custom_fields.__proto__', owner: { id: c.id } });
    } finally {
      await removeV1CustomFieldKey(crmSync, '__proto__');
    }
    expect((await retrieveV1Customer(crmSync, c.id)).custom_fields).toEqual({ a: '1' });
    await setV1CustomFieldValues(crmSync, c.id, proto('again'));
    await deleteV1CustomFieldValues(crmSync, c.id, ['__proto__']);
    expect(JSON.stringify((await retrieveV1Customer(crmSync, c.id)).custom_fields)).toBe('{"a":"1"}');
  });

  it('registers keys; a unique key’s value is held by one customer, archived ones included, settled by the database', async () => {
    const key = `uniq_${unique()}`;
    await addV1CustomFieldKey(crmSync, key, true);
    await addV1CustomFieldKey(crmSync, key, true); // succeeds again
    const owner = await createThroughV1({ name: `Holder ${key}`, custom_fields: { [key]: 'shared' } });
    const refused = await refusedWith(
      createThroughV1({ name: 'Other', custom_fields: { [key]: 'shared' } }),
      'custom_field_value_taken',
    );
    expect(refused).toMatchObject({ field: `custom_fields.${key}`, owner: { id: owner.id } });

    const racers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => createThroughV1({ name: `Racer ${i} ${key}` })),
    );
    const results = await Promise.allSettled(
      racers.map((r) => setV1CustomFieldValues(crmSync, r.id, { [key]: 'race' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);

    // The portal's form is held to it too, with the owner named next to the field.
    const racer = racers.find((_, i) => results[i]!.status === 'rejected')!;
    const stored = (await getCustomer(editor, racer.id))!;
    const values = toCustomerFormValues(stored);
    values.customFields = [{ key, value: 'shared' }];
    const portal = await updateCustomer(editor, racer.id, stored.version, customerInput.parse(values));
    expect(portal).toMatchObject({
      ok: false,
      fieldErrors: { 'customFields.0.value': [`Must be unique: already used by customer holder-${key}`] },
    });
  });

  it('never lets a key turn unique while a shared value is being written alongside', async () => {
    for (let round = 0; round < 4; round++) {
      const key = `turn_${unique()}`;
      const [a, b] = await Promise.all([
        createThroughV1({ name: `Turn A ${key}` }),
        createThroughV1({ name: `Turn B ${key}` }),
      ]);
      const [, , turned] = await Promise.allSettled([
        setV1CustomFieldValues(crmSync, a.id, { [key]: 'v' }),
        setV1CustomFieldValues(crmSync, b.id, { [key]: 'v' }),
        addV1CustomFieldKey(crmSync, key, true),
      ]);
      const values = await Promise.all(
        [a, b].map(async (c) => (await retrieveV1Customer(crmSync, c.id)).custom_fields),
      );
      const holders = values.filter((v) => v[key] === 'v').length;
      if (turned.status === 'fulfilled') expect(holders).toBeLessThanOrEqual(1);
      else expect(holders).toBe(2);
    }
  });

  it('refuses turning uniqueness on while two customers share a value, and lists keys in pages', async () => {
    const key = `dup_${unique()}`;
    const first = await createThroughV1({ name: `Dup A ${key}`, custom_fields: { [key]: 'same' } });
    await createThroughV1({ name: `Dup B ${key}`, custom_fields: { [key]: 'same' } });
    await addV1CustomFieldKey(crmSync, key, false);
    const refused = await refusedWith(addV1CustomFieldKey(crmSync, key, true), 'custom_field_value_taken');
    expect(refused.owner?.id).toBe(first.id);
    const listed = await listV1CustomFieldKeys(crmSync);
    expect(listed.data).toContainEqual({ entity: 'customer', key, enforce_uniqueness: false });
    await refusedWith(listV1CustomFieldKeys(crmSync, 'junk'), 'invalid_cursor');

    const prefix = `page_${unique()}`;
    for (let i = 0; i < 101; i++) await addV1CustomFieldKey(crmSync, `${prefix}_${String(i).padStart(3, '0')}`, false);
    const keys: string[] = [];
    let cursor: string | null | undefined;
    let pages = 0;
    do {
      const page = await listV1CustomFieldKeys(crmSync, cursor ?? undefined);
      keys.push(...page.data.map((d) => d.key));
      cursor = page.next_page;
      pages++;
    } while (cursor);
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => k.startsWith(prefix))).toHaveLength(101);
    expect(pages).toBe(Math.ceil(keys.length / 100));
  });

  it('removes a key and its values on every customer in one go; an unknown key is not found', async () => {
    const key = `gone_${unique()}`;
    await addV1CustomFieldKey(crmSync, key, true);
    const a = await createThroughV1({ name: `Gone A ${key}`, custom_fields: { keep: 'x', [key]: '1' } });
    const b = await createThroughV1({ name: `Gone B ${key}`, custom_fields: { [key]: '2' } });
    await removeV1CustomFieldKey(crmSync, key);
    expect((await retrieveV1Customer(crmSync, a.id)).custom_fields).toEqual({ keep: 'x' });
    expect((await retrieveV1Customer(crmSync, b.id)).custom_fields).toEqual({});
    expect((await getCustomer(editor, b.id))!.version).toBe(2);
    await refusedWith(removeV1CustomFieldKey(crmSync, key), 'not_found');
    // Not unique any more: two customers may share a value.
    await setV1CustomFieldValues(crmSync, a.id, { [key]: 'same' });
    await setV1CustomFieldValues(crmSync, b.id, { [key]: 'same' });
  });
});
