import { expect, expectNoAxeViolations, expectNoSidewaysScroll, NARROW, test, uniqueId, WIDE } from './fixtures';
import { CustomerImportPage } from './pages/customer-import-page';
import { storageState } from './users';

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\r\n');

test.describe('importing customers from CSV', () => {
  test('upload, match, check, import the valid rows, and find the import among past ones', async ({ page }) => {
    test.slow(); // a whole journey over five pages, each scanned by axe
    await page.setViewportSize(WIDE);
    const imports = new CustomerImportPage(page);
    const a = uniqueId('imp-a');
    const b = uniqueId('imp-b');
    const fileName = `${uniqueId('customers')}.csv`;
    await imports.openFromList();
    await expect(imports.templateLink).toHaveAttribute('href', '/api/customer-imports/template');
    await expectNoAxeViolations(page);

    await imports.uploadFile(
      fileName,
      csv([
        ['ID', 'Name', 'Shoe size', 'Email', 'Ingest aliases'],
        [a, 'Alpha, Inc.', '42', 'ops@alpha.example', `${a}-prod\n${a}-dev`],
        [b, 'Beta', '43', '', ''],
        [uniqueId('imp-c'), 'Gamma', '44', 'not an email', ''],
      ]),
    );
    await expect(imports.column('Shoe size')).toHaveValue('');
    await expect(imports.column('Name')).toHaveValue('displayName');
    await expect(imports.mode(/new customers only/)).toBeChecked();
    await expectNoAxeViolations(page);

    await imports.check();
    await expect(imports.count('To create')).toHaveText('2');
    await expect(imports.count('With errors')).toHaveText('1');
    await expect(imports.errorRow(4)).toContainText('Email');
    await expect(imports.errorRow(4)).toContainText('Enter a valid email address');
    await expect(imports.importButton(/^Import \d+ rows$/)).toHaveCount(0);
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    await imports.importButton('Import the valid rows only (2)').click();
    await page.waitForURL(/\/customers\/imports\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 2, name: 'Done' })).toBeVisible();
    await expect(imports.progress).toHaveAttribute('aria-valuetext', '3 of 3 rows');
    await expect(imports.count('Created')).toHaveText('2');
    await expect(imports.count('Not imported (errors)')).toHaveText('1');
    await expect(imports.errorRow(4)).toContainText('Enter a valid email address');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Past imports' }).click();
    const row = page.getByRole('row').filter({ hasText: fileName });
    await expect(row).toContainText('Done');
    await expect(row).toContainText('2 created, 0 updated, 0 unchanged');
    await expect(row.getByRole('link', { name: '1 (CSV)' })).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // The customer is there, and its History names the file.
    await page.goto(`/customers?q=${a}`);
    await page.getByRole('link', { name: a, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Alpha, Inc.');
    await expect(page.getByRole('region', { name: 'History' }).getByText(`Imported from ${fileName}`)).toBeVisible();
  });

  test('on a phone: paste text, map an unknown column, update by ID', async ({ page }) => {
    test.slow(); // a whole journey, each step scanned by axe
    await page.setViewportSize(NARROW);
    const imports = new CustomerImportPage(page);
    const id = uniqueId('imp-p');
    await imports.open();
    await imports.pasteBox.fill(
      csv([
        ['Customer ID', 'Company'],
        [id, 'Pasted Co'],
      ]),
    );
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByRole('heading', { name: '2. Match the columns' })).toBeVisible();
    await imports.column('Customer ID').selectOption({ label: 'ID' });
    await imports.column('Company').selectOption({ label: 'Name' });
    await imports.mode(/update those whose ID matches/).check();
    await expect(page.getByRole('checkbox', { name: /Empty cells clear fields/ })).not.toBeChecked();
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    await imports.check();
    await expect(imports.count('To create')).toHaveText('1');
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    await imports.importButton('Import 1 rows').click();
    await expect(page.getByRole('heading', { level: 2, name: 'Done' })).toBeVisible();
    await expect(imports.count('Created')).toHaveText('1');
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    await page.getByRole('link', { name: 'Past imports' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Past imports' })).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
  });

  test('a file that is not CSV is refused with a sentence', async ({ page }) => {
    const imports = new CustomerImportPage(page);
    await imports.open();
    await imports.pasteBox.fill('ID,Name\nacme,"open quote\n');
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'not a CSV file we can read' })).toBeVisible();
  });

  test('the template names every column and gives an example row', async ({ page }) => {
    const response = await page.request.get('/api/customer-imports/template');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/csv');
    const text = await response.text();
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^ID,Name,Description,Email,/);
    expect(text).toContain('acme');
  });
});

test.describe('a viewer', () => {
  test.use({ storageState: storageState('viewer') });

  test('sees no Import link and is refused the page and the upload', async ({ page }) => {
    await page.goto('/customers');
    await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Import', exact: true })).toHaveCount(0);
    const answer = await page.goto('/customers/import');
    expect(answer?.status()).toBe(403);
    const upload = await page.request.post('/api/customer-imports/upload?name=x.csv', {
      data: Buffer.from('ID\nacme\n'),
      headers: { 'content-type': 'text/csv' },
    });
    expect(upload.status()).toBe(403);
  });
});
