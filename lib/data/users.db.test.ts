import { auditOf, driver, unique } from '@/test/data';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDatabase, getDb } from '@/db';
import { accounts, auditEntries, sessions, users } from '@/db/schema';
import { getAuth } from '@/lib/auth/auth';
import { ForbiddenError, type Role } from '@/lib/auth/permissions';
import { userInput, type UserFormValues } from '@/lib/validations/user';
import { editor, viewer } from '@/test/actors';
import { countUsers, insertUser, listUsers, setUserPassword, SYSTEM_ACTOR, updateUserAccess } from './users';

const email = (prefix = 'user') => `${prefix}-${unique()}@example.test`;
const PASSWORD = 'correct horse battery';
const LAST_ADMIN = 'This is the last active admin: make another user an admin first.';

function input(values: Partial<UserFormValues> = {}) {
  return userInput.parse({ name: 'Test User', email: email(), role: 'viewer', password: PASSWORD, ...values });
}

async function addUser(values: Partial<UserFormValues> = {}): Promise<string> {
  const result = await insertUser(SYSTEM_ACTOR, input(values));
  if (!result.ok) throw new Error(`could not add a user: ${result.message}`);
  return result.data.id;
}

async function userRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

const auditFor = (id: string) => auditOf('user', id);

async function auditLabelled(label: string) {
  const db = await getDb();
  return db.select().from(auditEntries).where(eq(auditEntries.entityLabel, label));
}

async function usersWithEmail(address: string) {
  const db = await getDb();
  return db.select({ id: users.id }).from(users).where(eq(users.email, address));
}

/**
 * Runs `check` while `keep` are the only active admins. The last-admin rule counts every active
 * admin in the database, and other tests (and files, on PostgreSQL) share it: the others are
 * made editors for the while, then admins again.
 */
async function withOnlyAdmins(keep: string[], check: () => Promise<void>) {
  const db = await getDb();
  const others = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), notInArray(users.id, keep)));
  const ids = others.map((o) => o.id);
  if (ids.length > 0) await db.update(users).set({ role: 'editor' }).where(inArray(users.id, ids));
  try {
    await check();
  } finally {
    if (ids.length > 0) await db.update(users).set({ role: 'admin' }).where(inArray(users.id, ids));
  }
}

