import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  addCustomFieldKeyBody,
  archiveBillingConfigurationsBody,
  archiveCustomerBody,
  createCustomerBody,
  deleteCustomFieldValuesBody,
  DELIVERY_METHOD_IDS,
  getBillingConfigurationsBody,
  listCustomFieldKeysBody,
  listCustomersQuery,
  portalIdBase,
  queryObject,
  removeCustomFieldKeyBody,
  setBillingConfigurationsBody,
  setCustomerNameBody,
  setCustomFieldValuesBody,
  setIngestAliasesBody,
  updateCustomerConfigBody,
  v1FieldErrors,
} from './index';

/** UUIDv5 (RFC 4122 §4.3) in the URL namespace. */
function uuidV5Url(name: string): string {
  const namespace = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
  const hash = createHash('sha1').update(namespace).update(name).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const errors = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : v1FieldErrors(parsed.error);
};

describe('the derived portal ID (contract §8)', () => {
  it.each([
    ['Example, Inc.', 'example-inc'],
    ['n'.repeat(200), 'n'.repeat(120)],
    ['🦾🚀', 'customer'],
    ['acme-prod', 'acme-prod'],
    ['Crème Brûlée GmbH', 'creme-brulee-gmbh'],
    ['__.Ｆｕｌｌwidth', 'fullwidth'],
    ['a'.repeat(119) + '-b', 'a'.repeat(119)],
    ['   ', 'customer'],
  ])('%j → %j', (source, id) => {
    expect(portalIdBase(source)).toBe(id);
  });
});

