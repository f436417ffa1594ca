import {
  CUSTOMER_FIELDS,
  CUSTOMER_FIELD_NAMES,
  type CustomerField,
  type CustomerFormValues,
  type CustomerInput,
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
