// npm run bench:usage-scale: the unmatched-usage inbox's first page and a customer's Usage section
// read at scale, on PostgreSQL, one user at a time (issue 13's targets: ≤ 50 ms p95 each with
// 10,000,000 stored events, 1,000,000 of them unmatched across 10,000 identifiers). On demand, not
// in CI: seeding 10 million events takes minutes.
//
// A scratch database, migrated by the app's db/index.ts; customers seeded as npm run bench seeds
// them; events by set-based SQL (generate_series), in chunks, with usage_events' secondary indexes
// built once at the end; the roll-ups (daily counts, last usage, inbox groups) aggregated from the
// events as ingest would have kept them. Then the data layer's own reads are timed, serially.
// usage_transactions is left empty: no read measured here touches it.
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { closeDatabase, getDatabase, type Database } from '../../db';
import { countOpenGroups, listUnmatchedGroups } from '../../lib/data/unmatched-usage';
import { getCustomerUsage, recentUsageEvents } from '../../lib/data/customer-usage';
import { inboxFilters } from '../../lib/validations/unmatched-usage';
import type { Actor } from '../../lib/auth/permissions';
import { createScratch } from './scratch';
import { seed } from './seed';
import { elapsedMs, latencyFigures } from './stats';

process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= '0';

const USAGE = `npm run bench:usage-scale -- [options]   (needs DATABASE_URL: a PostgreSQL server)

  --events 10000000        stored events in all
  --unmatched 1000000      of which unmatched
  --identifiers 10000      unmatched identifiers (inbox groups)
  --customers 10000        customers the matched events are spread over
  --iterations 200         serial runs of each read`;

const CHUNK = 1_000_000;
const VIEWER: Actor = { id: 'bench', email: 'bench@meterline.example', name: 'Bench', role: 'viewer' };
const log = (line: string) => console.log(`[usage-scale ${new Date().toISOString().slice(11, 19)}] ${line}`);

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Events g in [lo, hi]: the first `unmatched` are unmatched (identifier g % identifiers), the rest
 * matched, one in five to the heaviest customer (the page measured), the others spread evenly;
 * received over the last 30 days, newest last.
 */
function insertEvents(lo: number, hi: number, o: ScaleOptions) {
  return sql`
    insert into usage_events (id, received_at, transaction_id, sent_customer_id, event_type, occurred_at,
      properties, is_duplicate, matched_customer_id, matched_by, matched_key, unmatched_reason)
    select gen_random_uuid(), ts, 'tx-' || g, ident, (array['api_request', 'storage_gb', 'seat'])[1 + g % 3], ts,
      jsonb_build_object('region', 'eu', 'bytes', g % 4096), false, cust,
      case when cust is null then null else 'alias' end, case when cust is null then null else ident end,
      case when cust is null then 'no_customer' end
    from (
      select g, now() - make_interval(secs => (${o.events}::bigint - g) * (2592000.0 / ${o.events})) as ts,
        case when g <= ${o.unmatched} then 'nobody-' || (g % ${o.identifiers}) else a.alias end as ident,
        case when g <= ${o.unmatched} then null else a.customer_id end as cust
      from generate_series(${lo}::bigint, ${hi}::bigint) as g
      left join bench_usage_customers a
        on g > ${o.unmatched} and a.n = (case when g % 5 = 0 then 0 else g % ${o.customers} end)
    ) e`;
}

interface ScaleOptions {
  events: number;
  unmatched: number;
  identifiers: number;
  customers: number;
  iterations: number;
}

function parse(argv: string[]): ScaleOptions | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      events: { type: 'string', default: '10000000' },
      unmatched: { type: 'string', default: '1000000' },
      identifiers: { type: 'string', default: '10000' },
      customers: { type: 'string', default: '10000' },
      iterations: { type: 'string', default: '200' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return null;
  }
  const n = (name: string, v: string) => {
    const x = Number(v.replace(/_/g, ''));
    if (!Number.isInteger(x) || x <= 0) throw new Error(`--${name} must be a positive integer`);
    return x;
  };
  return {
    events: n('events', values.events),
    unmatched: n('unmatched', values.unmatched),
    identifiers: n('identifiers', values.identifiers),
    customers: n('customers', values.customers),
    iterations: n('iterations', values.iterations),
  };
}

async function time(label: string, iterations: number, read: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await read(); // warm
  const samples: number[] = [];
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) {
    const t = process.hrtime.bigint();
    await read();
    samples.push(elapsedMs(t));
  }
  const f = latencyFigures(samples, elapsedMs(started) / 1000);
  log(`${label}: p50 ${f.p50.toFixed(2)} ms, p95 ${f.p95.toFixed(2)} ms (${f.count} serial runs)`);
  return f;
}

