import type { PGlite } from '@electric-sql/pglite';
import { pgliteDataDir } from '../db';
import { env } from '../lib/env';
import { withPgliteFolder } from './pglite-folder';

// npm run db:copy-to-postgres -- postgres://…: moves the embedded database to PostgreSQL. Copies
// every table of the PGlite folder (PGLITE_DIR, default .data/pglite) into an empty PostgreSQL
// database in one transaction, after applying the migrations there. Stop the portal first.

const BATCH = 1_000;

async function main() {
  const target = process.argv[2];
  if (!target || !/^postgres(ql)?:\/\//.test(target))
    throw new Error('Usage: npm run db:copy-to-postgres -- postgres://…');
  if (env.DATABASE_URL)
    throw new Error('Unset DATABASE_URL: this reads the PGlite folder and writes to the address given.');
  process.env.DATABASE_URL = target;
  const { openDatabase } = await import('../db');
  const folder = pgliteDataDir();
  await withPgliteFolder(folder, async (open) => {
    const source = await open();
    const { Client } = await import('pg');
    const postgres = new Client({ connectionString: target });
    await (await openDatabase()).close(); // applies the migrations to the target
    await postgres.connect();
    try {
      const tables = await tablesInCopyOrder(source);
      await postgres.query('begin');
      for (const table of tables) {
        const held = await postgres.query(`select exists (select from ${table}) as held`);
        if (held.rows[0].held && table !== 'price_plans' && table !== 'drizzle.__drizzle_migrations') {
          throw new Error(`The PostgreSQL database already holds ${table}: copy into an empty database.`);
        }
      }
      for (const table of tables) {
        await postgres.query(`delete from ${table}`); // the rows migrations made (the seeded price plans)
        let copied = 0;
        for (;;) {
          const { rows } = await source.query<{ batch: string | null }>(
            `select json_agg(t)::text as batch from (select * from ${table} order by ctid limit ${BATCH} offset ${copied}) t`,
          );
          const batch = rows[0]?.batch;
          if (!batch) break;
          const inserted = await postgres.query(
            `insert into ${table} select * from json_populate_recordset(null::${table}, $1::json)`,
            [batch],
          );
          copied += inserted.rowCount ?? 0;
        }
        console.log(`${table}: ${copied} rows`);
      }
      await postgres.query('commit');
    } catch (err) {
      await postgres.query('rollback').catch(() => {});
      throw err;
    } finally {
      await postgres.end();
      await source.close();
    }
  });
  console.log(`Copied the PGlite folder ${folder} to PostgreSQL. Start the portal with DATABASE_URL set to it.`);
}

/** The public tables, each after the tables its foreign keys point at. */
async function tablesInCopyOrder(source: PGlite): Promise<string[]> {
  const { rows: tables } = await source.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const { rows: edges } = await source.query<{ child: string; parent: string }>(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
       from pg_constraint c where c.contype = 'f' and c.conrelid <> c.confrelid`,
  );
  const ordered: string[] = [];
  const visit = (name: string, path: string[] = []) => {
    if (ordered.includes(name) || path.includes(name)) return;
    for (const e of edges.filter((e) => e.child === name)) visit(e.parent, [...path, name]);
    ordered.push(name);
  };
  for (const { name } of tables) visit(name);
  return ordered;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
