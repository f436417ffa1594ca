import type { Page } from '@playwright/test';

/** The sign-in form: Email, Password, "Sign in", and its one alert for what went wrong. */
export class SignInPage {
  constructor(readonly page: Page) {}

  /** Opens /sign-in, with `next` (where to go afterwards) when given. */
  async open(next?: string) {
    await this.page.goto(next === undefined ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`);
  }

  get form() {
    return this.page.getByRole('form', { name: 'Sign in' });
  }

  get email() {
    return this.form.getByLabel('Email', { exact: true });
  }

  get password() {
    return this.form.getByLabel('Password', { exact: true });
  }

  get submit() {
    return this.form.getByRole('button', { name: 'Sign in' });
  }

  /** The form's own alert (Next's route announcer is an alert too). */
  get alert() {
    return this.form.getByRole('alert');
  }

  /** Fills and submits the form; the caller waits for where it leads. */
  async signIn(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