async function main() {
  const o = parse(process.argv.slice(2));
  if (!o) return;
  const base = process.env.DATABASE_URL;
  if (!base)
    throw new Error('bench:usage-scale needs DATABASE_URL (a PostgreSQL server to make a scratch database on)');
  const scratch = createScratch('pg', base);
  process.once('SIGINT', () => {
    scratch.drop();
    process.exit(130);
  });
  try {
    delete process.env.DATABASE_URL;
    Object.assign(process.env, scratch.database);
    const { db } = await getDatabase();
    log(`seeding ${o.customers.toLocaleString('en-US')} customers`);
    await seed(db, o.customers, () => {});

    const indexes = await rows<{ name: string; definition: string }>(
      db,
      sql`select indexname as name, indexdef as definition from pg_indexes
          where tablename = 'usage_events' and indexname <> 'usage_events_pkey'`,
    );
    for (const index of indexes) await db.execute(sql`drop index ${sql.identifier(index.name)}`);
    // Customer n (0-based) and its first alias, for the events' join.
    await db.execute(sql`
      create table bench_usage_customers as
      select (row_number() over (order by c.id) - 1)::int as n, c.id as customer_id,
        (select alias from customer_ingest_aliases a where a.customer_id = c.id order by position limit 1) as alias
      from customers c`);
    await db.execute(sql`alter table bench_usage_customers add primary key (n)`);
    const loadStart = process.hrtime.bigint();
    for (let lo = 1; lo <= o.events; lo += CHUNK) {
      const hi = Math.min(o.events, lo + CHUNK - 1);
      await db.execute(insertEvents(lo, hi, o));
      log(`  ${hi.toLocaleString('en-US')} / ${o.events.toLocaleString('en-US')} events`);
    }
    for (const index of indexes) await db.execute(sql.raw(index.definition));
    await db.execute(sql`drop table bench_usage_customers`);
    await db.execute(sql`
      insert into usage_daily_counts (customer_id, day, event_type, matched_by, matched_key, events, last_received_at)
      select matched_customer_id, (occurred_at at time zone 'UTC')::date, event_type, matched_by, matched_key,
        count(*), max(received_at)
      from usage_events where matched_customer_id is not null group by 1, 2, 3, 4, 5`);
    await db.execute(sql`
      insert into customer_usage_summary (customer_id, last_received_at)
      select matched_customer_id, max(received_at) from usage_events
      where matched_customer_id is not null group by 1`);
    await db.execute(sql`
      insert into unmatched_usage_groups
        (identifier, events, first_received_at, last_received_at, event_types, sample_event, reason)
      select sent_customer_id, count(*), min(received_at), max(received_at),
        (array_agg(distinct event_type))[1:10],
        jsonb_build_object('customer_id', sent_customer_id, 'event_type', min(event_type)), 'no_customer'
      from usage_events where matched_customer_id is null group by 1`);
    for (const table of ['usage_events', 'usage_daily_counts', 'customer_usage_summary', 'unmatched_usage_groups']) {
      await db.execute(sql`vacuum analyze ${sql.identifier(table)}`);
    }
    log(`seeded in ${(elapsedMs(loadStart) / 1000).toFixed(0)} s`);

    const [heaviest] = await rows<{ id: string; events: number }>(
      db,
      sql`select customer_id as id, sum(events)::int as events from usage_daily_counts
          group by 1 order by 2 desc limit 1`,
    );
    const [counts] = await rows<{ events: number; unmatched: number; groups: number }>(
      db,
      sql`select (select count(*) from usage_events)::int as events,
        (select count(*) from usage_events where matched_customer_id is null)::int as unmatched,
        (select count(*) from unmatched_usage_groups)::int as groups`,
    );
    log(
      `stored: ${counts!.events.toLocaleString('en-US')} events, ${counts!.unmatched.toLocaleString('en-US')} ` +
        `unmatched in ${counts!.groups.toLocaleString('en-US')} groups; the measured customer holds ` +
        `${heaviest!.events.toLocaleString('en-US')} events`,
    );

    const firstPage = inboxFilters.parse({});
    const inbox = await time('inbox first page (listUnmatchedGroups + countOpenGroups)', o.iterations, () =>
      Promise.all([listUnmatchedGroups(VIEWER, firstPage), countOpenGroups(VIEWER)]),
    );
    const usage = await time('Usage section (getCustomerUsage + recentUsageEvents)', o.iterations, () =>
      Promise.all([getCustomerUsage(VIEWER, heaviest!.id), recentUsageEvents(VIEWER, heaviest!.id)]),
    );
    const verdict = (p95: number) => (p95 <= 50 ? 'PASS' : 'MISS');
    console.log(
      `\nusage at scale (${o.events.toLocaleString('en-US')} events, ${o.unmatched.toLocaleString('en-US')} unmatched, ` +
        `${o.identifiers.toLocaleString('en-US')} identifiers, PostgreSQL, one user):\n` +
        `  inbox first page   p50 ${inbox.p50.toFixed(2)} ms  p95 ${inbox.p95.toFixed(2)} ms  ≤ 50 ms: ${verdict(inbox.p95)}\n` +
        `  Usage section      p50 ${usage.p50.toFixed(2)} ms  p95 ${usage.p95.toFixed(2)} ms  ≤ 50 ms: ${verdict(usage.p95)}`,
    );
  } finally {
    await closeDatabase();
    scratch.drop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
