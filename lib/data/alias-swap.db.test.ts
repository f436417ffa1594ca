import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { editor } from '@/test/actors';
import { customerInput, emptyCustomerForm, type CustomerFormValues } from '@/lib/validations/customer';
import { getCustomer } from './customers';
import { insertCustomer, updateCustomer } from './customers-write';

const driver = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
// PGlite runs one transaction at a time: a few rounds show that nothing else goes wrong there.
const ROUNDS = process.env.DATABASE_URL ? 8 : 3;

function input(values: Partial<CustomerFormValues> & { name: string }) {
  return customerInput.parse({ ...emptyCustomerForm, ...values });
}
const aliases = (...values: string[]) => values.map((value) => ({ value }));

async function create(name: string, alias: string): Promise<string> {
  const result = await insertCustomer(editor, input({ name, ingestAliases: aliases(alias) }));
  if (!result.ok) throw new Error(result.message);
  return result.data.id;
}

/**
 * On PostgreSQL, makes the two saves meet where they deadlock: each has deleted its own aliases
 * and is about to insert the other's. A third session holds the unique custom-field values table
 * (a step between the two: every portal save clears the customer's rows there) until both saves
 * wait there, then lets them go at once. PGlite runs one
 * transaction at a time, so there the saves simply start together.
 */
async function lockstep<T>(saves: () => Promise<T>[]): Promise<PromiseSettledResult<T>[]> {
  if (!process.env.DATABASE_URL) return Promise.allSettled(saves());
  const gate = new Client({ connectionString: process.env.DATABASE_URL });
  await gate.connect();
  try {
    await gate.query('begin');
    await gate.query('lock table custom_field_unique_values in share mode');
    const settled = Promise.allSettled(saves());
    for (;;) {
      const { rows } = await gate.query<{ n: number }>(
        `select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation
         where c.relname = 'custom_field_unique_values' and not l.granted`,
      );
      if (rows[0]!.n >= 2) break;
    }
    await gate.query('commit');
    return await settled;
  } finally {
    await gate.end();
  }
}

describe(`two customers taking each other's alias at the same moment, on ${driver}`, () => {
  it('never fails with an error: each save succeeds or is refused as a conflict, and every alias has one owner', async () => {
    const tag = randomUUID().slice(0, 8);
    const names = [`swap_a_${tag}`, `swap_b_${tag}`] as const;
    const ids = [await create(names[0], `${names[0]}-alias`), await create(names[1], `${names[1]}-alias`)] as const;

    for (let round = 0; round < ROUNDS; round++) {
      const current = await Promise.all(ids.map((id) => getCustomer(editor, id)));
      // Each takes the other's aliases and gives up its own.
      const results = await lockstep(() =>
        [0, 1].map((i) =>
          updateCustomer(
            editor,
            ids[i]!,
            current[i]!.version,
            input({
              name: names[i]!,
              ingestAliases: aliases(...current[1 - i]!.ingestAliases, `${names[i]}-r${round}`),
            }),
          ),
        ),
      );
      for (const r of results) {
        expect(r.status, r.status === 'rejected' ? String(r.reason) : '').toBe('fulfilled');
        if (r.status !== 'fulfilled') continue;
        expect(r.value).not.toBeNull();
        if (!r.value!.ok) expect(r.value!.message).toMatch(/^Not saved: an ingest alias belongs to another customer/);
      }
      const after = await Promise.all(ids.map((id) => getCustomer(editor, id)));
      const held = after.flatMap((c) => c!.ingestAliases);
      expect(new Set(held).size, 'no alias is held twice').toBe(held.length);
    }
  });
});
