import { customerValues, driver, unique, valueRows } from '@/test/data';
import { editor } from '@/test/actors';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getDatabase } from '@/db';
import { customerFilters } from '@/lib/validations/customer-filters';
import { getCustomer, listCustomers, type CustomerRow } from './customers';
import { insertCustomer } from './customers-write';

async function allRows(limit = 25): Promise<CustomerRow[]> {
  const rows: CustomerRow[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await listCustomers(editor, customerFilters.parse({ cursor, limit }));
    rows.push(...page.items);
    if (!page.nextCursor) return rows;
    cursor = page.nextCursor;
  }
}

describe(`customer data layer on ${driver}`, () => {
  it('runs on the driver the environment names', async () => {
    expect((await getDatabase()).driver).toBe(process.env.DATABASE_URL ? 'pg' : 'pglite');
  });

  it('creates a customer with its aliases and reads every field back', async () => {
    const id = `acme_${unique()}`;
    const fields = {
      name: id,
      displayName: 'Acme Rockets 🚀',
      description: 'Launch vehicles, billed per launch',
      email: 'billing@acme.test',
      website: 'https://acme.test',
      addressLine1: '1 Road Runner Way',
      addressLine2: 'Suite 9',
      city: 'Tucson',
      state: 'AZ',
      zipcode: '85701',
      country: 'US',
    };
    const result = await insertCustomer(
      editor,
      customerValues({ ...fields, ingestAliases: valueRows(`${id}-prod`, `${id}-staging`) }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const customer = await getCustomer(editor, result.data.id);
    expect(customer).toMatchObject({
      ...fields,
      id: result.data.id,
      ingestAliases: [`${id}-prod`, `${id}-staging`],
      version: 1,
      archivedAt: null,
    });
    expect(Date.now() - Date.parse(customer!.createdAt)).toBeLessThan(60_000);
  });

  it('defaults the Name to the ID and keeps 2,000 aliases in their order', async () => {
    const id = `bulk_${unique()}`;
    const many = Array.from({ length: 2000 }, (_, i) => `${id}-alias-${i}`);
    const result = await insertCustomer(editor, customerValues({ name: id, ingestAliases: valueRows(...many) }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const customer = await getCustomer(editor, result.data.id);
    expect(customer?.displayName).toBe(id);
    expect(customer?.ingestAliases).toEqual(many);
  });

  it('refuses an ID that differs only in case, next to the ID field, and writes nothing', async () => {
    const id = `Globex_${unique()}`;
    expect((await insertCustomer(editor, customerValues({ name: id }))).ok).toBe(true);
    const result = await insertCustomer(
      editor,
      customerValues({ name: id.toLowerCase(), ingestAliases: valueRows(`${id}-x`) }),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { name: [expect.stringContaining(id)] } });
    const rows = (await allRows()).filter((r) => r.name.toLowerCase() === id.toLowerCase());
    expect(rows.map((r) => r.name)).toEqual([id]);
  });

  it('refuses an alias owned by another customer, naming that customer, and writes nothing', async () => {
    const owner = `initech_${unique()}`;
    const alias = `${owner}-events`;
    expect((await insertCustomer(editor, customerValues({ name: owner, ingestAliases: valueRows(alias) }))).ok).toBe(
      true,
    );
    const other = `hooli_${unique()}`;
    const result = await insertCustomer(
      editor,
      customerValues({ name: other, ingestAliases: valueRows(`${other}-a`, alias) }),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { 'ingestAliases.1.value': [`Already used by customer ${owner}`] },
    });
    expect((await allRows()).some((r) => r.name === other)).toBe(false);
  });

  it('reports a taken ID and a taken alias together, so both can be fixed at once', async () => {
    const owner = `vandelay_${unique()}`;
    expect(
      (await insertCustomer(editor, customerValues({ name: owner, ingestAliases: valueRows(`${owner}-imports`) }))).ok,
    ).toBe(true);
    const result = await insertCustomer(
      editor,
      customerValues({ name: owner.toUpperCase(), ingestAliases: valueRows('free-one', `${owner}-imports`) }),
    );
    expect(result).toEqual({
      ok: false,
      message: 'Not saved: the ID is already taken and an ingest alias belongs to another customer.',
      fieldErrors: {
        name: [`This ID is already taken by “${owner}” (IDs are compared ignoring case)`],
        'ingestAliases.1.value': [`Already used by customer ${owner}`],
      },
      reason: 'conflict',
    });
  });

  it('settles 20 concurrent creates of one ID with exactly one customer and 19 field errors', async () => {
    const id = `race_${unique()}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        insertCustomer(editor, customerValues({ name: id, ingestAliases: valueRows(`${id}-${i}`) })),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r).toMatchObject({ fieldErrors: { name: ['This ID is already taken'] } });
    expect((await allRows()).filter((r) => r.name === id)).toHaveLength(1);
  });

  it('settles 20 concurrent creates claiming one alias with exactly one owner', async () => {
    const run = unique();
    const alias = `shared-${run}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        insertCustomer(editor, customerValues({ name: `claim_${run}_${i}`, ingestAliases: valueRows(alias) })),
      ),
    );
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const winner = await getCustomer(editor, winners[0]!.ok ? winners[0]!.data.id : '');
    for (const r of results.filter((r) => !r.ok)) {
      expect(r).toMatchObject({
        fieldErrors: { 'ingestAliases.0.value': [`Already used by customer ${winner!.name}`] },
      });
    }
    expect((await allRows()).filter((r) => r.name.startsWith(`claim_${run}_`))).toHaveLength(1);
  });

  it('lists newest first and pages forward and back without skipping or repeating a row', async () => {
    const run = unique();
    for (let i = 0; i < 30; i++) {
      expect(
        (await insertCustomer(editor, customerValues({ name: `page_${run}_${String(i).padStart(2, '0')}` }))).ok,
      ).toBe(true);
    }
    const forward = await allRows(25);
    const mine = forward.filter((r) => r.name.startsWith(`page_${run}_`)).map((r) => r.name);
    expect([...mine].sort()).toEqual(Array.from({ length: 30 }, (_, i) => `page_${run}_${String(i).padStart(2, '0')}`));
    expect(new Set(forward.map((r) => r.id)).size).toBe(forward.length);
    // Rows created in the same millisecond are ordered by id.
    const keys = forward.map((r) => `${r.createdAt} ${r.id}`);
    expect([...keys].sort().reverse()).toEqual(keys);

    const first = await listCustomers(editor, customerFilters.parse({ limit: 25 }));
    expect(first.prevCursor).toBeNull();
    const second = await listCustomers(editor, customerFilters.parse({ limit: 25, cursor: first.nextCursor! }));
    expect(second.prevCursor).not.toBeNull();
    const back = await listCustomers(
      editor,
      customerFilters.parse({ limit: 25, cursor: second.prevCursor!, dir: 'prev' }),
    );
    expect(back.items.map((r) => r.id)).toEqual(first.items.map((r) => r.id));
    expect(back.prevCursor).toBeNull();
  });

  it('shows at most three aliases per row and counts them all', async () => {
    const id = `chips_${unique()}`;
    await insertCustomer(
      editor,
      customerValues({
        name: id,
        ingestAliases: valueRows('a1', 'a2', 'a3', 'a4', 'a5').map((a) => ({ value: `${id}-${a.value}` })),
      }),
    );
    const row = (await allRows()).find((r) => r.name === id);
    expect(row?.aliases).toEqual([`${id}-a1`, `${id}-a2`, `${id}-a3`]);
    expect(row?.aliasCount).toBe(5);
  });

  it('treats a malformed cursor as the first page, and unknown or malformed ids as missing', async () => {
    const first = await listCustomers(editor, customerFilters.parse({ limit: 25 }));
    const garbage = await listCustomers(editor, customerFilters.parse({ limit: 25, cursor: 'not-a-cursor' }));
    expect(garbage.items.map((r) => r.id)).toEqual(first.items.map((r) => r.id));
    expect(await getCustomer(editor, randomUUID())).toBeNull();
    expect(await getCustomer(editor, 'not-a-uuid')).toBeNull();
    expect(await getCustomer(editor, "1' or '1'='1")).toBeNull();
  });
});
