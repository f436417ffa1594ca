import type { Browser, Page } from '@playwright/test';
import { test, expect, uniqueId, expectNoAxeViolations, expectNoSidewaysScroll, DETAIL_URL } from './fixtures';
import { AuditPage } from './pages/audit-page';
import { CustomerFormPage, EDIT_URL, type CustomerFields } from './pages/customer-form-page';
import { E2E_USERS, storageState, type E2ERole } from './users';

// The audit trail and a customer's History: what was really changed, by whom, read as people read it.

const NARROW = { width: 390, height: 844 };
const WIDE = { width: 1280, height: 900 };
const EXACT_TIME = /\d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC/;

/** A customer with an AWS Marketplace configuration, custom fields and a country: what made History invent changes. */
const awsCustomer = (id: string): CustomerFields => ({
  id,
  name: `Audit ${id}`,
  country: 'Germany',
  pricePlan: 'Growth',
  tags: ['audited'],
  aliases: [`${id}-prod`],
  customFields: [
    { key: 'tier', value: 'gold' },
    { key: 'account_manager', value: 'Lucius' },
  ],
  billingProviders: [
    {
      provider: 'AWS Marketplace',
      fields: {
        'Delivery method': 'AWS SQS',
        'AWS customer ID': 'aws-cust-7',
        'AWS product code': 'prod-xyz',
        'AWS region': 'eu-west-1',
        'SaaS subscription product': true,
      },
    },
  ],
});

/** The entries of a customer's History card, newest first. */
function historyEntries(page: Page) {
  return page
    .getByRole('region', { name: 'History' })
    .getByRole('listitem')
    .filter({ hasText: /^(Created|Edited|Archived|Unarchived) by / });
}

/** The toast that sonner shows (one Toaster for the portal). */
const toast = (page: Page, text: string) => page.getByRole('region', { name: /^Notifications/ }).getByText(text);

/** A page in a browser of its own, signed in as `role`. */
async function pageAs(browser: Browser, role: E2ERole) {
  const context = await browser.newContext({ storageState: storageState(role) });
  return context.newPage();
}

test.describe('saving without a change', () => {
  test('says "No changes to save", stays on the form and adds nothing to History', async ({
    page,
    customerForm,
    customerDetail,
  }) => {
    const uuid = await customerForm.createAndOpen(awsCustomer(uniqueId('nochange')));
    await expect(historyEntries(page)).toHaveCount(1);

    await customerForm.openEdit(uuid);
    await expect(customerForm.providerField('AWS Marketplace', 'AWS region')).toHaveValue('eu-west-1');
    await customerForm.saveChanges.click();
    await expect(toast(page, 'No changes to save')).toBeVisible();
    await expect(page).toHaveURL(EDIT_URL);

    await customerDetail.open(uuid);
    await expect(historyEntries(page)).toHaveText([/^Created by editor/]);
    await expect(page.getByRole('region', { name: 'History' })).not.toContainText('aws_marketplace');

    // A real change is recorded, as itself only.
    await customerForm.openEdit(uuid);
    await customerForm.providerField('AWS Marketplace', 'AWS region').selectOption({ label: 'us-east-1' });
    await customerForm.saveChanges.click();
    await expect(page).toHaveURL(DETAIL_URL);
    await expect(historyEntries(page)).toHaveCount(2);
    const edited = historyEntries(page).first();
    await expect(edited).toContainText(/^Edited by editor \(editor@e2e\.test\)/);
    await expect(edited.getByRole('listitem')).toHaveText([
      'Billing providers: AWS Marketplace: Region eu-west-1 → us-east-1',
    ]);
  });
});

