import type { Page } from '@playwright/test';
import { LayoutPage } from './portal-parts';

/** The API keys page (admins only): the keys, "Create API key" and "Revoke". */
export class ApiKeysPage extends LayoutPage {
  constructor(page: Page) {
    super(page, '/api-keys', 'API keys');
  }

  get createButton() {
    return this.page.getByRole('button', { name: 'Create API key' });
  }

  get dialog() {
    return this.page.getByRole('dialog', { name: 'Create API key' });
  }

  /** The new key, in the dialog, once. */
  get newKey() {
    return this.dialog.getByLabel('API key', { exact: true });
  }

  get copyButton() {
    return this.dialog.getByRole('button', { name: 'Copy API key' });
  }

  get createdNotice() {
    return this.toast('API key created');
  }

  /** Fills in the dialog and creates the key; the dialog then shows it. */
  async create(name: string, role: 'Viewer' | 'Editor' | 'Admin') {
    await this.createButton.click();
    await this.dialog.getByLabel('Name').fill(name);
    await this.dialog.getByLabel('Role').selectOption({ label: role });
    await this.dialog.getByRole('button', { name: 'Create key' }).click();
  }

  row(name: string) {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  revokeButton(name: string) {
    return this.page.getByRole('button', { name: `Revoke API key ${name}`, exact: true });
  }

  /** "Revoke", then "Revoke key" in the question. */
  async revoke(name: string) {
    await this.revokeButton(name).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
  }
}
