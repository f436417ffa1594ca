import { customerValues, driver } from '@/test/data';
import { editor } from '@/test/actors';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { customerBillingProviders, customers, customerUsageSummary, SEARCHABLE_ALIASES } from '@/db/schema';
import { customerFilters, type CustomerFilters } from '@/lib/validations/customer-filters';
import {
  countCustomers,
  customerPageQuery,
  customerViewPages,
  planSearch,
  EXACT_COUNT_LIMIT,
  listCustomers,
  type CustomerRow,
} from './customers';
import { insertCustomer, setCustomerArchived } from './customers-write';

// Every customer of this file carries `run` in its ID, so a search for `run` isolates them from
// other tests' rows.
const run = `zq${randomUUID().slice(0, 6)}`;
const COUNT = 130;
const NAMES = ['Acme', 'acme', 'Beta Co', 'Zeta Ltd', 'beta co']; // ties on the Name sort, in two cases
const TIMES = ['2024-01-01T00:00:00.000Z', '2024-06-01T00:00:00.000Z', '2025-03-01T12:00:00.000Z'];
// Last usage: a third of the customers never received any; the rest share four times.
const USAGE_TIMES = [
  '2026-11-01T00:00:00.000Z',
  '2026-11-20T08:30:00.123Z',
  '2026-11-29T23:59:59.999Z',
  '2026-10-01T00:00:00.000Z',
];
const lastUsageOf = (i: number) => (i % 3 === 2 ? null : USAGE_TIMES[i % USAGE_TIMES.length]!);

interface Made {
  id: string;
  i: number;
  archived: boolean;
  plan: string | null;
  stripe: boolean;
  vip: boolean;
}

const made: Made[] = [];

const view = (change: Partial<Record<keyof CustomerFilters, string>>) => customerFilters.parse({ q: run, ...change });

async function walk(filters: CustomerFilters, dir: 'next' | 'prev' = 'next', from?: string) {
  const pages: CustomerRow[][] = [];
  let cursor = from;
  for (let guard = 0; guard < 50; guard++) {
    const page = await listCustomers(editor, { ...filters, cursor, dir: cursor ? dir : 'next' });
    pages.push(page.items);
    const next = dir === 'next' ? page.nextCursor : page.prevCursor;
    if (!next) return pages;
    cursor = next;
  }
  throw new Error('paging did not end');
}

