import { describe, expect, it } from 'vitest';
import { customerInput, emptyCustomerForm } from './customer';
import {
  columnOfIssue,
  csvColumnOf,
  csvTemplate,
  overlayRow,
  suggestedTarget,
  csvHeaders,
  customerCsvRecord,
  formValueOfCell,
  neutraliseCell,
  restoreCell,
  splitListCell,
  type CsvField,
} from './customer-csv';

describe('customer CSV columns', () => {
  it('heads a column a field by its label, then custom fields as custom.<key>', () => {
    const headers = csvHeaders(['region']);
    expect(headers.slice(0, 3)).toEqual(['ID', 'Name', 'Description']);
    expect(headers).toContain('Ingest aliases');
    expect(headers).not.toContain('Measurement mappings');
    expect(headers.at(-1)).toBe('custom.region');
  });

  it('matches headers by label or field name, whatever the case and spacing', () => {
    expect(csvColumnOf(' ingest_aliases ')).toEqual({ kind: 'field', field: 'ingestAliases' });
    expect(csvColumnOf('EXTERNAL ID')).toEqual({ kind: 'field', field: 'externalId' });
    expect(csvColumnOf('Custom.Region')).toEqual({ kind: 'custom', key: 'Region' });
    expect(csvColumnOf('Shoe size')).toEqual({ kind: 'unknown' });
  });

  it('neutralises formula cells on the way out and restores them on the way in', () => {
    for (const cell of ['=SUM(A1)', '+1', '-x', '@me', "'quoted", '\tx', 'plain', "'hello"]) {
      const written = neutraliseCell(cell);
      expect(/^[=+\-@\t\r]/.test(written)).toBe(false);
      expect(restoreCell(written)).toBe(cell);
    }
  });

  it('splits list cells on line breaks when there are any, else on |', () => {
    expect(splitListCell('a|b | c')).toEqual(['a', 'b', 'c']);
    expect(splitListCell('a|1\r\nb\n\n')).toEqual(['a|1', 'b']);
  });

  it('an exported customer reads back to the same record', () => {
    const stored = customerInput.parse({
      ...emptyCustomerForm,
      name: 'acme',
      displayName: '=Acme',
      tags: ['gold', 'eu'],
      ingestAliases: [{ value: 'acme|prod' }, { value: 'acme-dev' }],
      customFields: [{ key: 'region', value: '-west' }],
      country: 'DE',
    });
    const headers = csvHeaders(['region']);
    const record = customerCsvRecord(stored, ['region']);
    const form = { ...emptyCustomerForm };
    headers.forEach((header, i) => {
      const column = csvColumnOf(header);
      if (column.kind === 'field')
        Object.assign(form, { [column.field]: formValueOfCell(column.field as CsvField, record[i]!) });
      else if (column.kind === 'custom')
        form.customFields = [...form.customFields, { key: column.key, value: restoreCell(record[i]!) }];
    });
    expect(customerInput.parse(form)).toEqual(stored);
  });
});

describe('an imported row', () => {
  const headers = ['ID', 'Company', 'Tags', 'custom.region', 'Shoe size'];
  const mapping = ['name', 'displayName', 'tags', 'custom.region', null] as const;

  it('suggests a field for each header it knows, and none for the others', () => {
    expect(headers.map(suggestedTarget)).toEqual(['name', null, 'tags', 'custom.region', null]);
  });

  it('lays its cells over a record; empty cells leave fields unless they clear them', () => {
    const base = {
      ...emptyCustomerForm,
      name: 'acme',
      displayName: 'Acme',
      tags: ['old'],
      customFields: [{ key: 'region', value: 'eu' }],
    };
    const kept = overlayRow(base, ['acme', '', 'a|b', '', '42'], [...mapping], false);
    expect(kept).toMatchObject({
      displayName: 'Acme',
      tags: ['a', 'b'],
      customFields: [{ key: 'region', value: 'eu' }],
    });
    const cleared = overlayRow(base, ['acme', '', '', '', '42'], [...mapping], true);
    expect(cleared).toMatchObject({ displayName: '', tags: [], customFields: [] });
  });

  it('names the column of the file an issue of the rules belongs to', () => {
    const form = overlayRow(emptyCustomerForm, ['', 'A', 'x', 'west', ''], [...mapping], false);
    expect(columnOfIssue(['name'], form, headers, [...mapping])).toBe('ID');
    expect(columnOfIssue(['displayName'], form, headers, [...mapping])).toBe('Company');
    expect(columnOfIssue(['customFields', 0, 'value'], form, headers, [...mapping])).toBe('custom.region');
    expect(columnOfIssue(['email'], form, headers, [...mapping])).toBe('Email');
  });

  it('the template has every column and an example row the rules accept', () => {
    const [head, example] = csvTemplate();
    expect(head).toEqual(csvHeaders());
    const form = overlayRow(emptyCustomerForm, example!, head!.map(suggestedTarget), false);
    expect(customerInput.safeParse(form).success).toBe(true);
  });
});
