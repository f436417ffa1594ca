import type { Page } from '@playwright/test';
import { bodyRows, regionTable } from './portal-parts';

type Column = 'When' | 'Who' | 'Action' | 'What';
const COLUMNS: Column[] = ['When', 'Who', 'Action', 'What'];

/**
 * The audit trail (admins only): filters that apply as they change, then the entries: a table of
 * When, Who, Action and What on wide screens, a card per entry on narrow ones.
 */
export class AuditPage {
  constructor(readonly page: Page) {}

  async open(search = '') {
    return this.page.goto(`/audit${search}`);
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Audit trail' });
  }

  get filters() {
    return this.page.getByRole('search', { name: 'Filter audit entries' });
  }

  filter(label: 'Who' | 'Action' | 'Customer' | 'From' | 'To') {
    return this.filters.getByLabel(label, { exact: true });
  }

  get clearFilters() {
    return this.filters.getByRole('link', { name: 'Clear filters' });
  }

  get table() {
    return regionTable(this.page, 'Audit entries');
  }

  get rows() {
    return bodyRows(this.table);
  }

  /** The `column` cell of every row, top (newest) to bottom. */
  column(column: Column) {
    return this.rows.locator(`td:nth-child(${COLUMNS.indexOf(column) + 1})`);
  }

  /** On narrow screens: one card per entry, newest first. */
  get cards() {
    return this.page.getByRole('list', { name: 'Audit entries' }).locator('> li');
  }

  /** The folded list of a new record's fields: "Created with 14 fields". */
  createdFields(entry = this.page.getByRole('main')) {
    return entry.locator('summary', { hasText: /^Created with \d+ fields?$/ });
  }

  get noEntries() {
    return this.page.getByRole('heading', { name: 'No audit entries match.' });
  }
}
