import type { Page } from '@playwright/test';

export interface PricePlanFields {
  key: string;
  displayName: string;
  description?: string;
}

/** The price plans page: a table of Key, Display name, Description and Customers, and the "Add price plan" form. */
export class PricePlansPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/price-plans');
  }

  /** Goes to the page the way a person does: the sidebar's "Price plans" link. */
  async openFromSidebar() {
    await this.page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Price plans', exact: true })
      .click();
    await this.page.waitForURL((url) => url.pathname === '/price-plans');
  }

  get table() {
    return this.page.getByRole('region', { name: 'Price plans' }).getByRole('table');
  }

  /** The body rows (the header row has column headers, not cells). */
  get rows() {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  /** The row whose Key is exactly `key`. */
  row(key: string) {
    return this.rows.filter({ has: this.page.getByRole('cell', { name: key, exact: true }) });
  }

  cell(key: string, column: 'Key' | 'Display name' | 'Description' | 'Customers') {
    const index = ['Key', 'Display name', 'Description', 'Customers'].indexOf(column);
    return this.row(key).getByRole('cell').nth(index);
  }

  get form() {
    return this.page.getByRole('form', { name: 'Add price plan' });
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
    return this.form.getByRole('status').filter({ hasText: 'Price plan added.' });
  }

  async fill(p: PricePlanFields) {
    await this.field('Key').fill(p.key);
    await this.field('Display name').fill(p.displayName);
    if (p.description !== undefined) await this.field('Description').fill(p.description);
  }

  async add(p: PricePlanFields) {
    await this.fill(p);
    await this.submit.click();
  }
}
