/** One user per role, made from the shell (npm run user:create) before the e2e server starts. */
export const E2E_PASSWORD = 'e2e-password-1234';
export const E2E_USERS = {
  admin: 'admin@e2e.test',
  editor: 'editor@e2e.test',
  viewer: 'viewer@e2e.test',
} as const;
export type E2ERole = keyof typeof E2E_USERS;
export const storageState = (role: E2ERole) => `e2e/.auth/${role}.json`;

/** The admin that the first-run test makes on the second e2e server's empty database. */
export const FIRST_ADMIN = { name: 'First Admin', email: 'first-admin@e2e.test', password: 'first-admin-password-1' };

/** One API key per role, made from the shell (npm run apikey:create) before the e2e server starts. */
export const apiKeyFile = (role: E2ERole) => `e2e/.auth/apikey-${role}.txt`;
