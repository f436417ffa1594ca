import { parseArgs } from 'node:util';
import { closeDatabase } from '../db';
import { insertUser, SYSTEM_ACTOR } from '../lib/data/users';
import { userInput } from '../lib/validations/user';

// npm run user:create -- --email ops@example.com --role editor [--name "Ops"] [--password …]
// Without --password, the password is read from the USER_PASSWORD environment variable.
async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      role: { type: 'string', default: 'viewer' },
      name: { type: 'string' },
      password: { type: 'string' },
    },
  });
  const parsed = userInput.safeParse({
    email: values.email ?? '',
    role: values.role,
    name: values.name ?? values.email?.split('@')[0] ?? '',
    password: values.password ?? process.env.USER_PASSWORD ?? '',
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join('.') || 'input'}: ${issue.message}`);
    process.exitCode = 2;
    return;
  }
  const result = await insertUser(SYSTEM_ACTOR, parsed.data);
  if (!result.ok) {
    console.error(result.fieldErrors?.email?.[0] ?? result.message);
    process.exitCode = 1;
  } else {
    console.log(`Added ${parsed.data.role} ${parsed.data.email}.`);
  }
  await closeDatabase();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
