import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, shortcutsReady, test, uniqueId } from './fixtures';
import { storageState } from './users';
import { createCustomers } from './customer-steps';

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search customers' });

test.describe('finding customers', () => {
  test('search by an alias puts the exact match first; part of a Name finds it too', async ({
    page,
    customersList,
  }) => {
    const run = uniqueId('find');
    await createCustomers(page.request, [
      { name: `${run}-a`, displayName: `Zephyrine ${run} Holdings`, aliases: [`${run}-edge`] },
      // Its alias contains the first one's: a substring match, listed below the exact one.
      { name: `${run}-b`, displayName: `Other ${run}`, aliases: [`${run}-edge-eu`] },
      { name: `${run}-c`, displayName: `Third ${run}` },
    ]);
    await customersList.open();

    // "/" jumps to the search box from anywhere on the page.
    await shortcutsReady(page);
    await page.getByRole('heading', { name: 'Customers', level: 1 }).click();
    await page.keyboard.press('/');
    await expect(searchBox(page)).toBeFocused();
    await page.keyboard.type(`${run}-edge`);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${run}-edge`));
    await expect(customersList.rows).toHaveCount(2);
    expect(await customersList.visibleIds()).toEqual([`${run}-a`, `${run}-b`]);
    await expect(customersList.row(`${run}-a`).getByText('Exact match')).toBeVisible();
    await expect(customersList.row(`${run}-b`).getByText('Exact match')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: '2 customers' })).toBeVisible();

    // Part of a Name, in another case.
    await searchBox(page).fill(`PHYRINE ${run.toUpperCase()} HOLD`);
    await expect(customersList.rows).toHaveCount(1);
    await expect(customersList.idLink(`${run}-a`)).toBeVisible();

    // Nothing matches: says so, and offers a way back.
    await searchBox(page).fill(`${run}-nothing`);
    await expect(page.getByRole('heading', { name: `No customers match “${run}-nothing”` })).toBeVisible();
    await page.getByRole('link', { name: 'Clear search and filters' }).click();
    await expect(searchBox(page)).toHaveValue('');
    await expect(page).toHaveURL(/\/customers$/);

    // Escape clears the box.
    await searchBox(page).fill(`${run}-edge`);
    await expect(customersList.rows).toHaveCount(2);
    await searchBox(page).press('Escape');
    await expect(searchBox(page)).toHaveValue('');
    await expect(page).toHaveURL(/\/customers$/);
  });

  test('filters by price plan, tag and status, and says when nothing matches', async ({ page, customersList }) => {
    const run = uniqueId('filter');
    await createCustomers(page.request, [
      { name: `${run}-growth-vip`, pricePlanName: 'growth', tags: [`vip-${run}`] },
      { name: `${run}-growth`, pricePlanName: 'growth' },
      { name: `${run}-starter-vip`, pricePlanName: 'starter', tags: [`vip-${run}`] },
    ]);
    await customersList.open(`?q=${run}`);
    await expect(customersList.rows).toHaveCount(3);

    await page.getByLabel('Price plan').selectOption({ label: 'Growth' });
    await expect(page).toHaveURL(/[?&]plan=growth/);
    await expect(customersList.rows).toHaveCount(2);

    await page.getByLabel('Tag', { exact: true }).fill(`vip-${run}`);
    await expect(page).toHaveURL(new RegExp(`[?&]tag=vip-${run}`));
    await expect(customersList.rows).toHaveCount(1);
    expect(await customersList.visibleIds()).toEqual([`${run}-growth-vip`]);

    await page.getByLabel('Price plan').selectOption({ label: 'Any plan' });
    await expect(customersList.rows).toHaveCount(2);

    await page.getByLabel('Billing provider').selectOption({ label: 'NetSuite' });
    await expect(page.getByRole('heading', { name: `No customers match “${run}”` })).toBeVisible();
    await page.getByLabel('Billing provider').selectOption({ label: 'Any provider' });
    await expect(customersList.rows).toHaveCount(2);

    await page.getByRole('navigation', { name: 'Status' }).getByRole('link', { name: 'Archived' }).click();
    await expect(page.getByRole('heading', { name: `No customers match “${run}”` })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`status=archived`));
    await expect(searchBox(page)).toHaveValue(run);
  });

  test('sorts by Name both ways, pages forward and back, and a shared URL shows the same view', async ({
    page,
    browser,
    customersList,
  }) => {
    test.setTimeout(90_000);
    const run = uniqueId('sort');
    const names = Array.from({ length: 28 }, (_, i) => `${run} ${String(i + 1).padStart(2, '0')}`);
    await createCustomers(
      page.request,
      names.map((displayName, i) => ({ name: `${run}-${String(28 - i).padStart(2, '0')}`, displayName })),
    );
    await customersList.open(`?q=${run}&limit=25`);
    await expect(page.getByLabel('Rows per page')).toHaveValue('25');
    await expect(customersList.rows).toHaveCount(25);

    const nameHeader = page.getByRole('columnheader', { name: /^Name/ });
    await nameHeader.getByRole('link').click();
    await expect(page).toHaveURL(/[?&]sort=name/);
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(customersList.cell(`${run}-28`, 'Name')).toHaveText(names[0]!);
    await expect(customersList.rows.first()).toContainText(names[0]!);

    await nameHeader.getByRole('link').click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(page).toHaveURL(/[?&]order=desc/);
    await expect(customersList.rows.first()).toContainText(names[27]!);
    const firstPage = await customersList.visibleIds();
    expect(firstPage).toHaveLength(25);

    await customersList.nextPage.click();
    await expect(customersList.rows).toHaveCount(3);
    // Names 03, 02, 01 belong to IDs 26, 27, 28.
    expect(await customersList.visibleIds()).toEqual([`${run}-26`, `${run}-27`, `${run}-28`]);
    const secondPageUrl = page.url();

    await page.goBack();
    await expect(customersList.rows).toHaveCount(25);
    expect(await customersList.visibleIds()).toEqual(firstPage);

    // Someone else opens the second page's address: same view, same rows, same controls.
    const other = await browser.newContext({ storageState: storageState('viewer') });
    const otherPage = await other.newPage();
    await otherPage.goto(secondPageUrl);
    await expect(searchBox(otherPage)).toHaveValue(run);
    await expect(otherPage.getByRole('columnheader', { name: /^Name/ })).toHaveAttribute('aria-sort', 'descending');
    await expect(otherPage.getByLabel('Rows per page')).toHaveValue('25');
    await expect(otherPage.getByRole('region', { name: 'Customers' }).getByRole('row')).toHaveCount(4);
    await other.close();

    // Page size changes from its select, back to the first page.
    await page.getByLabel('Rows per page').selectOption('50');
    await expect(customersList.rows).toHaveCount(28);
    await expect(page).not.toHaveURL(/cursor=/);
  });

  for (const width of [1280, 390]) {
    test(`search, filters and counts pass axe at ${width}px`, async ({ page, customersList }) => {
      await page.setViewportSize({ width, height: 900 });
      const run = uniqueId('axe');
      await createCustomers(page.request, [{ name: `${run}-a`, aliases: [`${run}-x`] }, { name: `${run}-b` }]);
      await customersList.open(`?q=${run}-x&tag=none-${run}`);
      await expect(page.getByRole('heading', { name: `No customers match “${run}-x”` })).toBeVisible();
      await expectNoAxeViolations(page);
      await customersList.open(`?q=${run}-x`);
      // At phone width the customers are cards; at desktop width, table rows.
      const match = width < 768 ? customersList.cards.filter({ hasText: `${run}-a` }) : customersList.row(`${run}-a`);
      await expect(match.getByText('Exact match')).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: '1 customer' })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});