/** The same rows ordered by the database directly, the reference for the keyset's order. */
async function referenceOrder(ids: string[], filters: CustomerFilters): Promise<string[]> {
  if (ids.length === 0) return [];
  const lastUsage = sql`(select s.last_received_at from ${customerUsageSummary} s where s.customer_id = ${customers.id})`;
  const direction = filters.order === 'desc' ? sql`desc` : sql`asc`;
  const keys = {
    created: [sql`${customers.createdAt} ${direction}`],
    id: [sql`lower(${customers.name}) ${direction}`],
    name: [sql`lower(${customers.displayName}) ${direction}`],
    // Customers that never received usage come last in either direction.
    usage: [sql`${lastUsage} is null`, sql`${lastUsage} ${direction}`],
  }[filters.sort];
  const db = await getDb();
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(
      sql`${customers.id} in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    )
    .orderBy(...keys, sql`${customers.id} ${direction}`);
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  const db = await getDb();
  for (let i = 0; i < COUNT; i++) {
    const name = `${i % 2 ? 'Kz' : 'kz'}_${run}_${String(i).padStart(3, '0')}`;
    const result = await insertCustomer(
      editor,
      customerValues({
        name,
        displayName: NAMES[i % NAMES.length],
        email: i % 3 === 0 ? `billing${i}@${run}.example` : '',
        externalId: i % 7 === 0 ? `ext-${run}-${i}` : '',
        pricePlanName: i % 4 === 0 ? 'growth' : '',
        tags: i % 3 === 1 ? [`vip-${run}`] : [],
        ingestAliases: Array.from({ length: 1 + (i % 3) }, (_, k) => ({ value: `${run}-alias-${i}-${k}` })),
      }),
    );
    if (!result.ok) throw new Error(result.message);
    const { id } = result.data;
    const stripe = i % 5 === 0;
    if (stripe) {
      await db.insert(customerBillingProviders).values({
        customerId: id,
        position: 0,
        billingProvider: 'stripe',
        deliveryMethod: 'direct_to_billing_provider',
      });
    }
    const archived = i % 6 === 0;
    if (archived) await setCustomerArchived(editor, id, true);
    // Many customers share a creation time, so the id has to break the ties.
    await db
      .update(customers)
      .set({ createdAt: new Date(TIMES[i % TIMES.length]!) })
      .where(sql`${customers.id} = ${id}`);
    const lastUsage = lastUsageOf(i);
    if (lastUsage)
      await db.insert(customerUsageSummary).values({ customerId: id, lastReceivedAt: new Date(lastUsage) });
    made.push({ id, i, archived, plan: i % 4 === 0 ? 'growth' : null, stripe, vip: i % 3 === 1 });
  }
}, 180_000);

const FILTERS = {
  'no filter': { change: {}, keep: () => true },
  'price plan': { change: { plan: 'growth' }, keep: (m: Made) => m.plan === 'growth' },
  'billing provider': { change: { provider: 'stripe' }, keep: (m: Made) => m.stripe },
  tag: { change: () => ({ tag: `vip-${run}` }), keep: (m: Made) => m.vip },
} as const;

const STATUSES = {
  active: (m: Made) => !m.archived,
  archived: (m: Made) => m.archived,
  all: () => true,
} as const;

describe(`keyset pagination of the customer list on ${driver}`, () => {
  const cases = (['created', 'id', 'name', 'usage'] as const).flatMap((sort) =>
    (['asc', 'desc'] as const).flatMap((order) =>
      (Object.keys(STATUSES) as (keyof typeof STATUSES)[]).flatMap((status) =>
        (Object.keys(FILTERS) as (keyof typeof FILTERS)[]).map((filter) => ({ sort, order, status, filter })),
      ),
    ),
  );

  it.each(cases)(
    'sort $sort $order, status $status, $filter: every row once, in order, forward and back',
    async ({ sort, order, status, filter }) => {
      const { change, keep } = FILTERS[filter];
      const filters = view({
        sort,
        order,
        status,
        limit: '25',
        ...(typeof change === 'function' ? change() : change),
      });
      const expected = made.filter((m) => STATUSES[status](m) && keep(m)).map((m) => m.id);
      const forward = await walk(filters);
      const ids = forward.flat().map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length); // no row twice
      expect([...ids].sort()).toEqual([...expected].sort()); // no row missed
      expect(ids).toEqual(await referenceOrder(expected, filters));
      forward.slice(0, -1).forEach((page) => expect(page).toHaveLength(25));

      // Back from the last page, page by page, gives the same pages.
      if (forward.length > 1) {
        const last = await listCustomers(editor, { ...filters, cursor: undefined });
        let page = last;
        for (let p = 1; p < forward.length; p++) {
          page = await listCustomers(editor, { ...filters, cursor: page.nextCursor!, dir: 'next' });
        }
        const backward = await walk(filters, 'prev', page.prevCursor!);
        expect(backward.map((p) => p.map((r) => r.id))).toEqual(
          forward
            .slice(0, -1)
            .reverse()
            .map((p) => p.map((r) => r.id)),
        );
      }
    },
  );

  it('keeps a page stable when customers are added before the cursor', async () => {
    const filters = view({ sort: 'created', order: 'desc', status: 'all', limit: '25' });
    const first = await listCustomers(editor, filters);
    const before = await walk(filters, 'next', first.nextCursor!);
    // A brand-new customer sorts first (newest), before the cursor.
    const extra = await insertCustomer(editor, customerValues({ name: `kz_${run}_new` }));
    expect(extra.ok).toBe(true);
    const after = await walk(filters, 'next', first.nextCursor!);
    expect(after.flat().map((r) => r.id)).toEqual(before.flat().map((r) => r.id));
    if (extra.ok) await setCustomerArchived(editor, extra.data.id, true);
    made.push({
      id: extra.ok ? extra.data.id : '',
      i: -1,
      archived: true,
      plan: null,
      stripe: false,
      vip: false,
    });
  });

  it.each([
    ['created', 'desc'],
    ['id', 'asc'],
    ['name', 'desc'],
  ] as const)('reads the same search page (sort %s %s) whichever plan the probe picks', async (sort, order) => {
    const db = await getDb();
    const filters = view({ sort, order, status: 'all', limit: '25' });
    const ids = async (plan: Parameters<typeof customerPageQuery>[2]) =>
      (await customerPageQuery(db, filters, plan).query).map((r) => r.id);
    const probed = await planSearch(db, run);
    expect(probed).not.toBeNull();
    const planner = await ids(null);
    expect(planner).toHaveLength(26);
    expect(await ids(probed)).toEqual(planner);
    expect(await ids({ kind: 'walk' })).toEqual(planner);
    expect(await ids({ kind: 'trigram' })).toEqual(planner);
  });

  it.each(['created', 'id', 'name', 'usage'] as const)(
    "reads the export's pages (sort %s) in the list's order, every row once",
    async (sort) => {
      for (const order of ['asc', 'desc'] as const) {
        const filters = view({ sort, order, status: 'all', limit: '25' });
        const listed = (await walk(filters)).flat().map((r) => r.id);
        const exported: string[] = [];
        for await (const page of customerViewPages(editor, filters, 20)) exported.push(...page.map((r) => r.id));
        expect(exported).toEqual(listed);
      }
    },
  );

  it('treats a cursor made for another sort as the first page', async () => {
    const byName = await listCustomers(editor, view({ sort: 'name', limit: '25' }));
    const byCreated = await listCustomers(editor, view({ sort: 'created', limit: '25', cursor: byName.nextCursor! }));
    expect(byCreated.prevCursor).toBeNull();
    expect(byCreated.items.map((r) => r.id)).toEqual(
      (await listCustomers(editor, view({ sort: 'created', limit: '25' }))).items.map((r) => r.id),
    );
  });
});

describe(`customer search on ${driver}`, () => {
  const search = async (q: string, change: Partial<Record<keyof CustomerFilters, string>> = {}) => {
    const page = await listCustomers(editor, customerFilters.parse({ q, status: 'all', limit: '100', ...change }));
    return { exact: page.exactMatches.map((r) => r.name), rest: page.items.map((r) => r.name) };
  };

  it('finds by part of the ID, the Name, an email, an external ID or an alias, ignoring case', async () => {
    expect((await search(`KZ_${run}_00`)).rest).toHaveLength(10); // _000 … _009
    expect((await search(`billing12@${run}`)).rest).toEqual([`kz_${run}_012`]);
    expect((await search(`xt-${run}-14`)).rest).toEqual([`kz_${run}_014`]);
    expect((await search(`${run}-alias-25-`)).rest).toEqual([`Kz_${run}_025`]);
    expect((await search(`ALIAS-25-`)).rest).toContain(`Kz_${run}_025`);
    expect((await search('zeta ltd', { tag: `vip-${run}` })).rest).toHaveLength(
      made.filter((m) => m.vip && m.i % NAMES.length === 3).length,
    );
  });

  it('puts an exact alias, ID or external ID match first, and not again below', async () => {
    const alias = await search(`${run}-alias-40-1`);
    expect(alias.exact).toEqual([`kz_${run}_040`]);
    expect(alias.rest).not.toContain(`kz_${run}_040`);

    const id = await search(`KZ_${run}_041`); // an ID matches in any case
    expect(id.exact).toEqual([`Kz_${run}_041`]);
    expect(id.rest).toEqual([]);

    const external = await search(`ext-${run}-42`);
    expect(external.exact).toEqual([`kz_${run}_042`]);

    // Filters apply to exact matches too: customer 42 is archived.
    expect((await search(`ext-${run}-42`, { status: 'active' })).exact).toEqual([]);
  });

  it('an exact match looks for other matches in a window of the view first; paging on finds the same rows', async () => {
    // Its own key, not `run`: the other tests count what `run` finds.
    const key = `zw${randomUUID().slice(0, 6)}`;
    const term = `win-${key}`;
    const made = [
      await insertCustomer(editor, customerValues({ name: `w0_${key}`, ingestAliases: [{ value: term }] })),
    ];
    for (let i = 1; i <= 7; i++) {
      made.push(
        await insertCustomer(
          editor,
          customerValues({ name: `w${i}_${key}`, ingestAliases: [{ value: `${term}-${i}` }] }),
        ),
      );
    }
    if (made.some((m) => !m.ok)) throw new Error('setup failed');
    const collect = async (q: string, change: Partial<Record<keyof CustomerFilters, string>>, exactWindow?: number) => {
      const filters = customerFilters.parse({ q, status: 'all', limit: '3', ...change });
      const first = await listCustomers(editor, filters, exactWindow);
      const rest = [...first.items];
      for (let cursor = first.nextCursor, guard = 0; cursor && guard < 5000; guard++) {
        const page = await listCustomers(editor, { ...filters, cursor }, exactWindow);
        rest.push(...page.items);
        cursor = page.nextCursor;
      }
      return { exact: first.exactMatches.map((r) => r.name), firstPage: first.items, rest: rest.map((r) => r.name) };
    };
    for (const change of [{}, { sort: 'id', order: 'asc' }, { sort: 'name', order: 'desc' }]) {
      const whole = await collect(term, change); // the window (2,000 rows) holds every test row
      expect(whole.exact).toEqual([`w0_${key}`]);
      expect([...whole.rest].sort()).toEqual(Array.from({ length: 7 }, (_, i) => `w${i + 1}_${key}`));
      // A window of 4 rows: the exact match still comes first, the first page holds only matches
      // among the view's first 4 rows, and paging on finds the same rows in the same order.
      const windowed = await collect(term, change, 4);
      expect(windowed.exact).toEqual([`w0_${key}`]);
      expect(windowed.rest).toEqual(whole.rest);
      const firstFour = await listCustomers(editor, customerFilters.parse({ status: 'all', limit: '4', ...change }));
      const inWindow = new Set(firstFour.items.map((r) => r.id));
      expect(windowed.firstPage.every((r) => inWindow.has(r.id))).toBe(true);
    }
    // No exact match: the window plays no part, the pages are the same.
    const partial = `${term}-`;
    expect((await collect(partial, {}, 4)).rest).toEqual((await collect(partial, {})).rest);
    expect((await collect(partial, {}, 4)).exact).toEqual([]);
  });

  it(`finds the first ${SEARCHABLE_ALIASES} aliases by part of them, and every alias whole`, async () => {
    const aliases = Array.from({ length: SEARCHABLE_ALIASES + 10 }, (_, i) => ({ value: `many-${run}-${i}-end` }));
    const made = await insertCustomer(editor, customerValues({ name: `many_${run}`, ingestAliases: aliases }));
    if (!made.ok) throw new Error(made.message);
    const last = SEARCHABLE_ALIASES - 1;
    expect((await search(`many-${run}-${last}-e`)).rest).toEqual([`many_${run}`]);
    expect((await search(`many-${run}-${last + 1}-e`)).rest).toEqual([]); // past the searchable ones
    expect((await search(`many-${run}-${last + 5}-end`)).exact).toEqual([`many_${run}`]); // whole: found
    await setCustomerArchived(editor, made.data.id, true); // out of the other tests' active counts
  });

  it('matches the start of a field for fewer than three characters, anywhere from three', async () => {
    // "kz" starts every ID of this file; "z_" is inside them but starts no field.
    const short = await listCustomers(editor, customerFilters.parse({ q: 'z_', status: 'all', limit: '100' }));
    expect(short.items.filter((r) => r.name.includes(run))).toHaveLength(0);
    const long = await countCustomers(editor, customerFilters.parse({ q: `z_${run}`, status: 'all' }));
    expect(long.value).toBeGreaterThanOrEqual(COUNT);
  });

  it('treats % and _ as plain characters, not wildcards', async () => {
    expect((await search(`kz%${run}`)).rest).toEqual([]);
    expect((await search(`kz_${run}_1_0`)).rest).toEqual([]);
  });

  it('finds a customer by an alias added in an edit, and no longer by one removed', async () => {
    const made = await insertCustomer(
      editor,
      customerValues({ name: `edit_${run}`, ingestAliases: [{ value: `old-${run}` }] }),
    );
    if (!made.ok) throw new Error(made.message);
    const { getCustomer } = await import('./customers');
    const { updateCustomer } = await import('./customers-write');
    const before = await getCustomer(editor, made.data.id);
    await updateCustomer(
      editor,
      made.data.id,
      before!.version,
      customerValues({ name: `edit_${run}`, ingestAliases: [{ value: `new-${run}` }] }),
    );
    expect((await search(`new-${run}`)).exact).toEqual([`edit_${run}`]);
    expect((await search(`old-${run}`)).exact).toEqual([]);
    expect((await search(`old-${run}`)).rest).toEqual([]);
    await setCustomerArchived(editor, made.data.id, true);
  });

  it('counts matches exactly', async () => {
    const expected = made.filter((m) => !m.archived && m.vip).length;
    expect(await countCustomers(editor, view({ tag: `vip-${run}` }))).toEqual({ value: expected, exact: true });
    expect(await countCustomers(editor, customerFilters.parse({ q: `${run}-alias-40-1` }))).toEqual({
      value: 1,
      exact: true,
    });
    expect(EXACT_COUNT_LIMIT).toBeGreaterThanOrEqual(1000);
  });

  it('estimates past the exact limit, and says it is an estimate', async () => {
    const db = await getDb();
    await db.execute(sql`analyze customers`);
    const all = made.filter((m) => !m.archived).length;
    const estimate = await countCustomers(editor, view({}), 20);
    expect(estimate.exact).toBe(false);
    expect(estimate.value).toBeGreaterThan(20);
    // The planner's guess for a trigram match is rough; it must still be of the right kind.
    expect(estimate.value).toBeLessThan(all * 100);
    expect(await countCustomers(editor, view({}), all)).toEqual({ value: all, exact: true });
  });
});

describe(`indexes behind the list on ${driver}`, () => {
  /**
   * The plan's index names, with sequential scans ruled out so a usable index must be chosen. On
   * these few rows, walking the sort's index beats any filter's; ruling out plain index scans
   * too leaves the filter's own index (a bitmap scan), if it can serve the condition.
   */
  async function indexesUsed(filters: CustomerFilters, walkingTheSortIndex = true): Promise<string[]> {
    const db = await getDb();
    return db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      if (!walkingTheSortIndex) await tx.execute(sql`set local enable_indexscan = off`);
      const { query } = customerPageQuery(db, filters);
      const result = await tx.execute(sql`explain (format json) ${query.getSQL()}`);
      const plan = JSON.stringify((result as unknown as { rows: unknown[] }).rows);
      if (process.env.SHOW_PLANS) console.log(JSON.stringify(filters), plan);
      return [...plan.matchAll(/"Index Name":\s*"([^"]+)"/g)].map((m) => m[1]!);
    });
  }

  it.each([
    [{}, 'customers_created_at_id_idx'],
    [{ sort: 'created', order: 'asc' }, 'customers_created_at_id_idx'],
    [{ sort: 'id' }, 'customers_id_sort_idx'],
    [{ sort: 'id', order: 'desc' }, 'customers_id_sort_idx'],
    [{ sort: 'name' }, 'customers_name_sort_idx'],
    [{ sort: 'name', order: 'desc' }, 'customers_name_sort_idx'],
    [{ q: 'some-alias' }, 'customer_ingest_aliases_alias_key'],
  ] as const)('the list %j reads %s', async (change, index) => {
    expect(await indexesUsed(customerFilters.parse(change))).toContain(index);
  });

  it.each([
    [{ q: 'acme' }, 'customers_search_text_idx'],
    [{ q: 'ac' }, 'customers_search_text_idx'],
    [{ q: 'a' }, 'customers_search_text_idx'],
    [{ tag: 'vip' }, 'customers_tags_idx'],
    [{ plan: 'growth' }, 'customers_price_plan_idx'],
    [{ provider: 'stripe' }, 'customer_billing_providers_provider_idx'],
  ] as const)('the filter %j can use %s', async (change, index) => {
    expect(await indexesUsed(customerFilters.parse(change), false)).toContain(index);
  });
});