describe('/v1 request schemas', () => {
  it('cuts a name to 160 code points without splitting an emoji, then trims', () => {
    const body = createCustomerBody.parse({ name: `  ${'a'.repeat(159)}🦾🦾 ` });
    expect([...body.name]).toHaveLength(160);
    expect(body.name.endsWith('🦾')).toBe(true);
    expect(createCustomerBody.parse({ name: `${'b'.repeat(159)} x` }).name).toBe('b'.repeat(159));
  });

  it('refuses a blank name, a NUL, and says which field is missing', () => {
    expect(errors(createCustomerBody, { name: '  ' })).toEqual([
      { field: 'name', message: 'must not be blank', code: 'validation_failed' },
    ]);
    expect(errors(setCustomerNameBody, { name: 'a\0b' })[0]?.field).toBe('name');
    expect(errors(createCustomerBody, {})).toEqual([
      { field: 'name', message: 'is required', code: 'validation_failed' },
    ]);
  });

  it('checks aliases: trimmed, 1–128 code points, no repeats, at most 2,000', () => {
    expect(setIngestAliasesBody.parse({ ingest_aliases: [' a ', 'b'] }).ingest_aliases).toEqual(['a', 'b']);
    expect(errors(setIngestAliasesBody, { ingest_aliases: ['a', 'x'.repeat(129)] })).toEqual([
      { field: 'ingest_aliases[1]', message: 'at most 128 characters', code: 'validation_failed' },
    ]);
    expect(errors(setIngestAliasesBody, { ingest_aliases: ['🦾'.repeat(128)] })).toEqual([]);
    expect(errors(setIngestAliasesBody, { ingest_aliases: ['a', ' a'] })[0]?.field).toBe('ingest_aliases[1]');
    expect(
      errors(setIngestAliasesBody, { ingest_aliases: Array.from({ length: 2001 }, (_, i) => `a${i}`) })[0]?.field,
    ).toBe('ingest_aliases');
  });

  it('checks custom fields: key charset and length, value length, 50 keys', () => {
    const ok = setCustomFieldValuesBody.parse({
      entity: 'customer',
      entity_id: '8D3F5C1E-2B7A-4C1D-9E0F-3A6B7C8D9E10',
      custom_fields: { 'a.b_c-D9': ' v ' },
    });
    expect(ok).toMatchObject({ entity_id: '8d3f5c1e-2b7a-4c1d-9e0f-3a6b7c8d9e10', custom_fields: { 'a.b_c-D9': 'v' } });
    const body = (custom_fields: Record<string, string>) => ({
      entity: 'customer',
      entity_id: '8d3f5c1e-2b7a-4c1d-9e0f-3a6b7c8d9e10',
      custom_fields,
    });
    expect(errors(setCustomFieldValuesBody, body({ 'a b': 'v' }))[0]?.field).toBe('custom_fields.a b');
    expect(errors(setCustomFieldValuesBody, body({ ['k'.repeat(41)]: 'v' }))).toHaveLength(1);
    expect(errors(setCustomFieldValuesBody, body({ k: 'v'.repeat(201) }))[0]?.field).toBe('custom_fields.k');
    const fiftyOne = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect(errors(setCustomFieldValuesBody, body(fiftyOne))[0]?.field).toBe('custom_fields');
  });

  it('keeps a custom-field key named __proto__ (a valid key) as an own key, and checks it like any other', () => {
    const body = (fields: string) =>
      JSON.parse(`{"entity":"customer","entity_id":"8d3f5c1e-2b7a-4c1d-9e0f-3a6b7c8d9e10","custom_fields":${fields}}`);
    const parsed = setCustomFieldValuesBody.parse(body('{"__proto__":" eu ","a":"b"}'));
    expect(Object.entries(parsed.custom_fields)).toEqual([
      ['__proto__', 'eu'],
      ['a', 'b'],
    ]);
    expect(Object.getPrototypeOf(parsed.custom_fields)).toBe(Object.prototype);
    expect(
      JSON.stringify(
        createCustomerBody.parse(JSON.parse('{"name":"a","custom_fields":{"__proto__":"x"}}')).custom_fields,
      ),
    ).toBe('{"__proto__":"x"}');
    expect(errors(setCustomFieldValuesBody, body(`{"__proto__":"${'v'.repeat(201)}"}`))).toEqual([
      { field: 'custom_fields.__proto__', message: 'at most 200 characters', code: 'validation_failed' },
    ]);
    // A key that is NUL then __proto__ stays a key with a NUL in it: refused, never taken for __proto__.
    expect(errors(setCustomFieldValuesBody, body('{"\\u0000__proto__":"x"}'))[0]).toMatchObject({
      field: 'custom_fields.\u0000__proto__',
      message: expect.stringMatching(/^key /),
    });
  });

  it('refuses text that is not valid Unicode (a lone surrogate JSON can spell), naming the field', () => {
    const lone = JSON.parse('"a\\ud800b"') as string;
    const id = '8d3f5c1e-2b7a-4c1d-9e0f-3a6b7c8d9e10';
    const fieldOf = (schema: z.ZodType, input: unknown) => errors(schema, input)[0];
    const cases: [z.ZodType, unknown, string][] = [
      [createCustomerBody, { name: lone }, 'name'],
      [createCustomerBody, { name: 'a', external_id: lone }, 'external_id'],
      [createCustomerBody, { name: 'a', ingest_aliases: ['ok', lone] }, 'ingest_aliases[1]'],
      [createCustomerBody, { name: 'a', custom_fields: { k: lone } }, 'custom_fields.k'],
      [
        createCustomerBody,
        { name: 'a', billing_config: { billing_provider_type: 'netsuite', billing_provider_customer_id: lone } },
        'billing_config.billing_provider_customer_id',
      ],
      [setCustomerNameBody, { name: lone }, 'name'],
      [updateCustomerConfigBody, { salesforce_account_id: lone }, 'salesforce_account_id'],
      [
        setBillingConfigurationsBody,
        { data: [{ customer_id: id, billing_provider: 'netsuite', configuration: { netsuite_customer_id: lone } }] },
        'data[0].configuration.netsuite_customer_id',
      ],
    ];
    for (const [schema, input, field] of cases) {
      expect(fieldOf(schema, input), field).toMatchObject({ field, message: expect.stringContaining('Unicode') });
    }
    expect(errors(createCustomerBody, { name: 'emoji 😀 ok' })).toEqual([]);
  });

  it('answers entity_not_supported and not_supported with their own codes', () => {
    expect(errors(addCustomFieldKeyBody, { entity: 'contract', key: 'k', enforce_uniqueness: true })[0]?.code).toBe(
      'entity_not_supported',
    );
    expect(errors(createCustomerBody, { name: 'a', customer_revenue_system_configurations: [{}] })[0]?.code).toBe(
      'not_supported',
    );
    expect(errors(createCustomerBody, { name: 'a', customer_revenue_system_configurations: [] })).toEqual([]);
    expect(errors(updateCustomerConfigBody, { leave_stripe_invoices_in_draft: true })[0]?.code).toBe('not_supported');
    expect(errors(updateCustomerConfigBody, { leave_stripe_invoices_in_draft: null })).toEqual([]);
  });

  it('checks each billing configuration with the portal form’s per-provider schema', () => {
    const entry = {
      customer_id: '8d3f5c1e-2b7a-4c1d-9e0f-3a6b7c8d9e10',
      billing_provider: 'stripe',
      configuration: { stripe_customer_id: 'cus_Q1w2', stripe_collection_method: 'charge_automatically' },
    };
    expect(setBillingConfigurationsBody.parse({ data: [entry] }).data[0]).toMatchObject({
      customerId: entry.customer_id,
      billingProvider: 'stripe',
      deliveryMethod: 'direct_to_billing_provider',
    });
    expect(
      errors(setBillingConfigurationsBody, {
        data: [{ ...entry, configuration: { ...entry.configuration, stripe_customer_id: 'nope' } }],
      })[0]?.field,
    ).toBe('data[0].configuration.stripe_customer_id');
    expect(errors(setBillingConfigurationsBody, { data: [{ ...entry, billing_provider: 'workday' }] })[0]?.field).toBe(
      'data[0].billing_provider',
    );
    expect(
      errors(setBillingConfigurationsBody, {
        data: [{ ...entry, delivery_method: 'aws_sqs', delivery_method_id: DELIVERY_METHOD_IDS.tackle }],
      })[0]?.field,
    ).toBe('data[0].delivery_method_id');
    expect(errors(setBillingConfigurationsBody, { data: [{ ...entry, tax_provider: 'avalara' }] })[0]?.code).toBe(
      'not_supported',
    );
    expect(errors(setBillingConfigurationsBody, { data: [] })[0]?.field).toBe('data');
    const aws = {
      ...entry,
      billing_provider: 'aws_marketplace',
      delivery_method_id: DELIVERY_METHOD_IDS.aws_sqs,
      configuration: {
        aws_customer_id: 'c',
        aws_product_code: 'p',
        aws_region: 'us-east-1',
        aws_is_subscription_product: true,
      },
    };
    expect(setBillingConfigurationsBody.parse({ data: [aws] }).data[0]?.deliveryMethod).toBe('aws_sqs');
  });

  it('turns the deprecated billing_config into a direct configuration', () => {
    const body = createCustomerBody.parse({
      name: 'a',
      billing_config: { billing_provider_type: 'stripe', billing_provider_customer_id: 'cus_X1' },
    });
    expect(body.billing_config).toEqual({
      billingProvider: 'stripe',
      deliveryMethod: 'direct_to_billing_provider',
      configuration: { stripe_customer_id: 'cus_X1', stripe_collection_method: 'charge_automatically' },
    });
    // What the portal's schema refuses is named by billing_config's own field.
    const refused = (config: Record<string, unknown>) =>
      errors(createCustomerBody, { name: 'a', billing_config: config }).map((e) => e.field);
    expect(refused({ billing_provider_type: 'stripe', billing_provider_customer_id: 'not-cus' })).toEqual([
      'billing_config.billing_provider_customer_id',
    ]);
    expect(
      refused({
        billing_provider_type: 'stripe',
        billing_provider_customer_id: 'cus_1',
        stripe_collection_method: 'x',
      }),
    ).toEqual(['billing_config.stripe_collection_method']);
    expect(refused({ billing_provider_type: 'netsuite', billing_provider_customer_id: 'n\0' })).toEqual([
      'billing_config.billing_provider_customer_id',
    ]);
  });

  it('reads list queries: limit 1–100, lists comma-separated or repeated, at most 100', () => {
    const q = (s: string) => listCustomersQuery.safeParse(queryObject(new URLSearchParams(s)));
    expect(q('').data).toMatchObject({ limit: 100, only_archived: false });
    expect(q('limit=0').success).toBe(false);
    expect(q('limit=101').success).toBe(false);
    expect(q('limit=1.5').success).toBe(false);
    const a = '8d3f5c1e-2b7a-4c1d-9e0f-3a6b7c8d9e10';
    const b = '0b6e5c1e-2b7a-4c1d-9e0f-3a6b7c8d9e10';
    expect(q(`customer_ids=${a},${b}&customer_ids=${a}`).data?.customer_ids).toEqual([a, b, a]);
    expect(q('customer_ids=nope').success).toBe(false);
    expect(q(`customer_ids=${Array(101).fill(a).join(',')}`).success).toBe(false);
    expect(q('only_archived=true').data?.only_archived).toBe(true);
    expect(q('only_archived=yes').success).toBe(false);
    // A NUL can be in no stored alias or Salesforce account ID: refused, not sent to the database.
    expect(errors(listCustomersQuery, queryObject(new URLSearchParams('ingest_alias=a%00b')))[0]?.field).toBe(
      'ingest_alias',
    );
    expect(
      errors(listCustomersQuery, queryObject(new URLSearchParams('salesforce_account_ids=ok,a%00b')))[0]?.field,
    ).toBe('salesforce_account_ids[1]');
  });

  it('fixes each delivery method id as UUIDv5 of its URN', () => {
    for (const [method, id] of Object.entries(DELIVERY_METHOD_IDS)) {
      expect(id).toBe(uuidV5Url(`urn:meterline:delivery-method:${method}`));
    }
  });

  it('makes a JSON Schema of every request schema (for the OpenAPI document)', () => {
    const schemas = [
      createCustomerBody,
      archiveCustomerBody,
      setCustomerNameBody,
      setIngestAliasesBody,
      updateCustomerConfigBody,
      listCustomersQuery,
      getBillingConfigurationsBody,
      setBillingConfigurationsBody,
      archiveBillingConfigurationsBody,
      addCustomFieldKeyBody,
      removeCustomFieldKeyBody,
      listCustomFieldKeysBody,
      setCustomFieldValuesBody,
      deleteCustomFieldValuesBody,
    ];
    for (const schema of schemas) {
      const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { type?: string };
      expect(json.type).toBe('object');
    }
    const create = z.toJSONSchema(createCustomerBody, { io: 'input', unrepresentable: 'any' }) as {
      required?: string[];
    };
    expect(create.required).toEqual(['name']);
  });
});
