import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { uniqueId, waitForHydration } from './fixtures';
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
import { actionSentBy, replay, swap, type CapturedAction } from './server-actions';
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
  capture(page: Page, clients: Clients): Promise<Replays>;
}

interface Replays {
  action: CapturedAction;
  attempt(): Attempt;
}

interface Attempt {
  body: string;
  tookEffect(): Promise<boolean>;
}

/**
 * Attempts that send the captured request with `from` replaced by `to` (or, when `to` is a
 * function, by a new value each time), and read back through `tookEffect` whether that took effect.
 */
function replacing(
  action: CapturedAction,
  from: string,
  to: string | (() => string),
  tookEffect: (to: string) => Promise<boolean>,
): Replays {
  expect(action.body).toContain(from);
  return {
    action,
    attempt() {
      const value = typeof to === 'string' ? to : to();
      return { body: swap(action.body, from, value), tookEffect: () => tookEffect(value) };
    },
  };
}

/** A customer by its ID, as the editor reads it through the API. */
async function customersAsEditor(clients: Clients) {
  const editor = await clients.api(storageState('editor'));
  return async (id: string) => (await customersByName(editor)).get(id);
}

/** Two new customers, the page left on the source's: the one acted on, and the one a replay aims at. */
async function twoCustomers(page: Page, prefix: string, { archived = false } = {}) {
  const form = new CustomerFormPage(page);
  const [sourceId, targetId] = [uniqueId(`${prefix}-source`), uniqueId(`${prefix}-target`)];
  const targetUuid = await form.createAndOpen({ id: targetId, name: `Target ${targetId}` });
  if (archived) await archiveFromItsPage(page);
  const sourceUuid = await form.createAndOpen({ id: sourceId, name: `Source ${sourceId}` });
  if (archived) await archiveFromItsPage(page);
  return { sourceId, targetId, sourceUuid, targetUuid };
}

/** The price plans page with two new plans: the one acted on (source) and the one a replay aims at. */
async function openWithTwoPlans(plans: PricePlansPage, prefix: string) {
  const [sourceKey, targetKey] = [uniqueId(`${prefix}-source`), uniqueId(`${prefix}-target`)];
  await plans.open();
  await plans.create({ key: targetKey, displayName: `Target ${targetKey}` });
  await plans.create({ key: sourceKey, displayName: `Source ${sourceKey}` });
  return [sourceKey, targetKey] as const;
}

