import { test, expect, uniqueId, expectNoAxeViolations } from './fixtures';
import { PricePlansPage } from './pages/price-plans-page';
import { storageState } from './users';

test.describe('price plans', () => {
  test('the page lists the seeded plans with their customers', async ({ page }) => {
    const plans = new PricePlansPage(page);
    await page.goto('/customers');
    await plans.openFromSidebar();

    await expect(page.getByRole('heading', { level: 1, name: 'Price plans' })).toBeVisible();
    await expect(page).toHaveTitle(/^Price plans/);
    for (const [key, displayName] of [
      ['enterprise', 'Enterprise'],
      ['growth', 'Growth'],
      ['starter', 'Starter'],
      ['usage_storage', 'Storage metered'],
    ] as const) {
      await expect(plans.row(key)).toHaveCount(1);
      await expect(plans.cell(key, 'Display name')).toHaveText(displayName);
      await expect(plans.cell(key, 'Customers')).toHaveText(/^\d[\d,]*$/);
    }
    await expect(plans.cell('growth', 'Description')).toHaveText(
      '$500 a month including 500,000 API calls, then $0.0015 per call.',
    );
  });

  test('adding a plan shows it in the table and empties the form', async ({ page }) => {
    const plans = new PricePlansPage(page);
    const key = uniqueId('growth');
    await plans.open();
    await plans.add({ key, displayName: `Growth ${key}`, description: 'Billed monthly in arrears.' });

    await expect(plans.addedNotice).toBeVisible();
    await expect(plans.row(key)).toHaveCount(1);
    await expect(plans.cell(key, 'Display name')).toHaveText(`Growth ${key}`);
    await expect(plans.cell(key, 'Description')).toHaveText('Billed monthly in arrears.');
    await expect(plans.cell(key, 'Customers')).toHaveText('0');
    await expect(plans.adding.dialog).toBeHidden();
    await expect(plans.adding.button).toBeFocused();
    // Opened again, it starts empty.
    await plans.adding.button.click();
    await expect(plans.adding.field('Key')).toHaveValue('');
    await expect(plans.adding.field('Display name')).toHaveValue('');
    await expect(plans.adding.field('Description')).toHaveValue('');
    await expect(plans.adding.alert).toBeEmpty();
    await page.keyboard.press('Escape');
    await expect(plans.adding.dialog).toBeHidden();

    await page.reload();
    await expect(plans.row(key)).toHaveCount(1);
  });

  test('a blank form shows what is required next to each field, without a round trip', async ({ page }) => {
    const plans = new PricePlansPage(page);
    await plans.open();
    await plans.adding.button.click();
    await plans.adding.submit.click();

    await expect(plans.adding.alert).toHaveText('Some fields need attention.');
    await expect(plans.adding.field('Key')).toHaveAttribute('aria-invalid', 'true');
    await expect(plans.adding.field('Key')).toHaveAccessibleDescription(/Key is required/);
    await expect(plans.adding.field('Display name')).toHaveAccessibleDescription(/Display name is required/);
    await expect(plans.adding.field('Description')).toHaveAttribute('aria-invalid', 'false');
  });

  test('a key taken in another case is refused next to Key, with everything typed kept', async ({ page }) => {
    const plans = new PricePlansPage(page);
    const key = uniqueId('scale');
    await plans.open();
    await plans.create({ key, displayName: 'Scale' });

    await plans.add({ key: key.toUpperCase(), displayName: 'Scale again', description: 'Should not be saved.' });

    await expect(plans.adding.alert).toHaveText('Not saved: the key is already taken.');
    await expect(plans.adding.field('Key')).toHaveAttribute('aria-invalid', 'true');
    await expect(plans.adding.field('Key')).toHaveAccessibleDescription(
      new RegExp(`This key is already taken by “${key}” \\(keys are compared ignoring case\\)`),
    );
    await expect(plans.adding.field('Key')).toBeFocused();
    await expect(plans.adding.field('Key')).toHaveValue(key.toUpperCase());
    await expect(plans.adding.field('Display name')).toHaveValue('Scale again');
    await expect(plans.adding.field('Description')).toHaveValue('Should not be saved.');
    await expect(plans.addedNotice).toHaveCount(0);
    await expect(plans.row(key.toUpperCase())).toHaveCount(0);
  });

  test('the page has no axe violations, with and without field errors', async ({ page }) => {
    const plans = new PricePlansPage(page);
    await plans.open();
    await expect(plans.table).toBeVisible();
    await expectNoAxeViolations(page);

    await plans.add({ key: '_bad key', displayName: '' });
    await expect(plans.adding.field('Key')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);
  });
});

