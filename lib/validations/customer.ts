import { z } from 'zod';
import { billingProviderConfigurations, type BillingProviderConfigurationInput } from './billing-providers';
import { COUNTRIES } from './countries';
import { MAX_TAG_LENGTH } from './customer-filters';
import { catastrophicRegexError } from './regex-safety';
import {
  BYTES_PER_CHARACTER,
  lengthProblem,
  optionalFormatted,
  optionalText,
  requiredText,
  text,
  withinLength,
} from './text';

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const MAX_ID_LENGTH = 128;
export const MAX_NAME_LENGTH = 160;
// A Name is indexed as lower(display_name) with the id (B-tree entries hold at most 2,704 bytes, and
// lower() can make text half as long again), and may be written in scripts whose characters take
// many bytes: 1,600 bytes. Other fields take the default of 4 bytes a character (see text.ts);
// an alias or an External ID (unique indexes) at most 512.
export const MAX_NAME_BYTES = 1600;
export const MAX_DESCRIPTION_LENGTH = 5000;
export const MAX_ALIAS_LENGTH = 128;
export const MAX_ALIASES = 2000;
export const MAX_SECONDARY_EMAILS = 49;
export const MAX_TAGS = 50;
export const MAX_CUSTOM_FIELDS = 50;
export const CUSTOM_FIELD_KEY_PATTERN = /^[A-Za-z0-9_.-]+$/;
export const MAX_MEASUREMENT_MAPPINGS = 50;
export const MAX_REGEX_LENGTH = 256;

const emailFormat = z.email();
const isEmail = (v: string) => emailFormat.safeParse(v).success;

function isHttpUrl(v: string): boolean {
  try {
    const url = new URL(v);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Rows of single values ({ value }) as the form keeps them; a plain string array once parsed. */
function valueRows(opts: {
  itemLabel: string;
  blankMessage: string;
  maxLength: number;
  maxRows: number;
  listLabel: string;
  check?: (v: string) => boolean;
  checkMessage?: string;
  sameWhen?: (v: string) => string;
}) {
  const key = opts.sameWhen ?? ((v: string) => v);
  const row = z.object({
    value: text(opts.itemLabel, opts.maxLength)
      .refine((v) => v.length > 0, opts.blankMessage)
      .refine((v) => v === '' || !opts.check || opts.check(v), opts.checkMessage ?? 'Invalid value'),
  });
  return z
    .array(row)
    .max(opts.maxRows, `At most ${opts.maxRows.toLocaleString('en-US')} ${opts.listLabel}`)
    .superRefine((rows, ctx) => {
      const firstRow = new Map<string, number>();
      rows.forEach((r, i) => {
        const value = key(r.value.trim());
        if (!value) return;
        const first = firstRow.get(value);
        if (first === undefined) firstRow.set(value, i);
        else
          ctx.addIssue({
            code: 'custom',
            path: [i, 'value'],
            message: `Repeats ${opts.itemLabel.toLowerCase()} ${first + 1}`,
          });
      });
    })
    .transform((rows) => rows.map((r) => r.value));
}

const ingestAliases = valueRows({
  itemLabel: 'Alias',
  blankMessage: 'Enter an alias or remove this row',
  maxLength: MAX_ALIAS_LENGTH,
  maxRows: MAX_ALIASES,
  listLabel: 'ingest aliases',
});

const secondaryEmails = valueRows({
  itemLabel: 'Email',
  blankMessage: 'Enter an email address or remove this row',
  maxLength: 254,
  maxRows: MAX_SECONDARY_EMAILS,
  listLabel: 'other emails',
  check: isEmail,
  checkMessage: 'Enter a valid email address, like ops@example.com',
  sameWhen: (v) => v.toLowerCase(),
});

const tags = z
  .array(text('Tag', MAX_TAG_LENGTH).refine((v) => v.length > 0, 'A tag cannot be blank'))
  .max(MAX_TAGS, `At most ${MAX_TAGS} tags`)
  .superRefine((values, ctx) => {
    const seen = new Set<string>();
    values.forEach((v, i) => {
      if (seen.has(v.toLowerCase()))
        ctx.addIssue({ code: 'custom', path: [i], message: `Tag “${v}” is already added` });
      seen.add(v.toLowerCase());
    });
  });

const customFields = z
  .array(
    z.object({
      key: text('Key', 40)
        .refine((v) => v.length > 0, 'Enter a key or remove this row')
        .refine((v) => v === '' || CUSTOM_FIELD_KEY_PATTERN.test(v), 'Use only letters, digits, _ - .'),
      value: text('Value', 200),
    }),
  )
  .max(MAX_CUSTOM_FIELDS, `At most ${MAX_CUSTOM_FIELDS} custom fields`)
  .superRefine((rows, ctx) => {
    const firstRow = new Map<string, number>();
    rows.forEach((r, i) => {
      const first = firstRow.get(r.key);
      if (r.key && first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'key'],
          message: `Key “${r.key}” is already used in row ${first + 1}`,
        });
      } else firstRow.set(r.key, i);
    });
  })
  .transform((rows) => Object.fromEntries(rows.map((r) => [r.key, r.value])) as Record<string, string>);

