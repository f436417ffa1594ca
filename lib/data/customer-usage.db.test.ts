import { customerValues, driver, unique, valueRows } from '@/test/data';
import { editor, viewer } from '@/test/actors';
import { describe, expect, it } from 'vitest';
import { usageWindow, USAGE_DAYS } from '@/lib/validations/customer-usage';
import { usageEventInput } from '@/lib/validations/v1/usage';
import { getCustomerUsage, recentUsageEvents } from './customer-usage';
import { insertCustomer } from './customers-write';
import { ingestUsage } from './usage-ingest';

const DAY_MS = 86_400_000;

async function newCustomer(aliases: string[], mappings: { label: string; valueRegex: string }[] = []) {
  const name = `usage_${unique()}`;
  const result = await insertCustomer(
    editor,
    customerValues({
      name,
      ingestAliases: valueRows(...aliases),
      measurementMappings: mappings.map((m) => ({ label: m.label, valueRegex: m.valueRegex })),
    }),
  );
  if (!result.ok) throw new Error(result.message);
  return result.data.id;
}

/** Events as POST /v1/ingest parses them. */
const events = (
  ...raw: { customer_id: string; event_type: string; daysAgo?: number; properties?: object; tx?: string }[]
) =>
  raw.map((e) =>
    usageEventInput.parse({
      transaction_id: e.tx ?? `tx-${unique()}-${unique()}`,
      customer_id: e.customer_id,
      event_type: e.event_type,
      timestamp: new Date(Date.now() - (e.daysAgo ?? 0) * DAY_MS).toISOString(),
      properties: e.properties ?? {},
    }),
  );

const dayOf = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);

