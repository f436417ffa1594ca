import { expect, test as setup } from '@playwright/test';
import { E2E_PASSWORD, E2E_USERS, storageState, type E2ERole } from './users';

for (const role of Object.keys(E2E_USERS) as E2ERole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto('/customers');
    await expect(page).toHaveURL(/\/sign-in/);
    await page.getByLabel('Email').fill(E2E_USERS[role]);
    await page.getByLabel('Password').fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
    await page.context().storageState({ path: storageState(role) });
  });
}
