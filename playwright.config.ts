import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium';
import { apiKeyFile, E2E_PASSWORD, E2E_USERS, storageState, type E2ERole } from './e2e/users';

const port = Number(process.env.E2E_PORT ?? 3107);
const baseURL = `http://127.0.0.1:${port}`;
// A fresh, empty database for every run: a new PGlite folder, or the PostgreSQL that DATABASE_URL names.
const pgliteDir = process.env.E2E_PGLITE_DIR ?? path.join(os.tmpdir(), `meterline-e2e-${process.pid}`, 'pglite');

// A second server, on a database of its own with no users at all: the first run of a fresh install.
const firstRunPort = Number(process.env.E2E_FIRST_RUN_PORT ?? port + 1);
const firstRunURL = `http://127.0.0.1:${firstRunPort}`;
const firstRunDatabase: Record<string, string> = process.env.DATABASE_URL
  ? { DATABASE_URL: process.env.E2E_FIRST_RUN_DATABASE_URL ?? missing('E2E_FIRST_RUN_DATABASE_URL') }
  : { PGLITE_DIR: process.env.E2E_FIRST_RUN_PGLITE_DIR ?? path.join(path.dirname(pgliteDir), 'pglite-first-run') };

// Specs whose subject is the same whatever the database (who may replay a server action, response
// headers, public files, caps met before any query, a regex tried in the browser): npm test runs
// them in its first (PGlite) pass only, and sets E2E_SECOND_PASS for the PostgreSQL pass.
const SAME_ON_EVERY_DATABASE = [
  /action-replay\.spec\.ts/,
  /security-headers\.spec\.ts/,
  /public-files\.spec\.ts/,
  /mapping-safety\.spec\.ts/,
  /request-limits\.spec\.ts/,
];
const secondPass = process.env.E2E_SECOND_PASS === '1';

function missing(name: string): never {
  throw new Error(`${name} must name a second, empty PostgreSQL database when DATABASE_URL is set`);
}

// One user per role, made from the shell before the server starts (as automation would).
const createUsers = Object.entries(E2E_USERS)
  .map(([role, email]) => `npm run --silent user:create -- --email ${email} --role ${role} --password ${E2E_PASSWORD}`)
  .join(' && ');
// And one API key per role, each written to its file (the key is the command's only output line).
const createApiKeys = [
  'mkdir -p e2e/.auth',
  ...(Object.keys(E2E_USERS) as E2ERole[]).map(
    (role) => `npm run --silent apikey:create -- --name e2e-${role} --role ${role} > ${apiKeyFile(role)}`,
  ),
].join(' && ');

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    // Signs in once per role and keeps each session for the tests.
    { name: 'sign-in', testMatch: /auth\.setup\.ts/ },
    // Runs next, while there is still no customer.
    {
      name: 'empty-database',
      testMatch: /empty-state\.spec\.ts/,
      dependencies: ['sign-in'],
      use: { storageState: storageState('editor') },
    },
    {
      name: 'chromium',
      testIgnore: [
        /empty-state\.spec\.ts/,
        /auth\.setup\.ts/,
        /first-run\.spec\.ts/,
        /api-keys-first-run\.spec\.ts/,
        /client-address\.spec\.ts/,
        /outage\.spec\.ts/,
        /server-start\.spec\.ts/,
        /shutdown\.spec\.ts/,
        /instances\.spec\.ts/,
        /logs\.spec\.ts/,
        ...(secondPass ? SAME_ON_EVERY_DATABASE : []),
      ],
      dependencies: ['empty-database'],
      use: { storageState: storageState('editor') },
    },
    // Servers of their own (server.mjs on a throwaway PostgreSQL, or on a PGlite folder in use):
    // the database down, frozen or held at start.
    {
      name: 'outage',
      testMatch: [
        /outage\.spec\.ts/,
        /server-start\.spec\.ts/,
        /shutdown\.spec\.ts/,
        /instances\.spec\.ts/,
        /logs\.spec\.ts/,
      ],
    },
    // The second server: setup of a fresh install, its API keys page while it has none and its low
    // /v1 rate limit, then what a client can (not) do with forwarded headers.
    { name: 'first-run', testMatch: /(^|\/)first-run\.spec\.ts/, use: { baseURL: firstRunURL } },
    {
      name: 'first-run-api-keys',
      testMatch: /api-keys-first-run\.spec\.ts/,
      dependencies: ['first-run'],
      use: { baseURL: firstRunURL },
    },
    {
      name: 'client-address',
      testMatch: /client-address\.spec\.ts/,
      dependencies: ['first-run-api-keys'],
      use: { baseURL: firstRunURL },
    },
  ],
  webServer: [
    {
      command: `${createUsers} && ${createApiKeys} && node server.mjs -p ${port} -H 127.0.0.1`,
      url: `${baseURL}/customers`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      // The tests play the reverse proxy: each browser they open says it is a client of its own
      // (X-Forwarded-For), so that the many sign-ins of the suite do not share one sign-in limit.
      // LOG_LEVEL: a line per request would bury the test output (e2e/logs.spec.ts reads a server's log).
      env: {
        TRUSTED_PROXY: '1',
        LOG_LEVEL: 'warn',
        ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : { PGLITE_DIR: pgliteDir }),
      },
    },
    {
      // As shipped: nothing in front of it, and no user yet.
      command: `node server.mjs -p ${firstRunPort} -H 127.0.0.1`,
      url: `${firstRunURL}/setup`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      // A low /v1 rate limit (3 at once, then one every 4 s): api-keys-first-run.spec.ts meets it.
      env: {
        TRUSTED_PROXY: '',
        LOG_LEVEL: 'warn',
        V1_RATE_LIMIT_PER_SECOND: '0.25',
        V1_RATE_LIMIT_BURST: '3',
        ...firstRunDatabase,
      },
    },
  ],
});
