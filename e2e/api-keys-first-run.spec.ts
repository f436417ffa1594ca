import { NARROW, WIDE, expect, expectNoAxeViolations, expectNoSidewaysScroll, test, uniqueId } from './fixtures';
import { ApiKeysPage } from './pages/api-keys-page';
import { SignInPage } from './pages/sign-in-page';
import { FIRST_ADMIN } from './users';
import { sdk } from './v1-client';

// On the second e2e server, after first-run.spec.ts made its one admin: a fresh install has no API
// key yet (the main server's keys are made before it starts), and this server's /v1 rate limit is
// low (playwright.config.ts: 3 at once, then one every 4 s), so a key meets it in a few requests.
// One test: the empty list comes before the first key, and its one sign-in counts against the
// address's sign-in limit, which client-address.spec.ts tests next.

test('a fresh install has no API keys; its first key meets the rate limit, and the SDK retries past it', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(60_000); // the SDK waits out the limit (up to 4 s)
  const keys = new ApiKeysPage(page);
  const name = uniqueId('first-key');

  await test.step('the API keys page says there is none yet, reads well and passes axe', async () => {
    await new SignInPage(page).open('/api-keys');
    await new SignInPage(page).signIn(FIRST_ADMIN.email, FIRST_ADMIN.password);
    await expect(keys.heading).toBeVisible();
    for (const viewport of [WIDE, NARROW]) {
      await page.setViewportSize(viewport);
      await keys.open();
      const main = page.getByRole('main');
      await expect(main.getByRole('heading', { name: 'No API keys yet' })).toBeVisible();
      await expect(main).toContainText('Create one to let a program');
      await expect(main.getByRole('table')).toHaveCount(0);
      await expect(keys.createButton).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
      await page.screenshot({ path: test.info().outputPath(`api-keys-empty-${viewport.width}.png`), fullPage: true });
    }
  });

  let key = '';
  await test.step('from the empty page, by keyboard, the first key; the list replaces the note', async () => {
    await page.setViewportSize(WIDE);
    await keys.createButton.focus();
    await page.keyboard.press('Enter');
    await expect(keys.dialog.getByLabel('Name')).toBeFocused();
    await page.keyboard.type(name);
    await keys.dialog.getByLabel('Role').selectOption({ label: 'Editor' });
    await keys.dialog.getByRole('button', { name: 'Create key' }).press('Enter');
    await expect(keys.newKey).toBeFocused();
    key = await keys.newKey.inputValue();
    await keys.dialog.getByRole('button', { name: 'Done' }).press('Enter');
    await expect(keys.dialog).toBeHidden();
    await expect(keys.row(name)).toContainText('Editor');
    await expect(page.getByRole('heading', { name: 'No API keys yet' })).toHaveCount(0);
  });

  await test.step('raw requests beyond the burst: 429 with Retry-After, which clients may retry', async () => {
    // The key is new: no other request shares its bucket.
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
    const statuses: number[] = [];
    let limited;
    for (let i = 0; i < 10 && !limited; i++) {
      const response = await api.get('/v1/customers?limit=1');
      statuses.push(response.status());
      if (response.status() === 429) limited = response;
    }
    expect(limited, `a 429 after the burst of 3: ${statuses.join(', ')}`).toBeTruthy();
    expect(statuses.slice(0, 3), statuses.join(', ')).toEqual([200, 200, 200]);
    const headers = limited!.headers();
    expect(headers['retry-after']).toMatch(/^[1-9]\d*$/);
    expect(Number(headers['retry-after-ms'])).toBeGreaterThan(0);
    expect(Number(headers['retry-after-ms'])).toBeLessThanOrEqual(Number(headers['retry-after']) * 1000);
    expect(headers['x-should-retry'] ?? 'true').toBe('true'); // absent or true: retryable
    expect(headers['content-type']).toBe('application/json; charset=utf-8');
    expect(await limited!.json()).toMatchObject({ code: 'rate_limited', request_id: headers['x-request-id'] });
    await api.dispose();
  });

  await test.step('the SDK meets the empty bucket, waits as told, and its retry succeeds', async () => {
    const { client, attempts } = sdk(baseURL!, key);
    const { data: made } = await client.v1.customers.create({ name: `${name} customer` });
    expect(attempts.statuses).toEqual([429, 200]);
    expect(made.name).toBe(`${name} customer`);
  });
});
