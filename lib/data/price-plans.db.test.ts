import { auditOf, customerValues, driver, unique } from '@/test/data';
import { editor, viewer } from '@/test/actors';
import { describe, expect, it } from 'vitest';
import { getDatabase } from '@/db';
import { ForbiddenError } from '@/lib/auth/permissions';
import { customerInput, toCustomerFormValues } from '@/lib/validations/customer';
import { pricePlanInput, type PricePlanFormValues } from '@/lib/validations/price-plan';
import { getCustomer } from './customers';
import { insertCustomer, updateCustomer } from './customers-write';
import {
  insertPricePlan,
  listPricePlanOptions,
  listPricePlans,
  selectablePricePlans,
  setPricePlanArchived,
  updatePricePlan,
} from './price-plans';

function plan(values: Partial<PricePlanFormValues> & { name: string }) {
  return pricePlanInput.parse({ displayName: `Plan ${values.name}`, description: '', ...values });
}

const customerOn = (pricePlanName: string | null) =>
  customerValues({ name: `cust_${unique()}`, pricePlanName: pricePlanName ?? '' });

async function addCustomer(pricePlanName: string | null) {
  const result = await insertCustomer(editor, customerOn(pricePlanName));
  expect(result.ok).toBe(true);
  return result.ok ? result.data.id : '';
}

async function newPlan(values: Partial<PricePlanFormValues> = {}) {
  const key = `p_${unique()}`;
  expect((await insertPricePlan(editor, plan({ name: key, ...values }))).ok).toBe(true);
  return key;
}

const ARCHIVED_REFUSAL = {
  ok: false,
  message: 'Not saved: that price plan is archived.',
  fieldErrors: { pricePlanName: ['This price plan is archived; choose another'] },
  reason: 'invalid',
};

const find = async (name: string) => (await listPricePlans(editor)).find((p) => p.name === name);

describe(`price plan data layer on ${driver}`, () => {
  it('runs on the driver the environment names', async () => {
    expect((await getDatabase()).driver).toBe(process.env.DATABASE_URL ? 'pg' : 'pglite');
  });

  it('lists the four seeded plans, by display name', async () => {
    const plans = await listPricePlans(editor);
    const seeded = plans.filter((p) => ['starter', 'growth', 'enterprise', 'usage_storage'].includes(p.name));
    expect(seeded.map((p) => [p.name, p.displayName])).toEqual([
      ['enterprise', 'Enterprise'],
      ['growth', 'Growth'],
      ['starter', 'Starter'],
      ['usage_storage', 'Storage metered'],
    ]);
    expect(seeded.find((p) => p.name === 'growth')).toMatchObject({
      description: '$500 a month including 500,000 API calls, then $0.0015 per call.',
      customerCount: expect.any(Number),
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
  });

  it('adds a plan and lists it with every field and no customers', async () => {
    const key = `growth_${unique()}`;
    const result = await insertPricePlan(
      editor,
      plan({ name: key, displayName: 'Growth 2026 🚀', description: '$600 a month.\nThen $0.001 per call.' }),
    );
    expect(result).toEqual({ ok: true, data: { name: key } });
    const row = await find(key);
    expect(row).toEqual({
      name: key,
      displayName: 'Growth 2026 🚀',
      description: '$600 a month.\nThen $0.001 per call.',
      createdAt: expect.any(String),
      customerCount: 0,
      version: 1,
      archivedAt: null,
    });
    expect(Date.now() - Date.parse(row!.createdAt)).toBeLessThan(60_000);
  });

  it('stores a blank description as null', async () => {
    const key = `nodesc_${unique()}`;
    expect((await insertPricePlan(editor, plan({ name: key, description: '   ' }))).ok).toBe(true);
    expect((await find(key))?.description).toBeNull();
  });

  it('orders by display name ignoring case', async () => {
    const run = unique();
    for (const [name, displayName] of [
      [`o3_${run}`, `Gamma ${run}`],
      [`o1_${run}`, `alpha ${run}`],
      [`o2_${run}`, `Beta ${run}`],
    ] as const) {
      expect((await insertPricePlan(editor, plan({ name, displayName }))).ok).toBe(true);
    }
    const mine = (await listPricePlans(editor)).filter((p) => p.name.endsWith(`_${run}`)).map((p) => p.name);
    expect(mine).toEqual([`o1_${run}`, `o2_${run}`, `o3_${run}`]);
  });

  it('refuses the same key again next to the Key field, and writes nothing', async () => {
    const key = `dup_${unique()}`;
    expect((await insertPricePlan(editor, plan({ name: key, displayName: 'First' }))).ok).toBe(true);
    const result = await insertPricePlan(editor, plan({ name: key, displayName: 'Second' }));
    expect(result).toEqual({
      ok: false,
      message: 'Not saved: the key is already taken.',
      fieldErrors: { name: ['This key is already taken'] },
    });
    const rows = (await listPricePlans(editor)).filter((p) => p.name.toLowerCase() === key);
    expect(rows.map((p) => p.displayName)).toEqual(['First']);
  });

  it('refuses a key that differs only in case, naming the plan that holds it', async () => {
    const key = `Scale_${unique()}`;
    expect((await insertPricePlan(editor, plan({ name: key }))).ok).toBe(true);
    const result = await insertPricePlan(editor, plan({ name: key.toUpperCase() }));
    expect(result).toEqual({
      ok: false,
      message: 'Not saved: the key is already taken.',
      fieldErrors: { name: [`This key is already taken by “${key}” (keys are compared ignoring case)`] },
    });
    const rows = (await listPricePlans(editor)).filter((p) => p.name.toLowerCase() === key.toLowerCase());
    expect(rows.map((p) => p.name)).toEqual([key]);
  });

  it('refuses a seeded key in another case', async () => {
    const result = await insertPricePlan(editor, plan({ name: 'Growth' }));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { name: ['This key is already taken by “growth” (keys are compared ignoring case)'] },
    });
  });

  it('settles 10 concurrent adds of one key, in different cases, with exactly one plan', async () => {
    const key = `race_${unique()}`;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => insertPricePlan(editor, plan({ name: i % 2 ? key.toUpperCase() : key }))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok)) {
      expect(r).toMatchObject({ fieldErrors: { name: [expect.stringMatching(/^This key is already taken/)] } });
    }
    expect((await listPricePlans(editor)).filter((p) => p.name.toLowerCase() === key)).toHaveLength(1);
  });

  it('counts the customers on each plan', async () => {
    const busy = `busy_${unique()}`;
    const other = `other_${unique()}`;
    expect((await insertPricePlan(editor, plan({ name: busy }))).ok).toBe(true);
    expect((await insertPricePlan(editor, plan({ name: other }))).ok).toBe(true);
    await addCustomer(busy);
    await addCustomer(busy);
    await addCustomer(busy);
    await addCustomer(other);
    await addCustomer(null);
    expect((await find(busy))?.customerCount).toBe(3);
    expect((await find(other))?.customerCount).toBe(1);
  });

  it('counts the customers on a seeded plan, whoever else is on it', async () => {
    const before = (await find('starter'))?.customerCount ?? -1;
    await addCustomer('starter');
    expect((await find('starter'))?.customerCount).toBe(before + 1);
  });
});

