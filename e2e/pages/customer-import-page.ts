import { expect, type Page } from '@playwright/test';
import { LayoutPage } from './portal-parts';

/**
 * The import page: choose a CSV file (or paste text) and upload it, match its columns to fields,
 * check it (the dry run), and start the import, which opens the import's own page (progress).
 */
export class CustomerImportPage extends LayoutPage {
  constructor(page: Page) {
    super(page, '/customers/import', 'Import customers');
  }

  /** Goes there the way a person does: the customers list's Import button. */
  async openFromList() {
    await this.page.goto('/customers');
    await this.page.getByRole('link', { name: 'Import', exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  get fileInput() {
    return this.page.getByLabel('CSV file');
  }

  get pasteBox() {
    return this.page.getByLabel('Or paste CSV text');
  }

  get templateLink() {
    return this.page.getByRole('link', { name: 'Download the template CSV' });
  }

  async uploadFile(name: string, text: string) {
    await this.fileInput.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    await this.page.getByRole('button', { name: 'Upload' }).click();
    await expect(this.page.getByRole('heading', { name: '2. Match the columns' })).toBeVisible();
  }

  /** The field a column of the file fills, by the column's header. */
  column(header: string) {
    return this.page.getByLabel(header, { exact: true });
  }

  mode(label: RegExp | string) {
    return this.page.getByRole('radio', { name: label });
  }

  async check() {
    await this.page.getByRole('button', { name: 'Check the file' }).click();
    await expect(this.page.getByRole('heading', { name: '3. Check and import' })).toBeVisible();
  }

  /** A count of the dry run or the import ("To create", "Created"…). */
  count(label: string) {
    return this.page.locator(`dt:text-is("${label}") + dd`);
  }

  get errorsTable() {
    return this.page.getByRole('region', { name: 'Errors' });
  }

  errorRow(rowNumber: number) {
    return this.errorsTable
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: String(rowNumber), exact: true }) });
  }

  importButton(name: RegExp | string) {
    return this.page.getByRole('button', { name });
  }

  get progress() {
    return this.page.getByRole('progressbar', { name: 'Rows imported' });
  }
}
