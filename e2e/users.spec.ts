import { randomInt, randomUUID } from 'node:crypto';
import type { Browser, Locator, Page } from '@playwright/test';
import { test, expect, uniqueId, expectNoAxeViolations } from './fixtures';
import { SignInPage } from './pages/sign-in-page';
import { UsersPage, type UserFields } from './pages/users-page';
import { storageState } from './users';

// The Users page as an admin uses it: roles, adding a user, last sign-in, setting a password, and
// the page at a laptop's and a phone's width.

test.use({ storageState: storageState('admin') });

const NO_MATCH = 'That email and password do not match an active account.';

function newUser(role: UserFields['role'] = 'Viewer', long = false): UserFields {
  const id = uniqueId(role.toLowerCase());
  return long
    ? {
        name: `Maximiliana Konstantinopoulou-Wetherington-Abernathy ${id}`,
        email: `${id}.a-rather-long-local-part.for-the-ops-team@accounts.example-company-holdings.e2e.test`,
        role,
        password: `pw-${randomUUID()}`,
      }
    : { name: `E2E ${id}`, email: `${id}@e2e.test`, role, password: `pw-${randomUUID()}` };
}

/** A browser of its own, signed out, at a client address of its own (sign-in is limited per address). */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { 'x-forwarded-for': `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}` },
  });
  return context.newPage();
}

async function signIn(page: Page, email: string, password: string) {
  const signInPage = new SignInPage(page);
  await signInPage.open();
  await signInPage.signIn(email, password);
  return signInPage;
}

