import type { Page } from '@playwright/test';
import { test, expect, uniqueId, expectNoAxeViolations } from './fixtures';
import { EDIT_URL } from './pages/customer-form-page';
import { toast } from './pages/toasts';
import { sidebarLink } from './pages/portal-parts';

// The customer form's confirmations (one toast system, nothing left in the address), what keeps
// unsaved edits from being lost, and the help it gives while typing and after a refused submit.

/** The detail page's address with nothing after the uuid: no ?created=1, no ?saved=1. */
const CLEAN_DETAIL_URL = /\/customers\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const discardDialog = (page: Page) => page.getByRole('dialog', { name: 'Discard unsaved changes?' });
const keepEditing = (page: Page) => discardDialog(page).getByRole('button', { name: 'Keep editing' });
const discardChanges = (page: Page) => discardDialog(page).getByRole('button', { name: 'Discard changes' });
const cancel = (page: Page) => page.getByRole('main').getByRole('link', { name: 'Cancel', exact: true });
const archivedBanner = (page: Page) => page.getByRole('region', { name: 'This customer is archived' });
const archiveButton = (page: Page) => page.getByRole('main').getByRole('button', { name: 'Archive', exact: true });
const errorSummary = (page: Page) => page.getByRole('list', { name: 'Fields that need attention' });

test.describe('confirmations are toasts, said once', () => {
  test('a new customer: "Customer created", and a reload does not say it again', async ({
    page,
    customerForm,
    customerDetail,
  }) => {
    const id = uniqueId('toast-create');
    await customerForm.create({ id, name: 'Toast Create Co' });

    await expect(page).toHaveURL(CLEAN_DETAIL_URL);
    await expect(customerDetail.createdNotice).toBeVisible();
    await expect(customerDetail.createdNotice).toContainText('Toast Create Co');
    await expect(customerDetail.item('ID')).toHaveText(id);

    await page.reload();
    await expect(customerDetail.item('ID')).toHaveText(id);
    await expect(page).toHaveURL(CLEAN_DETAIL_URL);
    await expect(customerDetail.createdNotice).toHaveCount(0);
  });

  test('an edit: "Changes saved"', async ({ page, customerForm, customerDetail }) => {
    const uuid = await customerForm.createAndOpen({ id: uniqueId('toast-edit'), name: 'Before Edit' });
    await customerForm.openEdit(uuid);
    await customerForm.field('Name').fill('After Edit');
    await customerForm.saveChanges.click();

    await expect(page).toHaveURL(CLEAN_DETAIL_URL);
    await expect(toast(page, 'Changes saved')).toBeVisible();
    await expect(customerDetail.item('Name')).toHaveText('After Edit');
    await page.reload();
    await expect(customerDetail.item('Name')).toHaveText('After Edit');
    await expect(toast(page, 'Changes saved')).toHaveCount(0);
  });

  test('archiving: "Customer archived" with an Undo that unarchives', async ({ page, customerForm }) => {
    await customerForm.createAndOpen({ id: uniqueId('toast-archive'), name: 'Undo Me Ltd' });
    await archiveButton(page).click();
    await page
      .getByRole('dialog', { name: 'Archive Undo Me Ltd?' })
      .getByRole('button', { name: 'Archive customer' })
      .click();

    const archived = toast(page, 'Customer archived');
    await expect(archived).toBeVisible();
    await expect(archivedBanner(page)).toBeVisible();
    await expect(page).toHaveURL(CLEAN_DETAIL_URL);

    await archived.getByRole('button', { name: 'Undo' }).click();
    await expect(toast(page, 'Customer unarchived')).toBeVisible();
    await expect(archivedBanner(page)).toHaveCount(0);
    await expect(archiveButton(page)).toBeVisible();
    await page.reload();
    await expect(archivedBanner(page)).toHaveCount(0);
  });

  test('unarchiving from the banner: "Customer unarchived"', async ({ page, customerForm }) => {
    await customerForm.createAndOpen({ id: uniqueId('toast-unarchive'), name: 'Back Again Ltd' });
    await archiveButton(page).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Archive customer' }).click();
    await expect(archivedBanner(page)).toBeVisible();

    await archivedBanner(page).getByRole('button', { name: 'Unarchive' }).click();
    await expect(toast(page, 'Customer unarchived')).toBeVisible();
    await expect(archivedBanner(page)).toHaveCount(0);
  });
});

