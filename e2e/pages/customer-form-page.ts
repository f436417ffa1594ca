import { expect, type Locator, type Page } from '@playwright/test';

export type BillingProviderName = 'Stripe' | 'NetSuite' | 'AWS Marketplace' | 'Azure Marketplace' | 'GCP Marketplace';

export interface BillingProviderFields {
  provider: BillingProviderName;
  /**
   * The provider's own fields, by their labels: text for text boxes, an option's visible label for
   * selects ("Delivery method", "Collection method", "AWS region"), true/false for check boxes.
   */
  fields?: Record<string, string | boolean>;
}

export interface CustomerFields {
  id: string;
  name?: string;
  description?: string;
  externalId?: string;
  salesforceAccount?: string;
  pricePlan?: string; // the visible label, e.g. "Growth"
  tags?: string[];
  email?: string;
  otherEmails?: string[];
  phone?: string;
  website?: string;
  logoUrl?: string;
  legalName?: string;
  vatId?: string;
  addressLine1?: string;
  addressLine2?: string;
  city?: string;
  state?: string;
  zipcode?: string;
  country?: string; // the visible name, e.g. "Germany"
  aliases?: string[];
  mappings?: { label: string; regex: string }[];
  customFields?: { key: string; value: string }[];
  billingProviders?: BillingProviderFields[];
}

/** An address with every line filled, as the form takes it. */
export const BERLIN_ADDRESS = {
  addressLine1: 'Hauptstraße 1',
  addressLine2: 'Hinterhaus',
  city: 'Berlin',
  state: 'BE',
  zipcode: '10115',
  country: 'Germany',
} satisfies Partial<CustomerFields>;

/** The detail page's address: /customers/<uuid>. */
export const DETAIL_URL = /\/customers\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\?|$)/;

/** The edit page's address: /customers/<uuid>/edit. */
export const EDIT_URL = /\/customers\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/edit$/;

