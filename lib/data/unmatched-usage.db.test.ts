import { auditOf, customerValues, driver, unique, valueRows } from '@/test/data';
import { editor, viewer } from '@/test/actors';
import { holdUnmatched } from '@/test/usage';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { customerUsageSummary, unmatchedUsageGroups, usageDailyCounts, usageEvents } from '@/db/schema';
import { ForbiddenError } from '@/lib/auth/permissions';
import { MAX_ALIASES } from '@/lib/validations/customer';
import { inboxFilters, INBOX_PAGE_SIZE, suggestionKey } from '@/lib/validations/unmatched-usage';
import { getCustomer } from './customers';
import { insertCustomer } from './customers-write';
import { addUnmatchedAsAlias, countOpenGroups, listUnmatchedGroups, setUnmatchedGroupIgnored } from './unmatched-usage';

/** Midnight UTC two days ago, plus `hours`: a time ingest accepts, on a known UTC day. */
const twoDaysAgo = (hours: number) => {
  const midnight = new Date(new Date().toISOString().slice(0, 10));
  return new Date(midnight.getTime() + (hours - 48) * 3_600_000);
};
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

async function newCustomer(name: string, ...aliases: string[]) {
  const result = await insertCustomer(editor, customerValues({ name, ingestAliases: valueRows(...aliases) }));
  if (!result.ok) throw new Error(result.message);
  return result.data.id;
}

const filters = (values: Record<string, string> = {}) => inboxFilters.parse(values);

async function eventsOf(identifier: string) {
  const db = await getDb();
  return db.select().from(usageEvents).where(eq(usageEvents.sentCustomerId, identifier));
}

async function dailyCounts(customerId: string) {
  const db = await getDb();
  return db
    .select({
      day: usageDailyCounts.day,
      eventType: usageDailyCounts.eventType,
      matchedBy: usageDailyCounts.matchedBy,
      matchedKey: usageDailyCounts.matchedKey,
      events: usageDailyCounts.events,
    })
    .from(usageDailyCounts)
    .where(eq(usageDailyCounts.customerId, customerId))
    .orderBy(usageDailyCounts.day, usageDailyCounts.eventType);
}

async function groupOf(identifier: string) {
  const db = await getDb();
  const [row] = await db.select().from(unmatchedUsageGroups).where(eq(unmatchedUsageGroups.identifier, identifier));
  return row;
}

