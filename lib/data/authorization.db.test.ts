import { randomUUID } from 'node:crypto';
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
import {
  aliasOwner,
  getCustomer,
  insertCustomer,
  listCustomers,
  setCustomerArchived,
  updateCustomer,
} from './customers';
import { insertPricePlan, listPricePlans, setPricePlanArchived, updatePricePlan } from './price-plans';
import { insertUser, listUsers, setUserPassword, updateUserAccess } from './users';

const driver = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const unique = () => randomUUID().slice(0, 8);
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

describe(`authorization in the data layer on ${driver}`, () => {
  // Each operation, with the roles that may call it.
  const operations: { name: string; allowed: Role[]; run: (actor: Actor, target: string) => Promise<unknown> }[] = [
    {
      name: 'listCustomers',
      allowed: ['viewer', 'editor', 'admin'],
      run: (a) => listCustomers(a, customerFilters.parse({})),
    },
    { name: 'getCustomer', allowed: ['viewer', 'editor', 'admin'], run: (a, id) => getCustomer(a, id) },
    { name: 'aliasOwner', allowed: ['viewer', 'editor', 'admin'], run: (a) => aliasOwner(a, 'x') },
    { name: 'customerHistory', allowed: ['viewer', 'editor', 'admin'], run: (a, id) => customerHistory(a, id) },
    { name: 'listPricePlans', allowed: ['viewer', 'editor', 'admin'], run: (a) => listPricePlans(a) },
    { name: 'insertCustomer', allowed: ['editor', 'admin'], run: (a) => insertCustomer(a, form(`m_${unique()}`)) },
    {
      name: 'updateCustomer',
      allowed: ['editor', 'admin'],
      run: async (a, id) => updateCustomer(a, id, (await getCustomer(admin, id))!.version, form(`m_${unique()}`)),
    },
    { name: 'archive', allowed: ['editor', 'admin'], run: (a, id) => setCustomerArchived(a, id, true) },
    { name: 'unarchive', allowed: ['editor', 'admin'], run: (a, id) => setCustomerArchived(a, id, false) },
    {
      name: 'insertPricePlan',
      allowed: ['editor', 'admin'],
      run: (a) => insertPricePlan(a, { name: `p_${unique()}`, displayName: 'Plan', description: null }),
    },
    {
      name: 'updatePricePlan',
      allowed: ['editor', 'admin'],
      run: (a) => updatePricePlan(a, 'no-such-plan', 1, { displayName: 'Plan', description: null }),
    },
    {
      name: 'setPricePlanArchived',
      allowed: ['editor', 'admin'],
      run: (a) => setPricePlanArchived(a, 'no-such-plan', true),
    },
    { name: 'listUsers', allowed: ['admin'], run: (a) => listUsers(a) },
    {
      name: 'setUserPassword',
      allowed: ['admin'],
      run: (a) => setUserPassword(a, 'no-such-user', 'long-enough-pw'),
    },
    {
      name: 'insertUser',
      allowed: ['admin'],
      run: (a) =>
        insertUser(a, { email: `u_${unique()}@matrix.test`, name: 'U', role: 'viewer', password: 'long-enough-pw' }),
    },
    {
      name: 'updateUserAccess',
      allowed: ['admin'],
      run: (a) => updateUserAccess(a, 'no-such-user', { role: 'viewer' }),
    },
    { name: 'listAuditEntries', allowed: ['admin'], run: (a) => listAuditEntries(a, {}) },
  ];

  for (const op of operations) {
    for (const role of ['viewer', 'editor', 'admin'] as Role[]) {
      const allowed = op.allowed.includes(role);
      it(`${op.name} × ${role}: ${allowed ? 'allowed' : 'refused, nothing written'}`, async () => {
        const created = await insertCustomer(admin, form(`target_${unique()}`));
        if (!created.ok) throw new Error('setup failed');
        const before = await tableCounts();
        const call = op.run(actorAs(role), created.data.id);
        if (allowed) {
          await expect(call).resolves.not.toThrow();
        } else {
          await expect(call).rejects.toBeInstanceOf(ForbiddenError);
          expect(await tableCounts()).toEqual(before);
        }
      });
    }
    it(`${op.name} × anonymous: refused, nothing written`, async () => {
      const created = await insertCustomer(admin, form(`target_${unique()}`));
      if (!created.ok) throw new Error('setup failed');
      const before = await tableCounts();
      await expect(op.run(null as unknown as Actor, created.data.id)).rejects.toBeInstanceOf(ForbiddenError);
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
