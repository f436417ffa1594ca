import type { Page } from '@playwright/test';
import type { E2ERole } from '../users';

export interface UserFields {
  name: string;
  email: string;
  role: 'Viewer' | 'Editor' | 'Admin';
  password: string;
}

export const ROLE_LABELS: Record<E2ERole, UserFields['role']> = { viewer: 'Viewer', editor: 'Editor', admin: 'Admin' };

/** The users page (admins only): the table of users and the "Add user" form. */
export class UsersPage {
  constructor(readonly page: Page) {}

  async open() {
    return this.page.goto('/users');
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Users' });
  }

  get table() {
    return this.page.getByRole('region', { name: 'Users' }).getByRole('table');
  }

  /** The body rows (the header row has column headers, not cells). */
  get rows() {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  /** The row of the user whose email is exactly `email`. */
  row(email: string) {
    return this.rows.filter({ has: this.page.getByRole('cell', { name: email, exact: true }) });
  }

  roleSelect(email: string) {
    return this.page.getByLabel(`Role for ${email}`, { exact: true });
  }

  saveRole(email: string) {
    return this.page.getByRole('button', { name: `Save role for ${email}`, exact: true });
  }

  deactivate(email: string) {
    return this.page.getByRole('button', { name: `Deactivate ${email}`, exact: true });
  }

  reactivate(email: string) {
    return this.page.getByRole('button', { name: `Reactivate ${email}`, exact: true });
  }

  /** What the row says went wrong (role="alert"). */
  rowAlert(email: string) {
    return this.row(email).getByRole('alert');
  }

  /** What the row says was done (role="status"). */
  rowStatus(email: string) {
    return this.row(email).getByRole('status');
  }

  get addForm() {
    return this.page.getByRole('form', { name: 'Add user' });
  }

  addField(label: 'Name' | 'Email' | 'Role' | 'Password') {
    return this.addForm.getByLabel(label, { exact: true });
  }

  get addSubmit() {
    return this.addForm.getByRole('button', { name: 'Add user' });
  }

  get addedNotice() {
    return this.addForm.getByRole('status').filter({ hasText: 'User added.' });
  }

  /** Fills and submits "Add user"; the caller checks the outcome. */
  async add(user: UserFields) {
    await this.addField('Name').fill(user.name);
    await this.addField('Email').fill(user.email);
    await this.addField('Role').selectOption({ label: user.role });
    await this.addField('Password').fill(user.password);
    await this.addSubmit.click();
  }
}
