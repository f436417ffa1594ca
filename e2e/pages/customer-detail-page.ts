import type { Page } from '@playwright/test';

type Item = 'ID' | 'Name' | 'Description' | 'Created' | 'Updated' | 'Email' | 'Website' | 'Address' | 'Country';

/** One customer's page: its details, contact and ingest aliases. */
export class CustomerDetailPage {
  constructor(readonly page: Page) {}

  async open(uuid: string) {
    return this.page.goto(`/customers/${uuid}`);
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The value shown under a label ("Email", "Country"…). */
  item(label: Item) {
    return this.page.locator(`div:has(> dt:text-is("${label}")) > dd`);
  }

  get createdNotice() {
    return this.page.getByRole('status').filter({ hasText: 'Customer created.' });
  }

  /** A card of the page ("Details", "Contact", "Ingest aliases"), found by its heading. */
  section(title: 'Details' | 'Contact' | 'Ingest aliases') {
    return this.page
      .getByRole('main')
      .locator('section')
      .filter({ has: this.page.getByRole('heading', { level: 2, name: title, exact: true }) });
  }

  get aliasesSection() {
    return this.section('Ingest aliases');
  }

  get aliases() {
    return this.aliasesSection.getByRole('list', { name: 'Ingest aliases' }).getByRole('listitem');
  }

  get backToList() {
    return this.page.getByRole('main').getByRole('link', { name: '← Customers' });
  }
}
