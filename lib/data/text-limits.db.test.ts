import { driver, unique } from '@/test/data';
import { describe, expect, it } from 'vitest';
import { invalid } from '@/lib/action-result';
import { customerInput, emptyCustomerForm, type CustomerFormValues } from '@/lib/validations/customer';
import { largestCustomer } from '@/scripts/bench/largest-customer';
import { editor } from '@/test/actors';
import { getCustomer } from './customers';
import { insertCustomer } from './customers-write';

// Text limits below what the indexes hold: what the form accepts is stored, and text the
// indexes cannot hold (a B-tree entry is at most 2,704 bytes) is a field error, never a 500.

const MARKS = `a${'\u0301'.repeat(1500)}`; // one character, 3,001 bytes

/** What the create action does: parse with the form's schema, then insert. */
async function save(values: CustomerFormValues) {
  const parsed = customerInput.safeParse(values);
  if (!parsed.success) return invalid(parsed.error);
  return insertCustomer(editor, parsed.data);
}

describe(`text limits on ${driver}`, () => {
  it.each([
    ['Name', { displayName: MARKS }, 'displayName'],
    ['an alias', { ingestAliases: [{ value: 'ok' }, { value: MARKS }] }, 'ingestAliases.1.value'],
    ['External ID', { externalId: MARKS }, 'externalId'],
  ] as const)('1,500 combining marks in %s: a field error, nothing stored', async (_label, values, field) => {
    const name = `marks-${unique()}`;
    const result = await save({
      ...emptyCustomerForm,
      name,
      ...values,
      ingestAliases: 'ingestAliases' in values ? values.ingestAliases.map((r) => ({ value: `${r.value}${name}` })) : [],
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.fieldErrors?.[field]?.[0]).toMatch(/is too long: at most \d[\d,]* bytes/);
  });

  it.each(['jamo', 'escapes'] as const)(
    'stores the largest customer the form accepts (filled with %s)',
    async (how) => {
      const values = largestCustomer(`l${unique()}`, how);
      const result = await save(values);
      if (!result.ok) throw new Error(JSON.stringify(result).slice(0, 500));
      const stored = await getCustomer(editor, result.data.id);
      expect(stored?.displayName).toBe(values.displayName);
      expect(stored?.ingestAliases).toHaveLength(2000);
    },
  );

  it('stores a Name at its byte cap whose letters lower() lengthens (indexed as lower(display_name))', async () => {
    // Ⱥ is 2 bytes and its lower case ⱥ is 3: 160 characters of 10 bytes each, 1,760 lower-cased.
    const displayName = `${'\u023a'}${'\u0301'.repeat(4)}`.repeat(160);
    expect(Buffer.byteLength(displayName)).toBe(1600);
    const result = await save({ ...emptyCustomerForm, name: `lower-${unique()}`, displayName });
    expect(result.ok).toBe(true);
  });
});
