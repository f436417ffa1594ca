import { auditOf, customerValues, driver, unique } from '@/test/data';
import { editor, viewer } from '@/test/actors';
import { describe, expect, it } from 'vitest';
import { customerFilters } from '@/lib/validations/customer-filters';
import type { CustomerInput } from '@/lib/validations/customer';
import { getCustomer } from './customers';
import { bulkChangeCustomers, bulkChangeView, viewSnapshotTime } from './customers-bulk';
import { insertCustomer, updateCustomer } from './customers-write';
import { insertPricePlan, setPricePlanArchived } from './price-plans';

async function create(name: string, tags: string[] = []) {
  const result = await insertCustomer(editor, customerValues({ name, tags }));
  if (!result.ok) throw new Error(result.message);
  return result.data.id;
}

/** Someone else's edit of a customer's Name (its version moves on). */
async function editElsewhere(id: string) {
  const before = (await getCustomer(editor, id))!;
  const {
    id: _id,
    version,
    archivedBillingProviders,
    pricePlanDisplayName,
    createdAt,
    updatedAt,
    archivedAt,
    ...input
  } = before;
  const saved = await updateCustomer(editor, id, version, {
    ...(input as CustomerInput),
    displayName: 'Changed elsewhere',
  });
  expect(saved?.ok).toBe(true);
}

const chosen = async (...ids: string[]) =>
  Promise.all(ids.map(async (id) => ({ id, version: (await getCustomer(editor, id))!.version })));

describe(`bulk changes of customers on ${driver}`, () => {
  it('adds and removes a tag, one audit entry per changed customer; one edited meanwhile is reported, not overwritten', async () => {
    const key = `blk${unique()}`;
    const [a, b, c] = [await create(`${key}-a`), await create(`${key}-b`, ['vip']), await create(`${key}-c`)];
    const selection = await chosen(a, b, c);
    await editElsewhere(c);

    const added = await bulkChangeCustomers(editor, { kind: 'addTag', tag: 'vip' }, selection);
    expect(added).toEqual({
      ok: true,
      data: {
        changed: 1,
        unchanged: 1,
        conflicts: [{ id: c, name: `${key}-c` }],
        refused: [],
        missing: 0,
        after: null,
      },
    });
    expect((await getCustomer(editor, a))!.tags).toEqual(['vip']);
    const stillC = (await getCustomer(editor, c))!;
    expect(stillC.tags).toEqual([]);
    expect(stillC.displayName).toBe('Changed elsewhere');
    const audit = await auditOf('customer', a);
    expect(audit.filter((e) => e.action === 'customer.update')).toHaveLength(1);
    expect(audit.find((e) => e.action === 'customer.update')!.changes).toEqual([
      expect.objectContaining({ field: 'tags' }),
    ]);
    expect((await auditOf('customer', b)).filter((e) => e.action === 'customer.update')).toHaveLength(0);

    const removed = await bulkChangeCustomers(editor, { kind: 'removeTag', tag: 'vip' }, await chosen(a, b));
    expect(removed.ok && removed.data.changed).toBe(2);
    expect((await getCustomer(editor, b))!.tags).toEqual([]);
  });

  it('archives and unarchives, reporting a customer edited meanwhile and counting one gone', async () => {
    const key = `blk${unique()}`;
    const [a, b] = [await create(`${key}-a`), await create(`${key}-b`)];
    const selection = await chosen(a, b);
    await editElsewhere(b);
    const gone = { id: '00000000-0000-4000-8000-000000000000', version: 1 };
    const archived = await bulkChangeCustomers(editor, { kind: 'archive' }, [...selection, gone]);
    expect(archived.ok && archived.data).toMatchObject({ changed: 1, conflicts: [{ id: b }], missing: 1 });
    expect((await getCustomer(editor, a))!.archivedAt).not.toBeNull();
    expect((await getCustomer(editor, b))!.archivedAt).toBeNull();
    expect((await auditOf('customer', a)).map((e) => e.action)).toContain('customer.archive');

    const back = await bulkChangeCustomers(editor, { kind: 'unarchive' }, await chosen(a));
    expect(back.ok && back.data.changed).toBe(1);
    expect((await getCustomer(editor, a))!.archivedAt).toBeNull();
  });

  it('sets the price plan of a whole view in batches; a customer edited after the view was chosen is reported', async () => {
    const key = `blk${unique()}`;
    const plan = `plan-${key}`;
    expect((await insertPricePlan(editor, { name: plan, displayName: 'Bulk plan', description: '' })).ok).toBe(true);
    const ids = [];
    for (const l of ['a', 'b', 'c', 'd', 'e']) ids.push(await create(`${key}-${l}`, [key]));
    await create(`${key}-other`);
    const asOf = await viewSnapshotTime(editor);
    await editElsewhere(ids[2]!);

    const view = customerFilters.parse({ tag: key });
    const action = { kind: 'setPlan', plan } as const;
    let after: string | null = null;
    const conflicts = [];
    let changed = 0;
    let batches = 0;
    do {
      const result = await bulkChangeView(editor, action, view, asOf, after, 2);
      if (!result.ok) throw new Error(result.message);
      changed += result.data.changed;
      conflicts.push(...result.data.conflicts);
      after = result.data.after;
      batches++;
    } while (after !== null);
    expect(batches).toBe(3);
    expect(changed).toBe(4);
    expect(conflicts).toEqual([{ id: ids[2], name: `${key}-c` }]);
    for (const [i, id] of ids.entries()) {
      expect((await getCustomer(editor, id))!.pricePlanName).toBe(i === 2 ? null : plan);
    }

    await setPricePlanArchived(editor, plan, true);
    const refused = await bulkChangeView(editor, action, view, await viewSnapshotTime(editor), null, 10);
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('archived') });
  });

  it('refuses a viewer', async () => {
    await expect(bulkChangeCustomers(viewer, { kind: 'archive' }, [])).rejects.toThrow();
  });
});
