import { expect, type Page } from '@playwright/test';
import type { CustomerFields } from './customer-form-page';
import { toast } from './toasts';

type Item =
  | 'ID'
  | 'Name'
  | 'Description'
  | 'External ID'
  | 'Salesforce account'
  | 'Price plan'
  | 'Tags'
  | 'Created'
  | 'Updated'
  | 'Email'
  | 'Other emails'
  | 'Phone'
  | 'Website'
  | 'Logo URL'
  | 'Legal name'
  | 'VAT ID'
  | 'Address'
  | 'Country';

type Section =
  'Details' | 'Contact' | 'Usage' | 'Ingest aliases' | 'Measurement mappings' | 'Custom fields' | 'Billing providers';

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

  /** The address on one line (the lines given, in order, joined by commas), and the country apart. */
  async expectAddress(
    a: Pick<CustomerFields, 'addressLine1' | 'addressLine2' | 'city' | 'state' | 'zipcode' | 'country'>,
  ) {
    const lines = [a.addressLine1, a.addressLine2, a.city, a.state, a.zipcode].filter(Boolean);
    await expect(this.item('Address')).toHaveText(lines.join(', '));
    await expect(this.item('Country')).toHaveText(a.country ?? '');
  }

  /** The toast that confirms a new customer (said once: a reload does not bring it back). */
  get createdNotice() {
    return toast(this.page, 'Customer created');
  }

  /** A card of the page ("Details", "Contact", "Ingest aliases"), found by its heading. */
  section(title: Section) {
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

  get tags() {
    return this.item('Tags').getByRole('list', { name: 'Tags' }).getByRole('listitem');
  }

  get otherEmails() {
    return this.item('Other emails').getByRole('list', { name: 'Other emails' }).getByRole('listitem');
  }

  get mappingsSection() {
    return this.section('Measurement mappings');
  }

  /** The mappings table's body rows: Label, Value regex. */
  get mappingRows() {
    return this.mappingsSection
      .getByRole('table', { name: 'Measurement mappings' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') });
  }

  get tryAValue() {
    return this.mappingsSection.getByRole('textbox', { name: 'Try a value', exact: true });
  }

  /** The "Try a value" result line of one mapping ("Matches", "No match"), by its label. */
  mappingVerdict(label: string) {
    return this.mappingsSection.getByRole('listitem').filter({ has: this.page.getByText(label, { exact: true }) });
  }

  /** The keys of the custom fields, in the order shown. */
  get customFieldKeys() {
    return this.section('Custom fields').locator('dt');
  }

  /** A custom field's value, by its key. */
  customField(key: string) {
    return this.section('Custom fields').locator(`div:has(> dt:text-is("${key}")) > dd`);
  }

  /** A billing provider's card ("Stripe", "AWS Marketplace"…). */
  providerCard(name: string) {
    return this.section('Billing providers').getByRole('article', { name, exact: true });
  }

  /** The archived configurations, shown apart below the active ones. */
  get archivedProviders() {
    return this.section('Billing providers').getByRole('region', { name: /^Archived configurations/ });
  }

  /** An archived configuration's card, by its provider ("Stripe"). */
  archivedProviderCards(name: string) {
    return this.archivedProviders.getByRole('article', { name: `${name} (archived)`, exact: true });
  }

  /**
   * One setting of a billing provider's card, by the label it shows ("Collection method", "Region"…):
   * the value as shown, without a link's words for screen readers or its copy button.
   */
  providerSetting(name: string, label: string) {
    return this.providerCard(name).locator(`div:has(> dt:text-is("${label}")) > dd [data-value]`);
  }

  get editLink() {
    return this.page.getByRole('main').getByRole('link', { name: 'Edit', exact: true });
  }

  get usageSection() {
    return this.section('Usage');
  }

  /** A figure of the Usage section ("Events in the last 30 days", "Last event received"). */
  usageFigure(label: string) {
    return this.usageSection.locator(`div:has(> dt:text-is("${label}")) > dd`);
  }

  /** The chart's table view, opened with its "Show as table" toggle. */
  async usageDaysTable() {
    await this.usageSection.getByText('Show as table', { exact: true }).click();
    return this.usageSection.getByRole('region', { name: 'Events per day' }).getByRole('table');
  }

  /** A row of the "by route" table: "By customer ID", or the alias or mapping label. */
  usageRouteRow(route: string) {
    return this.usageSection
      .getByRole('region', { name: 'Events by route' })
      .getByRole('row')
      .filter({ has: this.page.getByText(route, { exact: true }) });
  }

  /** The recent raw events, newest first. */
  get recentEvents() {
    return this.usageSection.getByRole('list', { name: 'Recent events' }).getByRole('listitem');
  }
}
