import { driver, unique } from '@/test/data';
import { count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditEntries, customers, pricePlans, users } from '@/db/schema';
import { ForbiddenError, type Actor, type Role } from '@/lib/auth/permissions';
import { customerInput, emptyCustomerForm } from '@/lib/validations/customer';
import { customerFilters } from '@/lib/validations/customer-filters';
import { admin, editor } from '@/test/actors';
import { customerHistory, listAuditEntries } from './audit';
import { getCustomerUsage, recentUsageEvents } from './customer-usage';
import { aliasOwner, getCustomer, listCustomers } from './customers';
import { insertCustomer, setCustomerArchived, updateCustomer } from './customers-write';
import { insertPricePlan, listPricePlans, setPricePlanArchived, updatePricePlan } from './price-plans';
import { insertUser, listUsers, setUserPassword, updateUserAccess } from './users';

const form = (name: string, extra = {}) => customerInput.parse({ ...emptyCustomerForm, name, ...extra });
const actorAs = (role: Role): Actor => ({ id: `matrix-${role}`, email: `${role}@matrix.test`, name: role, role });

async function tableCounts() {
  const db = await getDb();
  const [c] = await db.select({ n: count() }).from(customers);
  const [a] = await db.select({ n: count() }).from(auditEntries);
  const [p] = await db.select({ n: count() }).from(pricePlans);
  const [u] = await db.select({ n: count() }).from(users);
  return { customers: c?.n, audit: a?.n, plans: p?.n, users: u?.n };
}

/** A customer to act on, made by an admin. */
async function targetCustomer(): Promise<string> {
  const created = await insertCustomer(admin, form(`target_${unique()}`));
  if (!created.ok) throw new Error('setup failed');
  return created.data.id;
}

/** A viewer to act on, added by an admin. */
async function targetUser(): Promise<string> {
  const created = await insertUser(admin, {
    email: `t_${unique()}@matrix.test`,
    name: 'T',
    role: 'viewer',
    password: 'long-enough-pw',
  });
  if (!created.ok) throw new Error('setup failed');
  return created.data.id;
}

/** A price plan to act on, added by an admin; its key. */
async function targetPricePlan(): Promise<string> {
  const created = await insertPricePlan(admin, { name: `plan_${unique()}`, displayName: 'Plan', description: null });
  if (!created.ok) throw new Error('setup failed');
  return created.data.name;
}

