import { test, expect, expectNoAxeViolations } from './fixtures';
import { SetupPage } from './pages/setup-page';
import { SignInPage } from './pages/sign-in-page';
import { UsersPage } from './pages/users-page';
import { captureAction, replay, swap } from './server-actions';
import { FIRST_ADMIN } from './users';

// The first run of a fresh install, on the second e2e server: its own empty database, no users.
// One test, because a fresh install has one first run.

test('a fresh install leads to setup; the first admin is signed in; setup is then gone for good', async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  const setup = new SetupPage(page);
  const captured = captureAction(page, (url) => url.pathname === '/setup');

  await test.step('visiting the portal leads to setup', async () => {
    await page.goto('/customers');
    await expect(page).toHaveURL((url) => url.pathname === '/setup');
    await expect(setup.heading).toBeVisible();
    await expectNoAxeViolations(page);
  });

  await test.step('an empty form says what each field needs', async () => {
    await setup.submit.click();
    await expect(setup.field('Name')).toHaveAttribute('aria-invalid', 'true');
    await expect(setup.field('Email')).toHaveAttribute('aria-invalid', 'true');
    await expect(setup.field('Password')).toHaveAccessibleDescription(/Use at least 10 characters/);
    await expectNoAxeViolations(page);
  });

  await test.step('an 80 KB name, posted without signing in, is refused at once; the server carries on', async () => {
    // The form's request is captured but held back, so that setup is not done yet.
    const isSetupPost = (url: URL) => url.pathname === '/setup';
    await page.route(isSetupPost, (route) => (route.request().method() === 'POST' ? route.abort() : route.continue()));
    await setup.createAdmin(FIRST_ADMIN);
    const action = await captured;
    await page.unroute(isSetupPost);

    const api = await playwright.request.newContext({ baseURL });
    const huge = await replay(api, action, swap(action.body, FIRST_ADMIN.name, 'x'.repeat(80_000)));
    expect(await huge.text()).toContain('Name must be at most 100 characters');
    expect((await api.get('/setup')).status()).toBe(200);
    await api.dispose();
  });

  await test.step('creating the first admin signs them in, as an admin', async () => {
    await setup.createAdmin(FIRST_ADMIN);
    await expect(page).toHaveURL((url) => url.pathname === '/customers');
    await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
    await expect(page.getByText('Role: Admin')).toBeVisible();
  });

  await test.step('setup is gone, for the admin and for anybody else', async () => {
    await page.goto('/setup');
    await expect(page).toHaveURL((url) => url.pathname === '/customers');

    const stranger = await (await browser.newContext()).newPage();
    await stranger.goto('/setup');
    await expect(stranger).toHaveURL((url) => url.pathname === '/sign-in');
    await expect(stranger.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

    // The setup request itself, sent again for someone else, makes no second admin.
    const api = await playwright.request.newContext({ baseURL });
    const again = await replay(api, await captured, swap((await captured).body, FIRST_ADMIN.email, 'second@e2e.test'));
    expect(await again.text()).toContain('Setup is already done: sign in instead.');
    await api.dispose();

    await new SignInPage(stranger).signIn('second@e2e.test', FIRST_ADMIN.password);
    await expect(new SignInPage(stranger).alert).toHaveText('That email and password do not match an active account.');
    await stranger.context().close();
  });

  await test.step('the public setup action is limited per client address, like sign-in', async () => {
    // Each call used to hash the password (~0.8 s) before asking whether setup was done, with no
    // limit: 40 at once slowed everybody's sign-in to 2.7 s.
    const api = await playwright.request.newContext({ baseURL });
    const answers: string[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await replay(
        api,
        await captured,
        swap((await captured).body, FIRST_ADMIN.email, `x${i}@e2e.test`),
      );
      const text = await response.text();
      answers.push(
        text.includes('Too many setup attempts. Wait a minute, then try again.')
          ? 'limited'
          : text.includes('Setup is already done')
            ? 'done'
            : text.slice(0, 80),
      );
    }
    await api.dispose();
    const firstLimited = answers.indexOf('limited');
    expect(firstLimited, answers.join(', ')).toBeGreaterThan(0);
    expect(
      answers.slice(0, firstLimited).every((a) => a === 'done'),
      answers.join(', '),
    ).toBe(true);
    expect(
      answers.slice(firstLimited).every((a) => a === 'limited'),
      answers.join(', '),
    ).toBe(true);
  });

  await test.step('the first admin signs in again, and is the one user', async () => {
    const context = await browser.newContext();
    const again = await context.newPage();
    const signIn = new SignInPage(again);
    await signIn.open();
    await signIn.signIn(FIRST_ADMIN.email, FIRST_ADMIN.password);
    await expect(again.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();

    const users = new UsersPage(again);
    await users.open();
    await expect(users.rows).toHaveCount(1);
    await expect(users.row(FIRST_ADMIN.email)).toBeVisible();
    await expect(users.roleSelect(FIRST_ADMIN.email)).toHaveValue('admin');
    await context.close();
  });
});
