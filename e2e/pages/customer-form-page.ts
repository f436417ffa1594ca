import type { Locator, Page } from '@playwright/test';

export interface CustomerFields {
  id: string;
  name?: string;
  description?: string;
  email?: string;
  website?: string;
  addressLine1?: string;
  addressLine2?: string;
  city?: string;
  state?: string;
  zipcode?: string;
  country?: string; // the visible name, e.g. "Germany"
  aliases?: string[];
}

/** The detail page's address: /customers/<uuid>. */
export const DETAIL_URL = /\/customers\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\?|$)/;

/** The create form, driven through its labels the way a person uses it. */
export class CustomerFormPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/customers/new');
  }

  get form() {
    return this.page.getByRole('form', { name: 'Create customer' });
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

  get submit() {
    return this.page.getByRole('button', { name: 'Create customer' });
  }

  /** The form's own alert (Next's route announcer is an alert too). */
  get formAlert() {
    return this.form.getByRole('alert');
  }

  async fill(c: CustomerFields) {
    await this.field('ID').fill(c.id);
    if (c.name !== undefined) await this.field('Name').fill(c.name);
    if (c.description !== undefined) await this.field('Description').fill(c.description);
    if (c.email !== undefined) await this.field('Email').fill(c.email);
    if (c.website !== undefined) await this.field('Website').fill(c.website);
    if (c.addressLine1 !== undefined) await this.field('Address line 1').fill(c.addressLine1);
    if (c.addressLine2 !== undefined) await this.field('Address line 2').fill(c.addressLine2);
    if (c.city !== undefined) await this.field('City').fill(c.city);
    if (c.state !== undefined) await this.field('State').fill(c.state);
    if (c.zipcode !== undefined) await this.field('Zipcode').fill(c.zipcode);
    if (c.country !== undefined) {
      await this.field('Country').fill(c.country);
      await this.page.getByRole('option', { name: c.country, exact: true }).click();
    }
    for (const [i, alias] of (c.aliases ?? []).entries()) {
      await this.addAlias.click();
      await this.alias(i + 1).fill(alias);
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

  /** Fills and submits; resolves once the browser has left the form (or not, on errors). */
  async create(c: CustomerFields) {
    await this.open();
    await this.fill(c);
    await this.submit.click();
  }

  /** Creates a customer that is expected to be valid; resolves on its detail page with its UUID. */
  async createAndOpen(c: CustomerFields): Promise<string> {
    await this.create(c);
    await this.page.waitForURL(DETAIL_URL);
    return new URL(this.page.url()).pathname.split('/').pop()!;
  }
}
