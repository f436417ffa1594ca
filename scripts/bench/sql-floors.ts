// Floor (a): the same SQL the routes run, straight through the same driver (the pg Pool or the
// PGlite instance the app's db/index.ts opened), with no HTTP, Next or auth in between.
import type { Database } from '../../db';
import { insertCustomer } from '../../lib/data/customers-write';
import type { Actor } from '../../lib/auth/permissions';
import { customerInput } from '../../lib/validations/customer';
import { exactMatchQuery, listCustomersStatements, listQuery, type RawQuery } from './app-contract';
import { createBody, ingestV1Body } from './create-body';
import { elapsedMs, latencyFigures, type Figures } from './stats';

interface Client {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** The driver under Drizzle: a pg Pool or a PGlite instance, both with query(text, params). */
function rawClient(db: Database): Client {
  return (db as unknown as { $client: Client }).$client;
}

export interface SqlFloor {
  /** What it runs, for the report. */
  what: string;
  /** Serial runs: latency p50/p95 (and their rate, one at a time). */
  serial: Figures;
  /** Runs per second with `connections` running at once (the pool's size). */
  concurrentPerSecond: number;
  /** Rows the (first) query returned. */
  rows: number;
}

export interface SqlFloorInputs {
  deepCursor: string | null;
  searchTerm: string;
  alias: string;
}

export interface SqlFloorOptions {
  iterations: number;
  seconds: number;
  connections: number;
}

const BENCH_ACTOR: Actor = { id: 'bench', email: 'bench@meterline.example', name: 'Bench', role: 'editor' };

async function timeSerial(run: () => Promise<unknown>, o: SqlFloorOptions): Promise<Figures> {
  for (let i = 0; i < 10; i++) await run(); // warm the plan cache and the buffers
  const samples: number[] = [];
  const start = process.hrtime.bigint();
  const deadline = o.seconds * 1000;
  while (samples.length < o.iterations && elapsedMs(start) < deadline) {
    const t = process.hrtime.bigint();
    await run();
    samples.push(elapsedMs(t));
  }
  return latencyFigures(samples, elapsedMs(start) / 1000);
}

async function timeConcurrent(run: () => Promise<unknown>, o: SqlFloorOptions): Promise<number> {
  let done = 0;
  const start = process.hrtime.bigint();
  const deadline = Math.min(o.seconds, 3) * 1000;
  await Promise.all(
    Array.from({ length: o.connections }, async () => {
      while (elapsedMs(start) < deadline) {
        await run();
        done++;
      }
    }),
  );
  return done / (elapsedMs(start) / 1000);
}

/** Runs the statements together, as listCustomers does (a search's page and exact matches). */
async function floor(what: string, queries: RawQuery[], client: Client, o: SqlFloorOptions): Promise<SqlFloor> {
  const run = async () => {
    const results = await Promise.all(queries.map((q) => client.query(q.sql, q.params)));
    return results[0]?.rows.length ?? 0;
  };
  const rows = await run();
  return { what, serial: await timeSerial(run, o), concurrentPerSecond: await timeConcurrent(run, o), rows };
}

export type SqlFloorKey = 'list' | 'deep' | 'search' | 'alias' | 'searchQuery' | 'aliasLookup' | 'create' | 'ingest';

/**
 * Ingest's floor: a batch's rows written as raw SQL, one statement (so one transaction) per batch:
 * its transaction IDs claimed and its 100 events inserted, as ingest does, without the routing
 * lookups, the roll-ups or any HTTP.
 */
const INGEST_FLOOR_SQL = `
  with batch as (
    select * from jsonb_to_recordset($1::jsonb)
      as e(transaction_id text, customer_id text, event_type text, "timestamp" timestamptz, properties jsonb)
  ), claimed as (
    insert into usage_transactions (transaction_id, received_at)
    select transaction_id, now() from batch
    on conflict (transaction_id) do nothing
    returning transaction_id
  )
  insert into usage_events (id, received_at, transaction_id, sent_customer_id, event_type, occurred_at, properties,
    is_duplicate)
  select gen_random_uuid(), now(), b.transaction_id, b.customer_id, b.event_type, b."timestamp", b.properties,
    c.transaction_id is null
  from batch b left join claimed c using (transaction_id)`;

/** Every floor of one run. The database is open (and the server stopped: PGlite has one owner). */
export async function measureSqlFloors(
  db: Database,
  inputs: SqlFloorInputs,
  o: SqlFloorOptions,
): Promise<Record<SqlFloorKey, SqlFloor>> {
  const client = rawClient(db);
  const deepParams: Record<string, string> = inputs.deepCursor ? { cursor: inputs.deepCursor } : {};
  const reads = {
    list: await floor('listCustomers: page', await listCustomersStatements({}), client, o),
    deep: await floor('listCustomers: page at the deep cursor', await listCustomersStatements(deepParams), client, o),
    search: await floor(
      'listCustomers: page + exact matches',
      await listCustomersStatements({ q: inputs.searchTerm }),
      client,
      o,
    ),
    alias: await floor(
      'listCustomers: page + exact matches',
      await listCustomersStatements({ q: inputs.alias }),
      client,
      o,
    ),
    searchQuery: await floor('search page query alone', [await listQuery({ q: inputs.searchTerm })], client, o),
    aliasLookup: await floor('exact-match query alone', [await exactMatchQuery(inputs.alias)], client, o),
  };

  // The create floor calls the data layer itself (Drizzle, one transaction with its audit entry),
  // the same call POST /api/customers makes after parsing.
  let n = 0;
  const create = async () => {
    const parsed = customerInput.parse(createBody(`sqlfloor-${process.pid}`, n++));
    const result = await insertCustomer(BENCH_ACTOR, parsed);
    if (!result.ok) throw new Error(`insertCustomer refused: ${result.message}`);
  };
  // Last, so the reads above see only the seeded rows.
  const createFloor: SqlFloor = {
    what: 'insertCustomer() (Drizzle, transaction with audit)',
    serial: await timeSerial(create, o),
    concurrentPerSecond: await timeConcurrent(create, o),
    rows: 1,
  };

  let batch = 0;
  const ingest = () =>
    client.query(INGEST_FLOOR_SQL, [JSON.stringify(ingestV1Body(`sqlfloor-${process.pid}`, batch++, inputs.alias))]);
  const ingestFloor: SqlFloor = {
    what: '100 events as raw SQL (transaction IDs + events, one statement)',
    serial: await timeSerial(ingest, o),
    concurrentPerSecond: await timeConcurrent(ingest, o),
    rows: 100,
  };

  return { ...reads, create: createFloor, ingest: ingestFloor };
}
