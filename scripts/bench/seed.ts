// Fills a scratch database with realistic customers, fast: every row is made by set-based SQL
// (generate_series and INSERT … SELECT), in chunks, with the secondary indexes built once at the
// end. The data is deterministic (a hash of the row number), so PostgreSQL and PGlite get the
// same customers.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db';
import { customerSearchText } from './app-contract';
import { elapsedMs } from './stats';

const CHUNK = 50_000;
const TABLES = ['customers', 'customer_ingest_aliases', 'customer_billing_providers'];

const list = (values: string[]) => sql.raw(`array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`);

// 40 × 50 = 2,000 brands: at 1,000,000 customers each brand names about 500 of them.
// prettier-ignore
const BRAND_STARTS = [
  'Zen', 'Vor', 'Kal', 'Quin', 'Bri', 'Tor', 'Mar', 'Nex', 'Ori', 'Sol', 'Lum', 'Ver', 'Cal', 'Dra',
  'Fen', 'Gal', 'Hal', 'Iso', 'Jun', 'Kor', 'Lex', 'Myr', 'Nov', 'Oct', 'Pax', 'Rho', 'Syl', 'Tal',
  'Umb', 'Vel', 'Wex', 'Xan', 'Yar', 'Zor', 'Alt', 'Bel', 'Cor', 'Del', 'Eru', 'Fal',
];
// prettier-ignore
const BRAND_ENDS = [
  'trova', 'ex', 'ia', 'on', 'ix', 'ara', 'ity', 'ora', 'yn', 'is', 'ant', 'ell', 'era', 'ium', 'ova',
  'ux', 'ent', 'ica', 'os', 'ar', 'idge', 'wave', 'stone', 'field', 'works', 'grid', 'line', 'point',
  'scale', 'forge', 'mark', 'path', 'bit', 'loop', 'nest', 'peak', 'quest', 'rise', 'shift', 'sync',
  'tide', 'vista', 'ward', 'yield', 'zone', 'cast', 'core', 'dyne', 'flux', 'gate',
];
// prettier-ignore
const INDUSTRIES = [
  'Analytics', 'Logistics', 'Health', 'Robotics', 'Media', 'Energy', 'Payments', 'Foods', 'Labs',
  'Security', 'Cloud', 'Mobility', 'Retail', 'Travel', 'Games', 'Insurance', 'Telecom', 'Biotech',
];
const SUFFIXES = ['Inc.', 'LLC', 'GmbH', 'Ltd', 'S.A.', 'B.V.', 'AB', 'Oy', 'K.K.', 'Pty Ltd', 'SAS', 'Corp.'];
// prettier-ignore
const CITIES = [
  ['New York', 'US'], ['San Francisco', 'US'], ['Austin', 'US'], ['Toronto', 'CA'], ['London', 'GB'],
  ['Berlin', 'DE'], ['Munich', 'DE'], ['Paris', 'FR'], ['Amsterdam', 'NL'], ['Stockholm', 'SE'],
  ['Helsinki', 'FI'], ['Madrid', 'ES'], ['Tokyo', 'JP'], ['Singapore', 'SG'], ['Sydney', 'AU'],
  ['São Paulo', 'BR'], ['Bangalore', 'IN'], ['Dublin', 'IE'], ['Zürich', 'CH'], ['Tel Aviv', 'IL'],
];
const TAGS = [
  'enterprise',
  'self-serve',
  'trial',
  'eu',
  'us',
  'apac',
  'annual-commit',
  'partner',
  'strategic',
  'churn-risk',
];
const ALIAS_ENVS = ['prod', 'staging', 'eu-west-1', 'batch', 'analytics'];

/** A pseudo-random number in [0, 2^32) for row g and stream k: the same on every run and driver. */
const h = (k: number) => sql.raw(`(hashint4(g * 16 + ${k})::bigint + 2147483648)`);
/** 1-based pick from an array literal by stream k. */
const pick = (values: string[], k: number) =>
  sql`(${list(values)})[(1 + ${h(k)} % ${sql.raw(String(values.length))})::int]`;

const brandSql = sql`(${pick(BRAND_STARTS, 1)} || (${list(BRAND_ENDS)})[(1 + (${h(1)} / ${sql.raw(String(BRAND_STARTS.length))}) % ${sql.raw(String(BRAND_ENDS.length))})::int])`;
const slugSql = sql`lower(${brandSql})`;
/**
 * The customer's id, derived from its row number so aliases and providers can refer to it: a
 * version 4 UUID like gen_random_uuid() makes (the app's z.uuid() refuses other versions).
 */
