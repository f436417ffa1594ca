import { customerValues, driver, unique, valueRows } from '@/test/data';
import { parseCsv } from '@/test/csv';
import { editor, viewer } from '@/test/actors';
import { describe, expect, it } from 'vitest';
import { csvHeaders } from '@/lib/validations/customer-csv';
import { customerFilters } from '@/lib/validations/customer-filters';
import { exportCustomers } from './customer-export';
import { insertCustomer, setCustomerArchived } from './customers-write';

async function create(values: Parameters<typeof customerValues>[0]) {
  const result = await insertCustomer(editor, customerValues(values));
  if (!result.ok) throw new Error(result.message);
  return result.data.id;
}

async function exported(view: Record<string, unknown>, pageSize?: number) {
  const result = await exportCustomers(viewer, customerFilters.parse(view), pageSize);
  if (!result.ok) throw new Error(result.message);
  const bytes = await new Response(result.stream).arrayBuffer();
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  expect(text.startsWith('\uFEFF')).toBe(true);
  return parseCsv(text.slice(1));
}

describe(`customer CSV export on ${driver}`, () => {
  it('writes every customer of a filtered view, in its sort, across pages, formula cells neutralised', async () => {
    const tag = `exp-${unique()}`;
    const ids = ['c', 'a', 'e', 'b', 'd'].map((l) => `${tag}-${l}`);
    for (const [i, name] of ids.entries()) {
      await create({
        name,
        displayName: i === 0 ? '=HYPERLINK("http://evil.test","click")' : `Name, "${i}"`,
        tags: [tag, ...(i === 1 ? ['@vip'] : [])],
        ingestAliases: valueRows(`${name}-prod`, `${name}-test`),
        customFields: i === 2 ? [{ key: 'region', value: '+44 20' }] : i === 3 ? [{ key: 'zone', value: 'eu' }] : [],
      });
    }
    // Not in the view: archived, or without the tag.
    const gone = await create({ name: `${tag}-f`, tags: [tag] });
    await setCustomerArchived(editor, gone, true);
    await create({ name: `${tag}-g` });

    const [header, ...rows] = await exported({ tag, sort: 'id', order: 'desc' }, 2);
    expect(header).toEqual(csvHeaders(['region', 'zone']));
    const col = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => r[col('ID')])).toEqual([...ids].sort().reverse());
    const row = (id: string) => rows.find((r) => r[col('ID')] === id)!;
    expect(row(ids[0]!)[col('Name')]).toBe(`'=HYPERLINK("http://evil.test","click")`);
    expect(row(ids[1]!)[col('Name')]).toBe('Name, "1"');
    expect(row(ids[1]!)[col('Tags')]).toBe(`${tag}\n@vip`);
    expect(row(ids[1]!)[col('Ingest aliases')]).toBe(`${ids[1]}-prod\n${ids[1]}-test`);
    expect(row(ids[2]!)[col('custom.region')]).toBe(`'+44 20`);
    expect(row(ids[2]!)[col('custom.zone')]).toBe('');
    expect(row(ids[3]!)[col('custom.zone')]).toBe('eu');
    expect(rows.every((r) => r.length === header!.length)).toBe(true);
  });

  it('exports a search view: its exact match first, then the rest of the matches; archived only when asked', async () => {
    const key = `srch${unique()}`;
    await create({ name: `${key}-b` });
    await create({ name: `${key}-a` });
    const exact = await create({ name: key });
    await setCustomerArchived(editor, exact, true);
    const active = await exported({ q: key, sort: 'id' });
    expect(active.slice(1).map((r) => r[0])).toEqual([`${key}-a`, `${key}-b`]);
    const all = await exported({ q: key, sort: 'id', order: 'desc', status: 'all' });
    expect(all.slice(1).map((r) => r[0])).toEqual([key, `${key}-b`, `${key}-a`]);
  });

  it('writes only the header for a view with no customers', async () => {
    expect(await exported({ tag: `none-${unique()}` })).toEqual([csvHeaders()]);
  });
});
