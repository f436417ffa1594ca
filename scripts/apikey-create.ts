import { parseArgs } from 'node:util';
import { closeDatabase } from '../db';
import { createApiKey } from '../lib/data/api-keys';
import { SYSTEM_ACTOR } from '../lib/data/users';
import { apiKeyInput } from '../lib/validations/api-key';

// npm run apikey:create -- --name NAME --role viewer|editor|admin
// Prints the new key alone on the last line of stdout (it is shown once: keep it safe). A bad
// option exits non-zero and creates nothing. On the embedded database, run it while the portal is
// stopped (PGlite admits one process at a time).
async function main() {
  let values: { name?: string; role?: string };
  try {
    ({ values } = parseArgs({ options: { name: { type: 'string' }, role: { type: 'string' } }, strict: true }));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    console.error('Usage: npm run apikey:create -- --name NAME --role viewer|editor|admin');
    process.exitCode = 2;
    return;
  }
  const parsed = apiKeyInput.safeParse({ name: values.name ?? '', role: values.role ?? '' });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`--${issue.path.join('.') || 'input'}: ${issue.message}`);
    process.exitCode = 2;
    return;
  }
  const result = await createApiKey(SYSTEM_ACTOR, parsed.data);
  await closeDatabase();
  if (!result.ok) {
    console.error(result.message);
    process.exitCode = 1;
    return;
  }
  console.error(
    `Created ${parsed.data.role} API key "${parsed.data.name}" (${result.data.prefix}…). It is not shown again.`,
  );
  console.log(result.data.key);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
