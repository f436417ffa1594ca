import { AWS_PROVIDER, customerValues, driver, providerRows, STRIPE_PROVIDER, unique, valueRows } from '@/test/data';
import { editor } from '@/test/actors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  customerInput,
  emptyCustomerForm,
  toCustomerFormValues,
  type CustomerFormValues,
} from '@/lib/validations/customer';
import { customerFilters } from '@/lib/validations/customer-filters';
import { emptyBillingProvider } from '@/lib/validations/billing-providers';
import { getCustomer, listCustomers } from './customers';
import { insertCustomer, setCustomerArchived, updateCustomer } from './customers-write';

async function create(values: Partial<CustomerFormValues> & { name: string }) {
  const result = await insertCustomer(editor, customerValues(values));
  if (!result.ok) throw new Error(`create failed: ${JSON.stringify(result)}`);
  return result.data.id;
}

function everyField(id: string): CustomerFormValues {
  return {
    ...emptyCustomerForm,
    name: id,
    displayName: 'Stark Industries 🦾',
    description: 'Arc reactors, billed per kWh',
    email: 'billing@stark.test',
    website: 'https://stark.test',
    addressLine1: '10880 Malibu Point',
    city: 'Malibu',
    state: 'CA',
    zipcode: '90265',
    country: 'US',
    secondaryEmails: valueRows('cfo@stark.test', 'ap@stark.test'),
    phone: '+1 310 555 0100',
    logoUrl: 'https://stark.test/logo.png',
    legalName: 'Stark Industries, Inc.',
    vatId: 'US123456789',
    externalId: `${id}-ext`,
    pricePlanName: 'growth',
    tags: ['enterprise', 'west'],
    customFields: [
      { key: 'salesforce_id', value: '0015g00000XyZ' },
      { key: 'tier', value: 'gold' },
    ],
    measurementMappings: [{ label: 'region', valueRegex: 'us-(east|west)-\\d' }],
    billingProviders: providerRows(STRIPE_PROVIDER, AWS_PROVIDER),
    ingestAliases: valueRows(`${id}-prod`, `${id}-dev`),
  };
}

