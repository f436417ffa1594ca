import { editor } from '@/test/actors';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getDatabase } from '@/db';
import { customerInput, emptyCustomerForm } from '@/lib/validations/customer';
import { pricePlanInput, type PricePlanFormValues } from '@/lib/validations/price-plan';
import { insertCustomer } from './customers';
import { insertPricePlan, listPricePlans } from './price-plans';

const driver = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const unique = () => randomUUID().slice(0, 8);

function plan(values: Partial<PricePlanFormValues> & { name: string }) {
  return pricePlanInput.parse({ displayName: `Plan ${values.name}`, description: '', ...values });
}

async function addCustomer(pricePlanName: string | null) {
  const result = await insertCustomer(
    editor,
    customerInput.parse({ ...emptyCustomerForm, name: `cust_${unique()}`, pricePlanName: pricePlanName ?? '' }),
  );
  expect(result.ok).toBe(true);
}

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
