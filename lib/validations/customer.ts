import { z } from 'zod';
import { billingProviderConfigurations } from './billing-providers';
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
export const MAX_SALESFORCE_ACCOUNT_LENGTH = 128;
export const MAX_ALIASES = 2000;
export const MAX_SECONDARY_EMAILS = 49;
export const MAX_TAGS = 50;
export const MAX_CUSTOM_FIELDS = 50;
export const CUSTOM_FIELD_KEY_PATTERN = /^[A-Za-z0-9_.-]+$/;
export const MAX_MEASUREMENT_MAPPINGS = 50;
export const MAX_REGEX_LENGTH = 256;

const EMAIL_MESSAGE = 'Enter a valid email address, like ops@example.com';
const HTTP_URL_MESSAGE = 'Enter a full URL starting with http:// or https://';
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

/**
 * A check on a list: each row whose key repeats an earlier row's gets an issue saying so, on the
 * row's field when the key is a field's name (else at `path` below the row); blank keys are left
 * to the row's own checks.
 */
export function noRepeats<T>(
  key: (T extends object ? keyof T & string : never) | ((row: T) => string),
  message: (row: T, firstRow: number) => string,
  path: PropertyKey[] = typeof key === 'string' ? [key] : [],
) {
  const keyOf = typeof key === 'string' ? (row: T) => String(row[key as keyof T]) : key;
  return (rows: T[], ctx: z.RefinementCtx) => {
    const firstRow = new Map<string, number>();
    rows.forEach((row, i) => {
      const key = keyOf(row);
      if (!key) return;
      const first = firstRow.get(key);
      if (first === undefined) firstRow.set(key, i);
      else ctx.addIssue({ code: 'custom', path: [i, ...path], message: message(row, first) });
    });
  };
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
    .superRefine(
      noRepeats(
        (r) => key(r.value.trim()),
        (_, first) => `Repeats ${opts.itemLabel.toLowerCase()} ${first + 1}`,
        ['value'],
      ),
    )
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
  checkMessage: EMAIL_MESSAGE,
  sameWhen: (v) => v.toLowerCase(),
});

/** One tag: trimmed, not blank, at most MAX_TAG_LENGTH characters. */
export const tag = text('Tag', MAX_TAG_LENGTH).refine((v) => v.length > 0, 'A tag cannot be blank');

const tags = z
  .array(tag)
  .max(MAX_TAGS, `At most ${MAX_TAGS} tags`)
  .superRefine(
    noRepeats(
      (v) => v.toLowerCase(),
      (v) => `Tag “${v}” is already added`,
    ),
  );

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
  .superRefine(noRepeats('key', (r, first) => `Key “${r.key}” is already used in row ${first + 1}`))
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
  .superRefine(noRepeats('label', (r, first) => `Label “${r.label}” is already mapped in row ${first + 1}`));

/** How a plain text field's box is typed, where the form lays it out itself. */
interface TextBox {
  type?: 'email' | 'tel' | 'url';
  placeholder?: string;
}

/** One field of the record: its rule, its label, and how the form starts from it. */
interface FieldSpec<R extends z.ZodType> {
  /** Its label everywhere in the portal (form, detail page, conflict view, history). */
  label: string;
  /** What the form may hold (input) and what is stored (output). */
  rule: R;
  /** The form's value for a new customer. */
  empty: z.input<R>;
  /** The form's value for a stored one. */
  toForm: (stored: z.output<R>) => z.input<R>;
  /** Shown in the Contact group of the form and the detail page. */
  group?: 'contact';
  /** A text box of that group, laid out from this table (the others have widgets of their own). */
  textBox?: TextBox;
}

const field = <R extends z.ZodType>(spec: FieldSpec<R>) => spec;

/** A text field: blank in a new form, and a stored null shows as blank. */
function textField<R extends z.ZodType<string | null, string>>(
  label: string,
  rule: R,
  place: Pick<FieldSpec<R>, 'group' | 'textBox'> = {},
): FieldSpec<R> {
  return { label, rule, empty: '' as z.input<R>, toForm: (v) => (v ?? '') as z.input<R>, ...place };
}

/** A plain text box in the Contact group. */
const contactBox = (textBox: TextBox = {}) => ({ group: 'contact' as const, textBox });

const valueRowsField = (label: string, rule: ReturnType<typeof valueRows>, place: { group?: 'contact' } = {}) =>
  field({ label, rule, empty: [], toForm: (v) => v.map((value) => ({ value })), ...place });

/**
 * The customer record, each field once, in the order the portal shows them: the form, the detail
 * page, the conflict view and the history follow it, and the data layer stores each field in the
 * column of the same name (aliases and billing providers in tables of their own). A new field is a
 * line here and a column in db/schema/customers.ts.
 */
