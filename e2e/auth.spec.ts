import fs from 'node:fs';
import { randomInt, randomUUID } from 'node:crypto';
import type {
  APIRequestContext,
  APIResponse,
  BrowserContext,
  BrowserContextOptions,
  Cookie,
  Page,
} from '@playwright/test';
import { test as base, expect, uniqueId, expectNoAxeViolations, DETAIL_URL } from './fixtures';
import { AuditPage } from './pages/audit-page';
import { CustomerFormPage } from './pages/customer-form-page';
import { PricePlansPage } from './pages/price-plans-page';
import { SignInPage } from './pages/sign-in-page';
import { UsersPage, type UserFields } from './pages/users-page';
import { captureAction, replay, swap, type CapturedAction } from './server-actions';
import { E2E_PASSWORD, E2E_USERS, storageState, type E2ERole } from './users';

// Who may do what, seen from outside: sign-in, sessions, roles, the server actions behind the
// forms, the audit trail and the security headers.

type State = NonNullable<BrowserContextOptions['storageState']>;
const ANONYMOUS: State = { cookies: [], origins: [] };

/** The sign-in form's one answer for a wrong password, an unknown email and a deactivated user. */
const NO_MATCH = 'That email and password do not match an active account.';
const FORBIDDEN_HEADING = 'Your role does not allow this page';
const LAST_ADMIN = 'This is the last active admin: make another user an admin first.';

/**
 * A client address of its own. better-auth allows 5 sign-ins a minute per client address, and
 * these tests sign in often and in parallel. The e2e server believes X-Forwarded-For because it is
 * told that it sits behind a reverse proxy (TRUSTED_PROXY=1): the tests play that proxy, and each
 * acts as a client of its own. (A server with no proxy in front ignores the header:
 * client-address.spec.ts.)
 */
const clientAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

interface Clients {
  /** A new browser (context) with these cookies, at its own address. */
  context(state?: State): Promise<BrowserContext>;
  /** A page in a new browser with these cookies. */
  page(state?: State): Promise<Page>;
  /** Signs in through the form in a new browser; resolves on the customers list. */
  signIn(email: string, password?: string): Promise<Page>;
  /** An API request context (no browser) with these cookies, at its own address. */
  api(state?: State): Promise<APIRequestContext>;
}

const test = base.extend<{ clients: Clients; ownClientAddress: void }>({
  ownClientAddress: [
    async ({ context }, use) => {
      await context.setExtraHTTPHeaders({ 'x-forwarded-for': clientAddress() });
      await use();
    },
    { auto: true },
  ],
  // Contexts made in a test inherit the project's storage state (the editor's) unless told
  // otherwise: every one here says whose cookies it holds.
  clients: async ({ browser, playwright, baseURL }, use) => {
    const contexts: BrowserContext[] = [];
    const apis: APIRequestContext[] = [];
    const clients: Clients = {
      async context(state = ANONYMOUS) {
        const context = await browser.newContext({
          storageState: state,
          extraHTTPHeaders: { 'x-forwarded-for': clientAddress() },
        });
        contexts.push(context);
        return context;
      },
      async page(state = ANONYMOUS) {
        return (await clients.context(state)).newPage();
      },
      async signIn(email, password = E2E_PASSWORD) {
        const page = await clients.page(ANONYMOUS);
        const signIn = new SignInPage(page);
        await signIn.open();
        await signIn.signIn(email, password);
        await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
        return page;
      },
      async api(state = ANONYMOUS) {
        const api = await playwright.request.newContext({
          baseURL,
          storageState: state,
          extraHTTPHeaders: { 'x-forwarded-for': clientAddress() },
        });
        apis.push(api);
        return api;
      },
    };
    await use(clients);
    await Promise.all(contexts.map((c) => c.close()));
    await Promise.all(apis.map((a) => a.dispose()));
  },
});

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

// ——— roles ———

