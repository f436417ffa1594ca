import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from '@playwright/test';
import { freePort, havePostgres, startApp, stopProcess, ThrowawayPostgres } from './throwaway';

// The database goes away under a running portal, on a PostgreSQL cluster this file starts for
// itself: the portal answers "try again" within its time limits, and comes back without a restart.

const STATEMENT_TIMEOUT_MS = 1_500; // the app's answer limit is this + 2 s
/** How long a request may take when the database does not answer: the limits, and a margin. */
const ANSWER_BOUND_MS = STATEMENT_TIMEOUT_MS + 2_000 + 4_000;
const ADMIN = { email: 'outage-admin@e2e.test', password: 'outage-password-1234' };

test.skip(!havePostgres, 'PostgreSQL 15 binaries are not installed');
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let pg: ThrowawayPostgres;
let app: ChildProcess;
let appOutput: () => string;
let api: APIRequestContext;
let baseURL: string;

test.beforeAll(async () => {
  pg = new ThrowawayPostgres(await freePort());
  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
  // Started before PostgreSQL is: the first requests find no database.
  ({ app, output: appOutput } = await startApp(port, {
    DATABASE_URL: pg.url,
    DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
    DATABASE_LOCK_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
    DATABASE_CONNECT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
  }));
  api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('server output', { body: appOutput() });
});

test.afterAll(async () => {
  await api?.dispose();
  if (app) await stopProcess(app);
  await pg?.remove();
});

/** Times a request. */
async function timed<T>(send: () => Promise<T>): Promise<[T, number]> {
  const started = Date.now();
  const result = await send();
  return [result, Date.now() - started];
}

const signInPage = () => api.get('/sign-in', { maxRedirects: 0 });

/** The page a browser shows: the error boundary tells an outage from a failure. */
async function expectOutagePage(page: Page) {
  const [, took] = await timed(() => page.goto(`${baseURL}/sign-in`));
  await expect(page.getByRole('heading', { name: 'The database is not answering' })).toBeVisible();
  await expect(page.getByText('the database did not answer in time. Try again in a moment.')).toBeVisible();
  expect(took).toBeLessThan(ANSWER_BOUND_MS);
}

test('started before its database, the portal says so, then serves once PostgreSQL is up', async ({ page }) => {
  const [down, took] = await timed(signInPage);
  expect(down.status()).toBe(500);
  expect(took).toBeLessThan(ANSWER_BOUND_MS);
  await expectOutagePage(page);

  await pg.start();
  // No restart: the next requests open the database (no user yet, so sign-in sends to setup).
  await expect.poll(async () => (await signInPage()).status(), { timeout: 20_000 }).toBe(307);

  const made = spawnSync(
    'npx',
    [
      'tsx',
      '--conditions=react-server',
      'scripts/user-create.ts',
      '--email',
      ADMIN.email,
      '--role',
      'admin',
      '--password',
      ADMIN.password,
    ],
    { env: { ...process.env, DATABASE_URL: pg.url }, encoding: 'utf8', timeout: 60_000 },
  );
  expect(made.status, made.stderr).toBe(0);
  const signedIn = await api.post('/api/auth/sign-in/email', { data: ADMIN });
  expect(signedIn.status()).toBe(200);
  expect((await api.get('/api/customers')).status()).toBe(200);
});

test('a frozen PostgreSQL: requests answer "try again" in time, nothing is half-saved, and it recovers on thaw', async ({
  page,
}) => {
  const name = `frozen_${randomUUID().slice(0, 8)}`;
  pg.freeze();
  try {
    const [list, listTook] = await timed(() => api.get('/api/customers'));
    expect(list.status()).toBe(503);
    expect(list.headers()['retry-after']).toMatch(/^\d+$/);
    expect(await list.json()).toEqual({ message: 'The database is not answering; try again in a moment.' });
    expect(listTook).toBeLessThan(ANSWER_BOUND_MS);

    const [create, createTook] = await timed(() => api.post('/api/customers', { data: { name, ingestAliases: [] } }));
    expect(create.status()).toBe(503);
    expect(create.headers()['retry-after']).toMatch(/^\d+$/);
    expect((await create.json()).message).toMatch(/try again/);
    expect(createTook).toBeLessThan(ANSWER_BOUND_MS);

    await expectOutagePage(page);
  } finally {
    pg.thaw();
  }
  await expect.poll(async () => (await api.get('/api/customers')).status(), { timeout: 20_000 }).toBe(200);
  const found = await api.get(`/api/customers?q=${name}&status=all`);
  expect((await found.json()).items).toEqual([]);
});

test('a PostgreSQL that stops and starts again: 503 with Retry-After meanwhile, then served without a restart', async () => {
  await pg.stop();
  const create = await api.post('/api/customers', {
    data: { name: `down_${randomUUID().slice(0, 8)}` },
    timeout: ANSWER_BOUND_MS,
  });
  expect(create.status()).toBe(503);
  expect(create.headers()['retry-after']).toMatch(/^\d+$/);
  expect((await create.json()).message).toBe('The database is not answering; try again in a moment.');
  await pg.start();
  await expect.poll(async () => (await api.get('/api/customers')).status(), { timeout: 20_000 }).toBe(200);
});
