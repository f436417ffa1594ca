import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { checkReadiness } from './readiness';
import { inTransaction } from './transaction';

class RollBack extends Error {}

describe('checkReadiness', () => {
  // The server opens (and migrates) its database before it listens; so do these tests.
  beforeAll(async () => {
    await getDb();
  });

  it('is ready on a database with every migration of this build', async () => {
    expect(await checkReadiness()).toEqual({ ready: true });
  });

  it("is not ready when the database lacks this build's newest migration", async () => {
    let seen: unknown;
    await inTransaction(await getDb(), async (tx) => {
      await tx.execute(
        sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
      );
      seen = await checkReadiness();
      throw new RollBack();
    }).catch((err) => {
      if (!(err instanceof RollBack)) throw err;
    });
    expect(seen).toEqual({ ready: false, reason: "The database's migrations are behind this build." });
    expect(await checkReadiness()).toEqual({ ready: true });
  });
});
