import type { Page } from '@playwright/test';

/** The one-time setup page of a fresh install: the "Create the first admin" form. */
export class SetupPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Set up Meterline' });
  }

  get form() {
    return this.page.getByRole('form', { name: 'Create the first admin' });
  }

  field(label: 'Name' | 'Email' | 'Password') {
    return this.form.getByLabel(label, { exact: true });
  }

  get submit() {
    return this.form.getByRole('button', { name: 'Create admin' });
  }

  /** Fills and submits the form; the caller waits for where it leads. */
  async createAdmin(admin: { name: string; email: string; password: string }) {
    await this.field('Name').fill(admin.name);
    await this.field('Email').fill(admin.email);
    await this.field('Password').fill(admin.password);
    await this.submit.click();
  }
}