const ACTION_CASES: ActionCase[] = [
  {
    name: 'create customer',
    allowed: 'editor',
    async capture(page, clients) {
      const sourceId = uniqueId('replay-source');
      const action = await actionSentBy(page, '/customers/new', () =>
        new CustomerFormPage(page).createAndOpen({ id: sourceId }),
      );
      const customer = await customersAsEditor(clients);
      return replacing(
        action,
        sourceId,
        () => uniqueId('replay-create'),
        async (id) => Boolean(await customer(id)),
      );
    },
  },
  {
    name: 'edit customer',
    allowed: 'editor',
    async capture(page, clients) {
      const { sourceId, targetId, sourceUuid, targetUuid } = await twoCustomers(page, 'edit');
      const action = await actionSentBy(page, `/customers/${sourceUuid}/edit`, () =>
        editName(page, `Source ${sourceId}`, `Edited ${sourceId}`),
      );
      // The same edit, of another customer still at version 1.
      const toTarget = { ...action, body: swap(swap(action.body, sourceUuid, targetUuid), sourceId, targetId) };
      const customer = await customersAsEditor(clients);
      return replacing(
        toTarget,
        `Edited ${targetId}`,
        `Replayed ${targetId}`,
        async (name) => (await customer(targetId))?.displayName === name,
      );
    },
  },
  {
    name: 'archive customer',
    allowed: 'editor',
    async capture(page, clients) {
      const { targetId, sourceUuid, targetUuid } = await twoCustomers(page, 'archive');
      const action = await actionSentBy(page, `/customers/${sourceUuid}`, () => archiveFromItsPage(page));
      const customer = await customersAsEditor(clients);
      return replacing(action, sourceUuid, targetUuid, async () => (await customer(targetId))?.archivedAt != null);
    },
  },
  {
    name: 'unarchive customer',
    allowed: 'editor',
    async capture(page, clients) {
      const { targetId, sourceUuid, targetUuid } = await twoCustomers(page, 'unarchive', { archived: true });
      const banner = page.getByRole('region', { name: 'This customer is archived' });
      const action = await actionSentBy(page, `/customers/${sourceUuid}`, () =>
        banner.getByRole('button', { name: 'Unarchive' }).click(),
      );
      await expect(banner).toHaveCount(0);
      const customer = await customersAsEditor(clients);
      return replacing(action, sourceUuid, targetUuid, async () => (await customer(targetId))?.archivedAt === null);
    },
  },
  {
    name: 'add price plan',
    allowed: 'editor',
    async capture(page, clients) {
      const plans = new PricePlansPage(page);
      const sourceKey = uniqueId('plan-source');
      await plans.open();
      const action = await actionSentBy(page, '/price-plans', () =>
        plans.create({ key: sourceKey, displayName: `Plan ${sourceKey}` }),
      );
      const editor = new PricePlansPage(await clients.page(storageState('editor')));
      return replacing(
        action,
        sourceKey,
        () => uniqueId('plan-replay'),
        async (key) => {
          await editor.reopen(sourceKey);
          return (await editor.row(key).count()) > 0;
        },
      );
    },
  },
  {
    name: 'add user',
    allowed: 'admin',
    async capture(page) {
      const users = new UsersPage(page);
      const source = newUser('Viewer');
      await users.open();
      const action = await actionSentBy(page, '/users', () => users.create(source));
      return replacing(
        action,
        source.email.split('@')[0]!,
        () => uniqueId('viewer'),
        async (id) => {
          await users.reopen(source.email);
          return (await users.row(`${id}@e2e.test`).count()) > 0;
        },
      );
    },
  },
  {
    name: 'change role',
    allowed: 'admin',
    async capture(page) {
      const users = new UsersPage(page);
      const user = await users.openWithNewUser(newUser('Viewer'));
      const action = await actionSentBy(page, '/users', async () => {
        await users.roleSelect(user.email).selectOption({ label: 'Editor' });
        await users.saveRole(user.email).click();
      });
      await expect(users.toast(`Role changed: ${user.email} is now Editor`)).toBeVisible();
      // The same user, back to Viewer.
      return replacing(action, '"editor"', '"viewer"', async () => {
        await users.reopen(user.email);
        return (await users.roleSelect(user.email).inputValue()) === 'viewer';
      });
    },
  },
  {
    name: 'deactivate or reactivate a user',
    allowed: 'admin',
    async capture(page) {
      const users = new UsersPage(page);
      const user = await users.openWithNewUser(newUser('Viewer'));
      const action = await actionSentBy(page, '/users', () => users.deactivate(user.email).click());
      await expect(users.reactivate(user.email)).toBeVisible();
      // The same user, active again.
      return replacing(action, 'false', 'true', async () => {
        await users.reopen(user.email);
        return (await users.reactivate(user.email).count()) === 0;
      });
    },
  },
  {
    name: 'edit price plan',
    allowed: 'editor',
    async capture(page) {
      const plans = new PricePlansPage(page);
      const [sourceKey, targetKey] = await openWithTwoPlans(plans, 'edit-plan');
      const action = await actionSentBy(page, '/price-plans', () =>
        plans.edit(sourceKey, { displayName: `Edited ${sourceKey}` }),
      );
      await expect(plans.cell(sourceKey, 'Display name')).toHaveText(`Edited ${sourceKey}`);
      // The same edit (made on version 1), of another plan still at version 1.
      const toTarget = { ...action, body: swap(action.body, sourceKey, targetKey) };
      return replacing(
        toTarget,
        `Edited ${targetKey}`,
        () => `Replayed ${uniqueId('plan')}`,
        async (name) => {
          await plans.reopen(targetKey);
          return (await plans.cell(targetKey, 'Display name').textContent()) === name;
        },
      );
    },
  },
  {
    name: 'archive price plan',
    allowed: 'editor',
    async capture(page) {
      const plans = new PricePlansPage(page);
      const [sourceKey, targetKey] = await openWithTwoPlans(plans, 'archive-plan');
      const action = await actionSentBy(page, '/price-plans', () => plans.archiveButton(sourceKey).click());
      await expect(plans.unarchiveButton(sourceKey)).toBeVisible();
      return replacing(action, sourceKey, targetKey, async () => {
        await plans.reopen(targetKey);
        return (await plans.unarchiveButton(targetKey).count()) > 0;
      });
    },
  },
  {
    name: 'set a user’s password',
    allowed: 'admin',
    async capture(page, clients) {
      const users = new UsersPage(page);
      const user = await users.openWithNewUser(newUser('Viewer'));
      const first = `first-${randomUUID()}`;
      const action = await actionSentBy(page, '/users', () => users.setPassword(user.email, first));
      await expect(users.toast(`Password set: ${user.email} was signed out everywhere`)).toBeVisible();
      const origin = new URL(action.url).origin;
      // The same user, another password each time: it took effect if that password signs them in.
      return replacing(
        action,
        first,
        () => `replayed-${randomUUID()}`,
        async (password) => {
          const response = await (
            await clients.api(ANONYMOUS)
          ).post('/api/auth/sign-in/email', { headers: { origin }, data: { email: user.email, password } });
          return response.status() === 200;
        },
      );
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
    const signOut = first.getByRole('button', { name: 'Sign out' });
    // Clicked before the page has started, the button posts the form without the action header
    // that is captured here (and the capture would wait forever).
    await waitForHydration(signOut);
    const action = await actionSentBy(first, '/customers', () => signOut.click());
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
  const user = await admin.openWithNewUser(newUser('Editor'));

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
