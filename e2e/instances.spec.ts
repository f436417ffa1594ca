import { spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { CustomerFormPage, DETAIL_URL } from './pages/customer-form-page';
import { SignInPage } from './pages/sign-in-page';
import { freePort, havePostgres, startApp, stopProcess, ThrowawayPostgres } from './throwaway';

// Two instances of the portal on one PostgreSQL, no sticky sessions, no BETTER_AUTH_SECRET: they
// act as one. (Both listen on 127.0.0.1, and cookies do not depend on the port: the browser sends
// the session to both, as it would to two instances behind one load balancer.)

test.skip(!havePostgres, 'PostgreSQL 15 binaries are not installed');
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const ADMIN = { email: 'instances-admin@e2e.test', password: 'instances-password-1234' };
let pg: ThrowawayPostgres;
const apps: ChildProcess[] = [];
let first: string;
let second: string;

test.beforeAll(async () => {
  pg = new ThrowawayPostgres(await freePort());
  await pg.start();
  // TRUSTED_PROXY: the limit test below sends its own client address, as a proxy would.
  const env = { DATABASE_URL: pg.url, BETTER_AUTH_SECRET: '', TRUSTED_PROXY: '1' };
  const made = spawnSync(
    'npm',
    ['run', '--silent', 'user:create', '--', '--email', ADMIN.email, '--role', 'admin', '--password', ADMIN.password],
    { env: { ...process.env, ...env }, encoding: 'utf8' },
  );
  expect(made.status, made.stderr).toBe(0);
  const [a, b] = [await freePort(), await freePort()];
  // Started together: each would make a session secret if none were stored; they must agree on one.
  const started = await Promise.all([startApp(a, env), startApp(b, env)]);
  apps.push(...started.map((s) => s.app));
  [first, second] = [`http://127.0.0.1:${a}`, `http://127.0.0.1:${b}`];
});

test.afterAll(async () => {
  await Promise.all(apps.map(stopProcess));
  await pg?.remove();
});

test('signed in on one instance, working on the other; a change through one is seen at once on the other', async ({
  page,
}) => {
  await page.goto(`${first}/sign-in`);
  const signIn = new SignInPage(page);
  await signIn.signIn(ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(`${first}/customers`);

  await page.goto(`${second}/customers/new`);
  const form = new CustomerFormPage(page);
  const id = `two-instances-${Date.now()}`;
  await form.field('ID').fill(id);
  await form.field('Name').fill('Made on the second instance');
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page).toHaveURL(DETAIL_URL);
  const detail = new URL(page.url()).pathname;

  await page.goto(`${first}${detail}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Made on the second instance');
});

test('the sign-in limit counts attempts made on both instances', async ({ page }) => {
  const client = { 'x-forwarded-for': '203.0.113.77' };
  const attempt = (base: string, password: string) =>
    page.request.post(`${base}/api/auth/sign-in/email`, {
      headers: { origin: base, ...client },
      data: { email: ADMIN.email, password },
    });
  for (const [i, base] of [first, second, first, second, first].entries()) {
    expect((await attempt(base, `wrong-password-${i}`)).status(), `attempt ${i + 1}`).toBe(401);
  }
  // The sixth attempt in the minute, with the right password, on the instance that saw only two.
  await page.setExtraHTTPHeaders(client);
  await page.goto(`${second}/sign-in`);
  const signIn = new SignInPage(page);
  await signIn.signIn(ADMIN.email, ADMIN.password);
  await expect(signIn.alert).toHaveText('Too many sign-in attempts. Wait a minute, then try again.');
});
