import type { Page } from '@playwright/test';
import { LayoutPage, sidebarLink } from './portal-parts';

// The Name cell also shows the email, under the name.
const COLUMNS = ['ID', 'Name', 'Status', 'Price plan', 'Tags', 'Ingest aliases', 'Last usage', 'Created'] as const;

/** The customers list: a table of ID, Name (and email), status, plan, tags, ingest aliases, last usage and created time, in pages. */
export class CustomersListPage extends LayoutPage {
  constructor(page: Page) {
    super(page, '/customers', 'Customers');
  }

  /** Goes to the list the way a person does: the sidebar's "Customers" link. */
  /** Follows the sidebar's link; from a form with unsaved changes, `discardChanges` confirms leaving. */
  async openFromSidebar({ discardChanges = false } = {}) {
    await sidebarLink(this.page, 'Customers').click();
    if (discardChanges) {
      await this.page
        .getByRole('dialog', { name: 'Discard unsaved changes?' })
        .getByRole('button', { name: 'Discard changes' })
        .click();
    }
    await this.page.waitForURL((url) => url.pathname === '/customers');
  }

  /** The row whose ID is exactly `id`. */
  row(id: string) {
    return this.rows.filter({ has: this.page.getByRole('link', { name: id, exact: true }) });
  }

  idLink(id: string) {
    return this.row(id).getByRole('link', { name: id, exact: true });
  }

  /** A cell of a row, by its column; for "Name", the name alone (the email is under it). */
  cell(id: string, column: (typeof COLUMNS)[number]) {
    const cell = this.row(id).getByRole('cell').nth(COLUMNS.indexOf(column));
    return column === 'Name' ? cell.locator('[data-column="name"]') : cell;
  }

  /** The email shown under a row's Name. */
  email(id: string) {
    return this.row(id).getByRole('cell').nth(COLUMNS.indexOf('Name')).locator('[data-column="email"]');
  }

  aliasChips(id: string) {
    return this.cell(id, 'Ingest aliases').getByRole('listitem');
  }

  /** The IDs on the page shown now, top to bottom. */
  async visibleIds(): Promise<string[]> {
    return this.rows.locator('[data-row-link]').allTextContents();
  }

  /** A row's checkbox (editors and admins only). */
  checkbox(id: string) {
    return this.row(id).getByRole('checkbox', { name: `Select ${id}` });
  }

  get selectPage() {
    return this.page.getByRole('checkbox', { name: 'Select all on this page' });
  }

  get bulkActions() {
    return this.page.getByRole('region', { name: 'Bulk actions' });
  }

  /** Chooses a bulk action (and its tag or plan) and opens its confirmation. */
  async applyBulk(action: string, value?: { tag?: string; plan?: string }) {
    await this.bulkActions.getByLabel('Action').selectOption({ label: action });
    if (value?.tag !== undefined) await this.bulkActions.getByLabel('Tag').fill(value.tag);
    if (value?.plan !== undefined) await this.bulkActions.getByLabel('Price plan').selectOption({ label: value.plan });
    await this.bulkActions.getByRole('button', { name: 'Apply…' }).click();
  }

  get exportLink() {
    return this.page.getByRole('link', { name: 'Export CSV' });
  }

  /** At phone widths: the customers as cards. */
  get cards() {
    return this.page.getByRole('list', { name: 'Customers' }).locator(':scope > li');
  }

  get pages() {
    return this.page.getByRole('navigation', { name: 'Pages' });
  }

  get nextPage() {
    return this.pages.getByRole('link', { name: 'Next page' });
  }

  get previousPage() {
    return this.pages.getByRole('link', { name: 'Previous page' });
  }

  get emptyState() {
    return this.page.getByRole('heading', { name: 'No customers yet' });
  }

  /** The page header's "Create customer" link. */
  get createLink() {
    return this.page.getByRole('main').getByRole('link', { name: 'Create customer' }).first();
  }

  /** The "Create customer" link of the empty state, under "No customers yet". */
  get emptyStateCreateLink() {
    return this.page
      .locator('div:has(> h2:text-is("No customers yet"))')
      .getByRole('link', { name: 'Create customer', exact: true });
  }
}
