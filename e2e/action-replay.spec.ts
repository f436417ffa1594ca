import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { uniqueId } from './fixtures';
import {
  ANONYMOUS,
  type Clients,
  expect,
  forgedSessionState,
  newUser,
  sessionCookies,
  type State,
  test,
} from './clients';
import { archiveFromItsPage, customersByName, editName } from './customer-steps';
import { CustomerFormPage } from './pages/customer-form-page';
import { PricePlansPage } from './pages/price-plans-page';
import { UsersPage } from './pages/users-page';
import { captureAction, replay, swap, type CapturedAction } from './server-actions';
import { E2E_USERS, storageState, type E2ERole } from './users';

// The server actions behind the forms, sent again by hand: each checks its caller, whatever the page
// showed.

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
  // Each test replays one request as six callers and checks each through the app: slow by design.
  test.describe.configure({ timeout: 90_000 });
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
