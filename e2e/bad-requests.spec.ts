import { randomUUID } from 'node:crypto';
import { test, expect, uniqueId } from './fixtures';
import { emptyCustomerForm } from '../lib/validations/customer';
import { storageState } from './users';

// Requests that are wrong (NUL, impossible dates, made-up cursors, a price plan that is gone)
// answer a clear 4xx, or a page that leaves the bad value out: never a 500.

// Fixed, so that the tests' titles are the same each time the file is read.
const SOME_ID = '0b6f2a52-3f4e-4c44-9a4f-6d1f0c3e2a10';
const cursor = (...parts: string[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');

test.describe('wrong requests to the JSON routes', () => {
  test('an alias holding NUL is a 400 with a message', async ({ request }) => {
    const response = await request.get('/api/aliases/availability?alias=%00');
    expect(response.status()).toBe(400);
    expect((await response.json()).message).toMatch(/Give an alias to check/);
    expect(response.headers()['cache-control']).toContain('no-store');
  });

  test('a list cursor holding NUL or an impossible date is ignored: the first page answers', async ({ request }) => {
    for (const [sort, made] of [
      ['id', cursor('id', 'a\u0000b', randomUUID())],
      ['name', cursor('name', '\u0000', randomUUID())],
      ['created', cursor('created', '0000-01-01T00:00:00Z', randomUUID())],
      ['usage', cursor('usage', '0000-01-01T00:00:00Z', randomUUID())],
      ['usage', cursor('usage', '\u0000', randomUUID())],
    ]) {
      for (const route of ['/api/customers', '/api/customers/count']) {
        const response = await request.get(`${route}?sort=${sort}&cursor=${made}`);
        expect(response.status(), `${route} sort=${sort}`).toBe(200);
      }
    }
  });

  test('a customer naming a price plan that does not exist is refused as invalid (422), not as a conflict', async ({
    request,
  }) => {
    const response = await request.post('/api/customers', {
      data: { ...emptyCustomerForm, name: uniqueId('no_plan'), pricePlanName: `gone_${randomUUID().slice(0, 8)}` },
    });
    expect(response.status()).toBe(422);
    expect((await response.json()).fieldErrors.pricePlanName[0]).toMatch(/price plan/);
  });
});

test.describe('the audit page with filters that make no sense', () => {
  test.use({ storageState: storageState('admin') });

  for (const search of [
    'actor=%00',
    'customer=%00',
    `cursor=0_${SOME_ID}`,
    `cursor=1%202_${SOME_ID}`,
    `cursor=0000-01-01T00:00:00.000Z_${SOME_ID}`,
    'from=0000-01-01',
    'to=9999-12-31',
    'from=2026-02-30',
  ]) {
    test(`?${search} leaves the bad filter out`, async ({ page }) => {
      const response = await page.goto(`/audit?${search}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { name: 'Audit trail', level: 1 })).toBeVisible();
    });
  }

  test('the last day of year 9999 is a day like any other', async ({ page }) => {
    await page.goto('/audit?from=2000-01-01&to=9999-12-31');
    await expect(page.getByLabel('To', { exact: true })).toHaveValue('9999-12-31');
    await expect(page.getByRole('region', { name: 'Audit entries' })).toBeVisible();
  });
});