describe(`authorization in the data layer on ${driver}`, () => {
  // Each operation, with the roles that may call it, what it acts on, and what it answers when it
  // works: an allowed call must do its work, not merely not throw (`{ ok: false }` does not throw).
  const operations: {
    name: string;
    allowed: Role[];
    target?: () => Promise<string>;
    run: (actor: Actor, target: string) => Promise<unknown>;
    succeeded: (result: unknown, target: string) => void;
  }[] = [
    {
      name: 'listCustomers',
      allowed: ['viewer', 'editor', 'admin'],
      run: (a) => listCustomers(a, customerFilters.parse({})),
      succeeded: (r) => expect(r).toMatchObject({ items: expect.any(Array) }),
    },
    {
      name: 'getCustomer',
      allowed: ['viewer', 'editor', 'admin'],
      run: (a, id) => getCustomer(a, id),
      succeeded: (r, id) => expect(r).toMatchObject({ id }),
    },
    {
      name: 'aliasOwner',
      allowed: ['viewer', 'editor', 'admin'],
      target: async () => {
        const name = `owner_${unique()}`;
        const created = await insertCustomer(admin, form(name, { ingestAliases: [{ value: `${name}-alias` }] }));
        if (!created.ok) throw new Error('setup failed');
        return created.data.id;
      },
      run: async (a, id) => aliasOwner(a, `${(await getCustomer(admin, id))!.name}-alias`),
      succeeded: (r, id) => expect(r).toMatchObject({ id }),
    },
    {
      name: 'getCustomerUsage',
      allowed: ['viewer', 'editor', 'admin'],
      run: (a, id) => getCustomerUsage(a, id),
      succeeded: (r) => expect(r).toMatchObject({ days: expect.any(Array), total: 0 }),
    },
    {
      name: 'recentUsageEvents',
      allowed: ['viewer', 'editor', 'admin'],
      run: (a, id) => recentUsageEvents(a, id),
      succeeded: (r) => expect(r).toEqual([]),
    },
    {
      name: 'customerHistory',
      allowed: ['viewer', 'editor', 'admin'],
      run: (a, id) => customerHistory(a, id),
      succeeded: (r) => expect(r).toEqual([expect.objectContaining({ action: 'customer.create' })]),
    },
    {
      name: 'listPricePlans',
      allowed: ['viewer', 'editor', 'admin'],
      run: (a) => listPricePlans(a),
      succeeded: (r) => expect(r).toEqual(expect.any(Array)),
    },
    {
      name: 'insertCustomer',
      allowed: ['editor', 'admin'],
      run: (a) => insertCustomer(a, form(`m_${unique()}`)),
      succeeded: (r) => expect(r).toMatchObject({ ok: true, data: { id: expect.any(String) } }),
    },
    {
      name: 'updateCustomer',
      allowed: ['editor', 'admin'],
      run: async (a, id) => updateCustomer(a, id, (await getCustomer(admin, id))!.version, form(`m_${unique()}`)),
      succeeded: (r, id) => expect(r).toEqual({ ok: true, data: { id, version: 2 } }),
    },
    {
      name: 'archive',
      allowed: ['editor', 'admin'],
      run: (a, id) => setCustomerArchived(a, id, true),
      succeeded: (r) => expect(r).toEqual({ archivedAt: expect.any(String), version: 2 }),
    },
    {
      name: 'unarchive',
      allowed: ['editor', 'admin'],
      target: async () => {
        const id = await targetCustomer();
        await setCustomerArchived(admin, id, true);
        return id;
      },
      run: (a, id) => setCustomerArchived(a, id, false),
      succeeded: (r) => expect(r).toEqual({ archivedAt: null, version: 3 }),
    },
    {
      name: 'insertPricePlan',
      allowed: ['editor', 'admin'],
      run: (a) => insertPricePlan(a, { name: `p_${unique()}`, displayName: 'Plan', description: null }),
      succeeded: (r) => expect(r).toMatchObject({ ok: true }),
    },
    {
      name: 'listUsers',
      allowed: ['admin'],
      target: targetUser,
      run: (a) => listUsers(a),
      succeeded: (r, id) => expect(r).toEqual(expect.arrayContaining([expect.objectContaining({ id })])),
    },
    {
      name: 'updatePricePlan',
      allowed: ['editor', 'admin'],
      target: targetPricePlan,
      run: (a, name) => updatePricePlan(a, name, 1, { displayName: 'Renamed', description: null }),
      succeeded: (r) => expect(r).toMatchObject({ ok: true }),
    },
    {
      name: 'setPricePlanArchived',
      allowed: ['editor', 'admin'],
      target: targetPricePlan,
      run: (a, name) => setPricePlanArchived(a, name, true),
      succeeded: (r) => expect(r).toMatchObject({ ok: true, data: { archivedAt: expect.any(String) } }),
    },
    {
      name: 'setUserPassword',
      allowed: ['admin'],
      target: targetUser,
      run: (a, id) => setUserPassword(a, id, 'another-long-enough-pw'),
      succeeded: (r, id) => expect(r).toMatchObject({ ok: true, data: { id } }),
    },
    {
      name: 'insertUser',
      allowed: ['admin'],
      run: (a) =>
        insertUser(a, { email: `u_${unique()}@matrix.test`, name: 'U', role: 'viewer', password: 'long-enough-pw' }),
      succeeded: (r) => expect(r).toMatchObject({ ok: true, data: { id: expect.any(String) } }),
    },
    {
      name: 'updateUserAccess',
      allowed: ['admin'],
      target: targetUser,
      run: (a, id) => updateUserAccess(a, id, { role: 'editor' }),
      succeeded: (r, id) => expect(r).toEqual({ ok: true, data: { id } }),
    },
    {
      name: 'listAuditEntries',
      allowed: ['admin'],
      run: (a) => listAuditEntries(a, {}),
      succeeded: (r) => expect(r).toMatchObject({ items: expect.arrayContaining([expect.anything()]) }),
    },
  ];

  for (const op of operations) {
    for (const role of ['viewer', 'editor', 'admin'] as Role[]) {
      const allowed = op.allowed.includes(role);
      it(`${op.name} × ${role}: ${allowed ? 'allowed, and done' : 'refused, nothing written'}`, async () => {
        const target = await (op.target ?? targetCustomer)();
        const before = await tableCounts();
        const call = op.run(actorAs(role), target);
        if (allowed) {
          op.succeeded(await call, target);
        } else {
          await expect(call).rejects.toBeInstanceOf(ForbiddenError);
          expect(await tableCounts()).toEqual(before);
        }
      });
    }
    it(`${op.name} × anonymous: refused, nothing written`, async () => {
      const target = await (op.target ?? targetCustomer)();
      const before = await tableCounts();
      await expect(op.run(null as unknown as Actor, target)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await tableCounts()).toEqual(before);
    });
  }
});

describe(`the audit trail on ${driver}`, () => {
  it('has exactly one entry per successful change, over random sequences (property-based)', async () => {
    const op = fc.record({
      kind: fc.constantFrom('create', 'createTaken', 'update', 'staleUpdate', 'archive', 'unarchive'),
      target: fc.nat(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const actor: Actor = { ...editor, id: `audit-${unique()}` };
        const ids: string[] = [];
        const names: string[] = [];
        let successes = 0;
        for (const { kind, target } of ops) {
          const id = ids.length ? ids[target % ids.length]! : null;
          if (kind === 'create' || kind === 'createTaken' || !id) {
            const name = kind === 'createTaken' && names.length ? names[target % names.length]! : `aud_${unique()}`;
            const r = await insertCustomer(actor, form(name));
            if (r.ok) {
              successes++;
              ids.push(r.data.id);
              names.push(name);
            }
            continue;
          }
          const current = (await getCustomer(actor, id))!;
          if (kind === 'update' || kind === 'staleUpdate') {
            const version = kind === 'staleUpdate' ? current.version - 1 : current.version;
            const r = await updateCustomer(actor, id, version, form(current.name, { displayName: `n ${unique()}` }));
            if (r?.ok) successes++;
          } else {
            const wasArchived = current.archivedAt !== null;
            await setCustomerArchived(actor, id, kind === 'archive');
            if (wasArchived !== (kind === 'archive')) successes++;
          }
        }
        const db = await getDb();
        const [row] = await db.select({ n: count() }).from(auditEntries).where(eq(auditEntries.actorId, actor.id));
        expect(row?.n).toBe(successes);
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});
