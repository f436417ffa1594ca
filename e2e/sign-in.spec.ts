import { expectNoAxeViolations, uniqueId } from './fixtures';
import { ANONYMOUS, clientAddress, expect, forgedSessionState, NO_MATCH, sessionCookies, test } from './clients';
import { SignInPage } from './pages/sign-in-page';
import { E2E_PASSWORD, E2E_USERS, storageState } from './users';

// Signing in and out: who is sent to sign in, the one answer for a wrong password, the sign-in
// limit, where "next" may lead, and what signing out ends.

// ——— anonymous visitors ———

test.describe('anonymous visitors', () => {
  test.use({ storageState: ANONYMOUS });

  for (const path of ['/customers', '/customers/new', '/users', '/audit', '/customers?status=archived']) {
    test(`${path} sends them to sign in, remembering where they were going`, async ({ page }) => {
      await page.goto(path);

      await expect(page).toHaveURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === path);
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    });
  }

  test('the customers API answers 401, with and without a made-up session cookie', async ({ clients }) => {
    const anonymous = await clients.api(ANONYMOUS);
    const response = await anonymous.get('/api/customers?status=all');
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ message: 'Sign in first.' });

    // A cookie gets past the early turn-away: the route itself must refuse it.
    const forged = await clients.api(await forgedSessionState());
    const forgedResponse = await forged.get('/api/customers?status=all');
    expect(forgedResponse.status()).toBe(401);
    expect(await forgedResponse.json()).not.toHaveProperty('items');
  });

  test('signing in from a link to /customers/new lands on /customers/new', async ({ page }) => {
    await page.goto('/customers/new');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fcustomers%2Fnew$/);

    await new SignInPage(page).signIn(E2E_USERS.editor, E2E_PASSWORD);

    await expect(page).toHaveURL(/\/customers\/new$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Create customer' })).toBeVisible();
  });

  test('a wrong password and an unknown email get the same answer, naming neither', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.open();
    const attempt = async (email: string, password: string) => {
      const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/sign-in/email');
      await signIn.signIn(email, password);
      const response = await answer;
      await expect(signIn.alert).toHaveText(NO_MATCH);
      await expect(page).toHaveURL(/\/sign-in$/);
      await expect(signIn.email).not.toHaveAttribute('aria-invalid', 'true');
      await expect(signIn.password).not.toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByRole('main')).not.toContainText(
        /no account|not found|unknown|incorrect|wrong password|does not exist|not registered/i,
      );
      return { status: response.status(), body: await response.text() };
    };

    const wrongPassword = await attempt(E2E_USERS.viewer, 'not-the-password-1');
    // Clear the message so that the second one is seen to appear anew.
    await page.reload();
    await expect(signIn.alert).toHaveText('');
    const unknownEmail = await attempt(`${uniqueId('nobody')}@e2e.test`, E2E_PASSWORD);

    // Not even the server's answer tells them apart.
    expect(unknownEmail).toEqual(wrongPassword);
  });

  test('sign-in is limited to 5 attempts a minute per client address, even with the right password', async ({
    page,
    clients,
    baseURL,
  }) => {
    const address = clientAddress();
    await page.context().setExtraHTTPHeaders({ 'x-forwarded-for': address });
    const api = await clients.api(ANONYMOUS);
    for (let i = 1; i <= 5; i++) {
      const response = await api.post('/api/auth/sign-in/email', {
        headers: { 'x-forwarded-for': address, origin: baseURL! },
        data: { email: E2E_USERS.viewer, password: `wrong-password-${i}` },
      });
      expect(response.status(), `attempt ${i}`).toBe(401);
    }

    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signIn(E2E_USERS.viewer, E2E_PASSWORD);

    await expect(signIn.alert).toHaveText('Too many sign-in attempts. Wait a minute, then try again.');
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  // Where "next" may lead after signing in: this site only.
  for (const next of ['//evil.test/a', 'https://evil.test/b', '/\\evil.test/c', '/\t/evil.test/d']) {
    test(`"next" = ${JSON.stringify(next)} does not lead off the site`, async ({ page, context, baseURL }) => {
      await context.route(/^https?:\/\/evil\.test\//, (route) =>
        route.fulfill({ contentType: 'text/plain', body: 'Another site' }),
      );
      const signIn = new SignInPage(page);
      await signIn.open(next);
      await signIn.signIn(E2E_USERS.viewer, E2E_PASSWORD);

      await expect(page).toHaveURL(`${baseURL}/customers`);
      await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
    });
  }
});

// ——— sessions ———

test.describe('sessions', () => {
  test.use({ storageState: ANONYMOUS });

  test('signing out ends the session on the server, not only in the browser', async ({ clients }) => {
    // A session of its own: the shared viewer session stays signed in.
    const page = await clients.signIn(E2E_USERS.viewer);
    const signedIn = await page.context().storageState();
    expect(sessionCookies(signedIn.cookies)).toHaveLength(1);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

    // The saved cookie, brought back in another browser, opens nothing: its session is gone.
    const again = await clients.page(signedIn);
    await again.goto('/customers');
    await expect(again).toHaveURL(/\/sign-in(\?|$)/);
    await expect(again.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    const replayed = await (await clients.api(signedIn)).get('/api/customers');
    expect(replayed.status()).toBe(401);

    // The viewer's other session is untouched.
    const shared = await (await clients.api(storageState('viewer'))).get('/api/customers');
    expect(shared.status()).toBe(200);

    // And the browser that signed out no longer holds the cookie.
    expect(sessionCookies(await page.context().cookies())).toEqual([]);
  });

  test('the session cookie is HttpOnly and SameSite=Lax', async ({ clients }) => {
    const page = await clients.signIn(E2E_USERS.viewer);

    const cookies = sessionCookies(await page.context().cookies());
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    // Scripts on the page cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain('session_token');
  });
});

// ——— accessibility ———

test.describe('accessibility (axe)', () => {
  test.describe('signed out', () => {
    test.use({ storageState: ANONYMOUS });

    test('sign-in showing an error', async ({ page }) => {
      const signIn = new SignInPage(page);
      await signIn.open();
      await signIn.signIn(E2E_USERS.viewer, 'not-the-password-2');
      await expect(signIn.alert).toHaveText(NO_MATCH);
      await expectNoAxeViolations(page);
    });
  });
});
