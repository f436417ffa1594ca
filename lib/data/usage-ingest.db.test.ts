import { customerValues, driver, unique, valueRows } from '@/test/data';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import {
  customerUsageSummary,
  unmatchedUsageGroups,
  usageDailyCounts,
  usageEvents,
  usageTransactions,
} from '@/db/schema';
import type { MeasurementMapping } from '@/db/schema/customers';
import { editor, viewer } from '@/test/actors';
import { lockstep } from '@/test/lockstep';
import { usageEventInput, type UsageEventInput } from '@/lib/validations/v1/usage';
import { insertCustomer, setCustomerArchived } from './customers-write';
import { ingestUsage } from './usage-ingest';
import { searchUsageEvents } from './usage-search';

async function customer(opts: { aliases?: string[]; mappings?: MeasurementMapping[] } = {}): Promise<string> {
  const result = await insertCustomer(
    editor,
    customerValues({
      name: `usage_${unique()}`,
      ingestAliases: valueRows(...(opts.aliases ?? [])),
      measurementMappings: opts.mappings ?? [],
    }),
  );
  if (!result.ok) throw new Error(result.message);
  return result.data.id;
}

/** An event as ingest's schema parses it. */
function event(values: Partial<Record<keyof UsageEventInput, unknown>> & { customer_id: string }): UsageEventInput {
  return usageEventInput.parse({
    transaction_id: `tx-${unique()}-${unique()}`,
    event_type: 'api_request',
    timestamp: new Date().toISOString(),
    ...values,
  });
}

async function stored(transactionIds: string[]) {
  const db = await getDb();
  return db
    .select()
    .from(usageEvents)
    .where(inArray(usageEvents.transactionId, transactionIds))
    .orderBy(usageEvents.receivedAt, usageEvents.id);
}

async function dailyCounts(customerId: string) {
  const db = await getDb();
  return db.select().from(usageDailyCounts).where(eq(usageDailyCounts.customerId, customerId));
}

async function group(identifier: string) {
  const db = await getDb();
  const [row] = await db.select().from(unmatchedUsageGroups).where(eq(unmatchedUsageGroups.identifier, identifier));
  return row;
}

describe(`usage ingest routing, on ${driver}`, () => {
  it("routes by the customer's uuid, exactly (an upper-case uuid is an unknown identifier)", async () => {
    const id = await customer();
    const [a, b] = [event({ customer_id: id }), event({ customer_id: id.toUpperCase() })];
    await ingestUsage(editor, [a, b]);
    const [ra, rb] = await stored([a.transaction_id, b.transaction_id]);
    expect(ra).toMatchObject({ matchedCustomerId: id, matchedBy: 'id', matchedKey: '', unmatchedReason: null });
    expect(rb).toMatchObject({ matchedCustomerId: null, matchedBy: null, unmatchedReason: 'no_customer' });
  });

  it("routes by an ingest alias, case-sensitively, and by an archived customer's alias", async () => {
    const alias = `acct-${unique()}`;
    const archivedAlias = `old-${unique()}`;
    const id = await customer({ aliases: [alias] });
    const archived = await customer({ aliases: [archivedAlias] });
    await setCustomerArchived(editor, archived, true);
    const events = [
      event({ customer_id: alias }),
      event({ customer_id: alias.toUpperCase() }),
      event({ customer_id: archivedAlias }),
    ];
    await ingestUsage(editor, events);
    const rows = await stored(events.map((e) => e.transaction_id));
    expect(rows.map((r) => [r.matchedCustomerId, r.matchedBy, r.matchedKey, r.unmatchedReason])).toEqual([
      [id, 'alias', alias, null],
      [null, null, null, 'no_customer'],
      [archived, 'alias', archivedAlias, null],
    ]);
  });

  it('routes by the one customer whose mapping fully matches a property, as text; two customers are ambiguous', async () => {
    const label = `cluster_${unique()}`;
    const tag = unique();
    const one = await customer({ mappings: [{ label, valueRegex: `acme-${tag}-\\d+` }] });
    await customer({ mappings: [{ label, valueRegex: `shared-${tag}` }] });
    await customer({ mappings: [{ label, valueRegex: `shared-${tag}|other` }] });
    const numeric = await customer({ mappings: [{ label: `${label}_n`, valueRegex: '4[0-9]{3}' }] });
    const events = [
      event({ customer_id: `x-${unique()}`, properties: { [label]: `acme-${tag}-42` } }),
      event({ customer_id: `x-${unique()}`, properties: { [label]: `acme-${tag}-42x` } }), // not a full match
      event({ customer_id: `x-${unique()}`, properties: { [label]: `shared-${tag}` } }),
      event({ customer_id: `x-${unique()}`, properties: { [`${label}_n`]: 4711 } }),
      event({ customer_id: `x-${unique()}`, properties: { [`${label}_n`]: { v: 4711 } } }), // objects never match
    ];
    await ingestUsage(editor, events);
    const rows = await stored(events.map((e) => e.transaction_id));
    expect(rows.map((r) => [r.matchedCustomerId, r.matchedBy, r.matchedKey, r.unmatchedReason])).toEqual([
      [one, 'mapping', label, null],
      [null, null, null, 'no_customer'],
      [null, null, null, 'ambiguous_mapping'],
      [numeric, 'mapping', `${label}_n`, null],
      [null, null, null, 'no_customer'],
    ]);
  });

  it('prefers the uuid to an alias and an alias to a mapping', async () => {
    const label = `region_${unique()}`;
    const alias = `pref-${unique()}`;
    const byAlias = await customer({ aliases: [alias] });
    await customer({ mappings: [{ label, valueRegex: '.*' }] });
    const e = event({ customer_id: alias, properties: { [label]: 'eu' } });
    await ingestUsage(editor, [e]);
    const [row] = await stored([e.transaction_id]);
    expect(row).toMatchObject({ matchedCustomerId: byAlias, matchedBy: 'alias' });
  });

  it('refuses a viewer, and stores nothing for an empty batch', async () => {
    await expect(ingestUsage(viewer, [event({ customer_id: 'x' })])).rejects.toThrow(/Not allowed/);
    await expect(ingestUsage(editor, [])).resolves.toBeUndefined();
  });
});