/** Why a regular expression does not compile, or null when it does. */
export function regexError(source: string): string | null {
  try {
    new RegExp(source, 'u');
    return null;
  } catch (err) {
    return (err as Error).message.replace(/^Invalid regular expression: /, '');
  }
}

/** Does a measurement value match a mapping's regex? The regex must match the whole value. */
export function matchesMapping(valueRegex: string, sample: string): boolean {
  if (regexError(valueRegex)) return false;
  return new RegExp(`^(?:${valueRegex})$`, 'u').test(sample);
}

const measurementMappings = z
  .array(
    z.object({
      label: text('Label', 128).refine((v) => v.length > 0, 'Enter a label or remove this row'),
      valueRegex: z
        .string()
        .refine((v) => !v.includes('\0'), 'Value regex must not contain NUL characters')
        .refine((v) => v.length > 0, 'Enter a regular expression')
        .superRefine(withinLength('Value regex', MAX_REGEX_LENGTH))
        .superRefine((v, ctx) => {
          const fits = lengthProblem(v, MAX_REGEX_LENGTH, MAX_REGEX_LENGTH * BYTES_PER_CHARACTER) === null;
          if (!v || !fits) return;
          const why = regexError(v);
          if (why) ctx.addIssue({ code: 'custom', message: `Not a valid regular expression: ${why}` });
          else {
            const slow = catastrophicRegexError(v);
            if (slow) ctx.addIssue({ code: 'custom', message: slow });
          }
        }),
    }),
  )
  .max(MAX_MEASUREMENT_MAPPINGS, `At most ${MAX_MEASUREMENT_MAPPINGS} measurement mappings`)
  .superRefine((rows, ctx) => {
    const firstRow = new Map<string, number>();
    rows.forEach((r, i) => {
      const first = firstRow.get(r.label);
      if (r.label && first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'label'],
          message: `Label “${r.label}” is already mapped in row ${first + 1}`,
        });
      } else firstRow.set(r.label, i);
    });
  });

/** The create/edit form's values, checked the same way in the browser and in the server action. */
export const customerInput = z
  .object({
    name: requiredText('ID', MAX_ID_LENGTH).refine(
      (v) => v === '' || ID_PATTERN.test(v),
      'Start with a letter or digit; then use only letters, digits, _ - .',
    ),
    displayName: text('Name', MAX_NAME_LENGTH, MAX_NAME_BYTES),
    description: optionalText('Description', MAX_DESCRIPTION_LENGTH),
    email: optionalFormatted('Email', 254, isEmail, 'Enter a valid email address, like ops@example.com'),
    website: optionalFormatted('Website', 2048, isHttpUrl, 'Enter a full URL starting with http:// or https://'),
    addressLine1: optionalText('Address line 1', 200),
    addressLine2: optionalText('Address line 2', 200),
    city: optionalText('City', 100),
    state: optionalText('State', 100),
    zipcode: optionalText('Zipcode', 20),
    country: z
      .string()
      .refine((v) => v === '' || Object.hasOwn(COUNTRIES, v), 'Choose a country from the list')
      .transform((v) => (v === '' ? null : v)),
    secondaryEmails,
    phone: optionalText('Phone', 50),
    logoUrl: optionalFormatted('Logo URL', 2048, isHttpUrl, 'Enter a full URL starting with http:// or https://'),
    legalName: optionalText('Legal name', 200),
    vatId: optionalText('VAT ID', 50),
    externalId: optionalText('External ID', 128),
    pricePlanName: optionalText('Price plan', 128),
    tags,
    customFields,
    measurementMappings,
    billingProviders: billingProviderConfigurations,
    ingestAliases,
  })
  .transform((v) => ({ ...v, displayName: v.displayName || v.name }));

