import { closeDatabase } from '../db';
import { deleteExpiredUsage } from '../lib/data/usage-retention';
import { env } from '../lib/env';

// npm run usage:cleanup: what the server does every hour, once, now: deletes the raw usage events
// older than USAGE_RETENTION_DAYS and the transaction IDs older than 34 days, in small batches.
// On the embedded database, run it while the portal is stopped (PGlite admits one process at a time).
async function main() {
  const deleted = await deleteExpiredUsage();
  await closeDatabase();
  console.log(
    `Deleted ${deleted.events} usage events older than ${env.USAGE_RETENTION_DAYS} days and ` +
      `${deleted.transactions} transaction IDs older than 34 days.`,
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
