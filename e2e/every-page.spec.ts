import type { Page } from '@playwright/test';
import { emptyCustomerForm } from '../lib/validations/customer';
import { expect, expectNoAxeViolations, test, uniqueId } from './fixtures';
import { storageState } from './users';

// Every page of the portal, at a desktop and a phone width, in light and dark: no axe violation
// (contrast included) and nothing wider than the window.

const WIDTHS = [1280, 390] as const;
const SCHEMES = ['light', 'dark'] as const;

async function sweep(page: Page, url: string, ready: (page: Page) => Promise<void>) {
  for (const colorScheme of SCHEMES) {
    for (const width of WIDTHS) {
      await test.step(`${url} at ${width} px, ${colorScheme}`, async () => {
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize({ width, height: 900 });
        await page.goto(url);
        await ready(page);
        await expectNoAxeViolations(page);
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        expect(scrollWidth, `page width at ${width} px`).toBeLessThanOrEqual(innerWidth);
      });
    }
  }
}

const heading = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
};

/** A customer with a bit of everything, so the detail and edit pages show all their parts. */
async function fullCustomer(page: Page) {
  const id = uniqueId('sweep');
  const response = await page.request.post('/api/customers', {
    data: {
      ...emptyCustomerForm,
      name: `${id}_with_a_long_identifier_that_must_not_widen_the_page`,
      displayName: 'Sweep Everything GmbH',
      email: 'billing@sweep.example',
      country: 'DE',
      pricePlanName: 'growth',
      tags: ['vip'],
      customFields: [{ key: 'region', value: 'eu-central' }],
      ingestAliases: [{ value: `${id}-alias-1` }, { value: `${id}-alias-2` }],
      billingProviders: [
        {
          billingProvider: 'stripe',
          deliveryMethod: 'direct_to_billing_provider',
          configuration: { stripe_customer_id: 'cus_Sweep123', stripe_collection_method: 'charge_automatically' },
        },
      ],
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

// Four axe scans a test: more time than one page's worth.
test.describe.configure({ timeout: 180_000 });

test.describe('every page, light and dark, desktop and phone', () => {
  test.use({ storageState: storageState('admin') });

  test('customers list', async ({ page }) => {
    await fullCustomer(page);
    await sweep(page, '/customers', async (p) => {
      await expect(p.locator('[data-row-link]:visible').first()).toBeVisible();
    });
  });

  test('customers list, a search that finds nothing', async ({ page }) => {
    await sweep(page, `/customers?q=${uniqueId('nothing')}`, async (p) => {
      await expect(p.getByRole('heading', { name: /^No customers match/ })).toBeVisible();
    });
  });

  test('customer page and its edit form', async ({ page }) => {
    const uuid = await fullCustomer(page);
    await sweep(page, `/customers/${uuid}`, heading('Sweep Everything GmbH'));
    await sweep(page, `/customers/${uuid}/edit`, async (p) => {
      await expect(p.getByRole('heading', { level: 1 })).toBeVisible();
    });
  });

  test('create customer', async ({ page }) => {
    await sweep(page, '/customers/new', heading('Create customer'));
  });

  test('unmatched usage', async ({ page }) => {
    await sweep(page, '/unmatched-usage', heading('Unmatched usage'));
  });

  test('price plans', async ({ page }) => {
    await sweep(page, '/price-plans', heading('Price plans'));
  });

  test('users', async ({ page }) => {
    await sweep(page, '/users', heading('Users'));
  });

  test('API keys', async ({ page }) => {
    await sweep(page, '/api-keys', heading('API keys'));
  });

  test('audit', async ({ page }) => {
    await sweep(page, '/audit', heading(/Audit/));
  });

  test('import customers, an import, past imports', async ({ page }) => {
    await sweep(page, '/customers/import', heading('Import customers'));
    const fileName = `${uniqueId('sweep')}.csv`;
    const upload = await page.request.post(`/api/customer-imports/upload?name=${fileName}`, {
      data: Buffer.from(`ID,Email\n${uniqueId('sweep')},not-an-email\n`),
      headers: { 'content-type': 'text/csv' },
    });
    expect(upload.status(), await upload.text()).toBe(201);
    const { id } = (await upload.json()) as { id: string };
    await sweep(page, `/customers/imports/${id}`, heading(`Import of ${fileName}`));
    await sweep(page, '/customers/imports', heading('Past imports'));
  });

  test('page not found', async ({ page }) => {
    await sweep(page, '/no-such-page', heading('Page not found'));
  });
});

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('sign-in', async ({ page }) => {
    await sweep(page, '/sign-in', heading(/Sign in/));
  });
});
