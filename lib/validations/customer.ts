import { z } from 'zod';
import { COUNTRIES } from './countries';
import { optionalFormatted, optionalText, requiredText, text } from './text';

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const MAX_ID_LENGTH = 128;
export const MAX_NAME_LENGTH = 160;
export const MAX_DESCRIPTION_LENGTH = 5000;
export const MAX_ALIAS_LENGTH = 128;
export const MAX_ALIASES = 2000;

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

const alias = z.object({
  value: text('Alias', MAX_ALIAS_LENGTH).refine((v) => v.length > 0, 'Enter an alias or remove this row'),
});

const ingestAliases = z
  .array(alias)
  .max(MAX_ALIASES, `At most ${MAX_ALIASES.toLocaleString('en-US')} ingest aliases`)
  .superRefine((rows, ctx) => {
    const firstRow = new Map<string, number>();
    rows.forEach((row, i) => {
      const value = row.value.trim();
      if (!value) return;
      const first = firstRow.get(value);
      if (first === undefined) firstRow.set(value, i);
      else ctx.addIssue({ code: 'custom', path: [i, 'value'], message: `Repeats alias ${first + 1}` });
    });
  })
  .transform((rows) => rows.map((row) => row.value));

/** The create/edit form's values, checked the same way in the browser and in the server action. */
export const customerInput = z
  .object({
    name: requiredText('ID', MAX_ID_LENGTH).refine(
      (v) => v === '' || ID_PATTERN.test(v),
      'Start with a letter or digit; then use only letters, digits, _ - .',
    ),
    displayName: text('Name', MAX_NAME_LENGTH),
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
  ingestAliases: [],
};

export const customerId = z.uuid();

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;

/** The list's view, as it stands in the URL (and the API route's query string). */
export const customerFilters = z.object({
  cursor: z.string().max(512).optional().catch(undefined),
  dir: z.enum(['next', 'prev']).default('next').catch('next'),
  limit: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .default(DEFAULT_PAGE_SIZE)
    .catch(DEFAULT_PAGE_SIZE),
});

export type CustomerFilters = z.output<typeof customerFilters>;

/** Reads filters from URLSearchParams or a Next `searchParams` object. */
export function parseCustomerFilters(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): CustomerFilters {
  const get = (key: string) => {
    const v = params instanceof URLSearchParams ? params.get(key) : params[key];
    return (Array.isArray(v) ? v[0] : v) ?? undefined;
  };
  return customerFilters.parse({ cursor: get('cursor'), dir: get('dir'), limit: get('limit') });
}

export function customerFiltersToSearch(f: CustomerFilters): string {
  const q = new URLSearchParams();
  if (f.cursor) {
    q.set('cursor', f.cursor);
    if (f.dir !== 'next') q.set('dir', f.dir);
  }
  if (f.limit !== DEFAULT_PAGE_SIZE) q.set('limit', String(f.limit));
  const s = q.toString();
  return s ? `?${s}` : '';
}