export const CUSTOMER_FIELDS = {
  name: textField(
    'ID',
    requiredText('ID', MAX_ID_LENGTH).refine(
      (v) => v === '' || ID_PATTERN.test(v),
      'Start with a letter or digit; then use only letters, digits, _ - .',
    ),
  ),
  displayName: textField('Name', text('Name', MAX_NAME_LENGTH, MAX_NAME_BYTES)),
  description: textField('Description', optionalText('Description', MAX_DESCRIPTION_LENGTH)),
  email: textField('Email', optionalFormatted('Email', 254, isEmail, EMAIL_MESSAGE), contactBox({ type: 'email' })),
  secondaryEmails: valueRowsField('Other emails', secondaryEmails, { group: 'contact' }),
  phone: textField('Phone', optionalText('Phone', 50), contactBox({ type: 'tel' })),
  website: textField(
    'Website',
    optionalFormatted('Website', 2048, isHttpUrl, HTTP_URL_MESSAGE),
    contactBox({ type: 'url', placeholder: 'https://example.com' }),
  ),
  logoUrl: textField(
    'Logo URL',
    optionalFormatted('Logo URL', 2048, isHttpUrl, HTTP_URL_MESSAGE),
    contactBox({ type: 'url', placeholder: 'https://example.com/logo.png' }),
  ),
  legalName: textField('Legal name', optionalText('Legal name', 200), contactBox()),
  vatId: textField('VAT ID', optionalText('VAT ID', 50), contactBox()),
  addressLine1: textField('Address line 1', optionalText('Address line 1', 200), contactBox()),
  addressLine2: textField('Address line 2', optionalText('Address line 2', 200), contactBox()),
  city: textField('City', optionalText('City', 100), contactBox()),
  state: textField('State', optionalText('State', 100), contactBox()),
  zipcode: textField('Zipcode', optionalText('Zipcode', 20), contactBox()),
  country: textField(
    'Country',
    z
      .string()
      .refine((v) => v === '' || Object.hasOwn(COUNTRIES, v), 'Choose a country from the list')
      .transform((v) => (v === '' ? null : v)),
    { group: 'contact' },
  ),
  externalId: textField('External ID', optionalText('External ID', 128)),
  salesforceAccountId: textField(
    'Salesforce account',
    optionalText('Salesforce account', MAX_SALESFORCE_ACCOUNT_LENGTH),
  ),
  pricePlanName: textField('Price plan', optionalText('Price plan', 128)),
  tags: field({ label: 'Tags', rule: tags, empty: [], toForm: (v) => [...v] }),
  customFields: field({
    label: 'Custom fields',
    rule: customFields,
    empty: [],
    toForm: (v) => Object.entries(v).map(([key, value]) => ({ key, value })),
  }),
  measurementMappings: field({
    label: 'Measurement mappings',
    rule: measurementMappings,
    empty: [],
    toForm: (v) => v.map((m) => ({ ...m })),
  }),
  billingProviders: field({
    label: 'Billing providers',
    rule: billingProviderConfigurations,
    empty: [],
    toForm: (v) => v.map((b) => structuredClone(b)),
  }),
  ingestAliases: valueRowsField('Ingest aliases', ingestAliases),
};

type Fields = typeof CUSTOMER_FIELDS;
export type CustomerField = keyof Fields;

/** The record's fields, in the portal's order. */
export const CUSTOMER_FIELD_NAMES = Object.keys(CUSTOMER_FIELDS) as CustomerField[];

const mapFields = <T>(f: <K extends CustomerField>(key: K, spec: Fields[K]) => T) =>
  Object.fromEntries(CUSTOMER_FIELD_NAMES.map((key) => [key, f(key, CUSTOMER_FIELDS[key])]));

/** The create/edit form's values, checked the same way in the browser and in the server action. */
export const customerInput = z
  .object(mapFields((_, spec) => spec.rule) as { [K in CustomerField]: Fields[K]['rule'] })
  .transform((v) => ({ ...v, displayName: v.displayName || v.name }));

export type CustomerFormValues = z.input<typeof customerInput>;
/** A customer's fields, as checked and as stored. */
export type CustomerInput = z.output<typeof customerInput>;

export const emptyCustomerForm = mapFields((_, spec) => spec.empty) as CustomerFormValues;

/** A record whose every field is empty (null, [] or {}), as stored: the caller sets its ID and name. */
export const emptyCustomerRecord = (): CustomerInput => customerInput.parse({ ...emptyCustomerForm, name: 'empty' });

/** Each field's label in the portal (form, conflict view, history). */
export const CUSTOMER_FIELD_LABELS = mapFields((_, spec) => spec.label) as Record<CustomerField, string>;

/** The Contact group's fields, in order; `textBox` for those the form lays out as plain text boxes. */
export const CONTACT_FIELDS = CUSTOMER_FIELD_NAMES.filter((key) => CUSTOMER_FIELDS[key].group === 'contact').map(
  (key) => ({ key, label: CUSTOMER_FIELDS[key].label, textBox: CUSTOMER_FIELDS[key].textBox }),
);

/** A stored customer, as the edit form starts from it. */
export function toCustomerFormValues(c: CustomerInput): CustomerFormValues {
  return mapFields((key, spec) => (spec.toForm as (v: unknown) => unknown)(c[key])) as CustomerFormValues;
}

export const customerId = z.uuid();

export { MAX_TAG_LENGTH };
