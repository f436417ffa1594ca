import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, shortcutsReady, test, uniqueId } from './fixtures';
import { storageState } from './users';
import { createCustomer } from './customer-steps';

// Issue 10: what makes the list and the detail page quick to use (defects 6, 8 and 9, copy
// buttons, relative times, columns and counts, rows that open, keyboard shortcuts).

const pagesNav = (page: Page) => page.getByRole('navigation', { name: 'Pages' });
const statusLink = (page: Page, status: string) =>
  page.getByRole('navigation', { name: 'Status' }).getByRole('link', { name: new RegExp(`^${status}\\b`) });

async function archive(page: Page, uuid: string) {
  await page.goto(`/customers/${uuid}`);
  await page.getByRole('main').getByRole('button', { name: 'Archive', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Archive customer' }).click();
  await expect(page.getByRole('region', { name: 'This customer is archived' })).toBeVisible();
}

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test.describe('the customer list', () => {
  test('a long ID stays on one line, cut with an ellipsis, whole on hover and in the link name', async ({
    page,
    customersList,
  }) => {
    const id = `${uniqueId('tessier_ashpool')}_sa_long_identifier_for_the_orbital_holding_company`;
    await createCustomer(page.request, { name: id, displayName: 'Tessier-Ashpool S.A.' });
    await customersList.open(`?q=${id}`);

    const link = customersList.idLink(id); // the accessible name is the whole ID
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('title', id);
    const { lines, cut } = await link.evaluate((el) => {
      const style = getComputedStyle(el);
      return {
        lines: Math.round(el.getBoundingClientRect().height / parseFloat(style.lineHeight)),
        cut: el.scrollWidth > el.clientWidth && style.textOverflow === 'ellipsis',
      };
    });
    expect(lines).toBe(1);
    expect(cut).toBe(true);
  });

  test('shows status, price plan and tags; every empty cell has the same mark', async ({ page, customersList }) => {
    const run = uniqueId('cols');
    await createCustomer(page.request, { name: `${run}-full`, pricePlanName: 'growth', tags: ['vip', 'annual'] });
    await createCustomer(page.request, { name: `${run}-bare` });
    await customersList.open(`?q=${run}`);

    await expect(customersList.cell(`${run}-full`, 'Status')).toHaveText('Active');
    await expect(customersList.cell(`${run}-full`, 'Price plan')).toHaveText('Growth');
    await expect(customersList.cell(`${run}-full`, 'Tags').getByRole('listitem')).toHaveText(['vip', 'annual']);
    for (const column of ['Price plan', 'Tags', 'Ingest aliases'] as const) {
      await expect(customersList.cell(`${run}-bare`, column), column).toHaveText('—None');
      await expect(customersList.cell(`${run}-bare`, column).getByText('—', { exact: true })).toBeVisible();
    }
    await expectNoAxeViolations(page);
  });

  test('the tabs count the customers of each status in the view', async ({ page, customersList }) => {
    const tag = uniqueId('counted');
    await createCustomer(page.request, { name: `${tag}-a`, tags: [tag] });
    await createCustomer(page.request, { name: `${tag}-b`, tags: [tag] });
    await archive(page, await createCustomer(page.request, { name: `${tag}-c`, tags: [tag] }));

    await customersList.open(`?tag=${tag}`);
    await expect(statusLink(page, 'Active')).toHaveText('Active2');
    await expect(statusLink(page, 'Archived')).toHaveText('Archived1');
    await expect(statusLink(page, 'All')).toHaveText('All3');
  });

  test('"+N more" opens the customer at its aliases', async ({ page, customersList }) => {
    const id = uniqueId('many');
    const aliases = Array.from({ length: 2000 }, (_, i) => `${id}-alias-${i}`);
    const uuid = await createCustomer(page.request, { name: id, aliases });
    await customersList.open(`?q=${id}`);

    await customersList
      .cell(id, 'Ingest aliases')
      .getByRole('link', { name: /^\+1,997 more/ })
      .click();
    await expect(page).toHaveURL(`/customers/${uuid}#aliases`);
    await expect(page.getByRole('heading', { level: 2, name: 'Ingest aliases' })).toBeInViewport();
  });

  test('"1–25 of 30" sits beside the pager, with the page size', async ({ page, customersList }) => {
    const run = uniqueId('range');
    for (let i = 0; i < 30; i++) await createCustomer(page.request, { name: `${run}-${String(i).padStart(2, '0')}` });
    await customersList.open(`?q=${run}&limit=25`);

    const nav = pagesNav(page);
    await expect(nav.getByText('1–25 of 30')).toBeVisible();
    await expect(nav.getByLabel('Rows per page')).toHaveValue('25');
    await nav.getByRole('link', { name: 'Next page' }).click();
    await expect(nav.getByText('26–30 of 30')).toBeVisible();
    await nav.getByRole('link', { name: 'Previous page' }).click();
    await expect(nav.getByText('1–25 of 30')).toBeVisible();
  });

  test('a tag filter that finds nothing says so', async ({ page, customersList }) => {
    const tag = uniqueId('no-such-tag');
    await customersList.open(`?tag=${tag}`);

    await expect(page.getByRole('heading', { name: `No active customer has the tag “${tag}”` })).toBeVisible();
    await expect(page.getByText('Tags match whole and exactly')).toBeVisible();
    await expect(page.getByText(/try All/)).toHaveCount(0);
  });

  test('at 390 px the rows are cards, and nothing scrolls sideways', async ({ page, customersList }) => {
    const run = uniqueId('phone');
    await createCustomer(page.request, {
      name: `${run}-with-a-rather-long-identifier`,
      displayName: 'Phone Card Ltd',
      pricePlanName: 'starter',
      tags: ['eu'],
      aliases: [`${run}-a1`, `${run}-a2`, `${run}-a3`, `${run}-a4`],
    });
    await page.setViewportSize({ width: 390, height: 844 });
    await customersList.open(`?q=${run}`);

    await expect(customersList.cards).toHaveCount(1);
    await expect(customersList.cards.first()).toContainText('Phone Card Ltd');
    await expect(customersList.cards.first()).toContainText('Starter');
    await expect(customersList.table).toBeHidden();
    expect(await noSidewaysScroll(page)).toBe(true);
    await expectNoAxeViolations(page);
  });

  test('a row opens its customer anywhere it is clicked; j/k move and Enter opens', async ({ page, customersList }) => {
    const run = uniqueId('rows');
    const first = await createCustomer(page.request, { name: `${run}-1`, displayName: 'Row One' });
    const second = await createCustomer(page.request, { name: `${run}-2`, displayName: 'Row Two' });
    await customersList.open(`?q=${run}&sort=id`);

    await customersList.cell(`${run}-1`, 'Name').click();
    await expect(page).toHaveURL(`/customers/${first}`);

    await page.goBack();
    await expect(customersList.rows).toHaveCount(2);
    await shortcutsReady(page);
    await page.getByRole('heading', { level: 1, name: 'Customers' }).click();
    await page.keyboard.press('j');
    await expect(customersList.idLink(`${run}-1`)).toBeFocused();
    await page.keyboard.press('j');
    await expect(customersList.idLink(`${run}-2`)).toBeFocused();
    await page.keyboard.press('k');
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`/customers/${second}`);
  });

  test('the Created column says how long ago, with the exact UTC time on hover and for screen readers', async ({
    page,
    customersList,
  }) => {
    const id = uniqueId('when');
    await createCustomer(page.request, { name: id });
    await customersList.open(`?q=${id}`);

    const time = customersList.cell(id, 'Created').locator('time');
    await expect(time).toContainText('just now');
    await expect(time).toHaveAttribute('title', /^\d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC$/);
    await expect(time.locator('.sr-only')).toHaveText(/UTC$/);
  });

  test('row copy buttons copy the ID, with a toast', async ({ page, context, customersList }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const id = uniqueId('copyrow');
    await createCustomer(page.request, { name: id });
    await customersList.open(`?q=${id}`);

    await customersList.row(id).hover();
    await customersList
      .row(id)
      .getByRole('button', { name: `Copy ID ${id}` })
      .click();
    await expect(page.getByText(`Copied ID ${id}`)).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(id);
  });
});

test.describe('keyboard shortcuts', () => {
  test('c creates, e edits, ? lists them, / searches from any page; none fire while typing', async ({ page }) => {
    const id = uniqueId('keys');
    const uuid = await createCustomer(page.request, { name: id });

    await page.goto(`/customers/${uuid}`);
    await shortcutsReady(page);
    await page.keyboard.press('e');
    await expect(page).toHaveURL(`/customers/${uuid}/edit`);

    await page.goto('/price-plans');
    await shortcutsReady(page);
    await page.keyboard.press('/');
    await expect(page).toHaveURL('/customers');
    const search = page.getByRole('searchbox', { name: 'Search customers' });
    await expect(search).toBeFocused();
    // Typing "c" in the search box types it.
    await page.keyboard.type('cej');
    await expect(search).toHaveValue('cej');
    await expect(page).toHaveURL(/\/customers\?q=cej$/);

    await page.getByRole('heading', { level: 1, name: 'Customers' }).click();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Create a customer');
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await page.keyboard.press('c');
    await expect(page).toHaveURL('/customers/new');
  });

  test('a viewer gets no create or edit shortcut', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState('viewer') });
    const page = await context.newPage();
    await page.goto('/customers');
    await shortcutsReady(page);
    await page.getByRole('heading', { level: 1, name: 'Customers' }).click();
    await page.keyboard.press('c');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).not.toContainText('Create a customer');
    await expect(page).toHaveURL('/customers');
    await context.close();
  });
});