export type CustomerFormValues = z.input<typeof customerInput>;
export type CustomerInput = z.output<typeof customerInput>;

export const emptyCustomerForm: CustomerFormValues = {
  name: '',
  displayName: '',
  description: '',
  email: '',
  website: '',
  addressLine1: '',
  addressLine2: '',
  city: '',
  state: '',
  zipcode: '',
  country: '',
  secondaryEmails: [],
  phone: '',
  logoUrl: '',
  legalName: '',
  vatId: '',
  externalId: '',
  pricePlanName: '',
  tags: [],
  customFields: [],
  measurementMappings: [],
  billingProviders: [],
  ingestAliases: [],
};

/** Each field's label in the portal (form, conflict view, history). */
export const CUSTOMER_FIELD_LABELS: Record<keyof CustomerFormValues, string> = {
  name: 'ID',
  displayName: 'Name',
  description: 'Description',
  email: 'Email',
  website: 'Website',
  addressLine1: 'Address line 1',
  addressLine2: 'Address line 2',
  city: 'City',
  state: 'State',
  zipcode: 'Zipcode',
  country: 'Country',
  secondaryEmails: 'Other emails',
  phone: 'Phone',
  logoUrl: 'Logo URL',
  legalName: 'Legal name',
  vatId: 'VAT ID',
  externalId: 'External ID',
  pricePlanName: 'Price plan',
  tags: 'Tags',
  customFields: 'Custom fields',
  measurementMappings: 'Measurement mappings',
  billingProviders: 'Billing providers',
  ingestAliases: 'Ingest aliases',
};

/** A stored customer, as the edit form starts from it. */
export interface CustomerRecordFields {
  name: string;
  displayName: string;
  description: string | null;
  email: string | null;
  website: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  zipcode: string | null;
  country: string | null;
  secondaryEmails: string[];
  phone: string | null;
  logoUrl: string | null;
  legalName: string | null;
  vatId: string | null;
  externalId: string | null;
  pricePlanName: string | null;
  tags: string[];
  customFields: Record<string, string>;
  measurementMappings: { label: string; valueRegex: string }[];
  billingProviders: BillingProviderConfigurationInput[];
  ingestAliases: string[];
}

export function toCustomerFormValues(c: CustomerRecordFields): CustomerFormValues {
  return {
    name: c.name,
    displayName: c.displayName,
    description: c.description ?? '',
    email: c.email ?? '',
    website: c.website ?? '',
    addressLine1: c.addressLine1 ?? '',
    addressLine2: c.addressLine2 ?? '',
    city: c.city ?? '',
    state: c.state ?? '',
    zipcode: c.zipcode ?? '',
    country: c.country ?? '',
    secondaryEmails: c.secondaryEmails.map((value) => ({ value })),
    phone: c.phone ?? '',
    logoUrl: c.logoUrl ?? '',
    legalName: c.legalName ?? '',
    vatId: c.vatId ?? '',
    externalId: c.externalId ?? '',
    pricePlanName: c.pricePlanName ?? '',
    tags: [...c.tags],
    customFields: Object.entries(c.customFields).map(([key, value]) => ({ key, value })),
    measurementMappings: c.measurementMappings.map((m) => ({ ...m })),
    billingProviders: c.billingProviders.map((b) => structuredClone(b)),
    ingestAliases: c.ingestAliases.map((value) => ({ value })),
  };
}

export const customerId = z.uuid();

export { MAX_TAG_LENGTH };
