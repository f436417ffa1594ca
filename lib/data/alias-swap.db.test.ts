import { customerValues, driver, valueRows } from '@/test/data';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { editor } from '@/test/actors';
import { getCustomer } from './customers';
import { insertCustomer, updateCustomer } from './customers-write';

// PGlite runs one transaction at a time: a few rounds show that nothing else goes wrong there.
const ROUNDS = process.env.DATABASE_URL ? 8 : 3;

async function create(name: string, alias: string): Promise<string> {
  const result = await insertCustomer(editor, customerValues({ name, ingestAliases: valueRows(alias) }));
  if (!result.ok) throw new Error(result.message);
  return result.data.id;
}

/**
 * On PostgreSQL, makes the two saves meet where they deadlock: each deletes its own aliases and
 * then inserts the other's. A third session holds the alias table until both saves wait to delete
 * from it, then lets them go at once. (It must be a table both saves write: a save that only reads
 * one waits for nothing, and the gate would wait forever.) PGlite runs one transaction at a time,
 * so there the saves simply start together.
 */
async function lockstep<T>(saves: () => Promise<T>[]): Promise<PromiseSettledResult<T>[]> {
  if (!process.env.DATABASE_URL) return Promise.allSettled(saves());
  const gate = new Client({ connectionString: process.env.DATABASE_URL });
  await gate.connect();
  try {
    await gate.query('begin');
    await gate.query('lock table customer_ingest_aliases in share mode');
    const settled = Promise.allSettled(saves());
    for (const started = Date.now(); ;) {
      if (Date.now() - started > 20_000) throw new Error('the two saves never both waited at the gate');
      const { rows } = await gate.query<{ n: number }>(
        `select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation
         where c.relname = 'customer_ingest_aliases' and not l.granted`,
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
            customerValues({
              name: names[i]!,
              ingestAliases: valueRows(...current[1 - i]!.ingestAliases, `${names[i]}-r${round}`),
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