test.describe('the audit trail', () => {
  test.use({ storageState: storageState('admin') });

  test('folds a new customer’s fields and shows them as people read them', async ({ page, customerForm }) => {
    const id = uniqueId('folded');
    await customerForm.createAndOpen(awsCustomer(id));
    const audit = new AuditPage(page);
    await audit.open(`?customer=${id}`);

    const created = audit.rows.first();
    await expect(audit.column('Who')).toHaveText([`admin ${E2E_USERS.admin}`]);
    const fold = audit.createdFields(created);
    await expect(fold).toHaveText('Created with 8 fields');
    await expect(created.getByText('Germany')).toBeHidden();

    await fold.click();
    const fields = created.locator('dl');
    await expect(fields.locator('dt')).toHaveText([
      'ID',
      'Name',
      'Country',
      'Price plan',
      'Tags',
      'Custom fields',
      'Billing providers',
      'Ingest aliases',
    ]);
    await expect(fields.locator('dd')).toHaveText([
      id,
      `Audit ${id}`,
      'Germany',
      'Growth',
      'audited',
      'tier: gold, account_manager: Lucius',
      'AWS Marketplace (Delivery: AWS SQS, AWS customer ID: aws-cust-7, Product code: prod-xyz, Region: eu-west-1, Subscription product: Yes)',
      `${id}-prod`,
    ]);
    await expect(created).not.toContainText('—');
    await expectNoAxeViolations(page);

    await fold.click();
    await expect(fields).toBeHidden();
  });

  test('filters apply as they change, in the URL, and clear', async ({ page, customerForm }) => {
    const id = uniqueId('filtered');
    const uuid = await customerForm.createAndOpen({ id, name: `Filtered ${id}` });
    await customerForm.openEdit(uuid);
    await customerForm.saveField('Name', `Filtered again ${id}`);

    const audit = new AuditPage(page);
    await audit.open();
    await audit.filter('Customer').fill(id);
    await expect(page).toHaveURL((url) => url.searchParams.get('customer') === id);
    await expect(audit.column('Action')).toHaveText(['Edited', 'Created']);
    await expect(audit.column('What').first()).toContainText(`Name: Filtered ${id} → Filtered again ${id}`);

    await audit.filter('Action').selectOption({ label: 'Edited' });
    await expect(page).toHaveURL((url) => url.searchParams.get('action') === 'customer.update');
    await expect(audit.column('Action')).toHaveText(['Edited']);

    // By the actor's name (not only the email).
    await audit.filter('Who').fill('admi');
    await expect(page).toHaveURL((url) => url.searchParams.get('actor') === 'admi');
    await expect(audit.column('Action')).toHaveText(['Edited']);
    await audit.filter('Who').fill('editor');
    await expect(audit.noEntries).toBeVisible();

    // The URL was replaced, not pushed: Back leaves the page.
    await audit.clearFilters.click();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(audit.filter('Customer')).toHaveValue('');
    await expect(audit.filter('Who')).toHaveValue('');
    await expect(audit.filter('Action')).toHaveValue('');
    await expect(audit.rows.first()).toBeVisible();
  });

  for (const viewport of [WIDE, NARROW]) {
    test(`reads well at ${viewport.width} px: axe, the What column, no sideways scrolling`, async ({
      page,
      customerForm,
    }) => {
      const id = uniqueId(`audit${viewport.width}`);
      await customerForm.createAndOpen(awsCustomer(id));
      await page.setViewportSize(viewport);
      const audit = new AuditPage(page);
      await audit.open();
      const entry = viewport === NARROW ? audit.cards.filter({ hasText: id }) : audit.rows.filter({ hasText: id });
      await expect(entry).toHaveCount(1);
      await expect(entry.getByRole('link', { name: id })).toBeVisible();
      await audit.createdFields(entry).click();
      await expect(entry.getByText('Germany')).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
    });
  }
});

