import { randomUUID } from 'node:crypto';
import {
  LAYOUT_WIDTHS,
  NARROW,
  WIDE,
  expect,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  test,
  uniqueId,
} from './fixtures';
import { UnmatchedUsagePage } from './pages/unmatched-usage-page';
import { storageState } from './users';
import { apiKey, sdk } from './v1-client';
import { createCustomer } from './customer-steps';

// The unmatched-usage inbox: events sent through POST /v1/ingest under an identifier no customer
// holds wait there, grouped by it, until an editor adds it as a customer's alias (the events go to
// the customer) or ignores it.

/** Sends `count` events under `identifier` with the editor's API key, as a customer's program would. */
async function ingest(baseURL: string, identifier: string, count = 3, eventType = 'api_call') {
  const { client } = sdk(baseURL, apiKey('editor'));
  await client.v1.usage.ingest({
    usage: Array.from({ length: count }, (_, i) => ({
      transaction_id: `e2e-${randomUUID()}`,
      customer_id: identifier,
      event_type: i === 0 ? 'storage_gb' : eventType,
      timestamp: new Date().toISOString(),
      properties: { region: 'eu', attempt: i },
    })),
  });
}

test.describe('an editor', () => {
  test.use({ storageState: storageState('editor') });

  test('sees events sent under an unknown identifier, adds it as a customer alias, and the events go there', async ({
    page,
    baseURL,
  }) => {
    const identifier = uniqueId('unknown-sender');
    const customer = uniqueId('inbox_target');
    await ingest(baseURL!, identifier, 3);
    const customerId = await createCustomer(page.request, { name: customer });

    const inbox = new UnmatchedUsagePage(page);
    await inbox.open();
    await expect(inbox.heading).toBeVisible();
    await expect(
      page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: /^Unmatched usage, [\d,]+\+? groups?$/ }),
    ).toHaveAttribute('aria-current', 'page');
    await inbox.search.fill(identifier);
    await expect(inbox.rows).toHaveCount(1);
    const row = inbox.row(identifier);
    await expect(row).toContainText('3');
    await expect(row).toContainText('api_call');
    await expect(row).toContainText('storage_gb');
    await expect(row).toContainText('No customer');
    await row.getByText('Sample event').click();
    await expect(row.locator('pre')).toContainText(`"customer_id": "${identifier}"`);

    await inbox.addAliasButton(identifier).click();
    await expect(inbox.dialog).toBeVisible();
    await inbox.dialog.getByRole('searchbox', { name: 'Find a customer' }).fill(customer);
    await inbox.dialog.getByRole('radio', { name: customer }).check();
    await inbox.dialog.getByRole('button', { name: 'Add alias' }).click();
    await expect(inbox.dialog).toBeHidden();
    await expect(inbox.addedMessage).toContainText(`“${identifier}” is now an ingest alias of ${customer}`);
    await expect(inbox.addedMessage).toContainText('3 held events were routed there');
    await expect(inbox.row(identifier)).toHaveCount(0);

    await inbox.addedMessage.getByRole('link', { name: customer }).click();
    await page.waitForURL(`**/customers/${customerId}`);
    await expect(page.getByRole('main')).toContainText(identifier);
  });

  test('ignores a group (listed under Ignored) and brings it back', async ({ page, baseURL }) => {
    const identifier = uniqueId('muted-sender');
    await ingest(baseURL!, identifier, 1);
    const inbox = new UnmatchedUsagePage(page);
    await inbox.open({ q: identifier });
    await inbox.ignoreButton(identifier).click();
    await expect(inbox.row(identifier)).toHaveCount(0);
    await expect(inbox.emptyState).toBeVisible();

    await inbox.tab('Ignored').click();
    await expect(inbox.tab('Ignored')).toHaveAttribute('aria-current', 'page');
    await expect(inbox.search).toHaveValue(identifier);
    await inbox.ignoreButton(identifier, 'Unignore').click();
    await expect(inbox.row(identifier)).toHaveCount(0);
    await inbox.tab('Open').click();
    await expect(inbox.row(identifier)).toBeVisible();
  });

  test('suggests the customer an identifier looks like, and adds the alias by keyboard alone', async ({
    page,
    baseURL,
  }) => {
    const customer = uniqueId('acme_corp');
    // Differs from the customer's ID only in case and separators.
    const identifier = customer.toUpperCase().replace('_', '-').replace('_', '.');
    await createCustomer(page.request, { name: customer });
    await ingest(baseURL!, identifier, 2);
    const inbox = new UnmatchedUsagePage(page);
    await inbox.open({ q: identifier });
    const suggestion = inbox.row(identifier).getByRole('button', { name: `Did you mean ${customer}?` });
    await expect(suggestion).toBeVisible();

    await suggestion.focus();
    await page.keyboard.press('Enter');
    await expect(inbox.dialog).toBeVisible();
    const search = inbox.dialog.getByRole('searchbox', { name: 'Find a customer' });
    await expect(search).toBeFocused();
    await expect(search).toHaveValue(customer);
    await expect(inbox.dialog.getByRole('radio', { name: customer })).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(inbox.dialog.getByRole('radio', { name: customer })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(inbox.dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(inbox.dialog.getByRole('button', { name: 'Add alias' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(inbox.dialog).toBeHidden();
    await expect(inbox.addedMessage).toContainText(`“${identifier}” is now an ingest alias of ${customer}`);
    await expect(inbox.row(identifier)).toHaveCount(0);
  });

  test('refuses an identifier another customer already holds, naming it', async ({ page, baseURL }) => {
    const identifier = uniqueId('held-sender');
    await ingest(baseURL!, identifier, 1);
    const owner = uniqueId('alias_owner');
    await createCustomer(page.request, { name: owner, aliases: [identifier] });
    const other = uniqueId('alias_other');
    await createCustomer(page.request, { name: other });
    const inbox = new UnmatchedUsagePage(page);
    await inbox.open({ q: identifier });
    await inbox.addAliasButton(identifier).click();
    await inbox.dialog.getByRole('searchbox', { name: 'Find a customer' }).fill(other);
    await inbox.dialog.getByRole('radio', { name: other }).check();
    await inbox.dialog.getByRole('button', { name: 'Add alias' }).click();
    await expect(inbox.dialog.getByRole('alert')).toContainText(`Already used by customer ${owner}`);
    await inbox.dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(inbox.row(identifier)).toBeVisible();
  });

  for (const viewport of [WIDE, NARROW]) {
    test(`has no axe violations at ${viewport.width} px, with a very long identifier and with no match`, async ({
      page,
      baseURL,
    }) => {
      test.setTimeout(90_000); // three axe scans and three screenshots
      const identifier = `${uniqueId('very-long-identifier')}-${'x'.repeat(100)}`.slice(0, 128);
      await ingest(baseURL!, identifier, 2);
      await page.setViewportSize(viewport);
      const inbox = new UnmatchedUsagePage(page);
      await inbox.open({ q: identifier });
      await expect(inbox.row(identifier)).toBeVisible();
      await inbox.row(identifier).getByText('Sample event').click();
      await expectNoAxeViolations(page);
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: test.info().outputPath(`unmatched-usage-${viewport.width}.png`), fullPage: true });

      await inbox.addAliasButton(identifier).click();
      await expect(inbox.dialog).toBeVisible();
      await expectNoAxeViolations(page);
      await page.screenshot({ path: test.info().outputPath(`unmatched-usage-dialog-${viewport.width}.png`) });
      await page.keyboard.press('Escape');

      await inbox.open({ q: uniqueId('nothing-matches') });
      await expect(inbox.emptyState).toHaveText('No unmatched usage matches this search');
      await expectNoAxeViolations(page);
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: test.info().outputPath(`unmatched-usage-empty-${viewport.width}.png`) });
    });
  }

  test('fits every width from desktop to phone, with a very long identifier beside short ones', async ({
    page,
    baseURL,
  }) => {
    const identifier = `${uniqueId('wide-table')}-${'y'.repeat(100)}`.slice(0, 128);
    await ingest(baseURL!, identifier, 2);
    const inbox = new UnmatchedUsagePage(page);
    await inbox.open();
    await expect(inbox.row(identifier)).toBeVisible();
    for (const viewport of LAYOUT_WIDTHS) {
      await page.setViewportSize(viewport);
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: test.info().outputPath(`unmatched-usage-${viewport.width}.png`) });
    }
  });
});

test.describe('a viewer', () => {
  test.use({ storageState: storageState('viewer') });

  test('sees the groups and no action buttons', async ({ page, baseURL }) => {
    const identifier = uniqueId('seen-sender');
    await ingest(baseURL!, identifier, 1);
    const inbox = new UnmatchedUsagePage(page);
    await inbox.open({ q: identifier });
    await expect(inbox.row(identifier)).toBeVisible();
    await expect(page.getByRole('main').getByRole('button', { name: /Add as alias|Ignore|Did you mean/ })).toHaveCount(
      0,
    );
  });
});