test.describe('unsaved changes are not lost without asking', () => {
  test('a sidebar link on a dirty create form asks first; Keep editing keeps, Discard leaves', async ({
    page,
    customerForm,
  }) => {
    const id = uniqueId('guard-sidebar');
    await customerForm.openFilled({ id });
    await customerForm.field('Name').fill('Half Typed Co');

    await sidebarLink(page, 'Customers').click();
    await expect(discardDialog(page)).toBeVisible();
    await expect(keepEditing(page)).toBeFocused();
    await keepEditing(page).click();
    await expect(discardDialog(page)).toBeHidden();
    await expect(page).toHaveURL(/\/customers\/new$/);
    await expect(customerForm.field('ID')).toHaveValue(id);
    await expect(customerForm.field('Name')).toHaveValue('Half Typed Co');

    // Esc is "Keep editing" too.
    await sidebarLink(page, 'Price plans').click();
    await expect(discardDialog(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(discardDialog(page)).toBeHidden();
    await expect(page).toHaveURL(/\/customers\/new$/);
    await expect(customerForm.field('ID')).toHaveValue(id);

    await sidebarLink(page, 'Customers').click();
    await discardChanges(page).click();
    await page.waitForURL((url) => url.pathname === '/customers');
    await customerForm.open();
    await expect(customerForm.field('ID')).toHaveValue('');
  });

  test('Cancel on a dirty edit form asks first, by keyboard too; a clean form leaves at once', async ({
    page,
    customerForm,
    customerDetail,
  }) => {
    const uuid = await customerForm.createAndOpen({ id: uniqueId('guard-cancel'), name: 'Kept Name' });

    // Nothing changed: Cancel leaves without a question.
    await customerForm.openEdit(uuid);
    await cancel(page).click();
    await expect(page).toHaveURL(CLEAN_DETAIL_URL);
    await expect(discardDialog(page)).toHaveCount(0);

    await customerForm.openEdit(uuid);
    await customerForm.field('Name').fill('Typed But Not Saved');
    await cancel(page).focus();
    await page.keyboard.press('Enter');
    await expect(discardDialog(page)).toBeVisible();
    await page.keyboard.press('Enter'); // on "Keep editing", which has focus
    await expect(discardDialog(page)).toBeHidden();
    await expect(page).toHaveURL(EDIT_URL);
    await expect(customerForm.field('Name')).toHaveValue('Typed But Not Saved');

    await cancel(page).click();
    await discardChanges(page).click();
    await expect(page).toHaveURL(CLEAN_DETAIL_URL);
    await expect(customerDetail.item('Name')).toHaveText('Kept Name');
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    test(`the Save bar is on screen at the top of the create form and says when there are unsaved changes (${viewport.width} px)`, async ({
      page,
      customerForm,
    }) => {
      await page.setViewportSize(viewport);
      await customerForm.open();
      await expect(customerForm.submit).toBeInViewport();
      await expect(cancel(page)).toBeInViewport();
      const status = customerForm.form.getByRole('status').filter({ hasText: 'Unsaved changes' });
      await expect(status).toHaveCount(0);

      await customerForm.field('ID').fill(uniqueId('sticky'));
      await expect(status).toBeInViewport();
      // Still there halfway down the long form.
      await customerForm.addAlias.scrollIntoViewIfNeeded();
      await expect(customerForm.submit).toBeInViewport();
      await expect(status).toBeInViewport();
      await expectNoAxeViolations(page);
    });
  }
});

test.describe('the form helps while typing', () => {
  test('ID is marked required, for the eye and for screen readers; optional fields are not', async ({
    customerForm,
  }) => {
    await customerForm.open();
    await expect(customerForm.field('ID')).toHaveAttribute('aria-required', 'true');
    // An asterisk beside the label, outside it: the field is still called "ID".
    await expect(customerForm.form.locator('label', { hasText: /^ID$/ }).locator('..')).toHaveText('ID*');
    await expect(customerForm.form.getByText('*', { exact: true }).first()).toHaveAttribute('aria-hidden', 'true');
    await expect(customerForm.field('Name')).not.toHaveAttribute('aria-required', 'true');
    await expect(customerForm.field('Email')).not.toHaveAttribute('aria-required', 'true');
    // A row, once added, needs a value.
    await customerForm.addAlias.click();
    await expect(customerForm.alias(1)).toHaveAttribute('aria-required', 'true');
  });

  test('a taken ID names its owner as it is typed, ignoring case; a free one says so', async ({
    page,
    customerForm,
  }) => {
    const owner = uniqueId('id-owner');
    await customerForm.createAndOpen({ id: owner, name: 'Owner Of The ID' });

    await customerForm.openFilled({ id: owner.toUpperCase() });
    const note = customerForm.form.getByText(/^Taken by/);
    await expect(note).toHaveText(`Taken by Owner Of The ID (opens in a new tab) (${owner})`);
    await expect(note.getByRole('link')).toHaveAttribute('href', /\/customers\/[0-9a-f-]{36}$/);
    await expect(customerForm.field('ID')).toHaveAccessibleDescription(/Taken by Owner Of The ID/);

    await customerForm.field('ID').fill(uniqueId('id-free'));
    await expect(customerForm.form.getByText('Available', { exact: true })).toBeVisible();
    await expect(customerForm.field('ID')).toHaveAccessibleDescription(/Available/);
    await expect(page).toHaveURL(/\/customers\/new$/);
  });

  test('changing a customer’s ID warns that usage sent under the old one stops matching', async ({
    page,
    customerForm,
    customerDetail,
  }) => {
    const oldId = uniqueId('renamed');
    const uuid = await customerForm.createAndOpen({ id: oldId });
    await customerForm.openEdit(uuid);
    // Its own ID is not "taken".
    await expect(customerForm.form.getByText(/^Taken by/)).toHaveCount(0);
    const warning = customerForm.form.locator('p', { hasText: /^Changing the ID\./ });
    await expect(warning).toHaveCount(0);

    const newId = uniqueId('renamed-new');
    await customerForm.field('ID').fill(newId);
    await expect(warning).toHaveText(
      `Changing the ID. Usage events sent with the old ID, ${oldId}, will stop matching this customer once you save.`,
    );
    await expect(customerForm.field('ID')).toHaveAccessibleDescription(/will stop matching this customer/);

    await page.getByRole('button', { name: 'Keep the old ID as an ingest alias' }).click();
    await expect(customerForm.alias(1)).toHaveValue(oldId);
    await expect(warning).toContainText('will still match this customer: it is kept as an ingest alias.');

    // Back to the old ID: nothing to warn about.
    await customerForm.field('ID').fill(oldId);
    await expect(warning).toHaveCount(0);
    await customerForm.field('ID').fill(newId);
    await customerForm.saveChanges.click();
    await expect(page).toHaveURL(CLEAN_DETAIL_URL);
    await expect(customerDetail.item('ID')).toHaveText(newId);
    await expect(customerDetail.aliases).toHaveText([oldId]);
  });

  test('the error banner lists each field that needs attention, each a link that focuses it', async ({
    page,
    customerForm,
  }) => {
    await customerForm.open();
    await customerForm.field('Email').fill('not-an-email');
    await customerForm.addAlias.click();
    await customerForm.submit.click();

    await expect(customerForm.formAlert).toHaveText('Some fields need attention.');
    const links = errorSummary(page).getByRole('link');
    await expect(links).toHaveText(['ID', 'Email', 'Alias 1']);
    await expect(errorSummary(page).getByRole('listitem').first()).toHaveText('ID: ID is required');

    await links.filter({ hasText: 'Email' }).click();
    await expect(customerForm.field('Email')).toBeFocused();
    await expect(page).toHaveURL(/\/customers\/new$/);
    await links.filter({ hasText: 'Alias 1' }).press('Enter');
    await expect(customerForm.alias(1)).toBeFocused();

    // Fixing a field takes it off the list.
    await customerForm.field('Email').fill('ops@example.com');
    await expect(links).toHaveText(['ID', 'Alias 1']);
    await expectNoAxeViolations(page);
  });
});

test.describe('a failed save says what happened', () => {
  // A server action is a POST to the page carrying a Next-Action header.
  const failActions = (page: Page, how: 'error' | 'unreachable') =>
    page.route('**/customers/new', (route) => {
      const request = route.request();
      if (request.method() !== 'POST' || !request.headers()['next-action']) return route.fallback();
      return how === 'error'
        ? route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' })
        : route.abort('connectionrefused');
    });

  test('the server answered with an error (500)', async ({ page, customerForm }) => {
    const id = uniqueId('server-500');
    await customerForm.openFilled({ id });
    await failActions(page, 'error');
    await customerForm.submit.click();
    await expect(customerForm.formAlert).toContainText(
      'The customer could not be saved: the server ran into an error.',
    );
    await expect(customerForm.formAlert).not.toContainText('did not answer');
    await expect(customerForm.field('ID')).toHaveValue(id);
  });

  test('the server could not be reached', async ({ page, customerForm }) => {
    await customerForm.openFilled({ id: uniqueId('unreachable') });
    await failActions(page, 'unreachable');
    await customerForm.submit.click();
    await expect(customerForm.formAlert).toContainText(
      'The customer could not be saved: the server could not be reached. Check your connection',
    );
  });
});

test.describe('accessibility (axe) of the form’s new parts', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    test(`the discard dialog and the ID notes (${viewport.width} px)`, async ({ page, customerForm }) => {
      await page.setViewportSize(viewport);
      const owner = uniqueId('axe-owner');
      const uuid = await customerForm.createAndOpen({ id: owner, name: 'Axe Owner' });
      await customerForm.openEdit(uuid);
      await customerForm.field('ID').fill(uniqueId('axe-renamed'));
      await expect(customerForm.form.getByText(/^Changing the ID\./)).toBeVisible();
      await expect(customerForm.form.getByText('Available', { exact: true })).toBeVisible();
      await expectNoAxeViolations(page);

      await cancel(page).click();
      await expect(discardDialog(page)).toBeVisible();
      await expectNoAxeViolations(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(viewport.width);
    });
  }
});

// The address of the page a test ended on must never carry the old flags.
test.afterEach(async ({ page }) => {
  expect(page.url()).not.toMatch(/[?&](created|saved)=/);
});
