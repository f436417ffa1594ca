import type { APIRequestContext, APIResponse, Page } from '@playwright/test';
import { emptyCustomerForm, type CustomerFormValues } from '../lib/validations/customer';
import { expect, DETAIL_URL } from './fixtures';

// Steps on customers that the specs take.

/** A customer to make: its ID, any other field, and its ingest aliases as plain strings. */
export type NewCustomer = Partial<Omit<CustomerFormValues, 'ingestAliases'>> & { name: string; aliases?: string[] };

/** Makes a customer through the portal's JSON API (as automation would); resolves with its uuid. */
export async function createCustomer(request: APIRequestContext, { aliases = [], ...fields }: NewCustomer) {
  const response = await request.post('/api/customers', {
    data: { ...emptyCustomerForm, ...fields, ingestAliases: aliases.map((value) => ({ value })) },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Makes customers one after another (so their creation order is theirs); resolves with their uuids. */
export async function createCustomers(request: APIRequestContext, customers: NewCustomer[]) {
  const ids: string[] = [];
  for (const customer of customers) ids.push(await createCustomer(request, customer));
  return ids;
}

/** The entries of a customer's History card, newest first. */
export function historyEntries(page: Page) {
  return page
    .getByRole('region', { name: 'History' })
    .getByRole('listitem')
    .filter({ hasText: /^(Created|Edited|Archived|Unarchived) by / });
}

/** From a customer's page: "Edit", change Name, "Save changes"; back on its page. */
export async function editName(page: Page, oldName: string, newName: string) {
  await page.getByRole('main').getByRole('link', { name: 'Edit', exact: true }).click();
  const form = page.getByRole('form', { name: 'Edit customer' });
  const name = form.getByLabel('Name', { exact: true });
  await expect(name).toHaveValue(oldName);
  await name.fill(newName);
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(DETAIL_URL);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(newName);
}

/** From a customer's page: "Archive", confirmed; the page then shows it archived. */
export async function archiveFromItsPage(page: Page) {
  await page.getByRole('main').getByRole('button', { name: 'Archive', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Archive customer' }).click();
  await expect(page.getByRole('region', { name: 'This customer is archived' })).toBeVisible();
}

/** Every customer (active and archived) by its ID, from the API, page by page. */
export async function customersByName(api: APIRequestContext) {
  const found = new Map<string, { id: string; displayName: string; archivedAt: string | null }>();
  let cursor: string | null = null;
  do {
    const response: APIResponse = await api.get('/api/customers', {
      params: { status: 'all', limit: 100, ...(cursor ? { cursor } : {}) },
    });
    expect(response.status()).toBe(200);
    const page = (await response.json()) as {
      items: { id: string; name: string; displayName: string; archivedAt: string | null }[];
      nextCursor: string | null;
    };
    for (const c of page.items) found.set(c.name, { id: c.id, displayName: c.displayName, archivedAt: c.archivedAt });
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}
