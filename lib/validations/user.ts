import { z } from 'zod';
import { ROLE_NAMES, type Role } from '@/lib/auth/permissions';
import { requiredText } from './text';

const email = requiredText('Email', 254)
  .transform((v) => v.toLowerCase())
  .refine((v) => v === '' || z.email().safeParse(v).success, 'Enter a valid email address, like ops@example.com');

/** The password rules, here only: the forms, the server actions and better-auth's config use these. */
export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 128;

const password = z
  .string()
  .min(MIN_PASSWORD, `Use at least ${MIN_PASSWORD} characters`)
  .max(MAX_PASSWORD, `Use at most ${MAX_PASSWORD} characters`);

export const roleInput = z.enum(ROLE_NAMES as [Role, ...Role[]], { error: 'Choose a role' });

/** A new user, as an admin (or the first-run setup) enters it. */
export const userInput = z.object({
  email,
  name: requiredText('Name', 100),
  role: roleInput,
  password,
});
export type UserFormValues = z.input<typeof userInput>;
export type UserInput = z.output<typeof userInput>;

/** A new password an admin sets for a user: the same rules as everywhere. */
export const newPasswordInput = z.object({ password });
export type NewPasswordValues = z.input<typeof newPasswordInput>;

/** The sign-in form: both filled in (the rules for a good password are the account's, not this form's). */
export const signInInput = z.object({
  email: requiredText('Email', 254),
  password: z.string().min(1, 'Enter your password').max(MAX_PASSWORD),
});
export type SignInValues = z.input<typeof signInInput>;

/** A user as the users page lists them (what the data layer returns, and the browser shows). */
export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  createdAt: string;
  /** When they last signed in; null if never. */
  lastSignInAt: string | null;
}
