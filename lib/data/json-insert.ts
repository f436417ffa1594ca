import 'server-only';
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '@/db';
import { rowsOf } from './raw-rows';

/**
 * Inserts many rows as one JSON parameter (json_populate_recordset) rather than a parameter per
 * cell: a chunk of an import binds and plans in one go. The columns written are the keys of the
 * first row (every row must have the same keys); the others take their defaults. Values go as
 * JSON: arrays become arrays, objects json/jsonb. `returning` names the table's columns to answer.
 */
export async function insertJsonRows<T extends PgTable, R extends Record<string, unknown>>(
  tx: Database,
  table: T,
  rows: T['$inferInsert'][],
  returning?: SQL,
): Promise<R[]> {
  if (rows.length === 0) return [];
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = Object.keys(rows[0]!).filter((k) => k in columns);
  const names = sql.join(
    keys.map((k) => sql.identifier(columns[k]!.name)),
    sql`, `,
  );
  const json = JSON.stringify(
    rows.map((row) =>
      Object.fromEntries(keys.map((k) => [columns[k]!.name, (row as Record<string, unknown>)[k] ?? null])),
    ),
  );
  return rowsOf<R>(
    tx.execute(sql`insert into ${table} (${names})
      select ${names} from json_populate_recordset(null::${table}, ${json}::json)
      ${returning ? sql`returning ${returning}` : sql``}`),
  );
}