/** The create form (and the same form on the edit page), driven through its labels the way a person uses it. */
export class CustomerFormPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/customers/new');
  }

  /** The edit page of a customer, by its UUID. */
  async openEdit(uuid: string) {
    await this.page.goto(`/customers/${uuid}/edit`);
  }

  get form() {
    return this.page.getByRole('form', { name: /^(Create|Edit) customer$/ });
  }

  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  alias(n: number) {
    return this.page.getByRole('textbox', { name: `Alias ${n}`, exact: true });
  }

  /** Every alias row's text box, in order. */
  get aliasInputs() {
    return this.form.getByRole('group', { name: 'Ingest aliases' }).getByRole('textbox');
  }

  get addAlias() {
    return this.page.getByRole('button', { name: 'Add alias' });
  }

  removeAlias(n: number) {
    return this.page.getByRole('button', { name: `Remove alias ${n}`, exact: true });
  }

  /** The option a select shows as chosen (its visible label is what a person reads). */
  selectedOption(select: Locator) {
    return select.getByRole('option', { selected: true });
  }

  // ——— tags ———

  get tagsInput() {
    return this.field('Tags');
  }

  /** A tag's chip is found by its remove button, "Remove tag <tag>". */
  removeTag(tag: string) {
    return this.form.getByRole('button', { name: `Remove tag ${tag}`, exact: true });
  }

  /** Every tag chip's remove button, in order. */
  get tagChips() {
    return this.form.getByRole('button', { name: /^Remove tag / });
  }

  /** Types a tag and presses Enter. */
  async addTag(tag: string) {
    await this.tagsInput.fill(tag);
    await this.tagsInput.press('Enter');
  }

  // ——— country ———

  get country() {
    return this.page.getByRole('combobox', { name: 'Country', exact: true });
  }

  /** The list of countries under Country, while it is open. */
  get countryList() {
    return this.page.getByRole('listbox', { name: 'Country', exact: true });
  }

  countryOption(name: string) {
    return this.countryList.getByRole('option', { name, exact: true });
  }

  // ——— other emails ———

  otherEmail(n: number) {
    return this.page.getByRole('textbox', { name: `Other email ${n}`, exact: true });
  }

  get otherEmailInputs() {
    return this.form.getByRole('group', { name: 'Other emails' }).getByRole('textbox');
  }

  get addEmail() {
    return this.page.getByRole('button', { name: 'Add email', exact: true });
  }

  // ——— measurement mappings ———

  get mappingsGroup() {
    return this.form.getByRole('group', { name: 'Measurement mappings' });
  }

  mappingLabel(n: number) {
    return this.page.getByRole('textbox', { name: `Label ${n}`, exact: true });
  }

  mappingRegex(n: number) {
    return this.page.getByRole('textbox', { name: `Value regex ${n}`, exact: true });
  }

  get mappingRows() {
    return this.mappingsGroup.getByRole('textbox', { name: /^Label \d+$/ });
  }

  get addMapping() {
    return this.page.getByRole('button', { name: 'Add mapping', exact: true });
  }

  /** The "Try a value" box under the mappings. */
  get tryAValue() {
    return this.mappingsGroup.getByRole('textbox', { name: 'Try a value', exact: true });
  }

  /** The "Try a value" result line of one mapping ("Matches", "No match", "Invalid regex"), by its label. */
  mappingVerdict(label: string) {
    return this.mappingsGroup.getByRole('listitem').filter({ has: this.page.getByText(label, { exact: true }) });
  }

  // ——— custom fields ———

  customFieldKey(n: number) {
    return this.page.getByRole('textbox', { name: `Key ${n}`, exact: true });
  }

  customFieldValue(n: number) {
    return this.page.getByRole('textbox', { name: `Value ${n}`, exact: true });
  }

  get customFieldRows() {
    return this.form.getByRole('group', { name: 'Custom fields' }).getByRole('textbox', { name: /^Key \d+$/ });
  }

  get addCustomField() {
    return this.page.getByRole('button', { name: 'Add custom field', exact: true });
  }

  // ——— billing providers ———

  get providerToAdd() {
    return this.field('Provider to add');
  }

  get addBillingProvider() {
    return this.page.getByRole('button', { name: 'Add billing provider', exact: true });
  }

  /** A provider's settings, a region named after it ("Stripe", "AWS Marketplace"…). */
  provider(name: BillingProviderName) {
    return this.form.getByRole('region', { name, exact: true });
  }

  /** A field of a provider's settings, by its label. */
  providerField(name: BillingProviderName, label: string) {
    return this.provider(name).getByLabel(label, { exact: true });
  }

  /** Chooses the provider under "Provider to add" and presses "Add billing provider". */
  async addProvider(name: BillingProviderName) {
    await this.providerToAdd.selectOption({ label: name });
    await this.addBillingProvider.click();
  }

  async fillProvider({ provider, fields = {} }: BillingProviderFields) {
    for (const [label, value] of Object.entries(fields)) {
      const control = this.providerField(provider, label);
      if (typeof value === 'boolean') await control.setChecked(value);
      else if ((await control.evaluate((el) => el.tagName)) === 'SELECT') await control.selectOption({ label: value });
      else await control.fill(value);
    }
  }

  // ——— saving ———

  get submit() {
    return this.page.getByRole('button', { name: 'Create customer' });
  }

  get saveChanges() {
    return this.page.getByRole('button', { name: 'Save changes', exact: true });
  }

  /** The form's own alert (Next's route announcer is an alert too). */
  get formAlert() {
    return this.form.getByRole('alert').filter({ hasNot: this.page.getByRole('heading') });
  }

  // ——— the conflict view of a stale edit ———

  /** The conflict view, whose heading names who saved first ("… saved this customer while you were editing"). */
  get conflict() {
    return this.form.getByRole('alert', { name: /saved this customer while you were editing$/ });
  }

  /** The row of the conflict's "Changes" table for one field ("Name", "Description"…). */
  conflictChange(field: string) {
    return this.conflict
      .getByRole('region', { name: 'Changes' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: field, exact: true }) });
  }

  get reloadTheirVersion() {
    return this.conflict.getByRole('button', { name: 'Reload their version', exact: true });
  }

  get keepMyEdits() {
    return this.conflict.getByRole('button', { name: 'Keep my edits', exact: true });
  }

  // ——— filling ———

  /** Adds a row of a two-box list (mappings, custom fields) for each pair, after the rows it has. */
  private async addPairRows(
    pairs: [string, string][],
    rows: Locator,
    addButton: Locator,
    boxes: (n: number) => [Locator, Locator],
  ) {
    const start = await rows.count();
    for (const [i, [first, second]] of pairs.entries()) {
      await addButton.click();
      const [firstBox, secondBox] = boxes(start + i + 1);
      await firstBox.fill(first);
      await secondBox.fill(second);
    }
  }

  async fill(c: CustomerFields) {
    await this.field('ID').fill(c.id);
    if (c.name !== undefined) await this.field('Name').fill(c.name);
    if (c.description !== undefined) await this.field('Description').fill(c.description);
    if (c.externalId !== undefined) await this.field('External ID').fill(c.externalId);
    if (c.salesforceAccount !== undefined) await this.field('Salesforce account').fill(c.salesforceAccount);
    if (c.pricePlan !== undefined) await this.field('Price plan').selectOption({ label: c.pricePlan });
    for (const tag of c.tags ?? []) await this.addTag(tag);
    if (c.email !== undefined) await this.field('Email').fill(c.email);
    if (c.phone !== undefined) await this.field('Phone').fill(c.phone);
    if (c.website !== undefined) await this.field('Website').fill(c.website);
    if (c.logoUrl !== undefined) await this.field('Logo URL').fill(c.logoUrl);
    if (c.legalName !== undefined) await this.field('Legal name').fill(c.legalName);
    if (c.vatId !== undefined) await this.field('VAT ID').fill(c.vatId);
    if (c.addressLine1 !== undefined) await this.field('Address line 1').fill(c.addressLine1);
    if (c.addressLine2 !== undefined) await this.field('Address line 2').fill(c.addressLine2);
    if (c.city !== undefined) await this.field('City').fill(c.city);
    if (c.state !== undefined) await this.field('State').fill(c.state);
    if (c.zipcode !== undefined) await this.field('Zipcode').fill(c.zipcode);
    if (c.country !== undefined) {
      await this.country.fill(c.country);
      await this.countryOption(c.country).click();
    }
    // New rows go after the ones already there.
    if (c.otherEmails?.length) {
      const start = await this.otherEmailInputs.count();
      for (const [i, email] of c.otherEmails.entries()) {
        await this.addEmail.click();
        await this.otherEmail(start + i + 1).fill(email);
      }
    }
    if (c.aliases?.length) {
      const start = await this.aliasInputs.count();
      for (const [i, alias] of c.aliases.entries()) {
        await this.addAlias.click();
        await this.alias(start + i + 1).fill(alias);
      }
    }
    const mappings = (c.mappings ?? []).map((m): [string, string] => [m.label, m.regex]);
    await this.addPairRows(mappings, this.mappingRows, this.addMapping, (n) => [
      this.mappingLabel(n),
      this.mappingRegex(n),
    ]);
    const customFields = (c.customFields ?? []).map((f): [string, string] => [f.key, f.value]);
    await this.addPairRows(customFields, this.customFieldRows, this.addCustomField, (n) => [
      this.customFieldKey(n),
      this.customFieldValue(n),
    ]);
    for (const provider of c.billingProviders ?? []) {
      await this.addProvider(provider.provider);
      await this.fillProvider(provider);
    }
  }

  /** Pastes text into a box as a person would (Ctrl+V), with a real paste event carrying the text. */
  async paste(into: Locator, text: string) {
    await into.focus();
    await into.evaluate((el, data) => {
      const transfer = new DataTransfer();
      transfer.setData('text/plain', data);
      const event = new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true });
      // A paste nobody handles inserts the text, like the browser's own paste.
      if (el.dispatchEvent(event) && el instanceof HTMLInputElement) {
        document.execCommand('insertText', false, data);
      }
    }, text);
  }

  /** Changes one field of the edit form and saves; resolves once the browser is back on the customer's page. */
  async saveField(label: string, value: string) {
    await this.field(label).fill(value);
    await this.saveChanges.click();
    await expect(this.page).toHaveURL(DETAIL_URL);
  }

  /** Opens the create form and fills it; the caller submits. */
  async openFilled(c: CustomerFields) {
    await this.open();
    await this.fill(c);
  }

  /** Opens, fills and submits; resolves once the browser has left the form (or not, on errors). */
  async create(c: CustomerFields) {
    await this.openFilled(c);
    await this.submit.click();
  }

  /** Creates a customer that is expected to be valid; resolves on its detail page with its UUID. */
  async createAndOpen(c: CustomerFields): Promise<string> {
    await this.create(c);
    await this.page.waitForURL(DETAIL_URL);
    return new URL(this.page.url()).pathname.split('/').pop()!;
  }
}
