// The largest customer the form accepts: every list at its longest, every text at its character
// limit or byte cap. The bench sends it as the worst single request; a unit test checks that it
// fits the request body limits.
import { AWS_REGIONS } from '../../lib/validations/billing-providers';
import {
  emptyCustomerForm,
  MAX_ALIAS_LENGTH,
  MAX_ALIASES,
  MAX_CUSTOM_FIELDS,
  MAX_DESCRIPTION_LENGTH,
  MAX_ID_LENGTH,
  MAX_MEASUREMENT_MAPPINGS,
  MAX_NAME_BYTES,
  MAX_NAME_LENGTH,
  MAX_REGEX_LENGTH,
  MAX_SECONDARY_EMAILS,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  type CustomerFormValues,
} from '../../lib/validations/customer';
import { BYTES_PER_CHARACTER } from '../../lib/validations/text';

/**
 * How a text is filled up to its limits:
 * - `jamo`: Hangul syllables spelled as conjoining jamo (one character, three code points, nine
 *   bytes): the most bytes a field can hold, and text whose characters only segmenting can count;
 *   the costliest to check and to store.
 * - `escapes`: control characters (one byte each, but six in JSON, `\u0001`): the longest request
 *   body.
 */
export type Fill = 'jamo' | 'escapes';

const JAMO = '\u1100\u1161\u11a8'; // 각, spelled out

/** `tag` (ASCII, for uniqueness) then filler, within `chars` characters and `bytes` bytes. */
function fill(how: Fill, tag: string, chars: number, bytes = chars * BYTES_PER_CHARACTER): string {
  const room = Math.max(0, chars - tag.length);
  if (how === 'escapes') return tag + '\u0001'.repeat(room);
  return tag + JAMO.repeat(Math.min(room, Math.floor((bytes - tag.length) / 9)));
}

/** A valid address exactly 254 characters long, unique by `tag` (at most 60 characters). */
function longEmail(tag: string): string {
  const local = `${tag}${'a'.repeat(64)}`.slice(0, 64);
  const domain = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
  return `${local}@${domain}`.slice(-254);
}

/** The largest customer the form accepts; `prefix` (short, ASCII) makes its ID and aliases unique. */
export function largestCustomer(prefix: string, how: Fill = 'jamo'): CustomerFormValues {
  const url = (tag: string) => `https://example.com/${tag}/${'p'.repeat(2048)}`.slice(0, 2048);
  return {
    ...emptyCustomerForm,
    name: `${prefix}-${'i'.repeat(MAX_ID_LENGTH)}`.slice(0, MAX_ID_LENGTH),
    displayName: fill(how, prefix, MAX_NAME_LENGTH, MAX_NAME_BYTES),
    description: fill(how, prefix, MAX_DESCRIPTION_LENGTH),
    email: longEmail(`${prefix}-0-`),
    website: url(prefix),
    addressLine1: fill(how, '1', 200),
    addressLine2: fill(how, '2', 200),
    city: fill(how, 'c', 100),
    state: fill(how, 's', 100),
    zipcode: fill(how, 'z', 20),
    country: 'DE',
    secondaryEmails: Array.from({ length: MAX_SECONDARY_EMAILS }, (_, i) => ({
      value: longEmail(`${prefix}-${i + 1}-`),
    })),
    phone: fill(how, 'p', 50),
    logoUrl: url(`${prefix}-logo`),
    legalName: fill(how, 'l', 200),
    vatId: fill(how, 'v', 50),
    externalId: fill(how, `${prefix}-x`, 128),
    pricePlanName: 'enterprise',
    tags: Array.from({ length: MAX_TAGS }, (_, i) => fill(how, `t${i}-`, MAX_TAG_LENGTH)),
    customFields: Array.from({ length: MAX_CUSTOM_FIELDS }, (_, i) => ({
      key: `k${i}-${'k'.repeat(40)}`.slice(0, 40),
      value: fill(how, `v${i}`, 200),
    })),
    measurementMappings: Array.from({ length: MAX_MEASUREMENT_MAPPINGS }, (_, i) => ({
      label: fill(how, `m${i}-`, 128),
      valueRegex: fill(how, `r${i}-`, MAX_REGEX_LENGTH),
    })),
    billingProviders: [
      {
        billingProvider: 'stripe',
        deliveryMethod: 'direct_to_billing_provider',
        configuration: {
          stripe_customer_id: `cus_${'S'.repeat(251)}`,
          stripe_collection_method: 'send_invoice',
        },
      },
      {
        billingProvider: 'aws_marketplace',
        deliveryMethod: 'aws_sqs',
        configuration: {
          aws_customer_id: fill(how, 'a', 255),
          aws_product_code: fill(how, 'b', 255),
          aws_region: AWS_REGIONS[0],
          aws_is_subscription_product: true,
        },
      },
      {
        billingProvider: 'azure_marketplace',
        deliveryMethod: 'tackle',
        configuration: { azure_subscription_id: '0f8fad5b-d9cb-469f-a165-70867728950e' },
      },
      {
        billingProvider: 'gcp_marketplace',
        deliveryMethod: 'tackle',
        configuration: { gcp_customer_id: fill(how, 'g', 255) },
      },
      {
        billingProvider: 'netsuite',
        deliveryMethod: 'direct_to_billing_provider',
        configuration: { netsuite_customer_id: fill(how, 'n', 255) },
      },
    ],
    ingestAliases: Array.from({ length: MAX_ALIASES }, (_, i) => ({
      value: fill(how, `${prefix}-${i}-`, MAX_ALIAS_LENGTH),
    })),
  };
}
