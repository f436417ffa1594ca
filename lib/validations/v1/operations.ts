import { type z } from 'zod';
import type { Role } from '@/lib/auth/permissions';
import {
  archiveBillingConfigurationsBody,
  getBillingConfigurationsBody,
  setBillingConfigurationsBody,
} from './billing-configurations';
import {
  addCustomFieldKeyBody,
  deleteCustomFieldValuesBody,
  listCustomFieldKeysBody,
  listCustomFieldKeysQuery,
  removeCustomFieldKeyBody,
  setCustomFieldValuesBody,
} from './custom-fields';
import {
  archiveCustomerBody,
  listCustomersQuery,
  setCustomerNameBody,
  setIngestAliasesBody,
  updateCustomerConfigBody,
} from './customers';
import { createCustomerBody } from './customers';
import {
  archivedBillingConfigurationsAnswer,
  archivedCustomerAnswer,
  billingConfigurationsAnswer,
  customerAnswer,
  customerDetailAnswer,
  customerPageAnswer,
  customFieldKeyPageAnswer,
  emptyAnswer,
} from './objects';
import { ingestBody, searchEventsAnswer, searchEventsBody } from './usage';

// Every /v1 endpoint of the API's contract, once: its path, least role, the zod schemas that check
// its request (the same objects a route hands to v1Route, so `v1Route(V1_OPERATIONS.x, handler)`
// works) and describe its answer, and its own errors. The OpenAPI document (./openapi.ts) and the
// portal's API page are generated from this list; a unit test holds it to the route files.

/** An error an endpoint answers with, beyond those every call can meet (openapi.ts adds those). */
export interface V1OperationError {
  status: number;
  code: string;
  when: string;
}

export interface V1Operation {
  method: 'get' | 'post';
  /** OpenAPI's path, `{customer_id}` for a path parameter. */
  path: string;
  /** The least role that may call it. */
  role: Role;
  /** The method of `@metronome/sdk`'s `client.v1` that calls it. */
  sdk: string;
  summary: string;
  description: string;
  body?: z.ZodType;
  query?: z.ZodObject;
  response: z.ZodType;
  errors: V1OperationError[];
  /** A request that passes `body` (or `query`), for the examples. */
  example?: Record<string, unknown> | unknown[];
  /** The SDK's parameter that carries a body that is an array (ingest: `usage`). */
  sdkBody?: string;
}

const EXAMPLE_CUSTOMER = '8d3f5c1e-2b7a-4c1d-9e0f-3a6b7c8d9e10';
const EXAMPLE_CONFIGURATION = '0b6e2f4a-9c1d-4e8f-a7b3-5d2c1e0f9a8b';
/** The start of the current hour: an event's timestamp must lie within the last 34 days. */
const EXAMPLE_TIMESTAMP = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();

const unknownCustomer = { status: 404, code: 'not_found', when: 'no customer has this ID' };
const aliasTaken = {
  status: 409,
  code: 'ingest_alias_taken',
  when: 'another customer holds an alias, archived ones included (`owner` names it)',
};
const valueTaken = {
  status: 409,
  code: 'custom_field_value_taken',
  when: "another customer holds a unique key's value (`owner` names it)",
};
const notSupported = (field: string) => ({ status: 400, code: 'not_supported', when: `\`${field}\` is given` });
const entityNotSupported = { status: 400, code: 'entity_not_supported', when: 'an entity other than "customer"' };

