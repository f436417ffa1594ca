import { auditOf, AWS_PROVIDER, customerValues, driver, providerRows, unique, valueRows } from '@/test/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { customerImports, customers, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { readCsv } from '@/lib/csv/read-csv';
import { csvHeaders } from '@/lib/validations/customer-csv';
import { pricePlanInput } from '@/lib/validations/price-plan';
import type { ImportCheckInput } from '@/lib/validations/customer-import';
import {
  APPLY_CHUNK,
  applyNextChunk,
  cancelCustomerImport,
  checkCustomerImport,
  claimCustomerImport,
  createCustomerImport,
  customerImportErrorPages,
  getCustomerImport,
  resumeCustomerImports,
  runCustomerImport,
  startCustomerImport,
} from './customer-imports';
import { findCustomerIdByName, getCustomer } from './customers';
import { insertCustomer, insertCustomers } from './customers-write';
import { insertPricePlan, setPricePlanArchived } from './price-plans';

// The job writes as the user who started the import, with the role they hold now: a real user.
const actor: Actor = {
  id: `import-editor-${unique()}`,
  email: `import-${unique()}@test.example`,
  name: 'Importer',
  role: 'editor',
};

beforeAll(async () => {
  const db = await getDb();
  await db.insert(users).values({ id: actor.id, email: actor.email, name: actor.name, role: 'editor' });
});

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\n');

