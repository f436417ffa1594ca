import { NARROW, WIDE, expect, expectNoAxeViolations, expectNoSidewaysScroll, test, uniqueId } from './fixtures';
import { ApiKeysPage } from './pages/api-keys-page';
import { storageState } from './users';
import { apiError, sdk } from './v1-client';

// The API keys page: an admin makes a key (shown once), sees it listed and used, and revokes it.

const KEY = /^mlk_[A-Za-z0-9_-]{43}$/;

test.describe('an admin', () => {
  test.use({ storageState: storageState('admin') });

  test('creates a key, shown once with a copy button; it is listed and works until revoked, then gets 401', async ({
    page,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const keys = new ApiKeysPage(page);
    await keys.open();
    const name = uniqueId('crm-sync');
    await keys.create(name, 'Editor');

    await expect(keys.newKey).toBeFocused();
    const key = await keys.newKey.inputValue();
    expect(key).toMatch(KEY);
    await expect(keys.dialog).toContainText('You will not see it again');
    await keys.copyButton.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await keys.dialog.getByRole('button', { name: 'Done' }).click();
    await expect(keys.dialog).toBeHidden();

    const row = keys.row(name);
    await expect(row).toContainText('Editor');
    await expect(row).toContainText(`${key.slice(0, 8)}…`);
    await expect(row).toContainText('admin@e2e.test');
    await expect(row).toContainText('Never');
    // Never shown again.
    await page.reload();
    await expect(row).toBeVisible();
    expect(await page.content()).not.toContain(key);

    // It works (a route outside the contract: the key passes, the route does not exist).
    const { client, attempts } = sdk(baseURL!, key);
    expect((await apiError(client.v1.plans.list())).status).toBe(404);
    await page.reload();
    await expect(row).not.toContainText('Never');

    await keys.revoke(name);
    await expect(row).toContainText('Revoked');
    await expect(keys.revokeButton(name)).toHaveCount(0);
    const refused = await apiError(client.v1.plans.list());
    expect(refused.status).toBe(401);
    expect(refused.error).toMatchObject({ code: 'unauthorized' });
    expect(attempts.count).toBe(2);

    // Both are in the audit trail, without the key.
    await page.goto('/audit?action=api_key.create');
    await expect(page.getByRole('main')).toContainText(name);
    await page.goto('/audit?action=api_key.revoke');
    await expect(page.getByRole('main')).toContainText(name);
    expect(await page.content()).not.toContain(key);
  });

  test('a name is required and at most 80 characters; the errors stand beside the field', async ({ page }) => {
    const keys = new ApiKeysPage(page);
    await keys.open();
    await keys.createButton.click();
    const nameField = keys.dialog.getByLabel('Name');
    await keys.dialog.getByRole('button', { name: 'Create key' }).click();
    await expect(nameField).toHaveAttribute('aria-invalid', 'true');
    await expect(keys.dialog).toContainText('Name is required');
    await nameField.fill('x'.repeat(81));
    await expect(keys.dialog).toContainText(/at most 80 characters/);
    await expect(keys.newKey).toHaveCount(0);
  });

  test('works from the keyboard: create, copy, done, then revoke', async ({ page }) => {
    const keys = new ApiKeysPage(page);
    await keys.open();
    await keys.createButton.focus();
    await page.keyboard.press('Enter');
    const name = uniqueId('keyboard');
    await expect(keys.dialog.getByLabel('Name')).toBeFocused();
    await page.keyboard.type(name);
    await page.keyboard.press('Tab');
    await expect(keys.dialog.getByLabel('Role')).toBeFocused();
    await page.keyboard.press('Tab'); // Cancel
    await page.keyboard.press('Tab'); // Create key
    await page.keyboard.press('Enter');
    await expect(keys.newKey).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(keys.copyButton).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // Done
    await expect(keys.dialog).toBeHidden();
    await expect(keys.createButton).toBeFocused();
    await expect(keys.row(name)).toContainText('Viewer');

    await keys.revokeButton(name).focus();
    await page.keyboard.press('Enter');
    const question = page.getByRole('dialog', { name: /^Revoke the API key/ });
    await expect(question.getByRole('button', { name: 'Keep key' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(question).toBeHidden();
    await expect(keys.revokeButton(name)).toBeVisible();
    await keys.revokeButton(name).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(question.getByRole('button', { name: 'Revoke key' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(keys.row(name)).toContainText('Revoked');
  });

  for (const viewport of [WIDE, NARROW]) {
    test(`reads well at ${viewport.width} px: the list, the dialog and the new key pass axe`, async ({ page }) => {
      await page.setViewportSize(viewport);
      const keys = new ApiKeysPage(page);
      await keys.open();
      await expect(keys.row('e2e-admin')).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
      await keys.createButton.click();
      await expect(keys.dialog.getByLabel('Name')).toBeFocused();
      await expectNoAxeViolations(page);
      await keys.dialog.getByLabel('Name').fill(uniqueId(`axe-${viewport.width}`));
      await keys.dialog.getByRole('button', { name: 'Create key' }).click();
      await expect(keys.newKey).toBeVisible();
      await expectNoAxeViolations(page);
      await expectNoSidewaysScroll(page);
    });
  }
});