describe(`user data layer on ${driver}`, () => {
  it('runs on the driver the environment names', async () => {
    expect((await getDatabase()).driver).toBe(process.env.DATABASE_URL ? 'pg' : 'pglite');
  });

  it('first-run setup: of two at once on an empty table, exactly one adds its admin', async ({ skip }) => {
    // Only meaningful before any user exists: the first test of a fresh database.
    if ((await countUsers()) > 0) skip();
    const emails = [email('first-a'), email('first-b')];
    const results = await Promise.all(
      emails.map((e) => insertUser(SYSTEM_ACTOR, input({ email: e, role: 'admin' }), { firstRunOnly: true })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, message: 'Setup is already done: sign in instead.' });
    expect(await countUsers()).toBe(1);
  });

  it('adds a user with a hashed password and one audit entry', async () => {
    const address = `New.Person-${unique()}@Example.TEST`;
    const result = await insertUser(
      SYSTEM_ACTOR,
      input({ email: `  ${address} `, name: ' Ada Lovelace ', role: 'editor' }),
    );
    expect(result).toEqual({ ok: true, data: { id: expect.any(String) } });
    if (!result.ok) return;
    const id = result.data.id;
    const lower = address.toLowerCase();

    const listed = (await listUsers(SYSTEM_ACTOR)).find((u) => u.id === id);
    expect(listed).toEqual({
      id,
      email: lower,
      name: 'Ada Lovelace',
      role: 'editor',
      active: true,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      lastSignInAt: null,
    });
    expect(Date.now() - Date.parse(listed!.createdAt)).toBeLessThan(60_000);

    const db = await getDb();
    const accountRows = await db.select().from(accounts).where(eq(accounts.userId, id));
    expect(accountRows).toHaveLength(1);
    const [account] = accountRows;
    expect(account).toMatchObject({ providerId: 'credential', accountId: id });
    expect(account!.password).toBeTruthy();
    expect(account!.password).not.toContain(PASSWORD);
    const hasher = (await (await getAuth()).$context).password;
    expect(await hasher.verify({ hash: account!.password!, password: PASSWORD })).toBe(true);
    expect(await hasher.verify({ hash: account!.password!, password: `${PASSWORD}!` })).toBe(false);

    const audit = await auditFor(id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'user.create',
      actorId: SYSTEM_ACTOR.id,
      actorEmail: SYSTEM_ACTOR.email,
      entityLabel: lower,
      changes: [
        { field: 'email', old: null, new: lower },
        { field: 'role', old: null, new: 'editor' },
      ],
    });
    expect(JSON.stringify(audit[0])).not.toContain(PASSWORD);
  });

  it('refuses a second account for an email, whatever its case, and audits nothing for it', async () => {
    const address = email('dup');
    const first = await addUser({ email: address });
    const again = await insertUser(SYSTEM_ACTOR, input({ email: address.toUpperCase(), name: 'Someone else' }));
    expect(again).toEqual({
      ok: false,
      message: 'Not saved: this email already has an account.',
      fieldErrors: { email: ['This email already has an account'] },
    });
    expect(await usersWithEmail(address)).toEqual([{ id: first }]);
    expect((await auditLabelled(address)).map((e) => e.entityId)).toEqual([first]);
    expect((await userRow(first))?.name).toBe('Test User');
  });

  it.each([
    ['viewer', viewer],
    ['editor', editor],
  ])('refuses a caller with the %s role: nothing is written', async (_, actor) => {
    const address = email('forbidden');
    await expect(insertUser(actor, input({ email: address, role: 'admin' }))).rejects.toThrow(ForbiddenError);
    expect(await usersWithEmail(address)).toEqual([]);
    expect(await auditLabelled(address)).toEqual([]);

    await expect(listUsers(actor)).rejects.toThrow(ForbiddenError);
    const target = await addUser();
    await expect(updateUserAccess(actor, target, { role: 'admin' })).rejects.toThrow(ForbiddenError);
    await expect(updateUserAccess(actor, target, { active: false })).rejects.toThrow(ForbiddenError);
    expect(await userRow(target)).toMatchObject({ role: 'viewer', active: true });
    expect(await auditFor(target)).toHaveLength(1); // its creation only
  });

  it('refuses the first-run setup once a user exists, writing nothing', async () => {
    await addUser();
    const address = email('late-setup');
    const result = await insertUser(SYSTEM_ACTOR, input({ email: address, role: 'admin' }), { firstRunOnly: true });
    expect(result).toEqual({ ok: false, message: 'Setup is already done: sign in instead.' });
    expect(await usersWithEmail(address)).toEqual([]);
    expect(await auditLabelled(address)).toEqual([]);
  });

  it('refuses the first-run setup once a user exists before hashing the password (scrypt, ~0.8 s)', async () => {
    await addUser();
    const hasher = (await (await getAuth()).$context).password;
    const hash = vi.spyOn(hasher, 'hash');
    try {
      const result = await insertUser(SYSTEM_ACTOR, input({ role: 'admin' }), { firstRunOnly: true });
      expect(result).toEqual({ ok: false, message: 'Setup is already done: sign in instead.' });
      expect(hash).not.toHaveBeenCalled();
    } finally {
      hash.mockRestore();
    }
  });

  it('changes a role and records old and new', async () => {
    const id = await addUser({ role: 'viewer' });
    expect(await updateUserAccess(SYSTEM_ACTOR, id, { role: 'editor' })).toEqual({ ok: true, data: { id } });
    expect(await userRow(id)).toMatchObject({ role: 'editor', active: true });
    const update = (await auditFor(id)).filter((e) => e.action === 'user.update');
    expect(update).toHaveLength(1);
    expect(update[0]?.changes).toEqual([{ field: 'role', old: 'viewer', new: 'editor' }]);

    // The same role again changes nothing and records nothing.
    expect(await updateUserAccess(SYSTEM_ACTOR, id, { role: 'editor' })).toEqual({ ok: true, data: { id } });
    expect((await auditFor(id)).filter((e) => e.action === 'user.update')).toHaveLength(1);
  });

  it('answers for a user that does not exist', async () => {
    expect(await updateUserAccess(SYSTEM_ACTOR, `missing-${unique()}`, { active: false })).toEqual({
      ok: false,
      message: 'This user no longer exists.',
    });
  });

  it('deactivating signs the user out everywhere; reactivating lets them back', async () => {
    const id = await addUser({ role: 'editor' });
    const bystander = await addUser();
    const db = await getDb();
    const session = (userId: string) => ({
      id: randomUUID(),
      token: randomUUID(),
      userId,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    await db.insert(sessions).values([session(id), session(id), session(bystander)]);

    expect(await updateUserAccess(SYSTEM_ACTOR, id, { active: false })).toEqual({ ok: true, data: { id } });
    expect(await userRow(id)).toMatchObject({ role: 'editor', active: false });
    expect(await db.select().from(sessions).where(eq(sessions.userId, id))).toEqual([]);
    expect(await db.select().from(sessions).where(eq(sessions.userId, bystander))).toHaveLength(1);
    expect((await listUsers(SYSTEM_ACTOR)).find((u) => u.id === id)?.active).toBe(false);

    expect(await updateUserAccess(SYSTEM_ACTOR, id, { active: true })).toEqual({ ok: true, data: { id } });
    expect(await userRow(id)).toMatchObject({ role: 'editor', active: true });
    const changes = (await auditFor(id)).filter((e) => e.action === 'user.update').map((e) => e.changes);
    expect(changes).toEqual(
      expect.arrayContaining([
        [{ field: 'active', old: true, new: false }],
        [{ field: 'active', old: false, new: true }],
      ]),
    );
    expect(changes).toHaveLength(2);
  });

  it('keeps the last active admin: no demotion, no deactivation', async () => {
    const last = await addUser({ role: 'admin' });
    const other = await addUser({ role: 'admin' });
    // A deactivated admin does not count.
    expect((await updateUserAccess(SYSTEM_ACTOR, other, { active: false })).ok).toBe(true);

    await withOnlyAdmins([last], async () => {
      for (const change of [{ role: 'editor' as Role }, { role: 'viewer' as Role }, { active: false }]) {
        expect(await updateUserAccess(SYSTEM_ACTOR, last, change)).toEqual({ ok: false, message: LAST_ADMIN });
      }
      expect(await updateUserAccess(SYSTEM_ACTOR, last, { role: 'editor', active: false })).toEqual({
        ok: false,
        message: LAST_ADMIN,
      });
      expect(await userRow(last)).toMatchObject({ role: 'admin', active: true });
      expect(await auditFor(last)).toHaveLength(1); // its creation only

      // Staying admin is fine, and so is changing someone else.
      expect(await updateUserAccess(SYSTEM_ACTOR, last, { role: 'admin', active: true })).toEqual({
        ok: true,
        data: { id: last },
      });
      const someone = await addUser();
      expect((await updateUserAccess(SYSTEM_ACTOR, someone, { active: false })).ok).toBe(true);

      // Once another admin is back, the first may step down.
      expect((await updateUserAccess(SYSTEM_ACTOR, other, { active: true })).ok).toBe(true);
      expect(await updateUserAccess(SYSTEM_ACTOR, last, { role: 'editor' })).toEqual({ ok: true, data: { id: last } });
      expect(await updateUserAccess(SYSTEM_ACTOR, other, { role: 'viewer' })).toEqual({
        ok: false,
        message: LAST_ADMIN,
      });
    });
  });

  it('of two concurrent demotions of the last two admins, exactly one succeeds', async () => {
    for (let round = 0; round < 3; round++) {
      const a = await addUser({ role: 'admin' });
      const b = await addUser({ role: 'admin' });
      await withOnlyAdmins([a, b], async () => {
        const results = await Promise.all([
          updateUserAccess(SYSTEM_ACTOR, a, { role: 'viewer' }),
          updateUserAccess(SYSTEM_ACTOR, b, { active: false }),
        ]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(results.find((r) => !r.ok)).toEqual({ ok: false, message: LAST_ADMIN });
        const rows = await Promise.all([userRow(a), userRow(b)]);
        expect(rows.filter((r) => r?.role === 'admin' && r.active)).toHaveLength(1);
        const updates = (await Promise.all([auditFor(a), auditFor(b)]))
          .flat()
          .filter((e) => e.action === 'user.update');
        expect(updates).toHaveLength(1);
      });
    }
  });
});

describe(`last sign-in and setting a password on ${driver}`, () => {
  const newSession = (userId: string) => ({
    id: randomUUID(),
    token: randomUUID(),
    userId,
    expiresAt: new Date(Date.now() + 3_600_000),
  });

  it('signing in records when; it stays after the session ends', async () => {
    const address = email('signs-in');
    const id = await addUser({ email: address });
    const auth = await getAuth();
    const before = Date.now();
    const signedIn = await auth.api.signInEmail({ body: { email: address, password: PASSWORD } });
    expect(signedIn.token).toBeTruthy();
    const listed = (await listUsers(SYSTEM_ACTOR)).find((u) => u.id === id);
    expect(Date.parse(listed!.lastSignInAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(listed!.lastSignInAt!)).toBeLessThanOrEqual(Date.now());

    const db = await getDb();
    await db.delete(sessions).where(eq(sessions.userId, id)); // signed out
    expect((await listUsers(SYSTEM_ACTOR)).find((u) => u.id === id)?.lastSignInAt).toBe(listed!.lastSignInAt);
  });

  it('sets a new password: the old one fails, the new one works, every session of theirs ends', async () => {
    const address = email('new-password');
    const id = await addUser({ email: address });
    const bystander = await addUser();
    const db = await getDb();
    await db.insert(sessions).values([newSession(id), newSession(id), newSession(bystander)]);

    const NEW = 'a brand new password';
    expect(await setUserPassword(SYSTEM_ACTOR, id, NEW)).toEqual({ ok: true, data: { id, sessionsEnded: 2 } });
    expect(await db.select().from(sessions).where(eq(sessions.userId, id))).toEqual([]);
    expect(await db.select().from(sessions).where(eq(sessions.userId, bystander))).toHaveLength(1);

    const auth = await getAuth();
    await expect(auth.api.signInEmail({ body: { email: address, password: PASSWORD } })).rejects.toThrow();
    expect((await auth.api.signInEmail({ body: { email: address, password: NEW } })).token).toBeTruthy();

    const entries = (await auditFor(id)).filter((e) => e.action === 'user.password');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: SYSTEM_ACTOR.id,
      entityLabel: address,
      changes: [{ field: 'sessions', old: 2, new: 0 }],
    });
    expect(JSON.stringify(entries[0])).not.toContain(NEW);
    expect(await userRow(id)).toMatchObject({ role: 'viewer', active: true });
  });

  it('answers for a user that does not exist, writing nothing', async () => {
    const missing = `missing-${unique()}`;
    expect(await setUserPassword(SYSTEM_ACTOR, missing, 'long enough password')).toEqual({
      ok: false,
      message: 'This user no longer exists.',
    });
    expect(await auditFor(missing)).toEqual([]);
  });

  it.each([
    ['viewer', viewer],
    ['editor', editor],
  ])('refuses a %s: the password stays, sessions stay, nothing is audited', async (_, actor) => {
    const address = email('not-theirs');
    const id = await addUser({ email: address });
    const db = await getDb();
    await db.insert(sessions).values(newSession(id));
    await expect(setUserPassword(actor, id, 'taken over password')).rejects.toThrow(ForbiddenError);
    expect(await db.select().from(sessions).where(eq(sessions.userId, id))).toHaveLength(1);
    const [account] = await db.select().from(accounts).where(eq(accounts.userId, id));
    const hasher = (await (await getAuth()).$context).password;
    expect(await hasher.verify({ hash: account!.password!, password: PASSWORD })).toBe(true);
    expect((await auditFor(id)).map((e) => e.action)).toEqual(['user.create']);
  });
});
