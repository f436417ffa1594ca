import fs from 'node:fs';
import { randomInt, randomUUID } from 'node:crypto';
import type { APIRequestContext, BrowserContext, BrowserContextOptions, Cookie, Page } from '@playwright/test';
import { test as base, expect, uniqueId } from './fixtures';
import { SignInPage } from './pages/sign-in-page';
import type { UserFields } from './pages/users-page';
import { E2E_PASSWORD, storageState } from './users';

// What the specs on who may do what share (sign-in, roles, action replays, users, audit, security
// headers): browsers and API clients at addresses of their own, and the session helpers.

export { expect };

export type State = NonNullable<BrowserContextOptions['storageState']>;
export const ANONYMOUS: State = { cookies: [], origins: [] };

/** The sign-in form's one answer for a wrong password, an unknown email and a deactivated user. */
export const NO_MATCH = 'That email and password do not match an active account.';
export const FORBIDDEN_HEADING = 'Your role does not allow this page';

/**
 * A client address of its own. better-auth allows 5 sign-ins a minute per client address, and
 * these tests sign in often and in parallel. The e2e server believes X-Forwarded-For because it is
 * told that it sits behind a reverse proxy (TRUSTED_PROXY=1): the tests play that proxy, and each
 * acts as a client of its own. (A server with no proxy in front ignores the header:
 * client-address.spec.ts.)
 */
export const clientAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

export interface Clients {
  /** A new browser (context) with these cookies, at its own address. */
  context(state?: State): Promise<BrowserContext>;
  /** A page in a new browser with these cookies. */
  page(state?: State): Promise<Page>;
  /** Signs in through the form in a new browser; resolves on the customers list. */
  signIn(email: string, password?: string): Promise<Page>;
  /** An API request context (no browser) with these cookies, at its own address. */
  api(state?: State): Promise<APIRequestContext>;
}

export const test = base.extend<{ clients: Clients; ownClientAddress: void }>({
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

/** better-auth's session cookie (named with a __Secure- prefix when cookies are secure). */
export function sessionCookies(cookies: Cookie[]) {
  return cookies.filter((c) => /^(__Secure-)?better-auth\.session_token$/.test(c.name));
}

/** A session cookie of the app's name and shape, with a value no session has. */
export async function forgedSessionState(): Promise<State> {
  const viewer = JSON.parse(fs.readFileSync(storageState('viewer'), 'utf8')) as { cookies: Cookie[] };
  const [real] = sessionCookies(viewer.cookies);
  expect(real, 'the viewer’s saved state holds a session cookie').toBeDefined();
  return { cookies: [{ ...real!, value: `${randomUUID()}.forged` }], origins: [] };
}

export async function expectForbidden(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answers 403`).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: FORBIDDEN_HEADING })).toBeVisible();
}

/** The sidebar's Unmatched usage link, whose text ends in the open-group count when there are any. */
export const UNMATCHED_USAGE_LINK = /^Unmatched usage(\d[\d,]*\+?)?$/;

export function sectionLinks(page: Page) {
  return page.getByRole('navigation', { name: 'Sections' }).getByRole('link');
}

export function newUser(role: UserFields['role']): UserFields {
  const id = uniqueId(role.toLowerCase());
  return { name: `E2E ${id}`, email: `${id}@e2e.test`, role, password: `pw-${randomUUID()}` };
}