test.describe('a stale edit', () => {
  test('names the other person who saved first', async ({ browser, customerForm }) => {
    const uuid = await customerForm.createAndOpen({ id: uniqueId('named'), name: 'Original Name' });
    const editor = customerForm;
    const admin = new CustomerFormPage(await pageAs(browser, 'admin'));
    await editor.openEdit(uuid);
    await admin.openEdit(uuid);
    await expect(editor.field('Name')).toHaveValue('Original Name');
    await expect(admin.field('Name')).toHaveValue('Original Name');

    await admin.saveField('Name', 'Admin’s Name');

    await editor.field('Description').fill('Mine');
    await editor.saveChanges.click();
    await expect(editor.conflict.getByRole('heading')).toHaveText(
      `admin (${E2E_USERS.admin}) saved this customer while you were editing`,
    );
    await expect(editor.conflict).toContainText('Nothing of yours was saved.');
    await expect(editor.conflict.locator('time')).toHaveAttribute('title', EXACT_TIME);
    await admin.page.context().close();
  });

  test('says it was you, in another tab, when it was', async ({ page, context, customerForm }) => {
    const uuid = await customerForm.createAndOpen({ id: uniqueId('selfstale'), name: 'Original Name' });
    const other = new CustomerFormPage(await context.newPage());
    await customerForm.openEdit(uuid);
    await other.openEdit(uuid);
    await expect(other.field('Name')).toHaveValue('Original Name');
    await other.saveField('Name', 'Other tab');

    await customerForm.field('Name').fill('This tab');
    await customerForm.saveChanges.click();
    await expect(customerForm.conflict.getByRole('heading')).toHaveText(
      'You, in another tab, saved this customer while you were editing',
    );
    await expect(customerForm.conflict).toContainText('The edits in this tab were not saved.');
    await expect(page).toHaveURL(EDIT_URL);
  });
});

test.describe('History', () => {
  test('an unarchived customer’s entry shows since when it had been archived', async ({ page, customerForm }) => {
    await customerForm.createAndOpen({ id: uniqueId('unarchived'), name: 'Unarchive Me' });
    const main = page.getByRole('main');
    await main.getByRole('button', { name: 'Archive', exact: true }).click();
    await page
      .getByRole('dialog', { name: /^Archive .+\?$/ })
      .getByRole('button', { name: 'Archive customer' })
      .click();
    const banner = page.getByRole('region', { name: 'This customer is archived' });
    await banner.getByRole('button', { name: 'Unarchive' }).click();
    await expect(banner).toHaveCount(0);

    await page.reload();
    const [unarchived, archived] = [historyEntries(page).nth(0), historyEntries(page).nth(1)];
    await expect(historyEntries(page)).toHaveCount(3);
    await expect(unarchived).toContainText(/^Unarchived by editor/);
    await expect(unarchived.getByRole('listitem')).toHaveText(
      new RegExp(`^Had been archived since ${EXACT_TIME.source}$`),
    );
    await expect(archived.getByRole('listitem')).toHaveText(new RegExp(`^Archived on ${EXACT_TIME.source}$`));
    // A new customer lists only what it was made with: no "Custom fields: — → —".
    const created = historyEntries(page).nth(2);
    await expect(created.locator('summary')).toHaveText('Created with 2 fields');
    await expect(created).not.toContainText('—');
    // Relative times, with the exact time on hover.
    await expect(unarchived.locator('time')).toHaveText(/just now|min\. ago/);
    await expect(unarchived.locator('time')).toHaveAttribute('title', EXACT_TIME);
  });

  for (const viewport of [WIDE, NARROW]) {
    test(`reads well at ${viewport.width} px: axe and no sideways scrolling`, async ({
      page,
      customerForm,
      customerDetail,
    }) => {
      const uuid = await customerForm.createAndOpen(awsCustomer(uniqueId(`history${viewport.width}`)));
      await customerForm.openEdit(uuid);
      await customerForm.saveField('Name', 'Renamed for History');
      await page.setViewportSize(viewport);
      await customerDetail.open(uuid);
      await expect(historyEntries(page)).toHaveCount(2);
      await historyEntries(page).nth(1).locator('summary').click();
      await expect(page.getByRole('region', { name: 'History' }).getByText('Germany')).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
    });
  }
});
