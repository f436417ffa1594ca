import { expect, type Page } from '@playwright/test';
import { AddDialogParts, LayoutPage, sidebarLink } from './portal-parts';

export interface PricePlanFields {
  key: string;
  displayName: string;
  description?: string;
}

/**
 * The price plans page: a table of Key, Display name, Description and Customers (a link to them),
 * each plan's Edit and Archive, and the "Add price plan" dialog.
 */
export class PricePlansPage extends LayoutPage {
  readonly adding = new AddDialogParts<'Key' | 'Display name' | 'Description'>(this.page, 'Add price plan');

  constructor(page: Page) {
    super(page, '/price-plans', 'Price plans');
  }

  /** Goes to the page the way a person does: the sidebar's "Price plans" link. */
  async openFromSidebar() {
    await sidebarLink(this.page, 'Price plans').click();
    await this.page.waitForURL((url) => url.pathname === '/price-plans');
  }

  /** The row whose Key is exactly `key` (on a phone's card, the cell's name starts with "Key"). */
  row(key: string) {
    return this.rows.filter({ has: this.page.getByRole('cell').getByText(key, { exact: true }) });
  }

  cell(key: string, column: 'Key' | 'Display name' | 'Description' | 'Customers') {
    const index = ['Key', 'Display name', 'Description', 'Customers'].indexOf(column);
    return this.row(key).getByRole('cell').nth(index);
  }

  /** The Customers count, a link to the list of the plan's customers. */
  customersLink(key: string) {
    return this.cell(key, 'Customers').getByRole('link');
  }

  editButton(key: string) {
    return this.page.getByRole('button', { name: `Edit ${key}`, exact: true });
  }

  archiveButton(key: string) {
    return this.page.getByRole('button', { name: `Archive ${key}`, exact: true });
  }

  unarchiveButton(key: string) {
    return this.page.getByRole('button', { name: `Unarchive ${key}`, exact: true });
  }

  editDialog(key: string) {
    return this.page.getByRole('dialog', { name: `Edit price plan ${key}` });
  }

  /** Opens Edit, replaces what is given and saves; the caller checks the outcome. */
  async edit(key: string, values: { displayName?: string; description?: string }) {
    await this.editButton(key).click();
    const dialog = this.editDialog(key);
    if (values.displayName !== undefined)
      await dialog.getByLabel('Display name', { exact: true }).fill(values.displayName);
    if (values.description !== undefined)
      await dialog.getByLabel('Description', { exact: true }).fill(values.description);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  }

  get addedNotice() {
    return this.toast('Price plan added');
  }

  /** Opens the "Add price plan" dialog unless it is open, and fills it. */
  async fill(p: PricePlanFields) {
    if (!(await this.adding.dialog.isVisible())) await this.adding.button.click();
    await this.adding.field('Key').fill(p.key);
    await this.adding.field('Display name').fill(p.displayName);
    if (p.description !== undefined) await this.adding.field('Description').fill(p.description);
  }

  async add(p: PricePlanFields) {
    await this.fill(p);
    await this.adding.submit.click();
  }

  /** Adds the plan and waits for its row. */
  async create(p: PricePlanFields) {
    await this.add(p);
    await expect(this.row(p.key)).toHaveCount(1);
  }

  /** Loads the page again and waits for this plan's row, so that what is read next is fresh. */
  async reopen(key: string) {
    await this.open();
    await expect(this.row(key)).toHaveCount(1);
  }
}
