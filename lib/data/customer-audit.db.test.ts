import { AWS_PROVIDER, customerValues, driver, providerRows, STRIPE_PROVIDER, unique } from '@/test/data';
import { admin, editor } from '@/test/actors';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { customerInput, emptyCustomerForm, type CustomerFormValues } from '@/lib/validations/customer';
import { customerHistory, listAuditEntries } from './audit';
import { getCustomer } from './customers';
import { insertCustomer, setCustomerArchived, updateCustomer } from './customers-write';
import { auditFilters } from '@/lib/validations/audit';

function record(name: string): CustomerFormValues {
  return {
    ...emptyCustomerForm,
    name,
    displayName: 'Wayne Enterprises',
    country: 'GB',
    tags: ['gotham', 'enterprise'],
    customFields: [
      { key: 'tier', value: 'gold' },
      { key: 'account_manager', value: 'Lucius' },
    ],
    measurementMappings: [{ label: 'region', valueRegex: 'us-(east|west)-\\d' }],
    billingProviders: providerRows(AWS_PROVIDER, STRIPE_PROVIDER),
    ingestAliases: [{ value: `${name}-prod` }],
  };
}

/** The same object with its keys in the reverse order, at every depth. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    ) as T;
  }
  return value;
}

async function create(values: CustomerFormValues, actor: Actor = editor) {
  const result = await insertCustomer(actor, customerInput.parse(values));
  if (!result.ok) throw new Error(`create failed: ${JSON.stringify(result)}`);
  return result.data.id;
}

beforeAll(async () => {
  // Two people with names, as the Users page makes them.
  const db = await getDb();
  await db.delete(users).where(inArray(users.id, [editor.id, admin.id]));
  await db.insert(users).values([
    { id: editor.id, name: editor.name, email: editor.email, role: 'editor' },
    { id: admin.id, name: admin.name, email: admin.email, role: 'admin' },
  ]);
});

afterAll(async () => {
  const db = await getDb();
  await db.delete(users).where(inArray(users.id, [editor.id, admin.id]));
});

describe(`a customer's audit trail on ${driver}`, () => {
  it('writes nothing and keeps the version when a save changes nothing (AWS Marketplace, custom fields)', async () => {
    const name = `unchanged_${unique()}`;
    const values = record(name);
    const id = await create(values);
    const before = await getCustomer(editor, id);

    // The same record, with every object's keys in another order than the form's and the database's.
    const again = await updateCustomer(editor, id, 1, customerInput.parse(reversedKeys(values)));
    expect(again).toEqual({ ok: true, data: { id, version: 1, unchanged: true } });

    // And as the edit form sends it back: built from what the database returned.
    const stored = await getCustomer(editor, id);
    const asStored = await updateCustomer(editor, id, 1, customerInput.parse(values));
    expect(asStored).toEqual({ ok: true, data: { id, version: 1, unchanged: true } });

    expect(stored?.version).toBe(1);
    expect((await getCustomer(editor, id))?.updatedAt).toBe(before?.updatedAt);
    const history = await customerHistory(editor, id);
    expect(history.map((e) => e.action)).toEqual(['customer.create']);
  });

  it('records exactly the fields a real change touched, once', async () => {
    const name = `changed_${unique()}`;
    const values = record(name);
    const id = await create(values);
    const edited = reversedKeys(record(name));
    edited.displayName = 'Wayne Enterprises, Inc.';
    edited.customFields = [
      { key: 'account_manager', value: 'Lucius' },
      { key: 'tier', value: 'platinum' },
    ];
    const result = await updateCustomer(editor, id, 1, customerInput.parse(edited));
    expect(result).toEqual({ ok: true, data: { id, version: 2 } });

    const [latest] = await customerHistory(editor, id);
    expect(latest?.action).toBe('customer.update');
    expect(latest?.changes).toEqual([
      { field: 'displayName', old: 'Wayne Enterprises', new: 'Wayne Enterprises, Inc.' },
      {
        field: 'customFields',
        old: { tier: 'gold', account_manager: 'Lucius' },
        new: { account_manager: 'Lucius', tier: 'platinum' },
      },
    ]);

    // One provider's setting changed: that provider, once each way; the other is not mentioned.
    const regionMoved = record(name);
    regionMoved.displayName = 'Wayne Enterprises, Inc.';
    regionMoved.customFields = edited.customFields;
    regionMoved.billingProviders = providerRows(
      { ...AWS_PROVIDER, configuration: { ...AWS_PROVIDER.configuration, aws_region: 'us-east-1' } },
      STRIPE_PROVIDER,
    );
    expect(await updateCustomer(editor, id, 2, customerInput.parse(regionMoved))).toEqual({
      ok: true,
      data: { id, version: 3 },
    });
    const [moved] = await customerHistory(editor, id);
    expect(moved?.changes).toHaveLength(1);
    expect(moved?.changes[0]).toMatchObject({
      field: 'billingProviders',
      old: [{ billingProvider: 'aws_marketplace', configuration: { aws_region: 'eu-west-1' } }],
      new: [{ billingProvider: 'aws_marketplace', configuration: { aws_region: 'us-east-1' } }],
    });
  });

  it('lists on create only the fields that were filled in', async () => {
    const name = `sparse_${unique()}`;
    const id = await create({ ...emptyCustomerForm, name });
    const [created] = await customerHistory(editor, id);
    expect(created?.changes.map((c) => c.field)).toEqual(['name', 'displayName']);
  });

  it('records when an unarchived customer had been archived', async () => {
    const name = `unarchived_${unique()}`;
    const id = await create({ ...emptyCustomerForm, name });
    const archived = await setCustomerArchived(editor, id, true);
    await setCustomerArchived(editor, id, false);
    const [unarchive, archive] = await customerHistory(editor, id);
    expect(archive).toMatchObject({
      action: 'customer.archive',
      changes: [{ field: 'archivedAt', old: null, new: archived?.archivedAt }],
    });
    expect(unarchive).toMatchObject({
      action: 'customer.unarchive',
      changes: [{ field: 'archivedAt', old: archived?.archivedAt, new: null }],
    });
  });

  it('names who saved first in a conflict: another person, or the same one', async () => {
    const name = `conflict_${unique()}`;
    const id = await create({ ...emptyCustomerForm, name });
    await updateCustomer(admin, id, 1, customerValues({ name, displayName: 'By the admin' }));

    const stale = await updateCustomer(editor, id, 1, customerValues({ name, displayName: 'By the editor' }));
    expect(stale).toMatchObject({
      ok: false,
      changedBy: { name: admin.name, email: admin.email, isYou: false },
    });

    const sameUser = await updateCustomer(admin, id, 1, customerValues({ name, displayName: 'Admin, other tab' }));
    expect(sameUser).toMatchObject({ ok: false, changedBy: { name: admin.name, email: admin.email, isYou: true } });
  });

  it('shows who acted by name, and finds entries by a name or an email', async () => {
    const name = `named_${unique()}`;
    await create({ ...emptyCustomerForm, name }, admin);
    const byName = await listAuditEntries(admin, auditFilters.parse({ actor: 'test adm', customer: name }));
    expect(byName.items.map((e) => [e.actorName, e.actorEmail])).toEqual([[admin.name, admin.email]]);
    const byEmail = await listAuditEntries(admin, auditFilters.parse({ actor: 'admin@test', customer: name }));
    expect(byEmail.items).toHaveLength(1);
    const nobody = await listAuditEntries(admin, auditFilters.parse({ actor: 'test editor', customer: name }));
    expect(nobody.items).toHaveLength(0);
  });
});