describe(`the whole customer record on ${driver}`, () => {
  it('stores every field and gives it back equal', async () => {
    const id = `stark_${unique()}`;
    const values = everyField(id);
    const created = await create(values);
    const stored = await getCustomer(editor, created);
    expect(stored?.pricePlanDisplayName).toBe('Growth');
    expect(toCustomerFormValues(stored!)).toEqual(values);
  });

  it('saves an edit on the current version, bumps the version and replaces the aliases', async () => {
    const id = `edit_${unique()}`;
    const created = await create({ name: id, ingestAliases: valueRows(`${id}-a`, `${id}-b`) });
    const result = await updateCustomer(
      editor,
      created,
      1,
      customerValues({ name: id, displayName: 'Renamed', ingestAliases: valueRows(`${id}-b`, `${id}-c`) }),
    );
    expect(result).toEqual({ ok: true, data: { id: created, version: 2 } });
    const stored = await getCustomer(editor, created);
    expect(stored).toMatchObject({ displayName: 'Renamed', version: 2, ingestAliases: [`${id}-b`, `${id}-c`] });
    expect(Date.parse(stored!.updatedAt)).toBeGreaterThanOrEqual(Date.parse(stored!.createdAt));
  });

  it('refuses an edit made on an old version, returns the current record and changes nothing', async () => {
    const id = `stale_${unique()}`;
    const created = await create({ name: id, displayName: 'First' });
    expect((await updateCustomer(editor, created, 1, customerValues({ name: id, displayName: 'Second' })))?.ok).toBe(
      true,
    );
    const stale = await updateCustomer(editor, created, 1, customerValues({ name: id, displayName: 'Third' }));
    expect(stale).toMatchObject({ ok: false, conflict: { displayName: 'Second', version: 2 } });
    expect((await getCustomer(editor, created))?.displayName).toBe('Second');
  });

  it('lets exactly one of two concurrent edits from the same version win', async () => {
    const id = `duel_${unique()}`;
    const created = await create({ name: id });
    const [a, b] = await Promise.all([
      updateCustomer(
        editor,
        created,
        1,
        customerValues({ name: id, displayName: 'Alice was here', ingestAliases: valueRows(`${id}-alice`) }),
      ),
      updateCustomer(
        editor,
        created,
        1,
        customerValues({ name: id, displayName: 'Bob was here', ingestAliases: valueRows(`${id}-bob`) }),
      ),
    ]);
    const results = [a, b];
    expect(results.filter((r) => r?.ok)).toHaveLength(1);
    expect(results.filter((r) => r && !r.ok && 'conflict' in r)).toHaveLength(1);
    const stored = await getCustomer(editor, created);
    expect(stored?.version).toBe(2);
    const winner = a?.ok ? 'alice' : 'bob';
    expect(stored?.ingestAliases).toEqual([`${id}-${winner}`]);
    expect(stored?.displayName.toLowerCase()).toContain(winner);
  });

  it('refuses to move an alias while its owner holds it, and allows it once released', async () => {
    const id = unique();
    const owner = await create({ name: `owner_${id}`, ingestAliases: valueRows(`moving-${id}`) });
    const taker = await create({ name: `taker_${id}` });
    const refused = await updateCustomer(
      editor,
      taker,
      1,
      customerValues({ name: `taker_${id}`, ingestAliases: valueRows(`moving-${id}`) }),
    );
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { 'ingestAliases.0.value': [`Already used by customer owner_${id}`] },
    });
    expect((await getCustomer(editor, taker))?.version).toBe(1);
    expect((await updateCustomer(editor, owner, 1, customerValues({ name: `owner_${id}` })))?.ok).toBe(true);
    expect(
      (
        await updateCustomer(
          editor,
          taker,
          1,
          customerValues({ name: `taker_${id}`, ingestAliases: valueRows(`moving-${id}`) }),
        )
      )?.ok,
    ).toBe(true);
  });

  it('keeps an archived customer’s aliases reserved, hides it from Active and shows it under Archived', async () => {
    const id = unique();
    const archived = await create({ name: `gone_${id}`, ingestAliases: valueRows(`reserved-${id}`) });
    const state = await setCustomerArchived(editor, archived, true);
    expect(state?.archivedAt).not.toBeNull();
    const refused = await insertCustomer(
      editor,
      customerValues({ name: `new_${id}`, ingestAliases: valueRows(`reserved-${id}`) }),
    );
    expect(refused).toMatchObject({
      fieldErrors: { 'ingestAliases.0.value': [`Already used by customer gone_${id} (archived)`] },
    });
    const active = await listCustomers(editor, customerFilters.parse({ limit: 100 }));
    expect(active.items.some((r) => r.id === archived)).toBe(false);
    const onlyArchived = await listCustomers(editor, customerFilters.parse({ limit: 100, status: 'archived' }));
    expect(onlyArchived.items.find((r) => r.id === archived)?.archivedAt).toBe(state?.archivedAt);
    expect(onlyArchived.items.every((r) => r.archivedAt !== null)).toBe(true);
    expect((await setCustomerArchived(editor, archived, false))?.archivedAt).toBeNull();
    const back = await listCustomers(editor, customerFilters.parse({ limit: 100 }));
    expect(back.items.some((r) => r.id === archived)).toBe(true);
  });

  it('refuses a taken external ID and an unknown price plan next to their fields', async () => {
    const id = unique();
    await create({ name: `ext_${id}`, externalId: `ext-${id}` });
    expect(await insertCustomer(editor, customerValues({ name: `ext2_${id}`, externalId: `ext-${id}` }))).toMatchObject(
      {
        fieldErrors: { externalId: [`Already used by customer ext_${id}`] },
      },
    );
    expect(
      await insertCustomer(editor, customerValues({ name: `plan_${id}`, pricePlanName: `no_such_plan_${id}` })),
    ).toMatchObject({
      fieldErrors: { pricePlanName: ['This price plan no longer exists; choose another'] },
    });
  });

  it('round-trips whatever the schema accepts (property-based, 1,000 runs)', async () => {
    let n = 0;
    const text = (max: number) =>
      fc.string({ unit: 'grapheme', maxLength: max }).filter((s) => !s.includes('\0') && s.trim() === s);
    const keyArb = fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/);
    const provider = fc.constantFrom('stripe', 'netsuite', 'gcp_marketplace', 'aws_marketplace' as const);
    const record = fc.record({
      displayName: text(40),
      description: text(80),
      email: fc.constantFrom('', 'a@b.co', 'ops+x@example.com'),
      city: text(20),
      country: fc.constantFrom('', 'US', 'DE', 'CI'),
      phone: text(15),
      legalName: text(30),
      tags: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,9}$/), { maxLength: 5 }),
      customFields: fc.uniqueArray(fc.record({ key: keyArb, value: text(30) }), {
        maxLength: 4,
        selector: (f) => f.key,
      }),
      mappings: fc.uniqueArray(
        fc.record({
          label: fc.stringMatching(/^[a-z]{1,8}$/),
          valueRegex: fc.constantFrom('a+', 'us-\\d', '.*', '[0-9]{2}'),
        }),
        { maxLength: 3, selector: (m) => m.label },
      ),
      providers: fc.uniqueArray(provider, { maxLength: 3 }),
      aliasCount: fc.integer({ min: 0, max: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(record, async (r) => {
        const id = `prop_${unique()}_${n++}`;
        const values: CustomerFormValues = {
          ...emptyCustomerForm,
          name: id,
          displayName: r.displayName,
          description: r.description,
          email: r.email,
          city: r.city,
          country: r.country,
          phone: r.phone,
          legalName: r.legalName,
          tags: r.tags,
          customFields: r.customFields,
          measurementMappings: r.mappings,
          billingProviders: r.providers.map((p) => {
            const row = emptyBillingProvider(p);
            if (row.billingProvider === 'stripe') row.configuration.stripe_customer_id = 'cus_abc123';
            if (row.billingProvider === 'netsuite') row.configuration.netsuite_customer_id = 'ns-1';
            if (row.billingProvider === 'gcp_marketplace') row.configuration.gcp_customer_id = 'gcp-1';
            if (row.billingProvider === 'aws_marketplace') {
              row.configuration.aws_customer_id = 'aws-1';
              row.configuration.aws_product_code = 'prod-1';
            }
            return row;
          }),
          ingestAliases: Array.from({ length: r.aliasCount }, (_, i) => ({ value: `${id}-${i}` })),
        };
        const parsed = customerInput.safeParse(values);
        if (!parsed.success) return; // outside the schema: nothing to round-trip
        const result = await insertCustomer(editor, parsed.data);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const stored = await getCustomer(editor, result.data.id);
        expect(customerInput.parse(toCustomerFormValues(stored!))).toEqual(parsed.data);
      }),
      { numRuns: 1000 },
    );
  }, 240_000);
});
