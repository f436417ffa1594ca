import type { Page } from '@playwright/test';

type Column = 'When' | 'Who' | 'Action' | 'What';
const COLUMNS: Column[] = ['When', 'Who', 'Action', 'What'];

/** The audit trail (admins only): filters, then a table of When, Who, Action and What. */
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

  get applyFilters() {
    return this.filters.getByRole('button', { name: 'Filter' });
  }

  get table() {
    return this.page.getByRole('region', { name: 'Audit entries' }).getByRole('table');
  }

  /** The body rows (the header row has column headers, not cells). */
  get rows() {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  /** The `column` cell of every row, top (newest) to bottom. */
  column(column: Column) {
    return this.rows.locator(`td:nth-child(${COLUMNS.indexOf(column) + 1})`);
  }

  get noEntries() {
    return this.page.getByRole('heading', { name: 'No audit entries match.' });
  }
}
