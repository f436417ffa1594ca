import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { instanceSecrets } from '@/db/schema';

/**
 * The secret named `name` that every instance on this database shares: the one stored, or, when
 * none is yet, `proposal` (the primary key settles which of two instances starting together wins).
 */
export async function sharedSecret(db: Database, name: string, proposal: string): Promise<string> {
  await db.insert(instanceSecrets).values({ name, value: proposal }).onConflictDoNothing();
  const [stored] = await db
    .select({ value: instanceSecrets.value })
    .from(instanceSecrets)
    .where(eq(instanceSecrets.name, name));
  return stored!.value;
}
