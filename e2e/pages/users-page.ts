import { expect, type Page } from '@playwright/test';
import { ROLES } from '../../lib/auth/permissions';
import type { E2ERole } from '../users';
import { AddDialogParts, LayoutPage } from './portal-parts';

export interface UserFields {
  name: string;
  email: string;
  role: 'Viewer' | 'Editor' | 'Admin';
  password: string;
}

export const ROLE_LABELS: Record<E2ERole, UserFields['role']> = ROLES;

/** The users page (admins only): the table of users, "Add user" and "Set password" dialogs. */
export class UsersPage extends LayoutPage {
  readonly adding = new AddDialogParts<'Name' | 'Email' | 'Role' | 'Password'>(this.page, 'Add user');

  constructor(page: Page) {
    super(page, '/users', 'Users');
  }

  /** The row of the user whose email is exactly `email`. */
  row(email: string) {
    return this.rows.filter({ has: this.page.getByText(email, { exact: true }) });
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

  setPasswordButton(email: string) {
    return this.page.getByRole('button', { name: `Set password for ${email}`, exact: true });
  }

  /** The "Set a new password for <name>" dialog. */
  get passwordDialog() {
    return this.page.getByRole('dialog', { name: /^Set a new password for / });
  }

  /** Opens "Set password" for the user, types the password and submits; the caller checks the outcome. */
  async setPassword(email: string, password: string) {
    await this.setPasswordButton(email).click();
    await this.passwordDialog.getByLabel('New password', { exact: true }).fill(password);
    await this.passwordDialog.getByRole('button', { name: 'Set password', exact: true }).click();
  }

  /** What the row says went wrong (role="alert"). */
  rowAlert(email: string) {
    return this.row(email).getByRole('alert');
  }

  get addedNotice() {
    return this.toast('User added');
  }

  /** Opens "Add user", fills it and submits; the caller checks the outcome. */
  async add(user: UserFields) {
    await this.adding.button.click();
    await this.adding.field('Name').fill(user.name);
    await this.adding.field('Email').fill(user.email);
    await this.adding.field('Role').selectOption({ label: user.role });
    await this.adding.field('Password').fill(user.password);
    await this.adding.submit.click();
  }

  /** Adds the user and waits for its row. */
  async create(user: UserFields) {
    await this.add(user);
    await expect(this.row(user.email)).toBeVisible();
  }

  /** Opens the page and adds this user; returns it. */
  async openWithNewUser(user: UserFields) {
    await this.open();
    await this.create(user);
    return user;
  }

  /** Loads the page again and waits for this user's row, so that what is read next is fresh. */
  async reopen(email: string) {
    await this.open();
    await expect(this.row(email)).toBeVisible();
  }
}