describe(`the unmatched-usage inbox on ${driver}`, () => {
  it('lists groups newest first, finds them by any part of the identifier ignoring case, and pages by keyset', async () => {
    const tag = unique();
    const identifiers = Array.from(
      { length: INBOX_PAGE_SIZE + 3 },
      (_, i) => `Inbox-${tag}-${String(i).padStart(3, '0')}`,
    );
    // One batch each, in order: later batches are received later (or in the same millisecond, and
    // then the identifier orders them).
    for (const identifier of identifiers) {
      await holdUnmatched(identifier, [{ eventType: 'api_call' }]);
    }
    const first = await listUnmatchedGroups(viewer, filters({ q: `inbox-${tag.toUpperCase()}` }));
    expect(first.items.map((g) => g.identifier)).toEqual(identifiers.toReversed().slice(0, INBOX_PAGE_SIZE));
    expect(first.prevCursor).toBeNull();
    expect(first.nextCursor).not.toBeNull();
    const second = await listUnmatchedGroups(viewer, filters({ q: `inbox-${tag}`, cursor: first.nextCursor! }));
    expect(second.items.map((g) => g.identifier)).toEqual(identifiers.toReversed().slice(INBOX_PAGE_SIZE));
    expect(second.nextCursor).toBeNull();
    const back = await listUnmatchedGroups(
      viewer,
      filters({ q: `inbox-${tag}`, cursor: second.prevCursor!, dir: 'prev' }),
    );
    expect(back.items.map((g) => g.identifier)).toEqual(first.items.map((g) => g.identifier));

    const one = await listUnmatchedGroups(viewer, filters({ q: `${tag}-007` }));
    expect(one.items).toHaveLength(1);
    expect(one.items[0]).toMatchObject({ identifier: identifiers[7], events: 1, eventTypes: ['api_call'] });
    // `%` and `_` typed in the box match themselves.
    expect((await listUnmatchedGroups(viewer, filters({ q: `${tag}%` }))).items).toEqual([]);
    // A cursor that is junk reads the first page.
    const junk = await listUnmatchedGroups(viewer, filters({ q: `inbox-${tag}`, cursor: 'not-a-cursor' }));
    expect(junk.items[0]?.identifier).toBe(identifiers.at(-1));
  });

  it('counts open groups (not ignored ones), and mutes and brings back a group with an audit entry each', async () => {
    const identifier = `mute-${unique()}`;
    await holdUnmatched(identifier, [{ eventType: 'api_call' }]);
    const before = await countOpenGroups(viewer);
    expect(before.value).toBeGreaterThanOrEqual(1);

    await expect(setUnmatchedGroupIgnored(viewer, identifier, true)).rejects.toThrow(ForbiddenError);
    const ignored = await setUnmatchedGroupIgnored(editor, identifier, true);
    expect(ignored.ok && ignored.data.ignoredAt).toBeTruthy();
    expect((await countOpenGroups(viewer)).value).toBe(before.value - 1);
    expect((await listUnmatchedGroups(viewer, filters({ q: identifier }))).items).toEqual([]);
    const listed = await listUnmatchedGroups(viewer, filters({ q: identifier, status: 'ignored' }));
    expect(listed.items.map((g) => g.identifier)).toEqual([identifier]);
    // A second click changes nothing and writes no entry.
    expect((await setUnmatchedGroupIgnored(editor, identifier, true)).ok).toBe(true);

    expect(await setUnmatchedGroupIgnored(editor, identifier, false)).toEqual({
      ok: true,
      data: { identifier, ignoredAt: null },
    });
    expect((await listUnmatchedGroups(viewer, filters({ q: identifier }))).items).toHaveLength(1);
    const audit = await auditOf('unmatched_usage', identifier);
    expect(audit.map((a) => [a.action, a.changes]).sort()).toEqual([
      ['unmatched_usage.ignore', [{ field: 'ignored', old: false, new: true }]],
      ['unmatched_usage.unignore', [{ field: 'ignored', old: true, new: false }]],
    ]);
    expect(await setUnmatchedGroupIgnored(editor, `gone-${unique()}`, true)).toMatchObject({ ok: false });
  });

  it('suggests the customer whose ID or alias differs only in case, spaces, - _ or .', async () => {
    const tag = unique();
    const id = await newCustomer(`acme_corp_${tag}`, `Acme.Prod.${tag}`);
    expect(suggestionKey(`ACME Corp-${tag}`)).toBe(`acmecorp${tag}`);
    await holdUnmatched(`ACME Corp-${tag}`, [{ eventType: 'api_call' }]);
    await holdUnmatched(`acme-prod-${tag}`, [{ eventType: 'api_call' }]);
    await holdUnmatched(`acme-${tag}-nobody`, [{ eventType: 'api_call' }]);
    const page = await listUnmatchedGroups(viewer, filters({ q: tag }));
    const byIdentifier = new Map(page.items.map((g) => [g.identifier, g.suggestion]));
    expect(byIdentifier.get(`ACME Corp-${tag}`)).toEqual({
      customerId: id,
      customerName: `acme_corp_${tag}`,
      displayName: `acme_corp_${tag}`,
      archived: false,
      via: 'id',
      value: `acme_corp_${tag}`,
    });
    expect(byIdentifier.get(`acme-prod-${tag}`)).toMatchObject({
      customerId: id,
      via: 'alias',
      value: `Acme.Prod.${tag}`,
    });
    expect(byIdentifier.get(`acme-${tag}-nobody`)).toBeNull();
  });

  it('adds the identifier as an alias and routes its held events (duplicates matched, not counted) to the customer', async () => {
    const tag = unique();
    const customerId = await newCustomer(`route_${tag}`, `route-${tag}-prod`);
    const identifier = `route-${tag}-staging`;
    await holdUnmatched(identifier, [
      { eventType: 'api_call', occurredAt: twoDaysAgo(23.5) },
      { eventType: 'api_call', occurredAt: twoDaysAgo(1) },
      { eventType: 'api_call', occurredAt: twoDaysAgo(2), duplicate: true },
      { eventType: 'storage', occurredAt: twoDaysAgo(24.001) },
    ]);
    const before = await getCustomer(editor, customerId);

    await expect(addUnmatchedAsAlias(viewer, identifier, customerId)).rejects.toThrow(ForbiddenError);
    const result = await addUnmatchedAsAlias(editor, identifier, customerId);
    expect(result).toEqual({
      ok: true,
      data: { customerId, customerName: `route_${tag}`, aliasAdded: true, movedEvents: 4, countedEvents: 3 },
    });

    const after = await getCustomer(editor, customerId);
    expect(after?.ingestAliases).toEqual([`route-${tag}-prod`, identifier]);
    expect(after?.version).toBe(before!.version + 1);
    const audit = await auditOf('customer', customerId);
    expect(audit.find((a) => a.action === 'customer.update')?.changes).toEqual([
      { field: 'ingestAliases', old: [], new: [identifier] },
    ]);

    const events = await eventsOf(identifier);
    expect(events).toHaveLength(4);
    for (const e of events) {
      expect(e).toMatchObject({
        matchedCustomerId: customerId,
        matchedBy: 'alias',
        matchedKey: identifier,
        unmatchedReason: null,
      });
    }
    expect(await dailyCounts(customerId)).toEqual([
      { day: dayOf(twoDaysAgo(0)), eventType: 'api_call', matchedBy: 'alias', matchedKey: identifier, events: 2 },
      { day: dayOf(twoDaysAgo(24)), eventType: 'storage', matchedBy: 'alias', matchedKey: identifier, events: 1 },
    ]);
    const db = await getDb();
    const [summary] = await db
      .select()
      .from(customerUsageSummary)
      .where(eq(customerUsageSummary.customerId, customerId));
    expect(summary?.lastReceivedAt).toEqual(
      new Date(Math.max(...events.filter((e) => !e.isDuplicate).map((e) => +e.receivedAt))),
    );
    expect(await groupOf(identifier)).toBeUndefined();

    // A second press finds the group gone and changes nothing.
    expect(await addUnmatchedAsAlias(editor, identifier, customerId)).toMatchObject({ ok: false });
    expect((await getCustomer(editor, customerId))?.version).toBe(after!.version);
  });

  it('adds to the counts a customer already has for that day and type', async () => {
    const tag = unique();
    const customerId = await newCustomer(`sum_${tag}`);
    const identifier = `sum-${tag}`;
    const db = await getDb();
    await db.insert(usageDailyCounts).values({
      customerId,
      day: dayOf(twoDaysAgo(0)),
      eventType: 'api_call',
      matchedBy: 'alias',
      matchedKey: identifier,
      events: 5,
      lastReceivedAt: twoDaysAgo(0),
    });
    await holdUnmatched(identifier, [{ eventType: 'api_call', occurredAt: twoDaysAgo(12) }]);
    expect((await addUnmatchedAsAlias(editor, identifier, customerId)).ok).toBe(true);
    const [row] = await db
      .select({ events: usageDailyCounts.events })
      .from(usageDailyCounts)
      .where(and(eq(usageDailyCounts.customerId, customerId), eq(usageDailyCounts.day, dayOf(twoDaysAgo(0)))));
    expect(row?.events).toBe(6);
  });

  it('refuses an alias another customer holds, naming it, and moves nothing', async () => {
    const tag = unique();
    const identifier = `taken-${tag}`;
    await holdUnmatched(identifier, [{ eventType: 'api_call' }]);
    // The alias was given to someone through the form after the events were held.
    await newCustomer(`owner_${tag}`, identifier);
    const customerId = await newCustomer(`other_${tag}`);
    const result = await addUnmatchedAsAlias(editor, identifier, customerId);
    expect(result).toEqual({
      ok: false,
      message: `Not added: “${identifier}” is already an ingest alias of customer owner_${tag}.`,
      fieldErrors: { customerId: [`Already used by customer owner_${tag}`] },
    });
    expect((await getCustomer(editor, customerId))?.ingestAliases).toEqual([]);
    expect((await eventsOf(identifier)).every((e) => e.matchedCustomerId === null)).toBe(true);
    expect(await dailyCounts(customerId)).toEqual([]);
    expect(await groupOf(identifier)).toBeDefined();
  });

  it('routes the held events to a customer that already holds the alias, without changing it', async () => {
    const tag = unique();
    const identifier = `held-${tag}`;
    await holdUnmatched(identifier, [{ eventType: 'api_call' }]);
    const customerId = await newCustomer(`holder_${tag}`, identifier);
    const version = (await getCustomer(editor, customerId))!.version;
    expect(await addUnmatchedAsAlias(editor, identifier, customerId)).toMatchObject({
      ok: true,
      data: { aliasAdded: false, movedEvents: 1, countedEvents: 1 },
    });
    expect((await getCustomer(editor, customerId))?.version).toBe(version);
  });

  it('refuses a customer that holds as many aliases as the form allows, and an unknown customer', async () => {
    const tag = unique();
    const identifier = `full-${tag}`;
    await holdUnmatched(identifier, [{ eventType: 'api_call' }]);
    const many = Array.from({ length: MAX_ALIASES }, (_, i) => `full-${tag}-${i}`);
    const customerId = await newCustomer(`full_${tag}`, ...many);
    expect(await addUnmatchedAsAlias(editor, identifier, customerId)).toEqual({
      ok: false,
      message: 'Not added: At most 2,000 ingest aliases.',
    });
    expect((await getCustomer(editor, customerId))?.ingestAliases).toHaveLength(MAX_ALIASES);
    expect(await addUnmatchedAsAlias(editor, identifier, '00000000-0000-4000-8000-000000000000')).toEqual({
      ok: false,
      message: 'This customer no longer exists.',
    });
    expect(await groupOf(identifier)).toBeDefined();
    expect((await eventsOf(identifier)).map((e) => e.matchedCustomerId)).toEqual([null]);
  });

  it.runIf(process.env.DATABASE_URL)(
    'routes every event exactly once while batches for the identifier are ingested at the same time',
    async () => {
      for (let round = 0; round < 3; round++) {
        const tag = unique();
        const identifier = `race-${tag}`;
        const customerId = await newCustomer(`race_${tag}`);
        await holdUnmatched(identifier, [{ eventType: 'api_call' }, { eventType: 'api_call', duplicate: true }]);
        const batch = () =>
          holdUnmatched(identifier, [{ eventType: 'api_call' }, { eventType: 'storage' }, { duplicate: true }]);
        const [added] = await Promise.all([
          addUnmatchedAsAlias(editor, identifier, customerId),
          ...Array.from({ length: 8 }, batch),
        ]);
        expect(added.ok).toBe(true);

        const events = await eventsOf(identifier);
        expect(events).toHaveLength(2 + 8 * 3);
        expect(events.filter((e) => e.matchedCustomerId !== customerId)).toEqual([]);
        expect(new Set(events.map((e) => `${e.matchedBy}:${e.matchedKey}`))).toEqual(new Set([`alias:${identifier}`]));
        const counted = events.filter((e) => !e.isDuplicate).length;
        expect(counted).toBe(1 + 8 * 2);
        const daily = await dailyCounts(customerId);
        expect(daily.reduce((sum, d) => sum + d.events, 0)).toBe(counted);
        expect(await groupOf(identifier)).toBeUndefined();
      }
    },
  );
});
