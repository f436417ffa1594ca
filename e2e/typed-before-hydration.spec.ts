import type { Page } from '@playwright/test';
import { expect, test, uniqueId, waitForHydration } from './fixtures';
import { DETAIL_URL, EDIT_URL } from './pages/customer-form-page';

// On a slow connection the form is on screen before its JavaScript runs. Whatever a person types
// then, or selects then and types once the page has started, is what the form holds and saves.

/**
 * Holds back the page's JavaScript (Next's chunks) until `release` is called: the server-rendered
 * form is on screen, React has not started.
 */
async function holdScripts(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/chunks/**', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test.describe('what is typed before the page has started', () => {
  test('the edit form keeps what was typed into it, and saves exactly that', async ({
    page,
    customerForm,
    customerDetail,
  }) => {
    const id = uniqueId('early');
    const uuid = await customerForm.createAndOpen({
      id,
      name: `Early ${id}`,
      description: 'Old description',
      aliases: [`${id}-old`],
    });

    const release = await holdScripts(page);
    await page.goto(`/customers/${uuid}/edit`, { waitUntil: 'commit' });
    // What the server rendered: the customer as stored.
    await expect(customerForm.field('Name')).toHaveValue(`Early ${id}`);
    await expect(customerForm.alias(1)).toHaveValue(`${id}-old`);
    await customerForm.field('Name').fill(`Typed early ${id}`);
    await customerForm.field('Description').fill('Typed description');
    await customerForm.alias(1).fill(`${id}-typed`);
    release();
    await waitForHydration(customerForm.field('Name'));

    // Started: the typed values are still there, and count as unsaved changes.
    await expect(customerForm.field('Name')).toHaveValue(`Typed early ${id}`);
    await expect(customerForm.field('Description')).toHaveValue('Typed description');
    await expect(customerForm.alias(1)).toHaveValue(`${id}-typed`);
    await expect(customerForm.field('ID')).toHaveValue(id);
    await expect(customerForm.form.getByRole('status')).toHaveText('Unsaved changes');

    await customerForm.saveChanges.click();
    await expect(page).toHaveURL(DETAIL_URL);
    await expect(customerDetail.heading).toHaveText(`Typed early ${id}`);
    await expect(customerDetail.item('Name')).toHaveText(`Typed early ${id}`);
    await expect(customerDetail.item('Description')).toHaveText('Typed description');
    await expect(customerDetail.aliases).toHaveText([`${id}-typed`]);
  });

  test('text selected before the page started is replaced by what is typed after', async ({
    page,
    customerForm,
    customerDetail,
  }) => {
    const id = uniqueId('select');
    const uuid = await customerForm.createAndOpen({ id, name: `Selected ${id}` });

    const release = await holdScripts(page);
    await page.goto(`/customers/${uuid}/edit`, { waitUntil: 'commit' });
    const name = customerForm.field('Name');
    await expect(name).toHaveValue(`Selected ${id}`);
    await name.focus();
    await page.keyboard.press('ControlOrMeta+A');
    release();
    // The page starts between the selection and the typing (as when a person is quick, or Playwright's fill is).
    await waitForHydration(name);
    await page.keyboard.type(`Replaced ${id}`);
    await expect(name).toHaveValue(`Replaced ${id}`);

    await customerForm.saveChanges.click();
    await expect(page).toHaveURL(DETAIL_URL);
    await expect(customerDetail.item('Name')).toHaveText(`Replaced ${id}`);
  });

  test('the create form keeps what was typed into it, and creates exactly that', async ({
    page,
    customerForm,
    customerDetail,
  }) => {
    const id = uniqueId('early_new');
    const release = await holdScripts(page);
    await page.goto('/customers/new', { waitUntil: 'commit' });
    await customerForm.field('ID').fill(id);
    await customerForm.field('Name').fill(`Typed early ${id}`);
    release();
    await waitForHydration(customerForm.field('Name'));

    await expect(customerForm.field('ID')).toHaveValue(id);
    await expect(customerForm.field('Name')).toHaveValue(`Typed early ${id}`);
    await expect(customerForm.form.getByRole('status')).toHaveText('Unsaved changes');

    await customerForm.submit.click();
    await expect(page).toHaveURL(DETAIL_URL);
    await expect(customerDetail.item('ID')).toHaveText(id);
    await expect(customerDetail.item('Name')).toHaveText(`Typed early ${id}`);
    await expect(page).not.toHaveURL(EDIT_URL);
  });
});

test.describe('Enter before the page has started', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('the sign-in form never puts the password into the URL', async ({ page }) => {
    const release = await holdScripts(page);
    await page.goto('/sign-in', { waitUntil: 'commit' });
    await page.getByLabel('Email').fill('someone@e2e.test');
    await page.getByLabel('Password').fill('not-in-the-url-1234');
    // The answer is a new page (its scripts still held back): wait for it, then let it start.
    const navigated = page.waitForEvent('framenavigated');
    await page.getByLabel('Password').press('Enter');
    await navigated;
    release();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    expect(page.url()).not.toContain('not-in-the-url');
    expect(new URL(page.url()).search).toBe('');
  });
});
