import type { Locator, Page } from '@playwright/test';
import { toast } from './toasts';

/** The portal's shared parts, as the page objects find them. */

/** A list page's table: the one in the region (the card) of this name. */
export const regionTable = (page: Page, region: string) =>
  page.getByRole('region', { name: region }).getByRole('table');

/** A table's body rows (the header row has column headers, not cells). */
export const bodyRows = (table: Locator) => table.getByRole('row').filter({ has: table.page().getByRole('cell') });

/** A link of the sidebar ("Customers", "Price plans"…). */
export const sidebarLink = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true });

/**
 * A portal page that lists things (users, API keys, price plans, customers): its address, its
 * level-1 heading, its table (in the region named like the page), and the toasts it shows.
 */
export class LayoutPage {
  constructor(
    readonly page: Page,
    readonly path: string,
    readonly title: string,
  ) {}

  async open(search = '') {
    await this.page.goto(`${this.path}${search}`);
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: this.title });
  }

  get table() {
    return regionTable(this.page, this.title);
  }

  get rows() {
    return bodyRows(this.table);
  }

  /** A confirmation toast with this text. */
  toast(text: string | RegExp) {
    return toast(this.page, text);
  }
}

/**
 * A page's "Add <thing>" dialog (the portal's AddDialog): the page's button that opens it, the
 * dialog, its form and the form's submit button are all named "Add <thing>".
 */
export class AddDialogParts<FieldLabel extends string> {
  constructor(
    readonly page: Page,
    readonly title: string,
  ) {}

  get button() {
    return this.page.getByRole('main').getByRole('button', { name: this.title, exact: true });
  }

  get dialog() {
    return this.page.getByRole('dialog', { name: this.title });
  }

  get form() {
    return this.dialog.getByRole('form', { name: this.title });
  }

  field(label: FieldLabel) {
    return this.form.getByLabel(label, { exact: true });
  }

  get submit() {
    return this.form.getByRole('button', { name: this.title });
  }

  /** The form's own alert (Next's route announcer is an alert too). */
  get alert() {
    return this.form.getByRole('alert');
  }
}