const idSql = sql`overlay(overlay(md5('meterline-bench-' || g) placing '4' from 13) placing '8' from 17)::uuid`;
const THREE_YEARS_S = 3 * 365 * 24 * 3600;

/**
 * One chunk of customers: rows lo..hi of size. They arrive over three years in row order, as a
 * live portal's do (created_at is now() at insert), so the table's physical order follows
 * created_at, with a few milliseconds of jitter.
 */
function insertCustomers(lo: number, hi: number, size: number): SQL {
  const rows = sql`
    select
      ${idSql} as id,
      ${slugSql} || '_' || g as name,
      ${brandSql} || ' ' || ${pick(INDUSTRIES, 2)} || ' ' || ${pick(SUFFIXES, 3)} as display_name,
      case when ${h(4)} % 4 = 0 then 'Billed monthly on ' || lower(${pick(INDUSTRIES, 2)}) || ' usage.' end as description,
      case when ${h(5)} % 10 <> 0 then ${pick(['billing', 'ap', 'finance', 'ops', 'accounts'], 6)} || '@' || ${slugSql} || '-' || g || '.example' end as email,
      case when ${h(7)} % 3 = 0 then 'https://' || ${slugSql} || '-' || g || '.example' end as website,
      (${list(CITIES.map((c) => c[0]!))})[(1 + ${h(8)} % ${sql.raw(String(CITIES.length))})::int] as city,
      (${list(CITIES.map((c) => c[1]!))})[(1 + ${h(8)} % ${sql.raw(String(CITIES.length))})::int] as country,
      case when ${h(9)} % 10 < 7 then 'ext_' || lpad(to_hex((g::bigint * 2654435761) % 4294967296), 8, '0') end as external_id,
      case when ${h(10)} % 5 <> 0 then plans.names[(1 + ${h(10)} % cardinality(plans.names))::int] end as price_plan_name,
      array(select distinct t from unnest((array[${pick(TAGS, 11)}, ${pick(TAGS, 17)}])[1 : (${h(18)} % 3)::int]) t) as tags,
      created_at,
      created_at as updated_at,
      case when ${h(12)} % 20 = 0 then created_at + interval '30 days' end as archived_at
    from (
      select g, now() - (${size}::int - g) * (${THREE_YEARS_S}::float8 / ${size}::int) * interval '1 second'
        - (${h(19)} % 1000) * interval '1 millisecond' as created_at
      from generate_series(${lo}::int, ${hi}::int) g
    ) s, (select array_agg(name order by name) as names from price_plans) plans`;
  const columns = sql.raw(
    'id, name, display_name, description, email, website, city, country, external_id, price_plan_name, tags, created_at, updated_at, archived_at',
  );
  return sql`insert into customers (${columns}) select ${columns} from (${rows}) as s`;
}

/** 1 to 5 ingest aliases per customer, unique by the row number in them. */
function insertAliases(lo: number, hi: number): SQL {
  return sql`
    insert into customer_ingest_aliases (customer_id, position, alias)
    select ${idSql}, p, ${slugSql} || '-' || g || '-' || (${list(ALIAS_ENVS)})[p + 1]
    from generate_series(${lo}::int, ${hi}::int) g
    cross join lateral generate_series(0, (${h(14)} % 5)::int) p`;
}

/** search_text of rows lo..hi, by the app's own expression (it reads the aliases, so it runs after them). */
function fillSearchText(lo: number, hi: number): SQL {
  return sql`update customers set search_text = ${customerSearchText}
    where customers.id in (select ${idSql} from generate_series(${lo}::int, ${hi}::int) g)`;
}

