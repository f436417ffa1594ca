import { randomInt } from 'node:crypto';
import { test, expect } from './fixtures';
import { SignInPage } from './pages/sign-in-page';
import { FIRST_ADMIN } from './users';

// On the second e2e server, started as shipped (no TRUSTED_PROXY): the sign-in limit keys on the
// address the connection comes from. X-Forwarded-For is the client's own word, and changes nothing.
// Runs after first-run.spec.ts, whose few sign-ins count against the same limit.

const spoofedAddress = () => `203.0.113.${randomInt(1, 255)}`;
const TOO_MANY = 'Too many sign-in attempts. Wait a minute, then try again.';

test('a new X-Forwarded-For on every attempt does not get around the sign-in limit', async ({
  page,
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL });
  const statuses: number[] = [];
  // Were the header believed, each attempt would be a first one, and all six would be answered 401.
  for (let i = 1; i <= 6; i++) {
    const response = await api.post('/api/auth/sign-in/email', {
      headers: { 'x-forwarded-for': spoofedAddress(), origin: baseURL! },
      data: { email: FIRST_ADMIN.email, password: `wrong-password-${i}` },
    });
    statuses.push(response.status());
  }
  await api.dispose();
  const firstRefusal = statuses.indexOf(429);
  expect(firstRefusal, `answers: ${statuses.join(', ')}`).toBeGreaterThanOrEqual(0);
  expect(
    statuses.slice(0, firstRefusal).every((s) => s === 401),
    `answers: ${statuses.join(', ')}`,
  ).toBe(true);
  expect(
    statuses.slice(firstRefusal).every((s) => s === 429),
    `answers: ${statuses.join(', ')}`,
  ).toBe(true);

  // Not even with the right password, from a browser that claims yet another address.
  await page.context().setExtraHTTPHeaders({ 'x-forwarded-for': spoofedAddress() });
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(FIRST_ADMIN.email, FIRST_ADMIN.password);
  await expect(signIn.alert).toHaveText(TOO_MANY);
  await expect(page).toHaveURL((url) => url.pathname === '/sign-in');
});