describe(`usage ingest deduplication, on ${driver}`, () => {
  it('stores a repeat within a batch and across batches as a duplicate, never counted', async () => {
    const id = await customer();
    const txId = `dup-${unique()}`;
    const first = event({ customer_id: id, transaction_id: txId });
    await ingestUsage(editor, [first, event({ customer_id: id, transaction_id: txId, event_type: 'again' })]);
    await ingestUsage(editor, [event({ customer_id: id, transaction_id: txId })]);
    const rows = await stored([txId]);
    expect(rows.map((r) => [r.isDuplicate, r.eventType])).toEqual([
      [false, 'api_request'],
      [true, 'again'],
      [true, 'api_request'],
    ]);
    const counts = await dailyCounts(id);
    expect(counts.map((c) => [c.eventType, c.events])).toEqual([['api_request', 1]]);
  });

  it('counts a transaction ID again once its row is older than 34 days', async () => {
    const id = await customer();
    const txId = `old-${unique()}`;
    const db = await getDb();
    await db.insert(usageTransactions).values({ transactionId: txId, receivedAt: sql`now() - interval '35 days'` });
    const recent = `recent-${unique()}`;
    await db.insert(usageTransactions).values({ transactionId: recent, receivedAt: sql`now() - interval '33 days'` });
    await ingestUsage(editor, [
      event({ customer_id: id, transaction_id: txId }),
      event({ customer_id: id, transaction_id: recent }),
    ]);
    const rows = await stored([txId, recent]);
    expect(Object.fromEntries(rows.map((r) => [r.transactionId, r.isDuplicate]))).toEqual({
      [txId]: false,
      [recent]: true,
    });
    const [kept] = await db.select().from(usageTransactions).where(eq(usageTransactions.transactionId, txId));
    expect(Date.now() - kept!.receivedAt.getTime()).toBeLessThan(60_000);
  });

  it('lets two concurrent batches with one transaction ID store exactly one original', async () => {
    const id = await customer();
    for (let round = 0; round < 5; round++) {
      const txId = `race-${unique()}`;
      const batch = () => [event({ customer_id: id, transaction_id: txId }), event({ customer_id: id })];
      // On PostgreSQL both wait at usage_transactions, then insert the same ID at once.
      const results = await lockstep('usage_transactions', () => [
        ingestUsage(editor, batch()),
        ingestUsage(editor, batch()),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
      const rows = await stored([txId]);
      expect(rows.map((r) => r.isDuplicate).sort()).toEqual([false, true]);
    }
  });
});

describe(`usage ingest all or nothing, on ${driver}`, () => {
  it('stores nothing of a batch whose insert fails', async () => {
    const id = await customer();
    const good = event({ customer_id: id });
    // Past validation, a NUL in a property cannot be stored as jsonb: the insert fails.
    const bad = { ...event({ customer_id: id }), properties: { note: 'a\u0000b' } };
    await expect(ingestUsage(editor, [good, bad])).rejects.toThrow();
    expect(await stored([good.transaction_id, bad.transaction_id])).toEqual([]);
    const db = await getDb();
    const kept = await db
      .select()
      .from(usageTransactions)
      .where(inArray(usageTransactions.transactionId, [good.transaction_id, bad.transaction_id]));
    expect(kept).toEqual([]);
    expect(await dailyCounts(id)).toEqual([]);
  });
});

describe(`usage ingest rollups, on ${driver}`, () => {
  it('keeps daily counts per day, type and route, and the last usage, in step with the counted events', async () => {
    const alias = `roll-${unique()}`;
    const id = await customer({ aliases: [alias] });
    const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000);
    const dup = `d-${unique()}`;
    await ingestUsage(editor, [
      event({ customer_id: id, transaction_id: dup }),
      event({ customer_id: id, transaction_id: dup }),
      event({ customer_id: id, event_type: 'login' }),
      event({ customer_id: alias }),
      event({ customer_id: alias, timestamp: yesterday.toISOString() }),
    ]);
    await ingestUsage(editor, [event({ customer_id: alias })]);
    const counts = await dailyCounts(id);
    const today = new Date().toISOString().slice(0, 10);
    const day = yesterday.toISOString().slice(0, 10);
    const got = counts.map((c) => `${c.day} ${c.eventType} ${c.matchedBy}:${c.matchedKey} ${c.events}`).sort();
    const expected = [
      `${today} api_request id: 1`,
      `${today} login id: 1`,
      `${today} api_request alias:${alias} 2`,
      `${day} api_request alias:${alias} 1`,
    ].sort();
    // Just after midnight UTC "today" may have moved on between the events and this line.
    if (new Date().toISOString().slice(0, 10) === today) expect(got).toEqual(expected);
    const db = await getDb();
    const events = await db
      .select()
      .from(usageEvents)
      .where(and(eq(usageEvents.matchedCustomerId, id), eq(usageEvents.isDuplicate, false)));
    expect(counts.reduce((n, c) => n + c.events, 0)).toBe(events.length);
    const [summary] = await db.select().from(customerUsageSummary).where(eq(customerUsageSummary.customerId, id));
    const last = Math.max(...events.map((e) => e.receivedAt.getTime()));
    expect(summary!.lastReceivedAt.getTime()).toBe(last);
  });

  it('groups counted unmatched events by identifier, with types, the latest sample and reason; an ignored group stays ignored', async () => {
    const identifier = `nobody-${unique()}`;
    const types = Array.from({ length: 12 }, (_, i) => `type_${i}`);
    const dup = `g-${unique()}`;
    await ingestUsage(editor, [
      event({ customer_id: identifier, transaction_id: dup, event_type: 'first' }),
      event({ customer_id: identifier, transaction_id: dup, event_type: 'dup_only' }),
    ]);
    const before = await group(identifier);
    expect(before).toMatchObject({ events: 1, eventTypes: ['first'], reason: 'no_customer', ignoredAt: null });
    const db = await getDb();
    await db
      .update(unmatchedUsageGroups)
      .set({ ignoredAt: sql`now()` })
      .where(eq(unmatchedUsageGroups.identifier, identifier));
    // A property no customer maps: on PostgreSQL other test files' customers share the database, and
    // a generated mapping (say label "n") would route these events away from the inbox.
    const key = `n_${unique()}`;
    const batch = types.map((t) => event({ customer_id: identifier, event_type: t, properties: { [key]: t } }));
    await ingestUsage(editor, batch);
    const after = await group(identifier);
    expect(after!.events).toBe(13);
    expect(after!.eventTypes).toEqual(['first', ...types.slice(0, 9)]);
    expect(after!.ignoredAt).not.toBeNull();
    expect(after!.firstReceivedAt).toEqual(before!.firstReceivedAt);
    expect(after!.sampleEvent).toMatchObject({
      transaction_id: batch[11]!.transaction_id,
      customer_id: identifier,
      event_type: 'type_11',
      properties: { [key]: 'type_11' },
      is_duplicate: false,
    });
    expect(after!.sampleEvent).not.toHaveProperty('matched_customer');
    const rows = await db
      .select()
      .from(usageEvents)
      .where(and(eq(usageEvents.sentCustomerId, identifier), eq(usageEvents.isDuplicate, false)));
    expect(rows.length).toBe(after!.events);
  });
});

describe(`usage event search, on ${driver}`, () => {
  it('answers the events of the last 34 days in request order, then order of receipt, with the matched customer', async () => {
    const id = await customer();
    const [a, b] = [`s-${unique()}`, `s-${unique()}`];
    await ingestUsage(editor, [
      event({ customer_id: id, transaction_id: a, properties: { region: 'eu' } }),
      event({ customer_id: 'nobody', transaction_id: b }),
      event({ customer_id: id, transaction_id: a }),
    ]);
    const db = await getDb();
    await db.insert(usageEvents).values({
      transactionId: b,
      sentCustomerId: 'nobody',
      eventType: 'old',
      occurredAt: sql`now() - interval '40 days'`,
      receivedAt: sql`now() - interval '35 days'`,
    });
    const found = await searchUsageEvents(viewer, [b, a, `unknown-${unique()}`]);
    expect(found.map((e) => [e.transaction_id, e.customer_id, e.is_duplicate])).toEqual([
      [b, 'nobody', false],
      [a, id, false],
      [a, id, true],
    ]);
    expect(found[0]).not.toHaveProperty('matched_customer');
    const [, first] = found;
    expect(first).toMatchObject({ matched_customer: { id }, properties: { region: 'eu' }, event_type: 'api_request' });
    expect(first!.matched_customer!.name).toMatch(/^usage_/);
    expect(first!.processed_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});