/** A billing provider for about 3 customers in 10. */
function insertProviders(lo: number, hi: number): SQL {
  return sql`
    insert into customer_billing_providers (customer_id, position, billing_provider, delivery_method, configuration)
    select ${idSql}, 0, provider,
      case when provider = 'aws_marketplace' then 'aws_sqs' else 'direct_to_billing_provider' end,
      case provider
        when 'stripe' then jsonb_build_object('stripe_customer_id', 'cus_' || upper(to_hex(g::bigint * 7919)),
          'stripe_collection_method', case when g % 2 = 0 then 'charge_automatically' else 'send_invoice' end)
        when 'netsuite' then jsonb_build_object('netsuite_customer_id', 'NS-' || g)
        when 'aws_marketplace' then jsonb_build_object('aws_customer_id', 'aws-' || g, 'aws_product_code',
          'prod-meterline-usage', 'aws_region', 'us-east-1', 'aws_is_subscription_product', g % 2 = 0)
        when 'azure_marketplace' then jsonb_build_object('azure_subscription_id', ${idSql}::text)
        else jsonb_build_object('gcp_customer_id', 'gcp-' || g)
      end
    from (
      select g, ${pick(['stripe', 'stripe', 'stripe', 'netsuite', 'aws_marketplace', 'azure_marketplace', 'gcp_marketplace'], 15)} as provider
      from generate_series(${lo}::int, ${hi}::int) g
      where ${h(16)} % 10 < 3
    ) s`;
}

interface IndexDef {
  name: string;
  definition: string;
}

/** Secondary indexes of the seeded tables that no constraint owns: dropped for the load, rebuilt after. */
async function secondaryIndexes(db: Database): Promise<IndexDef[]> {
  const result = await db.execute(sql`
    select i.relname as name, pg_get_indexdef(i.oid) as definition
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_class t on t.oid = x.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public' and t.relname in (${sql.join(
      TABLES.map((name) => sql`${name}`),
      sql`, `,
    )})
      and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`);
  return (result as unknown as { rows: IndexDef[] }).rows;
}

export interface SeedResult {
  customers: number;
  aliases: number;
  billingProviders: number;
  /** Seconds spent inserting rows, rebuilding indexes, and vacuum/analyze. */
  loadSeconds: number;
  indexSeconds: number;
  vacuumSeconds: number;
  /** Rows of all three tables per second of load + index time. */
  rowsPerSecond: number;
}

async function count(db: Database, table: string): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
}

export async function seed(db: Database, size: number, log: (line: string) => void): Promise<SeedResult> {
  const indexes = await secondaryIndexes(db);
  const loadStart = process.hrtime.bigint();
  for (const index of indexes) await db.execute(sql`drop index ${sql.identifier(index.name)}`);
  for (let lo = 1; lo <= size; lo += CHUNK) {
    const hi = Math.min(size, lo + CHUNK - 1);
    await db.transaction(async (tx) => {
      await tx.execute(insertCustomers(lo, hi, size));
      await tx.execute(insertAliases(lo, hi));
      await tx.execute(fillSearchText(lo, hi));
      await tx.execute(insertProviders(lo, hi));
    });
    log(`  seeded ${hi.toLocaleString('en-US')} / ${size.toLocaleString('en-US')} customers`);
  }
  const loadSeconds = elapsedMs(loadStart) / 1000;
  const indexStart = process.hrtime.bigint();
  for (const index of indexes) await db.execute(sql.raw(index.definition));
  const indexSeconds = elapsedMs(indexStart) / 1000;
  const vacuumStart = process.hrtime.bigint();
  for (const table of [...TABLES, 'price_plans']) await db.execute(sql`vacuum analyze ${sql.identifier(table)}`);
  const vacuumSeconds = elapsedMs(vacuumStart) / 1000;
  const [customers, aliases, billingProviders] = await Promise.all(TABLES.map((t) => count(db, t)));
  const rows = customers! + aliases! + billingProviders!;
  return {
    customers: customers!,
    aliases: aliases!,
    billingProviders: billingProviders!,
    loadSeconds,
    indexSeconds,
    vacuumSeconds,
    rowsPerSecond: rows / (loadSeconds + indexSeconds),
  };
}

export interface Probes {
  /** A substring of one brand: what someone types to find a company (3+ characters). */
  searchTerm: string;
  /** An ingest alias that exists, for the exact lookup. */
  alias: string;
  /** A customer's id, for the retrieve scenarios. */
  customerId: string;
}

/** Picks the search term, the alias and the customer the scenarios use, from the seeded rows. */
export async function probes(db: Database, size: number): Promise<Probes> {
  const g = Math.max(1, Math.floor(size * 0.37));
  const result = await db.execute(sql`
    select lower(${brandSql}) as brand, ${idSql}::text as id,
      (select alias from customer_ingest_aliases where customer_id = ${idSql} order by position limit 1) as alias
    from (select ${g}::int as g) s`);
  const row = (result as unknown as { rows: { brand: string; alias: string; id: string }[] }).rows[0]!;
  return { searchTerm: row.brand.slice(1), alias: row.alias, customerId: row.id }; // not a prefix: a substring
}
