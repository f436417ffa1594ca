import { customerValues, driver, valueRows } from '@/test/data';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { editor } from '@/test/actors';
import { lockstep } from '@/test/lockstep';
import { getCustomer } from './customers';
import { insertCustomer, updateCustomer } from './customers-write';

// PGlite runs one transaction at a time: a few rounds show that nothing else goes wrong there.
const ROUNDS = process.env.DATABASE_URL ? 8 : 3;

async function create(name: string, alias: string): Promise<string> {
  const result = await insertCustomer(editor, customerValues({ name, ingestAliases: valueRows(alias) }));
  if (!result.ok) throw new Error(result.message);
  return result.data.id;
}

describe(`two customers taking each other's alias at the same moment, on ${driver}`, () => {
  it('never fails with an error: each save succeeds or is refused as a conflict, and every alias has one owner', async () => {
    const tag = randomUUID().slice(0, 8);
    const names = [`swap_a_${tag}`, `swap_b_${tag}`] as const;
    const ids = [await create(names[0], `${names[0]}-alias`), await create(names[1], `${names[1]}-alias`)] as const;

    for (let round = 0; round < ROUNDS; round++) {
      const current = await Promise.all(ids.map((id) => getCustomer(editor, id)));
      // Each takes the other's aliases and gives up its own.
      const results = await lockstep('customer_ingest_aliases', () =>
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