test.describe('the customer page', () => {
  test('copies every ID, uuid, alias and provider id; Stripe links to its dashboard; times are relative', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const id = uniqueId('copydetail');
    const uuid = await createCustomer(page.request, {
      name: id,
      externalId: `${id}-ext`,
      aliases: [`${id}-alias`],
      billingProviders: [
        {
          billingProvider: 'stripe',
          deliveryMethod: 'direct_to_billing_provider',
          configuration: { stripe_customer_id: 'cus_Q1w2E3r4', stripe_collection_method: 'charge_automatically' },
        },
      ],
    });
    await page.goto(`/customers/${uuid}`);
    const main = page.getByRole('main');

    const copies: [string, string][] = [
      ['Copy UUID', uuid],
      ['Copy external ID', `${id}-ext`],
      [`Copy alias ${id}-alias`, `${id}-alias`],
      ['Copy Stripe customer ID', 'cus_Q1w2E3r4'],
    ];
    await main.getByRole('button', { name: 'Copy ID', exact: true }).first().click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(id);
    for (const [name, value] of copies) {
      await main.getByRole('button', { name, exact: true }).click();
      await expect(page.getByText(name.replace('Copy', 'Copied'), { exact: true })).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);
    }
    await expect(main.getByRole('link', { name: /^cus_Q1w2E3r4/ })).toHaveAttribute(
      'href',
      'https://dashboard.stripe.com/customers/cus_Q1w2E3r4',
    );

    const created = page.locator('div:has(> dt:text-is("Created")) > dd time');
    await expect(created).toContainText('just now');
    await expect(created).toHaveAttribute('title', /UTC$/);
    await expectNoAxeViolations(page);
  });

  test('/customers/<ID> (any case) goes to the customer', async ({ page }) => {
    const id = uniqueId('Pasted');
    const uuid = await createCustomer(page.request, { name: id, displayName: 'Pasted Into The Bar' });

    await page.goto(`/customers/${id.toUpperCase()}`);
    await expect(page).toHaveURL(`/customers/${uuid}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Pasted Into The Bar' })).toBeVisible();

    const response = await page.goto(`/customers/${uniqueId('nobody')}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Customer not found' })).toBeVisible();
  });
});

test.describe('page not found', () => {
  test('is inside the portal frame, with the same wording as the customer 404', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
    await page.getByRole('main').getByRole('link', { name: 'Go to customers' }).click();
    await expect(page).toHaveURL('/customers');

    await page.goto(`/customers/00000000-0000-4000-8000-000000000000`);
    await expect(page.getByRole('main').getByRole('link', { name: 'Go to customers' })).toBeVisible();
    await expect(page.getByText(/Back to/)).toHaveCount(0);
  });
});
