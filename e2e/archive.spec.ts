import type { Locator, Page } from '@playwright/test';
import { test, expect, uniqueId, expectNoAxeViolations, DETAIL_URL } from './fixtures';

// What the detail page and the list add for archiving, found the way a person finds them.
const archiveButton = (page: Page) => page.getByRole('main').getByRole('button', { name: 'Archive', exact: true });
const archiveDialog = (page: Page) => page.getByRole('dialog', { name: /^Archive .+\?$/ });
const archivedBanner = (page: Page) => page.getByRole('region', { name: 'This customer is archived' });
const unarchiveButton = (page: Page) => archivedBanner(page).getByRole('button', { name: 'Unarchive' });
const statusNav = (page: Page) => page.getByRole('navigation', { name: 'Status' });
const statusLink = (page: Page, status: 'Active' | 'Archived' | 'All') =>
  statusNav(page).getByRole('link', { name: new RegExp(`^${status}( [\\d,]+\\+?)?$`) });
const archivedBadge = (statusCell: Locator) => statusCell.getByText('Archived', { exact: true });

test.describe('archive and unarchive', () => {
  test('an archived customer leaves the default list, shows under Archived and comes back', async ({
    page,
    customerForm,
    customerDetail,
    customersList,
  }) => {
    const id = uniqueId('archive');
    await customerForm.createAndOpen({ id, name: 'Archive Me Ltd', aliases: [uniqueId('archive-alias')] });

    // The dialog says what archiving means; Esc closes it and focus returns to "Archive".
    await archiveButton(page).click();
    const dialog = archiveDialog(page);
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAccessibleName('Archive Archive Me Ltd?');
    await expect(dialog).toContainText('hidden from the default customer list');
    await expect(dialog).toContainText('ingest aliases stay reserved');
    await expect(dialog).toContainText('unarchive it at any time');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(archiveButton(page)).toBeFocused();
    await expect(archivedBanner(page)).toHaveCount(0);

    await archiveButton(page).click();
    await dialog.getByRole('button', { name: 'Archive customer' }).click();

    await expect(dialog).toBeHidden();
    await expect(archivedBanner(page)).toBeVisible();
    await expect(archivedBanner(page)).toContainText(/Archived on \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC/);
    await expect(archiveButton(page)).toHaveCount(0);
    await expect(customerDetail.item('ID')).toHaveText(id);

    // Gone from the default (Active) list…
    await customersList.openFromSidebar();
    await expect(statusLink(page, 'Active')).toHaveAttribute('aria-current', 'page');
    await expect(customersList.table.or(page.getByRole('heading', { name: 'No customers yet' }))).toBeVisible();
    await expect(customersList.row(id)).toHaveCount(0);

    // …listed under Archived, with its badge, and the view is in the URL.
    await statusLink(page, 'Archived').click();
    await expect(page).toHaveURL(/[?&]status=archived(&|$)/);
    await expect(statusLink(page, 'Archived')).toHaveAttribute('aria-current', 'page');
    await expect(statusLink(page, 'Active')).not.toHaveAttribute('aria-current', 'page');
    await expect(customersList.row(id)).toBeVisible();
    await expect(archivedBadge(customersList.cell(id, 'Status'))).toBeVisible();

    // A reload keeps the view.
    await page.reload();
    await expect(statusLink(page, 'Archived')).toHaveAttribute('aria-current', 'page');
    await expect(customersList.row(id)).toBeVisible();

    // Unarchive from its page: no confirmation; the banner goes and "Archive" is back.
    await customersList.idLink(id).click();
    await expect(page).toHaveURL(DETAIL_URL);
    await unarchiveButton(page).click();
    await expect(archivedBanner(page)).toHaveCount(0);
    await expect(archiveButton(page)).toBeVisible();

    await customersList.openFromSidebar();
    await expect(statusLink(page, 'Active')).toHaveAttribute('aria-current', 'page');
    await expect(customersList.row(id)).toBeVisible();
    await expect(archivedBadge(customersList.cell(id, 'Status'))).toHaveCount(0);

    await statusLink(page, 'Archived').click();
    await expect(page).toHaveURL(/[?&]status=archived(&|$)/);
    await expect(customersList.table.or(page.getByRole('heading', { name: 'No archived customers' }))).toBeVisible();
    await expect(customersList.row(id)).toHaveCount(0);

    await statusLink(page, 'Active').click();
    await expect(page).toHaveURL(/\/customers$/);
    await expect(customersList.row(id)).toBeVisible();
  });

  test('the alias of an archived customer stays reserved', async ({ page, customerForm }) => {
    const owner = uniqueId('archived-owner');
    const alias = uniqueId('reserved-alias');
    await customerForm.createAndOpen({ id: owner, aliases: [alias] });
    await archiveButton(page).click();
    await archiveDialog(page).getByRole('button', { name: 'Archive customer' }).click();
    await expect(archivedBanner(page)).toBeVisible();

    const id = uniqueId('alias-taker');
    await customerForm.create({ id, aliases: [alias] });

    await expect(customerForm.formAlert).toHaveText('Not saved: an ingest alias belongs to another customer.');
    await expect(customerForm.alias(1)).toHaveAttribute('aria-invalid', 'true');
    await expect(customerForm.alias(1)).toHaveAccessibleDescription(`Already used by customer ${owner} (archived)`);
    await expect(page).toHaveURL(/\/customers\/new$/);
    await expect(customerForm.field('ID')).toHaveValue(id);
  });

  test('Archived and All views keep the status in the URL and start at the first page', async ({
    page,
    customerForm,
    customersList,
  }) => {
    const id = uniqueId('all-view');
    await customerForm.createAndOpen({ id });

    await customersList.open('?status=all');
    await expect(statusLink(page, 'All')).toHaveAttribute('aria-current', 'page');
    await expect(customersList.row(id)).toBeVisible();
    await expect(archivedBadge(customersList.cell(id, 'Status'))).toHaveCount(0);

    await statusLink(page, 'Archived').click();
    await expect(page).toHaveURL(/\?status=archived$/);
    await expect(customersList.row(id)).toHaveCount(0);
  });
});

test.describe('accessibility (axe)', () => {
  test('the archive dialog, open', async ({ page, customerForm }) => {
    await customerForm.createAndOpen({ id: uniqueId('axe-dialog'), aliases: [uniqueId('axe-dialog-alias')] });
    await archiveButton(page).click();
    await expect(archiveDialog(page)).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('an archived customer’s page', async ({ page, customerForm }) => {
    await customerForm.createAndOpen({ id: uniqueId('axe-archived'), aliases: [uniqueId('axe-archived-alias')] });
    await archiveButton(page).click();
    await archiveDialog(page).getByRole('button', { name: 'Archive customer' }).click();
    await expect(archivedBanner(page)).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the list under Archived', async ({ page, customerForm, customersList }) => {
    const id = uniqueId('axe-archived-list');
    await customerForm.createAndOpen({ id });
    await archiveButton(page).click();
    await archiveDialog(page).getByRole('button', { name: 'Archive customer' }).click();
    await expect(archivedBanner(page)).toBeVisible();

    await customersList.open('?status=archived');
    await expect(customersList.row(id)).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
