import { ROLE_NAMES, type Role } from '../lib/auth/permissions';

/** One user per role (admin@e2e.test…), made from the shell (npm run user:create) before the e2e server starts. */
export const E2E_PASSWORD = 'e2e-password-1234';
export type E2ERole = Role;
export const E2E_USERS = Object.fromEntries(ROLE_NAMES.map((role) => [role, `${role}@e2e.test`])) as Record<
  E2ERole,
  string
>;
export const storageState = (role: E2ERole) => `e2e/.auth/${role}.json`;

/** The admin that the first-run test makes on the second e2e server's empty database. */
export const FIRST_ADMIN = { name: 'First Admin', email: 'first-admin@e2e.test', password: 'first-admin-password-1' };

/** One API key per role, made from the shell (npm run apikey:create) before the e2e server starts. */
export const apiKeyFile = (role: E2ERole) => `e2e/.auth/apikey-${role}.txt`;
