import { randomInt } from 'node:crypto';
import { chromiumLaunchOptions } from './chromium';
import { test, expect } from './fixtures';
import { SignInPage } from './pages/sign-in-page';
import { E2E_PASSWORD, E2E_USERS } from './users';

// The session cookie was `__Secure-…; Secure` whatever the scheme, so on http://portal.internal (not
// localhost, which browsers treat as secure) the browser dropped it and sign-in led back to the
// sign-in page without a word. The browser here resolves portal.internal to this machine.

const PORT = process.env.E2E_PORT ?? '3107';
const PORTAL = `http://portal.internal:${PORT}`;

test.use({
  storageState: { cookies: [], origins: [] },
  launchOptions: chromiumLaunchOptions(['--host-resolver-rules=MAP portal.internal 127.0.0.1']),
});

// The e2e server sits "behind a proxy" (TRUSTED_PROXY=1): each test says which client it is.
const clientAddress = () => `10.8.${randomInt(256)}.${randomInt(1, 255)}`;

test('over plain http on a host name, signing in works: the cookie is not Secure', async ({ page }) => {
  await page.context().setExtraHTTPHeaders({ 'x-forwarded-for': clientAddress() });
  await page.goto(`${PORTAL}/sign-in`);
  await new SignInPage(page).signIn(E2E_USERS.viewer, E2E_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(PORTAL);
  const cookies = await page.context().cookies(PORTAL);
  expect(cookies.find((c) => c.name === 'better-auth.session_token')).toMatchObject({ secure: false, httpOnly: true });
});

test('when the proxy says https but the page is http, the sign-in form says why it cannot sign in', async ({
  page,
}) => {
  await page.context().setExtraHTTPHeaders({ 'x-forwarded-for': clientAddress(), 'x-forwarded-proto': 'https' });
  await page.goto(`${PORTAL}/sign-in`);
  const signIn = new SignInPage(page);
  await signIn.signIn(E2E_USERS.viewer, E2E_PASSWORD);
  // better-auth refuses the http page's origin (or, were it let through, the browser the Secure cookie).
  await expect(signIn.alert).toHaveText(
    /^(Cannot sign in over http|Your browser refused the session cookie: the portal is served over http).* is configured for https/,
  );
  await expect(page).toHaveURL(`${PORTAL}/sign-in`);
});
