import { expectNoAxeViolations, uniqueId } from './fixtures';
import { expect, test } from './clients';
import { editName } from './customer-steps';
import { AuditPage } from './pages/audit-page';
import { E2E_USERS, storageState } from './users';

// The audit trail as an admin reads it: every change, filtered by action and customer. (What the
// entries say, and how they read: audit.spec.ts.)

test.describe('an admin', () => {
  test.use({ storageState: storageState('admin') });

  test('reads the audit trail and filters it by action and customer', async ({ page, customerForm }) => {
    const id = uniqueId('audited');
    await customerForm.createAndOpen({ id, name: `Audited ${id}` });
    await editName(page, `Audited ${id}`, `Audited again ${id}`);

    const audit = new AuditPage(page);
    await audit.open();
    await expect(audit.heading).toBeVisible();
    await expect(audit.rows.first()).toBeVisible();

    // Each filter applies as it changes: no button to press.
    await audit.filter('Customer').fill(id);
    await expect(page).toHaveURL((url) => url.searchParams.get('customer') === id);
    await expect(audit.column('Action')).toHaveText(['Edited', 'Created']);
    await expect(audit.column('Who')).toHaveText([`admin ${E2E_USERS.admin}`, `admin ${E2E_USERS.admin}`]);
    await expect(audit.column('What')).toContainText([id, id]);

    await audit.filter('Action').selectOption({ label: 'Created' });
    await expect(page).toHaveURL(
      (url) => url.searchParams.get('action') === 'customer.create' && url.searchParams.get('customer') === id,
    );
    await expect(audit.rows).toHaveCount(1);
    await expect(audit.column('Action')).toHaveText(['Created']);
    await expect(audit.column('What')).toContainText([`Customer ${id}`]);
    await expect(audit.filter('Action')).toHaveValue('customer.create');
    await expect(audit.filter('Customer')).toHaveValue(id);

    // An action this customer never had: nothing.
    await audit.filter('Action').selectOption({ label: 'Archived' });
    await expect(audit.noEntries).toBeVisible();
  });

  test('the audit trail passes axe', async ({ page }) => {
    const audit = new AuditPage(page);
    await audit.open();
    await expect(audit.rows.first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
