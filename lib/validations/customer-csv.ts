import {
  CUSTOMER_FIELDS,
  CUSTOMER_FIELD_NAMES,
  type CustomerField,
  type CustomerFormValues,
  type CustomerInput,
  customerInput,
  emptyCustomerForm,
} from './customer';

// The customer record as CSV columns, for import, export and the import template: one column a
// field, headed by the field's portal label, in the portal's order, then one `custom.<key>` column a
// custom field. Measurement mappings and billing providers are structured and stay out of CSV.

/** What a customer's CSV record is written from: its CSV fields and its custom fields. */
export type CsvRecordValues = Pick<CustomerInput, CsvField | 'customFields'>;

/** The record's fields that have a CSV column of their own. */
export type CsvField = Exclude<CustomerField, 'customFields' | 'measurementMappings' | 'billingProviders'>;

const LIST_FIELDS = ['secondaryEmails', 'tags', 'ingestAliases'] as const satisfies readonly CsvField[];
type ListField = (typeof LIST_FIELDS)[number];
const isListField = (field: CsvField): field is ListField => (LIST_FIELDS as readonly string[]).includes(field);

export const CSV_FIELDS = CUSTOMER_FIELD_NAMES.filter(
  (f): f is CsvField => f !== 'customFields' && f !== 'measurementMappings' && f !== 'billingProviders',
);

/** A column's header for a field: its label ("ID", "Name", "Ingest aliases"…). */
export const csvHeader = (field: CsvField) => CUSTOMER_FIELDS[field].label;

export const CUSTOM_FIELD_PREFIX = 'custom.';

/** The headers of a CSV holding these custom-field keys. */
export const csvHeaders = (customKeys: readonly string[] = []) => [
  ...CSV_FIELDS.map(csvHeader),
  ...customKeys.map((key) => `${CUSTOM_FIELD_PREFIX}${key}`),
];

/** What a column of an uploaded file holds: a field, a custom field, or nothing the record knows. */
export type CsvColumn = { kind: 'field'; field: CsvField } | { kind: 'custom'; key: string } | { kind: 'unknown' };

const squash = (header: string) => header.toLowerCase().replace(/[\s_-]+/g, '');
const FIELD_BY_HEADER = new Map<string, CsvField>(
  CSV_FIELDS.flatMap((field) => [
    [squash(csvHeader(field)), field],
    [squash(field), field],
  ]),
);

/** Matches a header to a column by label or field name, ignoring case, spaces, `_` and `-`. */
export function csvColumnOf(header: string): CsvColumn {
  const trimmed = header.trim();
  if (trimmed.toLowerCase().startsWith(CUSTOM_FIELD_PREFIX)) {
    const key = trimmed.slice(CUSTOM_FIELD_PREFIX.length);
    if (key) return { kind: 'custom', key };
  }
  const field = FIELD_BY_HEADER.get(squash(trimmed));
  return field ? { kind: 'field', field } : { kind: 'unknown' };
}