test.describe('editing and archiving price plans', () => {
  test('an editor renames and describes a plan; the key stays', async ({ page }) => {
    const plans = new PricePlansPage(page);
    const key = uniqueId('rename');
    await plans.open();
    await plans.create({ key, displayName: `Before ${key}`, description: 'Old terms.' });

    await plans.edit(key, { displayName: `After ${key}`, description: 'New terms.\nBilled monthly.' });

    await expect(plans.toast('Price plan saved')).toBeVisible();
    await expect(plans.editDialog(key)).toBeHidden();
    await expect(plans.cell(key, 'Display name')).toHaveText(`After ${key}`);
    await expect(plans.cell(key, 'Description')).toHaveText('New terms.\nBilled monthly.');
    await expect(page).toHaveURL((url) => url.pathname === '/price-plans' && url.search === '');
    await page.reload();
    await expect(plans.cell(key, 'Display name')).toHaveText(`After ${key}`);

    // A blank display name is refused in the dialog, which keeps what was typed.
    await plans.edit(key, { displayName: '  ', description: 'Kept' });
    await expect(plans.editDialog(key).getByLabel('Display name')).toHaveAccessibleDescription(
      /Display name is required/,
    );
    await expect(plans.editDialog(key).getByLabel('Description')).toHaveValue('Kept');
    await page.keyboard.press('Escape');
    await expect(plans.cell(key, 'Display name')).toHaveText(`After ${key}`);
  });

  test('an archived plan stays on its customers, is not offered for new ones, and shows marked in the filter', async ({
    page,
    customerForm,
  }) => {
    test.slow(); // six pages
    const plans = new PricePlansPage(page);
    const key = uniqueId('retired');
    const displayName = `Retired ${key}`;
    await plans.open();
    await plans.create({ key, displayName });
    const holder = uniqueId('holder');
    const holderUuid = await customerForm.createAndOpen({ id: holder, pricePlan: displayName });

    await plans.open();
    await plans.archiveButton(key).click();
    const toast = plans.toast(`Price plan archived: ${displayName}`);
    await expect(toast).toBeVisible();
    await expect(plans.unarchiveButton(key)).toBeVisible();
    await expect(plans.cell(key, 'Display name')).toContainText('Archived');
    await expect(plans.cell(key, 'Customers')).toHaveText('1');

    // Not offered to a new customer…
    await customerForm.open();
    await expect(customerForm.field('Price plan').locator('option')).not.toContainText([displayName]);
    await expect(customerForm.field('Price plan').locator('option', { hasText: /^Growth$/ })).toHaveCount(1);
    // …kept, and marked, on the customer that has it, through an edit.
    await customerForm.openEdit(holderUuid);
    await expect(customerForm.selectedOption(customerForm.field('Price plan'))).toHaveText(`${displayName} (archived)`);
    await customerForm.field('Name').fill(`Still ${holder}`);
    await customerForm.form.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Still ${holder}`);
    await expect(page.getByRole('main')).toContainText(displayName);
    // The list's filter still finds its customers, and says it is archived.
    await page.goto('/customers');
    await expect(
      page.getByRole('search', { name: 'Customers' }).getByLabel('Price plan').locator('option', { hasText: key }),
    ).toHaveText(`${displayName} (archived)`);

    // Unarchived, it is offered again.
    await plans.open();
    await plans.unarchiveButton(key).click();
    await expect(plans.toast(`Price plan unarchived: ${displayName}`)).toBeVisible();
    await expect(plans.archiveButton(key)).toBeVisible();
    await customerForm.open();
    await expect(customerForm.field('Price plan').locator('option', { hasText: displayName })).toHaveCount(1);
  });

  test('archiving says so in a toast with Undo', async ({ page }) => {
    const plans = new PricePlansPage(page);
    const key = uniqueId('undo');
    await plans.open();
    await plans.add({ key, displayName: `Undo ${key}` });
    await plans.archiveButton(key).click();
    const toast = plans.toast(`Price plan archived: Undo ${key}`);
    await expect(toast).toBeVisible();
    await expect(plans.unarchiveButton(key)).toBeVisible();
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(plans.toast(`Price plan unarchived: Undo ${key}`)).toBeVisible();
    await expect(plans.archiveButton(key)).toBeVisible();
    await expect(plans.cell(key, 'Display name')).toHaveText(`Undo ${key}`);
  });

  test('the customer count opens the list filtered by that plan', async ({ page, customerForm, customersList }) => {
    const plans = new PricePlansPage(page);
    const key = uniqueId('counted');
    const displayName = `Counted ${key}`;
    await plans.open();
    await plans.create({ key, displayName });
    const ids = [uniqueId('on-plan'), uniqueId('on-plan')];
    for (const id of ids) await customerForm.createAndOpen({ id, pricePlan: displayName });
    const elsewhere = uniqueId('elsewhere');
    await customerForm.createAndOpen({ id: elsewhere });

    await plans.open();
    await expect(plans.customersLink(key)).toHaveText('2');
    await expect(plans.customersLink(key)).toHaveAccessibleName(`2 customers on ${displayName}`);
    await plans.customersLink(key).click();

    await expect(page).toHaveURL((url) => url.pathname === '/customers' && url.searchParams.get('plan') === key);
    for (const id of ids) await expect(customersList.row(id)).toBeVisible();
    await expect(customersList.rows).toHaveCount(2);
    await expect(customersList.row(elsewhere)).toHaveCount(0);
  });

  test('a viewer sees the plans and their counts, but no way to change them', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState('viewer') });
    const plans = new PricePlansPage(await context.newPage());
    await plans.open();
    await expect(plans.row('growth')).toHaveCount(1);
    await expect(plans.customersLink('growth')).toBeVisible();
    await expect(plans.adding.button).toHaveCount(0);
    await expect(plans.editButton('growth')).toHaveCount(0);
    await expect(plans.archiveButton('growth')).toHaveCount(0);
    await context.close();
  });

  for (const width of [1280, 390]) {
    test(`at ${width} px nothing scrolls sideways, and axe finds nothing (long names too)`, async ({ page }) => {
      test.slow(); // two axe scans
      const plans = new PricePlansPage(page);
      const key = uniqueId('a_rather_long_price_plan_key_for_enterprise_customers');
      await plans.open();
      await plans.add({
        key,
        displayName: 'Enterprise commitment with volume tiers and overage billed monthly in arrears',
        description: 'A long description '.repeat(12),
      });
      await expect(plans.row(key)).toHaveCount(1);
      await plans.archiveButton(key).click();
      await expect(plans.unarchiveButton(key)).toBeVisible();

      await page.setViewportSize({ width, height: 900 });
      await page.reload();
      await expect(plans.row(key)).toBeVisible();
      for (const control of [plans.editButton(key), plans.unarchiveButton(key), plans.customersLink(key)]) {
        await expect(control).toBeVisible();
        const box = (await control.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await expectNoAxeViolations(page);

      await plans.editButton(key).click();
      await expect(plans.editDialog(key)).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await expectNoAxeViolations(page);
    });
  }
});
