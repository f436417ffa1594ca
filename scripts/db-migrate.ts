import { closeDatabase, getDatabase } from '../db';

// Opening the database applies every pending migration.
async function main() {
  const { driver } = await getDatabase();
  console.log(`Migrations applied (${driver}).`);
  await closeDatabase();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