async function upload(text: string, fileName = 'customers.csv') {
  const result = await createCustomerImport(actor, fileName, readCsv([Buffer.from(text)]));
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

async function check(id: string, options: Partial<ImportCheckInput> = {}) {
  const job = (await getCustomerImport(actor, id))!.job;
  const result = await checkCustomerImport(actor, {
    importId: id,
    mapping: job.mapping,
    mode: 'create',
    emptyClears: false,
    ...options,
  });
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

async function allErrors(id: string) {
  const out = [];
  for await (const page of customerImportErrorPages(actor, id)) out.push(...page);
  return out;
}

async function countByName(name: string) {
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(customers)
    .where(sql`lower(${customers.name}) = lower(${name})`);
  return row!.n;
}

describe(`CSV import of customers (${driver})`, () => {
  it('stores the file’s rows, matching headers to fields, and refuses a file with no rows', async () => {
    const job = await upload('\uFEFFID;Name;Shoe size\nacme;Acme;42\n');
    expect(job).toMatchObject({
      totalRows: 1,
      headers: ['ID', 'Name', 'Shoe size'],
      mapping: ['name', 'displayName', null],
    });
    expect(await createCustomerImport(actor, 'x.csv', readCsv([Buffer.from('ID,Name\n')]))).toMatchObject({
      ok: false,
      message: 'The file has a header row but no customers under it.',
    });
  });

  it('a file past the row cap leaves nothing behind', async () => {
    const db = await getDb();
    const name = `too-many-${unique()}.csv`;
    const result = await createCustomerImport(actor, name, readCsv([Buffer.from('ID\na\nb\nc\n')], { maxRows: 2 }));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('row 4 is one too many') });
    expect(await db.select().from(customerImports).where(eq(customerImports.fileName, name))).toEqual([]);
  });

  it('the dry run finds every kind of error, with its row and column, and writes nothing', async () => {
    const u = unique();
    const plan = `plan_${u}`;
    const oldPlan = `old_${u}`;
    for (const key of [plan, oldPlan]) {
      const made = await insertPricePlan(actor, pricePlanInput.parse({ name: key, displayName: key, description: '' }));
      expect(made.ok).toBe(true);
    }
    await setPricePlanArchived(actor, oldPlan, true);
    const held = await insertCustomer(
      actor,
      customerValues({ name: `taken-${u}`, ingestAliases: valueRows(`held-${u}`), externalId: `ext-${u}` }),
    );
    expect(held.ok).toBe(true);
    const head = ['ID', 'Name', 'Email', 'External ID', 'Price plan', 'Ingest aliases'];
    const job = await upload(
      csv([
        head,
        [`a-${u}`, 'A', '', '', plan, ''], // row 2: fine
        [`TAKEN-${u}`, 'T', '', '', '', ''], // 3: ID taken (ignoring case)
        [`b-${u}`, 'B', '', '', '', `held-${u}`], // 4: alias of another customer
        [`c-${u}`, 'C', '', '', '', `mine-${u}|dup-${u}`], // 5: fine
        [`d-${u}`, 'D', '', '', '', `dup-${u}`], // 6: alias of row 5
        [`e-${u}`, 'E', '', `ext-${u}`, '', ''], // 7: external ID taken
        [`f-${u}`, 'F', '', '', `nope_${u}`, ''], // 8: unknown price plan
        [`g-${u}`, 'G', 'not-an-email', '', '', ''], // 9: the form's rule
        [`A-${u}`, 'A again', '', '', '', ''], // 10: repeats row 2's ID
        ['', 'No ID', '', '', '', ''], // 11: no ID
        [`h-${u}`, 'H', '', '', oldPlan, ''], // 12: archived price plan
      ]),
    );
    const { job: checked, errors } = await check(job.id);
    expect(checked).toMatchObject({ status: 'checked', toCreate: 2, toUpdate: 0, toLeave: 0, errorRows: 9 });
    const report = (await allErrors(job.id)).map((e) => [e.rowNumber, e.column, e.message]);
    expect(report).toEqual([
      [3, 'ID', `The ID “TAKEN-${u}” is already taken (choose “create and update” to update it)`],
      [4, 'Ingest aliases', `The alias “held-${u}” belongs to customer taken-${u}`],
      [6, 'Ingest aliases', `The alias “dup-${u}” is also in row 5`],
      [7, 'External ID', `Already used by customer taken-${u}`],
      [8, 'Price plan', `There is no price plan “nope_${u}”`],
      [9, 'Email', 'Enter a valid email address, like ops@example.com'],
      [10, 'ID', 'Repeats the ID of row 2'],
      [11, 'ID', expect.stringMatching(/ID is required/)],
      [12, 'Price plan', `The price plan “${oldPlan}” is archived`],
    ]);
    expect(errors).toHaveLength(9);
    expect(await findCustomerIdByName(actor, `a-${u}`)).toBeNull();
    expect(await startCustomerImport(actor, job.id, false)).toMatchObject({ ok: false });
  });

  it('imports the valid rows only when asked, each with an audit entry naming the file', async () => {
    const u = unique();
    const job = await upload(
      csv([
        ['ID', 'Email'],
        [`ok-${u}`, 'ok@example.com'],
        [`bad-${u}`, 'nope'],
      ]),
      `valid-${u}.csv`,
    );
    await check(job.id);
    expect(await startCustomerImport(actor, job.id, true)).toMatchObject({ ok: true });
    await runCustomerImport(job.id);
    const state = (await getCustomerImport(actor, job.id))!;
    expect(state.job).toMatchObject({ status: 'done', rowsDone: 2, created: 1, failed: 1 });
    expect(state.errors).toEqual([
      { rowNumber: 3, column: 'Email', message: 'Enter a valid email address, like ops@example.com' },
    ]);
    const id = (await findCustomerIdByName(actor, `ok-${u}`))!;
    const [entry] = await auditOf('customer', id);
    expect(entry).toMatchObject({ action: 'customer.create', actorId: actor.id });
    expect(entry!.changes).toContainEqual({ field: 'import', old: null, new: `valid-${u}.csv` });
    expect(await findCustomerIdByName(actor, `bad-${u}`)).toBeNull();
  });

  it('updates customers whose ID matches ignoring case; empty cells leave fields unless they clear them', async () => {
    const u = unique();
    const made = await insertCustomer(
      actor,
      customerValues({ name: `up-${u}`, displayName: 'Old', email: 'old@example.com', tags: ['gold'] }),
    );
    expect(made.ok).toBe(true);
    const id = made.ok ? made.data.id : '';
    const file = csv([
      ['ID', 'Name', 'Email', 'Tags'],
      [`UP-${u}`, 'New', '', ''],
      [`same-${u}`, 'Same', '', ''],
    ]);
    await insertCustomer(actor, customerValues({ name: `same-${u}`, displayName: 'Same' }));

    const keep = await upload(file);
    expect((await check(keep.id, { mode: 'upsert' })).job).toMatchObject({ toCreate: 0, toUpdate: 1, toLeave: 1 });
    await startCustomerImport(actor, keep.id, false);
    await runCustomerImport(keep.id);
    expect((await getCustomerImport(actor, keep.id))!.job).toMatchObject({ status: 'done', updated: 1, unchanged: 1 });
    expect(await getCustomer(actor, id)).toMatchObject({
      displayName: 'New',
      email: 'old@example.com',
      tags: ['gold'],
    });

    const clear = await upload(file);
    await check(clear.id, { mode: 'upsert', emptyClears: true });
    await startCustomerImport(actor, clear.id, false);
    await runCustomerImport(clear.id);
    expect(await getCustomer(actor, id)).toMatchObject({ displayName: 'New', email: null, tags: [] });
    const entries = await auditOf('customer', id);
    expect(entries.filter((e) => e.action === 'customer.update')).toHaveLength(2);
  });

  it('an import stopped midway goes on where it was, and running the file again makes no duplicates', async () => {
    const u = unique();
    const total = APPLY_CHUNK * 2 + 50;
    const rows = Array.from({ length: total }, (_, i) => [`crash-${u}-${i}`, `Crash ${i}`, `alias-${u}-${i}`]);
    const text = csv([['ID', 'Name', 'Ingest aliases'], ...rows]);
    const job = await upload(text);
    await check(job.id);
    await startCustomerImport(actor, job.id, false);
    // The job takes it and commits two chunks, then its process dies.
    expect(await claimCustomerImport(job.id)).toBe(true);
    expect(await applyNextChunk(job.id)).toBe(true);
    expect(await applyNextChunk(job.id)).toBe(true);
    expect((await getCustomerImport(actor, job.id))!.job).toMatchObject({
      status: 'running',
      rowsDone: 2 * APPLY_CHUNK,
    });
    // Not stale yet: nobody else takes it.
    expect(await resumeCustomerImports()).not.toContain(job.id);
    expect(await resumeCustomerImports(0)).toContain(job.id);
    await runCustomerImport(job.id, 0);
    expect((await getCustomerImport(actor, job.id))!.job).toMatchObject({
      status: 'done',
      rowsDone: total,
      created: total,
      failed: 0,
    });
    for (const i of [0, APPLY_CHUNK, total - 1]) expect(await countByName(`crash-${u}-${i}`)).toBe(1);
    const db = await getDb();
    const [made] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(customers)
      .where(sql`${customers.name} like ${`crash-${u}-%`}`);
    expect(made!.n).toBe(total);

    // The same file again, creating and updating: every row matches and nothing changes.
    const again = await upload(text);
    expect((await check(again.id, { mode: 'upsert' })).job).toMatchObject({
      toCreate: 0,
      toLeave: total,
      errorRows: 0,
    });
    await startCustomerImport(actor, again.id, false);
    await runCustomerImport(again.id);
    expect((await getCustomerImport(actor, again.id))!.job).toMatchObject({ status: 'done', unchanged: total });
    const [still] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(customers)
      .where(sql`${customers.name} like ${`crash-${u}-%`}`);
    expect(still!.n).toBe(total);
  });

  it('writes a chunk’s new customers as the form writes each, and none when the database refuses one', async () => {
    const u = unique();
    const input = (name: string) =>
      customerValues({
        name,
        ingestAliases: valueRows(`${name}-a`, `${name}-b`),
        billingProviders: providerRows(AWS_PROVIDER),
      });
    const note = { field: 'import', old: null, new: `batch-${u}.csv` };
    const one = await insertCustomer(actor, input(`one-${u}`), note);
    if (!one.ok) throw new Error(one.message);
    const many = (await insertCustomers(actor, [input(`two-${u}`), input(`three-${u}`)], note))!;
    expect(many).toHaveLength(2);
    const shape = async (id: string) => {
      const c = (await getCustomer(actor, id))!;
      const [entry] = await auditOf('customer', id);
      const db = await getDb();
      const [row] = await db.select({ search: customers.searchText }).from(customers).where(eq(customers.id, id));
      return {
        aliases: c.ingestAliases.map((a) => a.replace(c.name, 'X')),
        providers: c.billingProviders.map((p) => p.billingProvider),
        search: row!.search.replaceAll(c.name, 'X'),
        audit: entry!.changes.map((ch) => ch.field),
        action: entry!.action,
        note: entry!.changes.at(-1),
      };
    };
    expect(await shape(many[1]!)).toEqual(await shape(one.data.id));
    expect(await shape(many[0]!)).toEqual(await shape(one.data.id));
    // The ID of `one` again (another case): refused, and the row beside it is not kept either.
    expect(await insertCustomers(actor, [input(`four-${u}`), input(`ONE-${u}`)], note)).toBeNull();
    expect(await countByName(`four-${u}`)).toBe(0);
  });

  it('a cancelled import keeps what it committed and stops', async () => {
    const u = unique();
    const rows = Array.from({ length: APPLY_CHUNK + 10 }, (_, i) => [`cancel-${u}-${i}`]);
    const job = await upload(csv([csvHeaders().slice(0, 1), ...rows]));
    await check(job.id);
    await startCustomerImport(actor, job.id, false);
    expect(await claimCustomerImport(job.id)).toBe(true);
    expect(await applyNextChunk(job.id)).toBe(true);
    expect(await cancelCustomerImport(actor, job.id)).toMatchObject({ ok: true });
    expect(await applyNextChunk(job.id)).toBe(false);
    expect((await getCustomerImport(actor, job.id))!.job).toMatchObject({ status: 'cancelled', rowsDone: APPLY_CHUNK });
    expect(await countByName(`cancel-${u}-0`)).toBe(1);
    expect(await countByName(`cancel-${u}-${APPLY_CHUNK}`)).toBe(0);
  });
});
