import { randomInt } from 'node:crypto';
import { test, expect } from './fixtures';
import { E2E_PASSWORD, E2E_USERS } from './users';

// better-auth ships endpoints the portal never uses. Through them a user changed their own name
// (200,000 characters) and image (javascript:…) with no audit entry. Only sign-in and the session
// check are open; everything else answers 404 and changes nothing.

const CLOSED: [method: 'GET' | 'POST', path: string, body?: object][] = [
  ['POST', '/update-user', { name: 'x'.repeat(200_000), image: 'javascript:alert(1)' }],
  ['POST', '/change-email', { newEmail: 'someone-else@e2e.test' }],
  ['POST', '/change-password', { currentPassword: 'not-the-password', newPassword: 'another-password-1' }],
  ['POST', '/set-password', { newPassword: 'another-password-1' }],
  ['POST', '/delete-user', { password: 'not-the-password' }],
  ['GET', '/delete-user/callback?token=x'],
  ['GET', '/list-sessions'],
  ['GET', '/list-accounts'],
  ['GET', '/account-info'],
  ['POST', '/request-password-reset', { email: E2E_USERS.viewer }],
  ['POST', '/forget-password', { email: E2E_USERS.viewer }],
  ['POST', '/reset-password', { newPassword: 'another-password-1', token: 'x' }],
  ['GET', '/reset-password/x?callbackURL=/'],
  ['GET', '/verify-email?token=x'],
  ['POST', '/send-verification-email', { email: E2E_USERS.viewer }],
  ['POST', '/link-social', { provider: 'github' }],
  ['POST', '/unlink-account', { providerId: 'credential' }],
  ['POST', '/refresh-token', { providerId: 'credential' }],
  ['POST', '/get-access-token', { providerId: 'credential' }],
  ['POST', '/sign-up/email', { email: 'new@e2e.test', password: 'a-password-123', name: 'New' }],
  ['GET', '/ok'],
  ['GET', '/error'],
  // Last: before the fix these ended the session the test holds.
  ['POST', '/revoke-session', { token: 'x' }],
  ['POST', '/revoke-other-sessions'],
  ['POST', '/revoke-sessions'],
  ['POST', '/sign-out'],
];

test('every better-auth endpoint the portal does not use answers 404 and changes nothing', async ({
  playwright,
  baseURL,
}) => {
  // A session of its own (the viewer's), so that nothing here touches the other tests' sessions.
  const api = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { 'x-forwarded-for': `10.9.${randomInt(256)}.${randomInt(1, 255)}`, origin: baseURL! },
  });
  const signIn = await api.post('/api/auth/sign-in/email', {
    data: { email: E2E_USERS.viewer, password: E2E_PASSWORD },
  });
  expect(signIn.status()).toBe(200);
  const before = await (await api.get('/api/auth/get-session')).json();
  expect(before.user).toMatchObject({ email: E2E_USERS.viewer, image: null });

  const answers: string[] = [];
  for (const [method, path, body] of CLOSED) {
    const response = await api.fetch(`/api/auth${path}`, { method, ...(body ? { data: body } : {}), maxRedirects: 0 });
    answers.push(`${method} ${path}: ${response.status()}`);
    if (response.status() === 404) expect(await response.json()).toEqual({ message: 'Not found.' });
  }
  expect(answers).toEqual(CLOSED.map(([method, path]) => `${method} ${path}: 404`));

  const after = await (await api.get('/api/auth/get-session')).json();
  expect(after.user).toEqual(before.user);
  expect(after.session.id).toBe(before.session.id);
  await api.dispose();
});