describe(`editing and archiving price plans on ${driver}`, () => {
  it('renames and describes a plan, bumping its version, with old and new in the audit', async () => {
    const key = await newPlan({ displayName: 'Old name', description: 'Old text' });
    const result = await updatePricePlan(editor, key, 1, { displayName: 'New name 🚀', description: null });
    expect(result).toEqual({ ok: true, data: { name: key, version: 2 } });
    expect(await find(key)).toMatchObject({ displayName: 'New name 🚀', description: null, version: 2 });
    const updates = (await auditOf('price_plan', key)).filter((e) => e.action === 'price_plan.update');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      actorId: editor.id,
      entityLabel: 'New name 🚀',
      changes: [
        { field: 'displayName', old: 'Old name', new: 'New name 🚀' },
        { field: 'description', old: 'Old text', new: null },
      ],
    });
  });

  it('saves nothing and audits nothing when nothing changed', async () => {
    const key = await newPlan({ displayName: 'Same', description: 'Same text' });
    expect(await updatePricePlan(editor, key, 1, { displayName: 'Same', description: 'Same text' })).toEqual({
      ok: true,
      data: { name: key, version: 1 },
    });
    expect((await auditOf('price_plan', key)).map((e) => e.action)).toEqual(['price_plan.create']);
  });

  it('refuses an edit made on an older version, returning the plan as it is now', async () => {
    const key = await newPlan({ displayName: 'First' });
    expect((await updatePricePlan(editor, key, 1, { displayName: 'Second', description: null })).ok).toBe(true);
    const stale = await updatePricePlan(editor, key, 1, { displayName: 'Third', description: null });
    expect(stale).toMatchObject({
      ok: false,
      message: 'Someone else saved this price plan while you were editing.',
      conflict: { name: key, displayName: 'Second', version: 2 },
    });
    expect((await find(key))?.displayName).toBe('Second');
  });

  it('of concurrent renames made on one version, exactly one is saved', async () => {
    const key = await newPlan();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        updatePricePlan(editor, key, 1, { displayName: `Rename ${i}`, description: null }),
      ),
    );
    const saved = results.filter((r) => r.ok);
    expect(saved).toHaveLength(1);
    expect((await auditOf('price_plan', key)).filter((e) => e.action === 'price_plan.update')).toHaveLength(1);
    expect((await find(key))?.version).toBe(2);
  });

  it('answers for a plan that does not exist', async () => {
    const missing = `missing_${unique()}`;
    expect(await updatePricePlan(editor, missing, 1, { displayName: 'X', description: null })).toEqual({
      ok: false,
      message: 'This price plan no longer exists.',
    });
    expect(await setPricePlanArchived(editor, missing, true)).toEqual({
      ok: false,
      message: 'This price plan no longer exists.',
    });
  });

  it('archives a plan: its customers keep it, no other customer can be given it; unarchiving undoes that', async () => {
    const key = await newPlan();
    const holder = await addCustomer(key);

    const archived = await setPricePlanArchived(editor, key, true);
    expect(archived).toEqual({ ok: true, data: { name: key, archivedAt: expect.any(String) } });
    expect((await find(key))?.archivedAt).toEqual(archived.ok ? archived.data.archivedAt : null);
    expect((await listPricePlanOptions(editor)).find((p) => p.name === key)).toEqual({
      name: key,
      displayName: `Plan ${key}`,
      archived: true,
    });
    // Again: nothing more is written.
    expect((await setPricePlanArchived(editor, key, true)).ok).toBe(true);
    expect((await auditOf('price_plan', key)).map((e) => e.action).sort()).toEqual([
      'price_plan.archive',
      'price_plan.create',
    ]);

    // A new customer cannot have it…
    expect(await insertCustomer(editor, customerOn(key))).toEqual(ARCHIVED_REFUSAL);
    // …nor an existing one that did not have it…
    const other = await addCustomer(null);
    const otherNow = (await getCustomer(editor, other))!;
    const moved = customerInput.parse({ ...toCustomerFormValues(otherNow), pricePlanName: key });
    expect(await updateCustomer(editor, other, otherNow.version, moved)).toEqual(ARCHIVED_REFUSAL);
    expect((await getCustomer(editor, other))?.pricePlanName).toBeNull();
    // …but the customer that has it keeps it through an edit.
    const holderNow = (await getCustomer(editor, holder))!;
    const edited = customerInput.parse({ ...toCustomerFormValues(holderNow), displayName: 'Still on the plan' });
    expect((await updateCustomer(editor, holder, holderNow.version, edited))?.ok).toBe(true);
    expect(await getCustomer(editor, holder)).toMatchObject({ pricePlanName: key, displayName: 'Still on the plan' });
    expect((await find(key))?.customerCount).toBe(1);

    expect((await setPricePlanArchived(editor, key, false)).ok).toBe(true);
    expect((await find(key))?.archivedAt).toBeNull();
    expect((await insertCustomer(editor, customerOn(key))).ok).toBe(true);
    const changes = (await auditOf('price_plan', key)).find((e) => e.action === 'price_plan.unarchive')?.changes;
    expect(changes).toEqual([{ field: 'archivedAt', old: expect.any(String), new: null }]);
  });

  it('a form offers active plans, and an archived one only to the customer that has it', async () => {
    const options = [
      { name: 'a', displayName: 'A', archived: false },
      { name: 'b', displayName: 'B', archived: true },
    ];
    expect(selectablePricePlans(options).map((p) => p.name)).toEqual(['a']);
    expect(selectablePricePlans(options, 'b').map((p) => p.name)).toEqual(['a', 'b']);
  });

  it('of an archive and new customers on that plan at once, none is given it after the archive', async () => {
    for (let round = 0; round < 3; round++) {
      const key = await newPlan();
      const [archive, ...creates] = await Promise.all([
        setPricePlanArchived(editor, key, true),
        ...Array.from({ length: 4 }, () => insertCustomer(editor, customerOn(key))),
      ]);
      expect(archive.ok).toBe(true);
      const given = creates.filter((r) => r.ok).length;
      for (const r of creates.filter((r) => !r.ok)) expect(r).toEqual(ARCHIVED_REFUSAL);
      expect((await find(key))?.customerCount).toBe(given);
      // Once archived, always refused.
      expect(await insertCustomer(editor, customerOn(key))).toEqual(ARCHIVED_REFUSAL);
    }
  });

  it('refuses a viewer: nothing is written', async () => {
    const key = await newPlan({ displayName: 'Untouched' });
    await expect(updatePricePlan(viewer, key, 1, { displayName: 'Nope', description: null })).rejects.toThrow(
      ForbiddenError,
    );
    await expect(setPricePlanArchived(viewer, key, true)).rejects.toThrow(ForbiddenError);
    expect(await find(key)).toMatchObject({ displayName: 'Untouched', archivedAt: null, version: 1 });
    expect((await auditOf('price_plan', key)).map((e) => e.action)).toEqual(['price_plan.create']);
  });
});