// A spreadsheet runs a cell starting with one of these as a formula (CSV injection); an export
// starts such a cell with an apostrophe, and so one that starts with an apostrophe already.
const FORMULA_START = /^[=+\-@\t\r']/;

/** A cell as written to a file: safe to open in a spreadsheet. */
export const neutraliseCell = (cell: string) => (FORMULA_START.test(cell) ? `'${cell}` : cell);

/** A cell as read from a file: an exported apostrophe dropped again. */
export const restoreCell = (cell: string) =>
  cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;

/** A list cell's items: one a line when the cell has line breaks, else separated by `|`. */
export function splitListCell(cell: string): string[] {
  const separator = /[\r\n]/.test(cell) ? /\r\n|\r|\n/ : '|';
  return cell
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A stored customer's cell for a field (lists a line an item, so a `|` inside an item survives). */
export function csvCell(customer: CsvRecordValues, field: CsvField): string {
  const value = customer[field];
  if (Array.isArray(value)) return value.join('\n');
  return value ?? '';
}

/** A stored customer as one CSV record, cells neutralised, in the order of `csvHeaders(customKeys)`. */
export function customerCsvRecord(customer: CsvRecordValues, customKeys: readonly string[] = []): string[] {
  return [
    ...CSV_FIELDS.map((field) => csvCell(customer, field)),
    ...customKeys.map((key) => customer.customFields[key] ?? ''),
  ].map(neutraliseCell);
}

/**
 * A cell read from a file as the form's value for its field (the form's rules then check it as
 * they check a person's typing). The cell is trimmed; a list cell splits into rows.
 */
export function formValueOfCell<F extends CsvField>(field: F, cell: string): CustomerFormValues[F] {
  const value = restoreCell(cell.trim());
  if (!isListField(field)) return value as CustomerFormValues[F];
  const items = splitListCell(value);
  return (field === 'tags' ? items : items.map((item) => ({ value: item }))) as CustomerFormValues[F];
}

/**
 * Where an uploaded file's column goes: a field's name, `custom.<key>`, or null (the column is
 * skipped). Written as the column's header would be matched, so a mapping is plain JSON.
 */
export type CsvTarget = CsvField | `${typeof CUSTOM_FIELD_PREFIX}${string}`;

/** The target a header matches on its own (the mapping step starts from it), or null. */
export function suggestedTarget(header: string): CsvTarget | null {
  const column = csvColumnOf(header);
  if (column.kind === 'field') return column.field;
  if (column.kind === 'custom') return `${CUSTOM_FIELD_PREFIX}${column.key}`;
  return null;
}

/** Whether a string names a target: a field with a column, or a custom field's key. */
export function isCsvTarget(target: string): target is CsvTarget {
  if (target.startsWith(CUSTOM_FIELD_PREFIX)) return target.length > CUSTOM_FIELD_PREFIX.length;
  return (CSV_FIELDS as readonly string[]).includes(target);
}

/** A target's name as a person reads it: the field's label, or `custom.<key>`. */
export const csvTargetLabel = (target: CsvTarget) =>
  target.startsWith(CUSTOM_FIELD_PREFIX) ? target : csvHeader(target as CsvField);

/**
 * A file row laid over a record's form values (an empty form for a new customer, the stored
 * customer's for an update): each mapped cell sets its field. An empty cell sets nothing unless
 * `emptyClears` (a new customer's fields start empty either way).
 */
export function overlayRow(
  base: CustomerFormValues,
  cells: readonly string[],
  mapping: readonly (CsvTarget | null)[],
  emptyClears: boolean,
): CustomerFormValues {
  const form = { ...base, customFields: [...base.customFields] };
  mapping.forEach((target, i) => {
    if (!target) return;
    const cell = cells[i] ?? '';
    if (cell.trim() === '' && !emptyClears) return;
    if (target.startsWith(CUSTOM_FIELD_PREFIX)) {
      const key = target.slice(CUSTOM_FIELD_PREFIX.length);
      const value = restoreCell(cell.trim());
      form.customFields = form.customFields.filter((f) => f.key !== key);
      if (value !== '') form.customFields.push({ key, value });
      return;
    }
    Object.assign(form, { [target]: formValueOfCell(target as CsvField, cell) });
  });
  return form;
}

/**
 * The column of the file an issue of the form's rules belongs to (its header), for the error
 * report: the mapped column of the field, or the field's label when no column fills it.
 */
export function columnOfIssue(
  path: readonly PropertyKey[],
  form: CustomerFormValues,
  headers: readonly string[],
  mapping: readonly (CsvTarget | null)[],
): string {
  const [field, index] = path;
  let target: string | undefined = typeof field === 'string' ? field : undefined;
  if (field === 'customFields' && typeof index === 'number') {
    const key = form.customFields[index]?.key;
    if (key) target = `${CUSTOM_FIELD_PREFIX}${key}`;
  }
  const column = mapping.findIndex((t) => t === target);
  if (column >= 0) return headers[column] ?? '';
  if (target && target in CUSTOMER_FIELDS) return CUSTOMER_FIELDS[target as CustomerField].label;
  return target ?? '';
}

/** The import template: every column, and one example row. */
export function csvTemplate(): string[][] {
  const example: CustomerFormValues = {
    ...emptyCustomerForm,
    name: 'acme',
    displayName: 'Acme, Inc.',
    email: 'billing@acme.example',
    secondaryEmails: [{ value: 'finance@acme.example' }],
    website: 'https://acme.example',
    city: 'Berlin',
    country: 'DE',
    externalId: 'crm-1001',
    tags: ['gold', 'eu'],
    ingestAliases: [{ value: 'acme-prod' }, { value: 'acme-staging' }],
  };
  return [csvHeaders(), customerCsvRecord(customerInput.parse(example))];
}