/** Wholly visible across: not cut off at the right, nor needing a sideways scroll. */
async function expectWithinWidth(locator: Locator, width: number) {
  await expect(locator).toBeVisible();
  const box = (await locator.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
}

async function expectNoSidewaysScroll(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test.describe('the users page', () => {
  test('adds a user in a dialog; their role shows, and one Save appears only once it is changed', async ({ page }) => {
    const users = new UsersPage(page);
    const user = newUser('Viewer');
    await users.open();
    await expect(users.adding.dialog).toBeHidden();
    await users.add(user);

    await expect(users.addedNotice).toBeVisible();
    await expect(users.adding.dialog).toBeHidden();
    await expect(users.row(user.email)).toContainText(user.name);
    await expect(users.row(user.email)).toContainText('Active');

    // The role reads in full, not a 26 px sliver.
    const select = users.roleSelect(user.email);
    await expect(select).toHaveValue('viewer');
    await expect(select.locator('option:checked')).toHaveText('Viewer');
    expect((await select.boundingBox())!.width).toBeGreaterThanOrEqual(90);
    await expect(users.saveRole(user.email)).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Save role for / })).toHaveCount(0);

    await select.selectOption({ label: 'Editor' });
    await expect(page.getByRole('button', { name: /^Save role for / })).toHaveCount(1);
    await select.selectOption({ label: 'Viewer' });
    await expect(users.saveRole(user.email)).toHaveCount(0);
    await select.selectOption({ label: 'Editor' });
    await users.saveRole(user.email).click();

    await expect(users.toast(`Role changed: ${user.email} is now Editor`)).toBeVisible();
    await expect(users.saveRole(user.email)).toHaveCount(0);
    await expect(page).toHaveURL((url) => url.pathname === '/users' && url.search === '');
    await page.reload();
    await expect(users.roleSelect(user.email)).toHaveValue('editor');
  });

  test('the add dialog checks its fields without a round trip and keeps what was typed', async ({ page }) => {
    const users = new UsersPage(page);
    await users.open();
    await users.adding.button.click();
    await expect(users.adding.dialog).toBeVisible();
    await expect(users.adding.field('Name')).toBeFocused();
    await users.adding.field('Name').fill('Only a name');
    await users.adding.field('Password').fill('short');
    await users.adding.submit.click();

    await expect(users.adding.form.getByRole('alert')).toHaveText('Some fields need attention.');
    await expect(users.adding.field('Email')).toHaveAccessibleDescription(/Email is required/);
    await expect(users.adding.field('Password')).toHaveAccessibleDescription(/Use at least 10 characters/);
    await expect(users.adding.field('Name')).toHaveValue('Only a name');
    await expectNoAxeViolations(page);

    await page.keyboard.press('Escape');
    await expect(users.adding.dialog).toBeHidden();
    await expect(users.adding.button).toBeFocused();
  });

  test('shows when each user last signed in', async ({ page, browser }) => {
    const users = new UsersPage(page);
    const user = newUser('Viewer');
    await users.open();
    await users.add(user);
    await expect(users.row(user.email)).toContainText('Never');

    const theirs = await freshPage(browser);
    await signIn(theirs, user.email, user.password);
    await expect(theirs.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();

    await page.reload();
    const lastSignIn = users.row(user.email).getByRole('cell').nth(3);
    await expect(lastSignIn).toContainText('just now');
    await expect(lastSignIn.locator('time')).toHaveAttribute('title', /UTC$/);
    // Signing out ends the session, not the record of it.
    await theirs.getByRole('button', { name: 'Sign out' }).click();
    await expect(theirs).toHaveURL(/\/sign-in$/);
    await page.reload();
    await expect(lastSignIn).toContainText('just now');
    await theirs.context().close();
  });

  test('an admin sets a new password: their session ends, the old password fails, the new one works', async ({
    page,
    browser,
  }) => {
    test.slow(); // three sign-ins and an axe scan
    const users = new UsersPage(page);
    const user = newUser('Editor');
    await users.open();
    await users.add(user);
    await expect(users.row(user.email)).toBeVisible();

    const theirs = await freshPage(browser);
    await signIn(theirs, user.email, user.password);
    await expect(theirs.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();

    // Too short: refused in the dialog, which stays open.
    await users.setPassword(user.email, 'short');
    await expect(users.passwordDialog.getByLabel('New password', { exact: true })).toHaveAccessibleDescription(
      /Use at least 10 characters/,
    );
    await expectNoAxeViolations(page);
    const password = `new-${randomUUID()}`;
    await users.passwordDialog.getByLabel('New password', { exact: true }).fill(password);
    await users.passwordDialog.getByRole('button', { name: 'Set password', exact: true }).click();
    await expect(users.toast(`Password set: ${user.email} was signed out everywhere`)).toBeVisible();
    await expect(users.passwordDialog).toBeHidden();

    // Their open session is over.
    await theirs.reload();
    await expect(theirs).toHaveURL(/\/sign-in(\?|$)/);
    const again = await signIn(theirs, user.email, user.password);
    await expect(again.alert).toHaveText(NO_MATCH);
    await signIn(theirs, user.email, password);
    await expect(theirs.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
    await theirs.context().close();

    // No one sets their own password here.
    await expect(users.setPasswordButton('admin@e2e.test')).toHaveCount(0);
  });

  for (const width of [1280, 390]) {
    test(`at ${width} px every column fits, nothing scrolls sideways, and axe finds nothing`, async ({ page }) => {
      test.slow(); // two axe scans
      const users = new UsersPage(page);
      const user = newUser('Editor', true);
      await users.open();
      await users.add(user);
      await expect(users.row(user.email)).toBeVisible();

      await page.setViewportSize({ width, height: 900 });
      await page.reload();
      const row = users.row(user.email);
      await expect(row).toBeVisible();
      for (const control of [
        users.roleSelect(user.email),
        users.setPasswordButton(user.email),
        users.deactivate(user.email),
        row.locator('time').last(),
      ]) {
        await expectWithinWidth(control, width);
      }
      await expectNoSidewaysScroll(page, width);
      await expectNoAxeViolations(page);

      await users.adding.button.click();
      await expect(users.adding.dialog).toBeVisible();
      await expectNoSidewaysScroll(page, width);
      await expectNoAxeViolations(page);
    });
  }
});
