import { readFile } from 'node:fs/promises';
import { parseCsv } from '../test/csv';
import { expect, expectNoAxeViolations, expectNoSidewaysScroll, NARROW, test, uniqueId, WIDE } from './fixtures';
import { actionSentBy, replay } from './server-actions';
import { storageState } from './users';
import { createCustomers } from './customer-steps';

// Exporting the list's view as CSV, and changing many customers at once from the list.

test.describe('bulk actions on the customer list', () => {
  test('select two rows, add a tag: the confirmation names the count, the tag shows', async ({
    page,
    customersList,
  }) => {
    const run = uniqueId('bulk');
    const tag = `t-${run}`.slice(0, 60);
    await createCustomers(page.request, [{ name: `${run}-a` }, { name: `${run}-b` }, { name: `${run}-c` }]);
    await page.setViewportSize(WIDE);
    await customersList.open(`?q=${run}&sort=id`);
    await expect(customersList.rows).toHaveCount(3);

    await customersList.checkbox(`${run}-a`).check();
    await customersList.checkbox(`${run}-c`).check();
    await expect(customersList.bulkActions).toContainText('2 customers selected');
    await expectNoAxeViolations(page);
    await customersList.applyBulk('Add tag', { tag });
    const dialog = page.getByRole('dialog', { name: `Add the tag “${tag}” to 2 customers?` });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Changed 2 customers' })).toBeVisible();
    await expect(customersList.cell(`${run}-a`, 'Tags')).toContainText(tag);
    await expect(customersList.cell(`${run}-c`, 'Tags')).toContainText(tag);
    await expect(customersList.cell(`${run}-b`, 'Tags')).not.toContainText(tag);
    await expect(customersList.bulkActions).toHaveCount(0);
  });

  test('shift-click selects a range; "select all matching" archives the whole view, beyond the page', async ({
    page,
    customersList,
  }) => {
    const run = uniqueId('bulkall');
    const ids = Array.from({ length: 27 }, (_, i) => `${run}-${String(i).padStart(2, '0')}`);
    await createCustomers(
      page.request,
      ids.map((name) => ({ name, tags: [run] })),
    );
    await page.setViewportSize(WIDE);
    await customersList.open(`?tag=${run}&sort=id&limit=25`);
    await expect(customersList.rows).toHaveCount(25);

    await customersList.checkbox(ids[1]!).click();
    await customersList.checkbox(ids[4]!).click({ modifiers: ['Shift'] });
    await expect(customersList.bulkActions).toContainText('4 customers selected');
    await expect(customersList.checkbox(ids[3]!)).toBeChecked();
    await expect(customersList.checkbox(ids[5]!)).not.toBeChecked();

    await customersList.selectPage.check();
    await customersList.bulkActions.getByRole('button', { name: 'Select all 27 matching this view' }).click();
    await expect(customersList.bulkActions).toContainText('All 27 customers matching this view selected');
    await customersList.applyBulk('Archive');
    const dialog = page.getByRole('dialog', { name: 'Archive 27 customers?' });
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Changed 27 customers' })).toBeVisible();
    await expect(page.getByRole('heading', { name: `No active customer has the tag “${run}”` })).toBeVisible();

    await customersList.open(`?tag=${run}&status=archived&limit=25`);
    await expect(page.getByRole('status').filter({ hasText: '27 customers' })).toBeVisible();
  });

  test('keyboard, axe and no sideways scroll at phone width with a selection', async ({ page, customersList }) => {
    const run = uniqueId('bulkkb');
    await createCustomers(page.request, [{ name: `${run}-a` }, { name: `${run}-b` }]);
    await page.setViewportSize(NARROW);
    await customersList.open(`?q=${run}`);
    const box = page.getByRole('checkbox', { name: `Select ${run}-a` });
    await box.focus();
    await page.keyboard.press('Space');
    await expect(box).toBeChecked();
    await expect(customersList.bulkActions).toContainText('1 customer selected');
    await page.keyboard.press('Tab');
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
  });

  test('the bulk action refuses a viewer who sends it by hand; the editor’s same request works', async ({
    page,
    customersList,
    playwright,
    baseURL,
  }) => {
    const run = uniqueId('bulkrole');
    const tag = `t-${run}`;
    await createCustomers(page.request, [{ name: `${run}-a` }]);
    await customersList.open(`?q=${run}`);
    await customersList.checkbox(`${run}-a`).check();
    await customersList.applyBulk('Add tag', { tag });
    // The page's own request is kept from the server: it is sent by hand below.
    await page.route(
      (url) => url.pathname === '/customers',
      (route) => (route.request().method() === 'POST' ? route.abort() : route.continue()),
    );
    const action = await actionSentBy(page, '/customers', () =>
      page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click(),
    );
    const tagged = async () => (await (await page.request.get(`/api/customers/count?tag=${tag}`)).json()).value;

    const viewer = await playwright.request.newContext({ baseURL, storageState: storageState('viewer') });
    await replay(viewer, action, action.body);
    await viewer.dispose();
    expect(await tagged()).toBe(0);

    await replay(page.request, action, action.body);
    expect(await tagged()).toBe(1);
  });

  test.describe('as viewer', () => {
    test.use({ storageState: storageState('viewer') });

    test('a viewer sees no selection, and may export', async ({ page, customersList }) => {
      await customersList.open();
      await expect(customersList.table).toBeVisible();
      await expect(page.getByRole('checkbox')).toHaveCount(0);
      await expect(customersList.selectPage).toHaveCount(0);
      await expect(customersList.exportLink).toBeVisible();
    });
  });
});

test.describe('CSV export', () => {
  test('Export CSV on a filtered list downloads exactly the view’s customers, in its order', async ({
    page,
    customersList,
  }) => {
    const run = uniqueId('exp');
    await createCustomers(page.request, [
      { name: `${run}-b`, displayName: '=SUM(A1:A2)', tags: [run] },
      { name: `${run}-c`, displayName: 'Comma, "quoted"', tags: [run] },
      { name: `${run}-a`, tags: [run] },
      { name: `${run}-x` },
    ]);
    await customersList.open(`?tag=${run}&sort=id&order=desc`);
    await expect(customersList.rows).toHaveCount(3);
    const [download] = await Promise.all([page.waitForEvent('download'), customersList.exportLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const [header, ...rows] = parseCsv(text);
    expect(header!.slice(0, 2)).toEqual(['ID', 'Name']);
    expect(rows.map((r) => r[0])).toEqual([`${run}-c`, `${run}-b`, `${run}-a`]);
    expect(rows[0]![1]).toBe('Comma, "quoted"');
    expect(rows[1]![1]).toBe("'=SUM(A1:A2)");
  });
});
