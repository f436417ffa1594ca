import { expectNoAxeViolations, uniqueId } from './fixtures';
import { expect, FORBIDDEN_HEADING, newUser, NO_MATCH, sectionLinks, test, UNMATCHED_USAGE_LINK } from './clients';
import { editName, historyEntries } from './customer-steps';
import { CustomerFormPage } from './pages/customer-form-page';
import { SignInPage } from './pages/sign-in-page';
import { UsersPage } from './pages/users-page';
import { E2E_USERS, storageState } from './users';

/** The sidebar an admin sees. */
const ADMIN_SECTIONS = ['Customers', UNMATCHED_USAGE_LINK, 'Price plans', 'Users', 'API keys', 'API', 'Audit'];

// The Users page: an admin adds users, changes their roles and deactivates them; the last admin stays.

const LAST_ADMIN = 'This is the last active admin: make another user an admin first.';

// ——— admins ———

test.describe('an admin', () => {
  test.use({ storageState: storageState('admin') });

  test('adds an editor, who signs in, creates a customer and edits it, all in its history', async ({
    page,
    clients,
  }) => {
    const users = new UsersPage(page);
    const user = newUser('Editor');
    await users.open();
    await expect(sectionLinks(page)).toHaveText(ADMIN_SECTIONS);
    await users.add(user);

    await expect(users.addedNotice).toBeVisible();
    await expect(users.row(user.email)).toBeVisible();
    await expect(users.row(user.email)).toContainText(user.name);
    await expect(users.roleSelect(user.email)).toHaveValue('editor');
    await expect(users.row(user.email)).toContainText('Active');

    // In their own browser.
    const theirs = await clients.signIn(user.email, user.password);
    await expect(theirs.getByText('Role: Editor')).toBeVisible();
    const id = uniqueId('by-new-editor');
    const [oldName, newName] = [`Before ${id}`, `After ${id}`];
    await new CustomerFormPage(theirs).createAndOpen({ id, name: oldName });
    const history = historyEntries(theirs);
    await expect(history).toHaveCount(1);
    await expect(history.first()).toContainText(`Created by ${user.name} (${user.email})`);

    await editName(theirs, oldName, newName);

    await expect(theirs.getByRole('heading', { level: 1 })).toHaveText(newName);
    await expect(history).toHaveCount(2);
    await expect(history.nth(0)).toContainText(`Edited by ${user.name} (${user.email})`);
    await expect(history.nth(0).getByRole('listitem')).toContainText([`Name: ${oldName} → ${newName}`]);
    await expect(history.nth(1)).toContainText(`Created by ${user.name} (${user.email})`);
  });

  test('a role change applies at once, and deactivating signs the user out everywhere', async ({ page, clients }) => {
    const users = new UsersPage(page);
    const user = newUser('Editor');
    await users.open();
    await users.add(user);
    await expect(users.row(user.email)).toBeVisible();

    const theirs = await clients.signIn(user.email, user.password);
    await theirs.goto('/customers/new');
    await expect(theirs.getByRole('heading', { level: 1, name: 'Create customer' })).toBeVisible();

    await users.roleSelect(user.email).selectOption({ label: 'Viewer' });
    await users.saveRole(user.email).click();
    await expect(users.toast(`Role changed: ${user.email} is now Viewer`)).toBeVisible();

    const reloaded = await theirs.reload();
    expect(reloaded?.status()).toBe(403);
    await expect(theirs.getByRole('heading', { level: 1, name: FORBIDDEN_HEADING })).toBeVisible();

    await users.deactivate(user.email).click();
    await expect(users.toast(`${user.email} deactivated: signed out everywhere`)).toBeVisible();
    await expect(users.row(user.email)).toContainText('Deactivated');
    await expect(users.reactivate(user.email)).toBeVisible();

    // Their next step in the portal leads to sign-in, and signing in again is refused like a wrong password.
    await theirs.getByRole('link', { name: 'Go to customers' }).click();
    await expect(theirs).toHaveURL(/\/sign-in(\?|$)/);
    const signIn = new SignInPage(theirs);
    await signIn.signIn(user.email, user.password);
    await expect(signIn.alert).toHaveText(NO_MATCH);
    await expect(theirs).toHaveURL(/\/sign-in(\?|$)/);
  });

  test('the last active admin cannot be demoted, nor deactivate themselves', async ({ page }) => {
    const users = new UsersPage(page);
    const admin = E2E_USERS.admin;
    await users.open();
    await expect(users.row(admin)).toBeVisible();
    // No test adds an admin: admin@e2e.test is the only one.
    const activeAdmins = await users.rows.evaluateAll(
      (rows) =>
        rows.filter((r) => r.querySelector('select')?.value === 'admin' && !r.textContent?.includes('Deactivated'))
          .length,
    );
    expect(activeAdmins, 'admin@e2e.test is the only active admin').toBe(1);
    await expect(users.deactivate(admin)).toHaveCount(0);

    const confirmations: string[] = [];
    page.once('dialog', async (dialog) => {
      confirmations.push(dialog.message());
      await dialog.accept();
    });
    await users.roleSelect(admin).selectOption({ label: 'Viewer' });
    await users.saveRole(admin).click();

    await expect(users.rowAlert(admin)).toHaveText(LAST_ADMIN);
    expect(confirmations).toEqual(['You will no longer be able to manage users or read the audit trail. Continue?']);
    await expect(users.roleSelect(admin)).toHaveValue('admin');
    await expect(page).toHaveURL(/\/users$/);

    await page.reload();
    await expect(users.roleSelect(admin)).toHaveValue('admin');
    await expect(sectionLinks(page)).toHaveText(ADMIN_SECTIONS);
  });

  test('the users page passes axe', async ({ page }) => {
    const users = new UsersPage(page);
    await users.open();
    await expect(users.row(E2E_USERS.admin)).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
