import type { Page } from '@playwright/test';
import { bodyRows, regionTable } from './portal-parts';

/**
 * The Unmatched usage page: Open / Ignored, a search box, a table of groups (one per identifier)
 * with each group's Add as alias to… and Ignore / Unignore, and the dialog that picks a customer.
 */
export class UnmatchedUsagePage {
  constructor(readonly page: Page) {}

  async open(view: { q?: string; status?: 'open' | 'ignored' } = {}) {
    const params = new URLSearchParams();
    if (view.status === 'ignored') params.set('status', 'ignored');
    if (view.q) params.set('q', view.q);
    const search = params.toString();
    await this.page.goto(`/unmatched-usage${search ? `?${search}` : ''}`);
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Unmatched usage' });
  }

  get search() {
    return this.page.getByRole('searchbox', { name: 'Search identifiers' });
  }

  tab(name: 'Open' | 'Ignored') {
    return this.page.getByRole('navigation', { name: 'Groups shown' }).getByRole('link', { name, exact: true });
  }

  get table() {
    return regionTable(this.page, 'Unmatched usage groups');
  }

  get rows() {
    return bodyRows(this.table);
  }

  /** The group of this identifier. */
  row(identifier: string) {
    return this.rows.filter({ has: this.page.getByRole('cell').getByText(identifier, { exact: true }) });
  }

  addAliasButton(identifier: string) {
    return this.row(identifier).getByRole('button', { name: /^Add as alias to…/ });
  }

  ignoreButton(identifier: string, name: 'Ignore' | 'Unignore' = 'Ignore') {
    return this.row(identifier).getByRole('button', { name: `${name} ${identifier}`, exact: true });
  }

  get dialog() {
    return this.page.getByRole('dialog', { name: 'Add as alias to…' });
  }

  /** The message the page shows after Add as alias, with its link to the customer. */
  get addedMessage() {
    return this.page.getByRole('status').filter({ hasText: 'routed there' });
  }

  get emptyState() {
    return this.page.getByRole('heading', { level: 2, name: /^No unmatched usage/ });
  }
}
