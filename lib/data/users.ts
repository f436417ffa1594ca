import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { accounts, sessions, users } from '@/db/schema';
import { failure, ok, type ActionResult } from '@/lib/action-result';
import { getAuth } from '@/lib/auth/auth';
import { assertCan, type Actor, type Role } from '@/lib/auth/permissions';
import type { UserInput, UserRow } from '@/lib/validations/user';
import { recordAudit } from './audit';
import { violatedUniqueConstraint, whenAvailable } from './db-errors';
import { pickColumns } from './columns';
import { inTransaction } from './transaction';

export type { UserRow } from '@/lib/validations/user';

/** Who made a change when no signed-in user did: the first-run setup or a shell script. */
export const SYSTEM_ACTOR: Actor = { id: 'system', email: 'system', name: 'System', role: 'admin' };

async function hashPassword(password: string): Promise<string> {
  const auth = await getAuth();
  return (await auth.$context).password.hash(password);
}

const SETUP_DONE = 'Setup is already done: sign in instead.';

/** How many users there are (the sign-in and setup pages' first question: a database outage shows here). */
export async function countUsers(): Promise<number> {
  return whenAvailable(async () => {
    const db = await getDb();
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
    return row?.n ?? 0;
  });
}

/**
 * Adds a user with an email + password account, and its audit entry, in one transaction.
 * `firstRunOnly`: refuse unless there is no user yet (the setup page); the table lock makes two
 * concurrent setups end with one admin.
 */
export async function insertUser(
  actor: Actor,
  input: UserInput,
  { firstRunOnly = false }: { firstRunOnly?: boolean } = {},
): Promise<ActionResult<{ id: string }>> {
  assertCan(actor, 'users:manage');
  // Cheap first: a setup call after setup costs one count, not a password hash (scrypt, ~0.8 s).
  if (firstRunOnly && (await countUsers()) > 0) return failure(SETUP_DONE);
  const passwordHash = await hashPassword(input.password); // slow (scrypt): outside the transaction
  const db = await getDb();
  try {
    const result = await inTransaction(db, async (tx) => {
      if (firstRunOnly) {
        await tx.execute(sql`lock table ${users} in exclusive mode`);
        const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(users);
        if ((existing?.n ?? 0) > 0) return null;
      }
      const id = randomUUID();
      await tx
        .insert(users)
        .values({ id, email: input.email, name: input.name, role: input.role, emailVerified: true });
      await tx
        .insert(accounts)
        .values({ id: randomUUID(), accountId: id, providerId: 'credential', userId: id, password: passwordHash });
      await recordAudit(tx, actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        entityLabel: input.email,
        changes: [
          { field: 'email', old: null, new: input.email },
          { field: 'role', old: null, new: input.role },
        ],
      });
      return id;
    });
    if (result === null) return failure(SETUP_DONE);
    return ok({ id: result });
  } catch (err) {
    if (violatedUniqueConstraint(err) === 'users_email_key') {
      return failure('Not saved: this email already has an account.', {
        email: ['This email already has an account'],
      });
    }
    throw err;
  }
}

export async function listUsers(actor: Actor): Promise<UserRow[]> {
  assertCan(actor, 'users:manage');
  const db = await getDb();
  const rows = await db
    .select(pickColumns(users, ['id', 'email', 'name', 'role', 'active', 'createdAt', 'lastSignInAt']))
    .from(users)
    .orderBy(asc(users.email));
  return rows.map((r) => ({
    ...r,
    role: r.role as Role,
    createdAt: r.createdAt.toISOString(),
    lastSignInAt: r.lastSignInAt?.toISOString() ?? null,
  }));
}

/**
 * Changes a user's role or active flag. The active admins are locked first, so two admins
 * demoting each other at once cannot leave the portal with none.
 */
export async function updateUserAccess(
  actor: Actor,
  id: string,
  change: { role?: Role; active?: boolean },
): Promise<ActionResult<{ id: string }>> {
  assertCan(actor, 'users:manage');
  const db = await getDb();
  return inTransaction(db, async (tx) => {
    const admins = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.active, true)))
      .for('update');
    const [target] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!target) return failure('This user no longer exists.');
    const role = change.role ?? (target.role as Role);
    const active = change.active ?? target.active;
    const losesAdmin = target.role === 'admin' && target.active && (role !== 'admin' || !active);
    if (losesAdmin && admins.length <= 1) {
      return failure('This is the last active admin: make another user an admin first.');
    }
    if (role === target.role && active === target.active) return ok({ id });
    await tx.update(users).set({ role, active }).where(eq(users.id, id));
    if (!active) await tx.delete(sessions).where(eq(sessions.userId, id)); // signed out everywhere, now
    await recordAudit(tx, actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      entityLabel: target.email,
      changes: [
        ...(role !== target.role ? [{ field: 'role', old: target.role, new: role }] : []),
        ...(active !== target.active ? [{ field: 'active', old: target.active, new: active }] : []),
      ],
    });
    return ok({ id });
  });
}

/**
 * Gives a user a new password (an admin's doing, for someone locked out) and ends every session
 * they have, in one transaction with its audit entry. The password is never written to the audit.
 */
export async function setUserPassword(
  actor: Actor,
  id: string,
  password: string,
): Promise<ActionResult<{ id: string; sessionsEnded: number }>> {
  assertCan(actor, 'users:manage');
  const passwordHash = await hashPassword(password); // slow (scrypt): outside the transaction
  const db = await getDb();
  return inTransaction(db, async (tx) => {
    const [target] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!target) return failure('This user no longer exists.');
    const updated = await tx
      .update(accounts)
      .set({ password: passwordHash })
      .where(and(eq(accounts.userId, id), eq(accounts.providerId, 'credential')))
      .returning({ id: accounts.id });
    if (updated.length === 0) {
      await tx
        .insert(accounts)
        .values({ id: randomUUID(), accountId: id, providerId: 'credential', userId: id, password: passwordHash });
    }
    const ended = await tx.delete(sessions).where(eq(sessions.userId, id)).returning({ id: sessions.id });
    await recordAudit(tx, actor, {
      action: 'user.password',
      entityType: 'user',
      entityId: id,
      entityLabel: target.email,
      changes: [{ field: 'sessions', old: ended.length, new: 0 }],
    });
    return ok({ id, sessionsEnded: ended.length });
  });
}
