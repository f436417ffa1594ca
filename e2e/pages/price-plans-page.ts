import { expect, type Page } from '@playwright/test';
import { toast } from './toasts';
import { bodyRows, regionTable, sidebarLink } from './portal-parts';

export interface PricePlanFields {
  key: string;
  displayName: string;
  description?: string;
}

/**
 * The price plans page: a table of Key, Display name, Description and Customers (a link to them),
 * each plan's Edit and Archive, and the "Add price plan" dialog.
 */
export class PricePlansPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/price-plans');
  }

  /** Goes to the page the way a person does: the sidebar's "Price plans" link. */
  async openFromSidebar() {
    await sidebarLink(this.page, 'Price plans').click();
    await this.page.waitForURL((url) => url.pathname === '/price-plans');
  }

  get table() {
    return regionTable(this.page, 'Price plans');
  }

  get rows() {
    return bodyRows(this.table);
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

  /** A confirmation toast with this text. */
  toast(text: string | RegExp) {
    return toast(this.page, text);
  }

  /** The page's "Add price plan" button, which opens the dialog. */
  get addButton() {
    return this.page.getByRole('main').getByRole('button', { name: 'Add price plan', exact: true });
  }

  get dialog() {
    return this.page.getByRole('dialog', { name: 'Add price plan' });
  }

  get form() {
    return this.dialog.getByRole('form', { name: 'Add price plan' });
  }

  field(label: 'Key' | 'Display name' | 'Description') {
    return this.form.getByLabel(label, { exact: true });
  }

  get submit() {
    return this.form.getByRole('button', { name: 'Add price plan' });
  }

  /** The form's own alert (Next's route announcer is an alert too). */
  get formAlert() {
    return this.form.getByRole('alert');
  }

  get addedNotice() {
    return this.toast('Price plan added');
  }

  /** Opens the "Add price plan" dialog unless it is open, and fills it. */
  async fill(p: PricePlanFields) {
    if (!(await this.dialog.isVisible())) await this.addButton.click();
    await this.field('Key').fill(p.key);
    await this.field('Display name').fill(p.displayName);
    if (p.description !== undefined) await this.field('Description').fill(p.description);
  }

  async add(p: PricePlanFields) {
    await this.fill(p);
    await this.submit.click();
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