describe(`a customer's usage on ${driver}`, () => {
  it('counts 30 zero-filled UTC days by event type, per alias, mapping and ID, and marks silent aliases', async () => {
    const region = `region_${unique()}`;
    const [busy, silent] = [`busy-${unique()}`, `silent-${unique()}`];
    const id = await newCustomer([busy, silent], [{ label: region, valueRegex: `eu-${region}` }]);
    const dup = `dup-${unique()}`;
    await ingestUsage(
      editor,
      events(
        { customer_id: id, event_type: 'api_call', tx: dup },
        { customer_id: id, event_type: 'api_call', daysAgo: 3 },
        { customer_id: busy, event_type: 'storage_gb', daysAgo: 3 },
        { customer_id: busy, event_type: 'storage_gb', daysAgo: 3 },
        { customer_id: `nobody-${unique()}`, event_type: 'x', properties: { [region]: `eu-${region}` } },
        { customer_id: busy, event_type: 'api_call', daysAgo: 33 },
      ),
    );
    // A duplicate is stored but never counted.
    await ingestUsage(editor, events({ customer_id: id, event_type: 'api_call', tx: dup }));

    const usage = await getCustomerUsage(viewer, id);
    expect(usage.days.map((d) => d.day)).toEqual(usageWindow(new Date()));
    expect(usage.days).toHaveLength(USAGE_DAYS);
    expect(usage.days.at(-1)).toEqual({ day: dayOf(0), byType: { api_call: 1, x: 1 }, total: 2 });
    expect(usage.days.find((d) => d.day === dayOf(3))).toEqual({
      day: dayOf(3),
      byType: { api_call: 1, storage_gb: 2 },
      total: 3,
    });
    expect(usage.days.filter((d) => d.total === 0)).toHaveLength(USAGE_DAYS - 2);
    expect(usage.total).toBe(5); // the event 33 days ago is outside the window
    expect(usage.eventTypes).toEqual(['api_call', 'storage_gb', 'x']);
    expect(usage.lastReceivedAt).not.toBeNull();

    const byRoute = Object.fromEntries(usage.routes.map((r) => [`${r.matchedBy}:${r.key}`, r]));
    expect(usage.routes.map((r) => `${r.matchedBy}:${r.key}`)).toEqual([
      'id:',
      `mapping:${region}`,
      `alias:${busy}`,
      `alias:${silent}`,
    ]);
    expect(byRoute['id:']).toMatchObject({ events: 2, current: true });
    expect(byRoute[`mapping:${region}`]).toMatchObject({ events: 1, current: true });
    expect(byRoute[`alias:${busy}`]).toMatchObject({ events: 2, current: true });
    expect(byRoute[`alias:${busy}`]!.lastReceivedAt).not.toBeNull();
    expect(byRoute[`alias:${silent}`]).toEqual({
      matchedBy: 'alias',
      key: silent,
      events: 0,
      lastReceivedAt: null,
      current: true,
    });
  });

  it('answers with an empty window for a customer that never received usage', async () => {
    const id = await newCustomer([`quiet-${unique()}`]);
    const usage = await getCustomerUsage(viewer, id);
    expect(usage.total).toBe(0);
    expect(usage.lastReceivedAt).toBeNull();
    expect(usage.days.every((d) => d.total === 0)).toBe(true);
    expect(usage.routes.map((r) => r.events)).toEqual([0, 0]);
    expect(await recentUsageEvents(viewer, id)).toEqual([]);
  });

  it('lists every one of 2,000 aliases in one read, the silent ones with no events', async () => {
    const prefix = `many-${unique()}`;
    const aliases = Array.from({ length: 2000 }, (_, i) => `${prefix}-${i}`);
    const id = await newCustomer(aliases);
    await ingestUsage(
      editor,
      events(
        { customer_id: aliases[0]!, event_type: 'a' },
        { customer_id: aliases[1999]!, event_type: 'a' },
        { customer_id: aliases[1999]!, event_type: 'b' },
      ),
    );
    const usage = await getCustomerUsage(viewer, id);
    const aliasRoutes = usage.routes.filter((r) => r.matchedBy === 'alias');
    expect(aliasRoutes.map((r) => r.key)).toEqual(aliases);
    expect(aliasRoutes.filter((r) => r.events > 0).map((r) => [r.key, r.events])).toEqual([
      [aliases[0], 1],
      [aliases[1999], 2],
    ]);
    expect(aliasRoutes.filter((r) => r.lastReceivedAt === null)).toHaveLength(1998);
  });

  it('lists the latest 100 raw events, newest first, duplicates flagged', async () => {
    const alias = `raw-${unique()}`;
    const id = await newCustomer([alias]);
    const older = events(...Array.from({ length: 5 }, () => ({ customer_id: alias, event_type: 'old' })));
    await ingestUsage(editor, older);
    const newer = events(
      ...Array.from({ length: 100 }, (_, i) => ({
        customer_id: i % 2 ? alias : id,
        event_type: 'new',
        properties: { n: i },
        tx: i === 99 ? older[0]!.transaction_id : undefined,
      })),
    );
    await ingestUsage(editor, newer);

    const recent = await recentUsageEvents(viewer, id);
    expect(recent).toHaveLength(100);
    expect(recent.every((e) => e.eventType === 'new')).toBe(true);
    const order = [...recent].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.id.localeCompare(a.id));
    expect(recent.map((e) => e.id)).toEqual(order.map((e) => e.id));
    const duplicate = recent.find((e) => e.transactionId === older[0]!.transaction_id);
    expect(duplicate).toMatchObject({ isDuplicate: true, properties: { n: 99 }, customerId: alias });
    expect(recent.find((e) => e.customerId === alias)).toMatchObject({ matchedBy: 'alias', matchedKey: alias });
    expect(recent.filter((e) => e.isDuplicate)).toHaveLength(1);

    // Once newer events arrive, they lead.
    await ingestUsage(editor, events({ customer_id: alias, event_type: 'newest' }));
    const [latest] = await recentUsageEvents(viewer, id);
    expect(latest).toMatchObject({ eventType: 'newest', matchedBy: 'alias' });
  });
});
