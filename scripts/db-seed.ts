import { closeDatabase, getDatabase } from '../db';
import { seedDemoCustomers } from '../db/seed';

async function main() {
  const { db, driver } = await getDatabase();
  const added = await seedDemoCustomers(db);
  console.log(
    added ? `Added ${added} demo customers (${driver}).` : `Customers already exist: no demo data added (${driver}).`,
  );
  await closeDatabase();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
