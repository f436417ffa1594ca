import { expectNoAxeViolations, uniqueId } from './fixtures';
import { expect, expectForbidden, sectionLinks, test, UNMATCHED_USAGE_LINK } from './clients';
import { CustomerFormPage } from './pages/customer-form-page';
import { storageState } from './users';

// What each role sees: a viewer reads, an editor also writes, neither reaches Users or Audit.

// ——— roles ———

test.describe('a viewer', () => {
  test.use({ storageState: storageState('viewer') });

  test('sees customers, but no way to create, edit or archive them', async ({
    page,
    clients,
    customersList,
    customerDetail,
  }) => {
    // An editor makes the customer, in their own browser.
    const id = uniqueId('viewer-sees');
    const uuid = await new CustomerFormPage(await clients.page(storageState('editor'))).createAndOpen({
      id,
      name: `Seen ${id}`,
    });

    await customersList.open('?limit=100');
    await expect(customersList.row(id)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Create customer' })).toHaveCount(0);

    await customerDetail.open(uuid);
    await expect(customerDetail.heading).toHaveText(`Seen ${id}`);
    await expect(page.getByRole('region', { name: 'History' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
    await expect(page.getByRole('main').getByRole('button', { name: 'Archive', exact: true })).toHaveCount(0);

    await expectForbidden(page, `/customers/${uuid}/edit`);
    await expectForbidden(page, '/customers/new');
  });

  test('has no Users or Audit sections, and gets the 403 page there', async ({ page, customersList }) => {
    await customersList.open();
    await expect(sectionLinks(page)).toHaveText(['Customers', UNMATCHED_USAGE_LINK, 'Price plans', 'API']);
    await expect(page.getByText('Role: Viewer')).toBeVisible();

    await expectForbidden(page, '/users');
    await expectForbidden(page, '/api-keys');
    await expectForbidden(page, '/audit');
  });

  test('the 403 page passes axe', async ({ page }) => {
    await expectForbidden(page, '/customers/new');
    await expectNoAxeViolations(page);
  });
});

test.describe('an editor', () => {
  test('has no Users or Audit sections, and gets the 403 page there', async ({ page, customersList }) => {
    await customersList.open();
    await expect(sectionLinks(page)).toHaveText(['Customers', UNMATCHED_USAGE_LINK, 'Price plans', 'API']);

    await expectForbidden(page, '/users');
    await expectForbidden(page, '/api-keys');
    await expectForbidden(page, '/audit');
  });
});
