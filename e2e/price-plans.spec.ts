import { test, expect, uniqueId, expectNoAxeViolations } from './fixtures';
import { PricePlansPage } from './pages/price-plans-page';

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
    await expect(plans.dialog).toBeHidden();
    await expect(plans.addButton).toBeFocused();
    // Opened again, it starts empty.
    await plans.addButton.click();
    await expect(plans.field('Key')).toHaveValue('');
    await expect(plans.field('Display name')).toHaveValue('');
    await expect(plans.field('Description')).toHaveValue('');
    await expect(plans.formAlert).toBeEmpty();
    await page.keyboard.press('Escape');
    await expect(plans.dialog).toBeHidden();

    await page.reload();
    await expect(plans.row(key)).toHaveCount(1);
  });

  test('a blank form shows what is required next to each field, without a round trip', async ({ page }) => {
    const plans = new PricePlansPage(page);
    await plans.open();
    await plans.addButton.click();
    await plans.submit.click();

    await expect(plans.formAlert).toHaveText('Some fields need attention.');
    await expect(plans.field('Key')).toHaveAttribute('aria-invalid', 'true');
    await expect(plans.field('Key')).toHaveAccessibleDescription(/Key is required/);
    await expect(plans.field('Display name')).toHaveAccessibleDescription(/Display name is required/);
    await expect(plans.field('Description')).toHaveAttribute('aria-invalid', 'false');
  });

  test('a key taken in another case is refused next to Key, with everything typed kept', async ({ page }) => {
    const plans = new PricePlansPage(page);
    const key = uniqueId('scale');
    await plans.open();
    await plans.add({ key, displayName: 'Scale' });
    await expect(plans.row(key)).toHaveCount(1);

    await plans.add({ key: key.toUpperCase(), displayName: 'Scale again', description: 'Should not be saved.' });

    await expect(plans.formAlert).toHaveText('Not saved: the key is already taken.');
    await expect(plans.field('Key')).toHaveAttribute('aria-invalid', 'true');
    await expect(plans.field('Key')).toHaveAccessibleDescription(
      new RegExp(`This key is already taken by “${key}” \\(keys are compared ignoring case\\)`),
    );
    await expect(plans.field('Key')).toBeFocused();
    await expect(plans.field('Key')).toHaveValue(key.toUpperCase());
    await expect(plans.field('Display name')).toHaveValue('Scale again');
    await expect(plans.field('Description')).toHaveValue('Should not be saved.');
    await expect(plans.addedNotice).toHaveCount(0);
    await expect(plans.row(key.toUpperCase())).toHaveCount(0);
  });

  test('the page has no axe violations, with and without field errors', async ({ page }) => {
    const plans = new PricePlansPage(page);
    await plans.open();
    await expect(plans.table).toBeVisible();
    await expectNoAxeViolations(page);

    await plans.add({ key: '_bad key', displayName: '' });
    await expect(plans.field('Key')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);
  });
});