export const V1_OPERATIONS = {
  createCustomer: {
    method: 'post',
    path: '/v1/customers',
    role: 'editor',
    sdk: 'customers.create',
    summary: 'Create a customer',
    description:
      'Creates a customer with its aliases, custom fields and billing provider configurations, all or nothing. ' +
      'A name over 160 characters is cut to 160. The portal ID is derived from external_id, else the name.',
    body: createCustomerBody,
    response: customerAnswer,
    errors: [
      notSupported('customer_revenue_system_configurations'),
      aliasTaken,
      { status: 409, code: 'external_id_taken', when: 'another customer holds the external ID (`owner` names it)' },
      {
        status: 409,
        code: 'billing_provider_configured',
        when: 'a billing provider is named twice',
      },
      valueTaken,
    ],
    example: { name: 'Example, Inc.', external_id: 'example-inc', ingest_aliases: ['team@example.com'] },
  },
  listCustomers: {
    method: 'get',
    path: '/v1/customers',
    role: 'viewer',
    sdk: 'customers.list',
    summary: 'List customers',
    description:
      'Active customers (or archived ones only), oldest first, a page at a time. Every page but the last holds ' +
      'exactly `limit` customers; the last answers `next_page: null`. Filters combine with AND.',
    query: listCustomersQuery,
    response: customerPageAnswer,
    errors: [{ status: 400, code: 'invalid_cursor', when: '`next_page` was not issued by this API' }],
    example: { limit: '10' },
  },
  retrieveCustomer: {
    method: 'get',
    path: '/v1/customers/{customer_id}',
    role: 'viewer',
    sdk: 'customers.retrieve',
    summary: 'Retrieve a customer',
    description: 'One customer with its dates and configuration, archived ones included.',
    response: customerDetailAnswer,
    errors: [{ ...unknownCustomer, when: 'the ID is unknown or malformed' }],
  },
  archiveCustomer: {
    method: 'post',
    path: '/v1/customers/archive',
    role: 'editor',
    sdk: 'customers.archive',
    summary: 'Archive a customer',
    description:
      'Archives a customer; archiving an archived one answers the same and keeps its first archived_at. ' +
      'It stays retrievable and keeps its aliases reserved. Unarchiving is done in the portal.',
    body: archiveCustomerBody,
    response: archivedCustomerAnswer,
    errors: [unknownCustomer],
    example: { id: EXAMPLE_CUSTOMER },
  },
  setCustomerName: {
    method: 'post',
    path: '/v1/customers/{customer_id}/setName',
    role: 'editor',
    sdk: 'customers.setName',
    summary: "Set a customer's name",
    description: 'Sets the Name, with the rule of create: trimmed, cut to 160 characters, never blank.',
    body: setCustomerNameBody,
    response: customerAnswer,
    errors: [unknownCustomer],
    example: { name: 'Example Holdings, Inc.' },
  },
  setIngestAliases: {
    method: 'post',
    path: '/v1/customers/{customer_id}/setIngestAliases',
    role: 'editor',
    sdk: 'customers.setIngestAliases',
    summary: "Replace a customer's ingest aliases",
    description:
      'Replaces the whole list, kept in the order given; `[]` clears it, and a freed alias may be taken at once.',
    body: setIngestAliasesBody,
    response: emptyAnswer,
    errors: [unknownCustomer, { ...aliasTaken, when: `${aliasTaken.when}; the list is unchanged` }],
    example: { ingest_aliases: ['team@example.com', 'acct-4711'] },
  },
  updateCustomerConfig: {
    method: 'post',
    path: '/v1/customers/{customer_id}/updateConfig',
    role: 'editor',
    sdk: 'customers.updateConfig',
    summary: "Update a customer's configuration",
    description: 'Sets the Salesforce account (a string), clears it (`null`), or leaves it (absent).',
    body: updateCustomerConfigBody,
    response: emptyAnswer,
    errors: [unknownCustomer, notSupported('leave_stripe_invoices_in_draft')],
    example: { salesforce_account_id: '0015e00000ABCdeAAF' },
  },
  getBillingConfigurations: {
    method: 'post',
    path: '/v1/getCustomerBillingProviderConfigurations',
    role: 'viewer',
    sdk: 'customers.retrieveBillingConfigurations',
    summary: "Get a customer's billing provider configurations",
    description: 'Oldest first; active ones only unless `include_archived`.',
    body: getBillingConfigurationsBody,
    response: billingConfigurationsAnswer,
    errors: [unknownCustomer],
    example: { customer_id: EXAMPLE_CUSTOMER, include_archived: false },
  },
  setBillingConfigurations: {
    method: 'post',
    path: '/v1/setCustomerBillingProviderConfigurations',
    role: 'editor',
    sdk: 'customers.setBillingConfigurations',
    summary: 'Set billing provider configurations',
    description:
      'Adds configurations, one active per provider and customer, all saved together or none. ' +
      'Each configuration is checked as the Billing providers form checks it.',
    body: setBillingConfigurationsBody,
    response: billingConfigurationsAnswer,
    errors: [
      unknownCustomer,
      notSupported('tax_provider'),
      {
        status: 409,
        code: 'billing_provider_configured',
        when: 'the customer already has an active configuration for that provider, or the call names it twice',
      },
    ],
    example: {
      data: [
        {
          customer_id: EXAMPLE_CUSTOMER,
          billing_provider: 'stripe',
          configuration: { stripe_customer_id: 'cus_Q1w2', stripe_collection_method: 'charge_automatically' },
          delivery_method: 'direct_to_billing_provider',
        },
      ],
    },
  },
  archiveBillingConfigurations: {
    method: 'post',
    path: '/v1/archiveCustomerBillingProviderConfigurations',
    role: 'editor',
    sdk: 'customers.archiveBillingConfigurations',
    summary: 'Archive billing provider configurations',
    description:
      "Archives some of a customer's configurations (every ID must be its own, else nothing is archived); " +
      'archived ones stay as they are.',
    body: archiveBillingConfigurationsBody,
    response: archivedBillingConfigurationsAnswer,
    errors: [unknownCustomer],
    example: { customer_id: EXAMPLE_CUSTOMER, customer_billing_provider_configuration_ids: [EXAMPLE_CONFIGURATION] },
  },
  addCustomFieldKey: {
    method: 'post',
    path: '/v1/customFields/addKey',
    role: 'editor',
    sdk: 'customFields.addKey',
    summary: 'Register a custom field key',
    description:
      'Registers a key, or sets `enforce_uniqueness` on a registered one. Unique values are unique across ' +
      'customers, archived ones included.',
    body: addCustomFieldKeyBody,
    response: emptyAnswer,
    errors: [entityNotSupported, { ...valueTaken, when: 'turning uniqueness on while two customers share a value' }],
    example: { entity: 'customer', key: 'region', enforce_uniqueness: false },
  },
  removeCustomFieldKey: {
    method: 'post',
    path: '/v1/customFields/removeKey',
    role: 'editor',
    sdk: 'customFields.removeKey',
    summary: 'Remove a custom field key',
    description: 'Unregisters the key and deletes its values on every customer.',
    body: removeCustomFieldKeyBody,
    response: emptyAnswer,
    errors: [entityNotSupported, { status: 404, code: 'not_found', when: 'the key is not registered' }],
    example: { entity: 'customer', key: 'region' },
  },
  listCustomFieldKeys: {
    method: 'post',
    path: '/v1/customFields/listKeys',
    role: 'viewer',
    sdk: 'customFields.listKeys',
    summary: 'List custom field keys',
    description: 'The registered keys in key order, up to 100 a page; the cursor goes in the query string.',
    body: listCustomFieldKeysBody,
    query: listCustomFieldKeysQuery,
    response: customFieldKeyPageAnswer,
    errors: [
      entityNotSupported,
      { status: 400, code: 'invalid_cursor', when: '`next_page` was not issued by this API' },
    ],
    example: { entities: ['customer'] },
  },
  setCustomFieldValues: {
    method: 'post',
    path: '/v1/customFields/setValues',
    role: 'editor',
    sdk: 'customFields.setValues',
    summary: "Set a customer's custom field values",
    description: 'Merges: the given keys are set, the others kept. A customer holds at most 50 keys.',
    body: setCustomFieldValuesBody,
    response: emptyAnswer,
    errors: [entityNotSupported, { ...unknownCustomer, when: 'no customer has `entity_id`' }, valueTaken],
    example: { entity: 'customer', entity_id: EXAMPLE_CUSTOMER, custom_fields: { region: 'eu' } },
  },
  deleteCustomFieldValues: {
    method: 'post',
    path: '/v1/customFields/deleteValues',
    role: 'editor',
    sdk: 'customFields.deleteValues',
    summary: "Delete a customer's custom field values",
    description: 'Removes those keys from the customer; keys it does not have are ignored.',
    body: deleteCustomFieldValuesBody,
    response: emptyAnswer,
    errors: [entityNotSupported, { ...unknownCustomer, when: 'no customer has `entity_id`' }],
    example: { entity: 'customer', entity_id: EXAMPLE_CUSTOMER, keys: ['region'] },
  },
  ingestUsage: {
    method: 'post',
    path: '/v1/ingest',
    role: 'editor',
    sdk: 'usage.ingest',
    sdkBody: 'usage',
    summary: 'Ingest usage events',
    description:
      'The body is the array of events itself (0–100), stored all or none. An event whose transaction_id was ' +
      'received in the previous 34 days, or earlier in the batch, is stored as a duplicate and never counted. ' +
      'Each event is routed once, exactly: the customer whose id is its customer_id, else the holder of that ' +
      'ingest alias (archived customers too), else the one customer whose measurement mapping fully matches ' +
      'one of its properties; any other event is kept as unmatched.',
    body: ingestBody,
    response: emptyAnswer,
    errors: [
      {
        status: 400,
        code: 'invalid_events',
        when: 'one or more events break a rule (`errors` lists `{index, field, message}` for every bad event); nothing is stored',
      },
    ],
    example: [
      {
        transaction_id: '2026-11-29T15:00:00Z_cluster42',
        customer_id: 'team@example.com',
        event_type: 'api_request',
        timestamp: EXAMPLE_TIMESTAMP,
        properties: { region: 'eu' },
      },
    ],
  },
  searchEvents: {
    method: 'post',
    path: '/v1/events/search',
    role: 'viewer',
    sdk: 'usage.search',
    summary: 'Search events by transaction ID',
    description:
      'The events received in the last 34 days with these transaction IDs (1–100), as a bare array: in the ' +
      'order of the IDs asked for, then in order of receipt. Unknown IDs are simply absent.',
    body: searchEventsBody,
    response: searchEventsAnswer,
    errors: [],
    example: { transactionIds: ['2026-11-29T15:00:00Z_cluster42'] },
  },
} as const satisfies Record<string, V1Operation>;

export type V1OperationId = keyof typeof V1_OPERATIONS;

/** The example path parameter of operations with one. */
export const EXAMPLE_PATH_PARAMS: Record<string, string> = { customer_id: EXAMPLE_CUSTOMER };
