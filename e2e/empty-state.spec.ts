import { test, expect, expectNoAxeViolations } from './fixtures';

// Runs in the "empty-database" project, before any other spec has created a customer.

test('the list of an empty database invites to create the first customer', async ({ page, customersList }) => {
  await customersList.open();

  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await expect(customersList.emptyState).toBeVisible();
  await expect(customersList.table).toHaveCount(0);
  await expectNoAxeViolations(page);

  await expect(customersList.emptyStateCreateLink).toBeVisible();
  await customersList.emptyStateCreateLink.click();
  await expect(page).toHaveURL(/\/customers\/new$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Create customer' })).toBeVisible();
});

test('the home page redirects to the customers list', async ({ page, customersList }) => {
  await page.goto('/');

  await expect(page).toHaveURL(/\/customers$/);
  await expect(customersList.emptyState).toBeVisible();
});