test.describe('a viewer', () => {
  test.use({ storageState: storageState('viewer') });

  test('sees customers, but no way to create, edit or archive them', async ({
    page,
    clients,
    customersList,
    customerDetail,
  }) => {
    // An editor makes the customer, in their own browser.
    const id = uniqueId('viewer-sees');
    const uuid = await new CustomerFormPage(await clients.page(storageState('editor'))).createAndOpen({
      id,
      name: `Seen ${id}`,
    });

    await customersList.open('?limit=100');
    await expect(customersList.row(id)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Create customer' })).toHaveCount(0);

    await customerDetail.open(uuid);
    await expect(customerDetail.heading).toHaveText(`Seen ${id}`);
    await expect(page.getByRole('region', { name: 'History' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
    await expect(page.getByRole('main').getByRole('button', { name: 'Archive', exact: true })).toHaveCount(0);

    await expectForbidden(page, `/customers/${uuid}/edit`);
    await expectForbidden(page, '/customers/new');
  });

  test('has no Users or Audit sections, and gets the 403 page there', async ({ page, customersList }) => {
    await customersList.open();
    await expect(sectionLinks(page)).toHaveText(['Customers', 'Price plans']);
    await expect(page.getByText('Role: Viewer')).toBeVisible();

    await expectForbidden(page, '/users');
    await expectForbidden(page, '/audit');
  });
});

test.describe('an editor', () => {
  test('has no Users or Audit sections, and gets the 403 page there', async ({ page, customersList }) => {
    await customersList.open();
    await expect(sectionLinks(page)).toHaveText(['Customers', 'Price plans']);

    await expectForbidden(page, '/users');
    await expectForbidden(page, '/audit');
  });
});

// ——— server actions called directly ———

/**
 * Every server action behind a form, replayed by hand. `capture` submits the form as a role that
 * may, and keeps the request; each `attempt` is that request again with a body of its own, and
 * tells whether it took effect (read back through the API or the page, as that role).
 */
interface ActionCase {
  name: string;
  allowed: 'editor' | 'admin';
  capture(page: Page, clients: Clients): Promise<{ action: CapturedAction; attempt: () => Attempt }>;
}

interface Attempt {
  body: string;
  tookEffect(): Promise<boolean>;
}

const ACTION_CASES: ActionCase[] = [
  {
    name: 'create customer',
    allowed: 'editor',
    async capture(page, clients) {
      const captured = captureAction(page, (url) => url.pathname === '/customers/new');
      const sourceId = uniqueId('replay-source');
      await new CustomerFormPage(page).createAndOpen({ id: sourceId });
      const action = await captured;
      expect(action.body).toContain(sourceId);
      const editor = await clients.api(storageState('editor'));
      return {
        action,
        attempt() {
          const id = uniqueId('replay-create');
          return {
            body: swap(action.body, sourceId, id),
            tookEffect: async () => (await customersByName(editor)).has(id),
          };
        },
      };
    },
  },
  {
    name: 'edit customer',
    allowed: 'editor',
    async capture(page, clients) {
      const form = new CustomerFormPage(page);
      const [sourceId, targetId] = [uniqueId('edit-source'), uniqueId('edit-target')];
      const targetUuid = await form.createAndOpen({ id: targetId, name: `Target ${targetId}` });
      const sourceUuid = await form.createAndOpen({ id: sourceId, name: `Source ${sourceId}` });
      const captured = captureAction(page, (url) => url.pathname === `/customers/${sourceUuid}/edit`);
      await editName(page, `Source ${sourceId}`, `Edited ${sourceId}`);
      const action = await captured;
      expect(action.body).toContain(`Edited ${sourceId}`);
      // The same edit, of another customer still at version 1.
      let body = swap(action.body, sourceUuid, targetUuid);
      body = swap(body, `Edited ${sourceId}`, `Replayed ${targetId}`);
      body = swap(body, sourceId, targetId);
      const editor = await clients.api(storageState('editor'));
      return {
        action,
        attempt: () => ({
          body,
          tookEffect: async () => (await customersByName(editor)).get(targetId)?.displayName === `Replayed ${targetId}`,
        }),
      };
    },
  },
  {
    name: 'archive customer',
    allowed: 'editor',
    async capture(page, clients) {
      const form = new CustomerFormPage(page);
      const targetId = uniqueId('archive-target');
      const targetUuid = await form.createAndOpen({ id: targetId });
      const sourceUuid = await form.createAndOpen({ id: uniqueId('archive-source') });
      const captured = captureAction(page, (url) => url.pathname === `/customers/${sourceUuid}`);
      await archiveFromItsPage(page);
      const action = await captured;
      expect(action.body).toContain(sourceUuid);
      const editor = await clients.api(storageState('editor'));
      return {
        action,
        attempt: () => ({
          body: swap(action.body, sourceUuid, targetUuid),
          tookEffect: async () => (await customersByName(editor)).get(targetId)?.archivedAt != null,
        }),
      };
    },
  },
  {
    name: 'unarchive customer',
    allowed: 'editor',
    async capture(page, clients) {
      const form = new CustomerFormPage(page);
      const targetId = uniqueId('unarchive-target');
      const targetUuid = await form.createAndOpen({ id: targetId });
      await archiveFromItsPage(page);
      const sourceUuid = await form.createAndOpen({ id: uniqueId('unarchive-source') });
      await archiveFromItsPage(page);
      const captured = captureAction(page, (url) => url.pathname === `/customers/${sourceUuid}`);
      await page
        .getByRole('region', { name: 'This customer is archived' })
        .getByRole('button', { name: 'Unarchive' })
        .click();
      const action = await captured;
      await expect(page.getByRole('region', { name: 'This customer is archived' })).toHaveCount(0);
      expect(action.body).toContain(sourceUuid);
      const editor = await clients.api(storageState('editor'));
      return {
        action,
        attempt: () => ({
          body: swap(action.body, sourceUuid, targetUuid),
          tookEffect: async () => (await customersByName(editor)).get(targetId)?.archivedAt === null,
        }),
      };
    },
  },
  {
    name: 'add price plan',
    allowed: 'editor',
    async capture(page, clients) {
      const plans = new PricePlansPage(page);
      const sourceKey = uniqueId('plan-source');
      await plans.open();
      const captured = captureAction(page, (url) => url.pathname === '/price-plans');
      await plans.add({ key: sourceKey, displayName: `Plan ${sourceKey}` });
      const action = await captured;
      await expect(plans.row(sourceKey)).toHaveCount(1);
      expect(action.body).toContain(sourceKey);
      const editor = new PricePlansPage(await clients.page(storageState('editor')));
      return {
        action,
        attempt() {
          const key = uniqueId('plan-replay');
          return {
            body: swap(action.body, sourceKey, key),
            async tookEffect() {
              await editor.open();
              await expect(editor.row(sourceKey)).toHaveCount(1);
              return (await editor.row(key).count()) > 0;
            },
          };
        },
      };
    },
  },
  {
    name: 'add user',
    allowed: 'admin',
    async capture(page) {
      const users = new UsersPage(page);
      const source = newUser('Viewer');
      await users.open();
      const captured = captureAction(page, (url) => url.pathname === '/users');
      await users.add(source);
      const action = await captured;
      await expect(users.row(source.email)).toBeVisible();
      const sourceId = source.email.split('@')[0]!;
      expect(action.body).toContain(sourceId);
      return {
        action,
        attempt() {
          const id = uniqueId('viewer');
          return {
            body: swap(action.body, sourceId, id),
            async tookEffect() {
              await users.open();
              await expect(users.row(source.email)).toBeVisible();
              return (await users.row(`${id}@e2e.test`).count()) > 0;
            },
          };
        },
      };
    },
  },
  {
    name: 'change role',
    allowed: 'admin',
    async capture(page) {
      const users = new UsersPage(page);
      const user = newUser('Viewer');
      await users.open();
      await users.add(user);
      await expect(users.row(user.email)).toBeVisible();
      const captured = captureAction(page, (url) => url.pathname === '/users');
      await users.roleSelect(user.email).selectOption({ label: 'Editor' });
      await users.saveRole(user.email).click();
      const action = await captured;
      await expect(users.toast(`Role changed: ${user.email} is now Editor`)).toBeVisible();
      expect(action.body).toContain('"editor"');
      // The same user, back to Viewer.
      return {
        action,
        attempt: () => ({
          body: swap(action.body, '"editor"', '"viewer"'),
          async tookEffect() {
            await users.open();
            await expect(users.row(user.email)).toBeVisible();
            return (await users.roleSelect(user.email).inputValue()) === 'viewer';
          },
        }),
      };
    },
  },
  {
    name: 'deactivate or reactivate a user',
    allowed: 'admin',
    async capture(page) {
      const users = new UsersPage(page);
      const user = newUser('Viewer');
      await users.open();
      await users.add(user);
      await expect(users.row(user.email)).toBeVisible();
      const captured = captureAction(page, (url) => url.pathname === '/users');
      await users.deactivate(user.email).click();
      const action = await captured;
      await expect(users.reactivate(user.email)).toBeVisible();
      expect(action.body).toContain('false');
      // The same user, active again.
      return {
        action,
        attempt: () => ({
          body: swap(action.body, 'false', 'true'),
          async tookEffect() {
            await users.open();
            await expect(users.row(user.email)).toBeVisible();
            return (await users.reactivate(user.email).count()) === 0;
          },
        }),
      };
    },
  },
  {
    name: 'edit price plan',
    allowed: 'editor',
    async capture(page) {
      const plans = new PricePlansPage(page);
      const [sourceKey, targetKey] = [uniqueId('edit-plan-source'), uniqueId('edit-plan-target')];
      await plans.open();
      await plans.add({ key: targetKey, displayName: `Target ${targetKey}` });
      await expect(plans.row(targetKey)).toHaveCount(1);
      await plans.add({ key: sourceKey, displayName: `Source ${sourceKey}` });
      await expect(plans.row(sourceKey)).toHaveCount(1);
      const captured = captureAction(page, (url) => url.pathname === '/price-plans');
      await plans.edit(sourceKey, { displayName: `Edited ${sourceKey}` });
      const action = await captured;
      await expect(plans.cell(sourceKey, 'Display name')).toHaveText(`Edited ${sourceKey}`);
      expect(action.body).toContain(sourceKey);
      // The same edit (made on version 1), of another plan still at version 1.
      return {
        action,
        attempt() {
          const name = `Replayed ${uniqueId('plan')}`;
          return {
            body: swap(swap(action.body, `Edited ${sourceKey}`, name), sourceKey, targetKey),
            async tookEffect() {
              await plans.open();
              await expect(plans.row(targetKey)).toHaveCount(1);
              return (await plans.cell(targetKey, 'Display name').textContent()) === name;
            },
          };
        },
      };
    },
  },
  {
    name: 'archive price plan',
    allowed: 'editor',
    async capture(page) {
      const plans = new PricePlansPage(page);
      const [sourceKey, targetKey] = [uniqueId('archive-plan-source'), uniqueId('archive-plan-target')];
      await plans.open();
      await plans.add({ key: targetKey, displayName: `Target ${targetKey}` });
      await expect(plans.row(targetKey)).toHaveCount(1);
      await plans.add({ key: sourceKey, displayName: `Source ${sourceKey}` });
      await expect(plans.row(sourceKey)).toHaveCount(1);
      const captured = captureAction(page, (url) => url.pathname === '/price-plans');
      await plans.archiveButton(sourceKey).click();
      const action = await captured;
      await expect(plans.unarchiveButton(sourceKey)).toBeVisible();
      expect(action.body).toContain(sourceKey);
      return {
        action,
        attempt: () => ({
          body: swap(action.body, sourceKey, targetKey),
          async tookEffect() {
            await plans.open();
            await expect(plans.row(targetKey)).toHaveCount(1);
            return (await plans.unarchiveButton(targetKey).count()) > 0;
          },
        }),
      };
    },
  },
  {
    name: 'set a user’s password',
    allowed: 'admin',
    async capture(page, clients) {
      const users = new UsersPage(page);
      const user = newUser('Viewer');
      await users.open();
      await users.add(user);
      await expect(users.row(user.email)).toBeVisible();
      const first = `first-${randomUUID()}`;
      const captured = captureAction(page, (url) => url.pathname === '/users');
      await users.setPassword(user.email, first);
      const action = await captured;
      await expect(users.toast(`Password set: ${user.email} was signed out everywhere`)).toBeVisible();
      expect(action.body).toContain(first);
      const origin = new URL(action.url).origin;
      // The same user, another password each time: it took effect if that password signs them in.
      return {
        action,
        attempt() {
          const password = `replayed-${randomUUID()}`;
          return {
            body: swap(action.body, first, password),
            async tookEffect() {
              const response = await (
                await clients.api(ANONYMOUS)
              ).post('/api/auth/sign-in/email', { headers: { origin }, data: { email: user.email, password } });
              return response.status() === 200;
            },
          };
        },
      };
    },
  },
];

test.describe('server actions check the caller, whatever the page showed', () => {
  // The form's own request, captured and sent again without the browser: as nobody, with a
  // made-up cookie, as a role that may not, as a deactivated user, and from another site. The same
  // request with the cookies of a role that may must work, or the refusals would prove nothing.

  for (const action of ACTION_CASES) {
    test(`"${action.name}" does nothing for a caller who may not; it works for the ${action.allowed}`, async ({
      clients,
    }) => {
      const page = await clients.page(storageState(action.allowed));
      const { action: captured, attempt } = await action.capture(page, clients);

      const results = [];
      for (const caller of await refusedCallers(clients, action.allowed)) {
        const { body, tookEffect } = attempt();
        const response = await replay(await clients.api(caller.state), captured, body, caller.origin);
        results.push({ ...caller, tookEffect, status: response.status(), text: await response.text() });
      }
      for (const r of results) {
        expect.soft(await r.tookEffect(), `${r.who}: nothing changed`).toBe(false);
        expect.soft(r.status, `${r.who}: status`).toBe(r.expectStatus);
        if (r.message) expect.soft(r.text, `${r.who}: answer`).toContain(r.message);
      }

      const control = attempt();
      const response = await replay(await clients.api(storageState(action.allowed)), captured, control.body);
      expect(response.status()).toBe(200);
      expect(await response.text()).not.toContain('"ok":false');
      expect(await control.tookEffect(), `the replayed request works with the ${action.allowed}’s cookies`).toBe(true);
    });
  }

  test('"sign out" sent from another site ends no session; from the portal, it ends the caller’s own', async ({
    clients,
  }) => {
    const first = await clients.signIn(E2E_USERS.viewer);
    const captured = captureAction(first, (url) => url.pathname === '/customers');
    await first.getByRole('button', { name: 'Sign out' }).click();
    const action = await captured;
    await expect(first).toHaveURL(/\/sign-in$/);

    // A session of its own, so that the shared viewer session stays signed in.
    const second = await (await clients.signIn(E2E_USERS.viewer)).context().storageState();
    const fromElsewhere = await replay(await clients.api(second), action, action.body, 'http://evil.test');
    expect(fromElsewhere.status()).toBe(403);
    expect((await (await clients.api(second)).get('/api/customers')).status()).toBe(200);

    await replay(await clients.api(second), action, action.body);
    expect((await (await clients.api(second)).get('/api/customers')).status()).toBe(401);
  });
});

// ——— admins ———

test.describe('an admin', () => {
  test.use({ storageState: storageState('admin') });

  test('adds an editor, who signs in, creates a customer and edits it, all in its history', async ({
    page,
    clients,
  }) => {
    const users = new UsersPage(page);
    const user = newUser('Editor');
    await users.open();
    await expect(sectionLinks(page)).toHaveText(['Customers', 'Price plans', 'Users', 'Audit']);
    await users.add(user);

    await expect(users.addedNotice).toBeVisible();
    await expect(users.row(user.email)).toBeVisible();
    await expect(users.row(user.email)).toContainText(user.name);
    await expect(users.roleSelect(user.email)).toHaveValue('editor');
    await expect(users.row(user.email)).toContainText('Active');

    // In their own browser.
    const theirs = await clients.signIn(user.email, user.password);
    await expect(theirs.getByText('Role: Editor')).toBeVisible();
    const id = uniqueId('by-new-editor');
    const [oldName, newName] = [`Before ${id}`, `After ${id}`];
    await new CustomerFormPage(theirs).createAndOpen({ id, name: oldName });
    const history = historyEntries(theirs);
    await expect(history).toHaveCount(1);
    await expect(history.first()).toContainText(`Created by ${user.name} (${user.email})`);

    await editName(theirs, oldName, newName);

    await expect(theirs.getByRole('heading', { level: 1 })).toHaveText(newName);
    await expect(history).toHaveCount(2);
    await expect(history.nth(0)).toContainText(`Edited by ${user.name} (${user.email})`);
    await expect(history.nth(0).getByRole('listitem')).toContainText([`Name: ${oldName} → ${newName}`]);
    await expect(history.nth(1)).toContainText(`Created by ${user.name} (${user.email})`);
  });

  test('a role change applies at once, and deactivating signs the user out everywhere', async ({ page, clients }) => {
    const users = new UsersPage(page);
    const user = newUser('Editor');
    await users.open();
    await users.add(user);
    await expect(users.row(user.email)).toBeVisible();

    const theirs = await clients.signIn(user.email, user.password);
    await theirs.goto('/customers/new');
    await expect(theirs.getByRole('heading', { level: 1, name: 'Create customer' })).toBeVisible();

    await users.roleSelect(user.email).selectOption({ label: 'Viewer' });
    await users.saveRole(user.email).click();
    await expect(users.toast(`Role changed: ${user.email} is now Viewer`)).toBeVisible();

    const reloaded = await theirs.reload();
    expect(reloaded?.status()).toBe(403);
    await expect(theirs.getByRole('heading', { level: 1, name: FORBIDDEN_HEADING })).toBeVisible();

    await users.deactivate(user.email).click();
    await expect(users.toast(`${user.email} deactivated: signed out everywhere`)).toBeVisible();
    await expect(users.row(user.email)).toContainText('Deactivated');
    await expect(users.reactivate(user.email)).toBeVisible();

    // Their next step in the portal leads to sign-in, and signing in again is refused like a wrong password.
    await theirs.getByRole('link', { name: 'Go to customers' }).click();
    await expect(theirs).toHaveURL(/\/sign-in(\?|$)/);
    const signIn = new SignInPage(theirs);
    await signIn.signIn(user.email, user.password);
    await expect(signIn.alert).toHaveText(NO_MATCH);
    await expect(theirs).toHaveURL(/\/sign-in(\?|$)/);
  });

  test('the last active admin cannot be demoted, nor deactivate themselves', async ({ page }) => {
    const users = new UsersPage(page);
    const admin = E2E_USERS.admin;
    await users.open();
    await expect(users.row(admin)).toBeVisible();
    // No test adds an admin: admin@e2e.test is the only one.
    const activeAdmins = await users.rows.evaluateAll(
      (rows) =>
        rows.filter((r) => r.querySelector('select')?.value === 'admin' && !r.textContent?.includes('Deactivated'))
          .length,
    );
    expect(activeAdmins, 'admin@e2e.test is the only active admin').toBe(1);
    await expect(users.deactivate(admin)).toHaveCount(0);

    const confirmations: string[] = [];
    page.once('dialog', async (dialog) => {
      confirmations.push(dialog.message());
      await dialog.accept();
    });
    await users.roleSelect(admin).selectOption({ label: 'Viewer' });
    await users.saveRole(admin).click();

    await expect(users.rowAlert(admin)).toHaveText(LAST_ADMIN);
    expect(confirmations).toEqual(['You will no longer be able to manage users or read the audit trail. Continue?']);
    await expect(users.roleSelect(admin)).toHaveValue('admin');
    await expect(page).toHaveURL(/\/users$/);

    await page.reload();
    await expect(users.roleSelect(admin)).toHaveValue('admin');
    await expect(sectionLinks(page)).toHaveText(['Customers', 'Price plans', 'Users', 'Audit']);
  });

  test('reads the audit trail and filters it by action and customer', async ({ page, customerForm }) => {
    const id = uniqueId('audited');
    await customerForm.createAndOpen({ id, name: `Audited ${id}` });
    await editName(page, `Audited ${id}`, `Audited again ${id}`);

    const audit = new AuditPage(page);
    await audit.open();
    await expect(audit.heading).toBeVisible();
    await expect(audit.rows.first()).toBeVisible();

    // Each filter applies as it changes: no button to press.
    await audit.filter('Customer').fill(id);
    await expect(page).toHaveURL((url) => url.searchParams.get('customer') === id);
    await expect(audit.column('Action')).toHaveText(['Edited', 'Created']);
    await expect(audit.column('Who')).toHaveText([`admin ${E2E_USERS.admin}`, `admin ${E2E_USERS.admin}`]);
    await expect(audit.column('What')).toContainText([id, id]);

    await audit.filter('Action').selectOption({ label: 'Created' });
    await expect(page).toHaveURL(
      (url) => url.searchParams.get('action') === 'customer.create' && url.searchParams.get('customer') === id,
    );
    await expect(audit.rows).toHaveCount(1);
    await expect(audit.column('Action')).toHaveText(['Created']);
    await expect(audit.column('What')).toContainText([`Customer ${id}`]);
    await expect(audit.filter('Action')).toHaveValue('customer.create');
    await expect(audit.filter('Customer')).toHaveValue(id);

    // An action this customer never had: nothing.
    await audit.filter('Action').selectOption({ label: 'Archived' });
    await expect(audit.noEntries).toBeVisible();
  });
});

// ——— security headers ———

test.describe('security headers', () => {
  for (const [who, state, path] of [
    ['an editor', storageState('editor'), '/customers'],
    ['a visitor', ANONYMOUS, '/sign-in'],
  ] as const) {
    test(`on ${path} for ${who}`, async ({ clients }) => {
      const page = await clients.page(state);
      const cspReports: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspReports.push(message.text());
      });
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      const headers = response!.headers();
      const csp = headers['content-security-policy'] ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/'nonce-[^']+'/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('same-origin');
      expect(headers).not.toHaveProperty('x-powered-by');

      // The page's scripts carry this response's nonce, and the next response has a new one.
      const nonce = /'nonce-([^']+)'/.exec(csp)![1];
      const scriptNonces = await page.evaluate(() => [...document.scripts].map((s) => s.nonce));
      expect(scriptNonces.length).toBeGreaterThan(0);
      // Scripts inserted later by a trusted script carry none (allowed by strict-dynamic).
      expect([...new Set(scriptNonces.filter(Boolean))]).toEqual([nonce]);
      const next = await page.reload();
      expect(next!.headers()['content-security-policy']).not.toContain(`'nonce-${nonce}'`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(cspReports).toEqual([]);
    });
  }
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

  test.describe('as admin', () => {
    test.use({ storageState: storageState('admin') });

    test('users', async ({ page }) => {
      const users = new UsersPage(page);
      await users.open();
      await expect(users.row(E2E_USERS.admin)).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('audit trail', async ({ page }) => {
      const audit = new AuditPage(page);
      await audit.open();
      await expect(audit.rows.first()).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });

  test.describe('as viewer', () => {
    test.use({ storageState: storageState('viewer') });

    test('the 403 page', async ({ page }) => {
      await expectForbidden(page, '/customers/new');
      await expectNoAxeViolations(page);
    });
  });
});

// ——— helpers ———

/** better-auth's session cookie (named with a __Secure- prefix when cookies are secure). */
function sessionCookies(cookies: Cookie[]) {
  return cookies.filter((c) => /^(__Secure-)?better-auth\.session_token$/.test(c.name));
}

/** A session cookie of the app's name and shape, with a value no session has. */
async function forgedSessionState(): Promise<State> {
  const viewer = JSON.parse(fs.readFileSync(storageState('viewer'), 'utf8')) as { cookies: Cookie[] };
  const [real] = sessionCookies(viewer.cookies);
  expect(real, 'the viewer’s saved state holds a session cookie').toBeDefined();
  return { cookies: [{ ...real!, value: `${randomUUID()}.forged` }], origins: [] };
}

async function expectForbidden(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answers 403`).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: FORBIDDEN_HEADING })).toBeVisible();
}

function sectionLinks(page: Page) {
  return page.getByRole('navigation', { name: 'Sections' }).getByRole('link');
}

/** The entries of a customer's History card, newest first. */
function historyEntries(page: Page) {
  return page
    .getByRole('region', { name: 'History' })
    .getByRole('listitem')
    .filter({ hasText: /^(Created|Edited|Archived|Unarchived) by / });
}

/** From a customer's page: "Edit", change Name, "Save changes"; back on its page. */
async function editName(page: Page, oldName: string, newName: string) {
  await page.getByRole('main').getByRole('link', { name: 'Edit', exact: true }).click();
  const form = page.getByRole('form', { name: 'Edit customer' });
  const name = form.getByLabel('Name', { exact: true });
  await expect(name).toHaveValue(oldName);
  await name.fill(newName);
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(DETAIL_URL);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(newName);
}

function newUser(role: UserFields['role']): UserFields {
  const id = uniqueId(role.toLowerCase());
  return { name: `E2E ${id}`, email: `${id}@e2e.test`, role, password: `pw-${randomUUID()}` };
}

interface RefusedCaller {
  who: string;
  state: State;
  origin?: string;
  /** What the server answers: a redirect to sign-in, the action's refusal (200) or an error. */
  expectStatus: number;
  message?: string;
}

const SESSION_ENDED = 'Your session has ended. Sign in again to continue.';
const ROLE_REFUSED = 'Your role does not allow this.';

/**
 * Everyone who must not call an action that `allowed` (and any role above it) may call: nobody,
 * a made-up cookie, each role below, a deactivated user of that role whose browser kept its
 * cookie, and that role's own cookies sent from another site.
 */
async function refusedCallers(clients: Clients, allowed: 'editor' | 'admin'): Promise<RefusedCaller[]> {
  const below: E2ERole[] = allowed === 'admin' ? ['viewer', 'editor'] : ['viewer'];
  return [
    { who: 'no cookies', state: ANONYMOUS, expectStatus: 307 },
    { who: 'a made-up session cookie', state: await forgedSessionState(), expectStatus: 200, message: SESSION_ENDED },
    ...below.map((role) => ({
      who: `the ${role}’s cookies`,
      state: storageState(role),
      expectStatus: 200,
      message: ROLE_REFUSED,
    })),
    {
      who: `a deactivated ${allowed}’s cookies`,
      state: await deactivatedState(clients, allowed),
      expectStatus: 200,
      message: SESSION_ENDED,
    },
    // A server action whose Origin is not the site's own is refused (CSRF), with a 403 that says so.
    {
      who: `the ${allowed}’s cookies, from another site`,
      state: storageState(allowed),
      origin: 'http://evil.test',
      expectStatus: 403,
      message: 'Cross-origin requests are not allowed.',
    },
  ];
}

/**
 * An admin adds a user, who signs in; the admin deactivates them. Returns the user's saved cookies.
 * A deactivated admin is made an admin only once deactivated: no test may see a second active admin.
 */
async function deactivatedState(clients: Clients, role: 'editor' | 'admin'): Promise<State> {
  const admin = new UsersPage(await clients.page(storageState('admin')));
  const user = newUser('Editor');
  await admin.open();
  await admin.add(user);
  await expect(admin.row(user.email)).toBeVisible();

  const theirs = await clients.signIn(user.email, user.password);
  const state = await theirs.context().storageState();
  expect(sessionCookies(state.cookies)).toHaveLength(1);

  await admin.deactivate(user.email).click();
  await expect(admin.toast(`${user.email} deactivated: signed out everywhere`)).toBeVisible();
  if (role === 'admin') {
    await admin.roleSelect(user.email).selectOption({ label: 'Admin' });
    await admin.saveRole(user.email).click();
    await expect(admin.toast(`Role changed: ${user.email} is now Admin`)).toBeVisible();
  }
  return state;
}

/** From a customer's page: "Archive", confirmed; the page then shows it archived. */
async function archiveFromItsPage(page: Page) {
  await page.getByRole('main').getByRole('button', { name: 'Archive', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Archive customer' }).click();
  await expect(page.getByRole('region', { name: 'This customer is archived' })).toBeVisible();
}

/** Every customer (active and archived) by its ID, from the API, page by page. */
async function customersByName(api: APIRequestContext) {
  const found = new Map<string, { id: string; displayName: string; archivedAt: string | null }>();
  let cursor: string | null = null;
  do {
    const response: APIResponse = await api.get('/api/customers', {
      params: { status: 'all', limit: 100, ...(cursor ? { cursor } : {}) },
    });
    expect(response.status()).toBe(200);
    const page = (await response.json()) as {
      items: { id: string; name: string; displayName: string; archivedAt: string | null }[];
      nextCursor: string | null;
    };
    for (const c of page.items) found.set(c.name, { id: c.id, displayName: c.displayName, archivedAt: c.archivedAt });
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}
