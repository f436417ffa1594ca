// A quick measure of the CSV import's rate, not yet part of `npm run bench`: N rows uploaded,
// checked and applied through the data layer, beside the same rows inserted by set-based SQL in
// the same run, and the heap's growth. Run on a scratch database:
//   DATABASE_URL=<scratch url> npx tsx --conditions=react-server scripts/bench/import-rate.ts 1000
import { sql } from 'drizzle-orm';
import { getDatabase, closeDatabase } from '../../db';
import { users } from '../../db/schema';
import type { Actor } from '../../lib/auth/permissions';
import { readCsv } from '../../lib/csv/read-csv';
import {
  checkCustomerImport,
  createCustomerImport,
  runCustomerImport,
  startCustomerImport,
} from '../../lib/data/customer-imports';

async function main() {
  const n = Number(process.argv[2] ?? 2000);
  const { db } = await getDatabase();
  const tag = Date.now().toString(36);
  const actor: Actor = { id: `bench-${tag}`, email: `bench-${tag}@example.com`, name: 'Bench', role: 'editor' };
  await db.insert(users).values({ id: actor.id, email: actor.email, name: 'Bench', role: 'editor' });
  const lines = ['ID,Name,Email,Tags,Ingest aliases'];
  for (let i = 0; i < n; i++) lines.push(`imp-${tag}-${i},Customer ${i},c${i}@example.com,gold|eu,alias-${tag}-${i}`);
  const heap0 = process.memoryUsage().heapUsed;
  let t = performance.now();
  const up = await createCustomerImport(actor, 'bench.csv', readCsv([Buffer.from(lines.join('\n'))]));
  if (!up.ok) throw new Error(up.message);
  const upload = performance.now() - t;
  t = performance.now();
  const checked = await checkCustomerImport(actor, {
    importId: up.data.id,
    mapping: up.data.mapping,
    mode: 'create',
    emptyClears: false,
  });
  if (!checked.ok) throw new Error(checked.message);
  const check = performance.now() - t;
  await startCustomerImport(actor, up.data.id, false);
  t = performance.now();
  await runCustomerImport(up.data.id);
  const apply = performance.now() - t;
  const heap = process.memoryUsage().heapUsed - heap0;
  t = performance.now();
  await db.execute(sql`insert into customers (name, display_name, email)
    select 'ref-' || ${tag} || '-' || g, 'Customer ' || g, 'c' || g || '@example.com' from generate_series(1, ${n}) g`);
  const setBased = performance.now() - t;
  const rate = (ms: number) => Math.round((n / ms) * 1000);
  console.log({
    n,
    uploadMs: Math.round(upload),
    checkRowsPerS: rate(check),
    applyRowsPerS: rate(apply),
    setBasedRowsPerS: rate(setBased),
    heapGrowthMB: Math.round(heap / 2 ** 20),
  });
  await closeDatabase();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
