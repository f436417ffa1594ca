import { randomUUID } from 'node:crypto';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { test, expect, uniqueId, expectNoAxeViolations, DETAIL_URL } from './fixtures';
import { BERLIN_ADDRESS, CustomerFormPage } from './pages/customer-form-page';

test.describe('create a customer', () => {
  test('every field goes from the form to the detail page and the list', async ({
    page,
    customerForm,
    customerDetail,
    customersList,
  }) => {
    const id = uniqueId('acme');
    const aliases = [uniqueId('acme-prod'), uniqueId('acme-staging')];
    await customerForm.create({
      id,
      name: 'Acme Rockets GmbH',
      description: 'Rocket-powered roller skates.\nBilled monthly.',
      email: 'billing@acme.example',
      website: 'https://acme.example/rockets',
      ...BERLIN_ADDRESS,
      aliases,
    });

    await expect(page).toHaveURL(DETAIL_URL);
    const detailUrl = new URL(page.url()).pathname;
    await expect(customerDetail.createdNotice).toBeVisible();
    await expect(customerDetail.heading).toHaveText('Acme Rockets GmbH');
    await expect(customerDetail.item('ID')).toHaveText(id);
    await expect(customerDetail.item('Name')).toHaveText('Acme Rockets GmbH');
    await expect(customerDetail.item('Description')).toHaveText('Rocket-powered roller skates.\nBilled monthly.');
    await expect(customerDetail.item('Email')).toHaveText('billing@acme.example');
    await expect(customerDetail.item('Email').getByRole('link')).toHaveAttribute('href', 'mailto:billing@acme.example');
    await expect(customerDetail.item('Website').getByRole('link')).toHaveText('https://acme.example/rockets');
    await customerDetail.expectAddress(BERLIN_ADDRESS);
    await expect(customerDetail.item('Created').locator('time')).toHaveAttribute(
      'title',
      /^\d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC$/,
    );
    await expect(customerDetail.aliasesSection).toContainText('2 aliases');
    await expect(customerDetail.aliases).toHaveText(aliases);

    await customersList.openFromSidebar();
    await expect(customersList.row(id)).toHaveCount(1);
    await expect(customersList.cell(id, 'Name')).toHaveText('Acme Rockets GmbH');
    await expect(customersList.aliasChips(id)).toHaveText(aliases);
    await expect(customersList.email(id)).toHaveText('billing@acme.example');

    await customersList.idLink(id).click();
    await expect(page).toHaveURL(detailUrl);
    await expect(customerDetail.item('ID')).toHaveText(id);
    // The confirmation was said once: a fresh visit of the page does not say it again.
    await page.reload();
    await expect(customerDetail.item('ID')).toHaveText(id);
    await expect(customerDetail.createdNotice).toHaveCount(0);
  });

  test('a blank Name defaults to the ID', async ({ page, customerForm, customerDetail }) => {
    const id = uniqueId('noname');
    await customerForm.create({ id });

    await expect(page).toHaveURL(DETAIL_URL);
    await expect(customerDetail.heading).toHaveText(id);
    await expect(customerDetail.item('Name')).toHaveText(id);
  });

  test('a double click on "Create customer" creates exactly one customer', async ({
    page,
    customerForm,
    customerDetail,
    customersList,
  }) => {
    const id = uniqueId('dblclick');
    await customerForm.openFilled({ id, aliases: [uniqueId('dbl-alias')] });
    // Server actions are POSTs carrying a Next-Action header: count them.
    const actionCalls: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.headers()['next-action']) actionCalls.push(request.url());
    });
    await customerForm.submit.dblclick();

    await expect(page).toHaveURL(DETAIL_URL);
    expect(actionCalls).toHaveLength(1);
    await expect(customerDetail.createdNotice).toBeVisible();
    await expect(customerDetail.item('ID')).toHaveText(id);
    await customersList.openFromSidebar();
    await expect(customersList.row(id)).toHaveCount(1);
  });

  test('reloading keeps the data on the detail page and in the list', async ({
    page,
    customerForm,
    customerDetail,
    customersList,
  }) => {
    const id = uniqueId('reload');
    const alias = uniqueId('reload-alias');
    await customerForm.create({ id, name: 'Reload Ltd', email: 'ops@reload.example', aliases: [alias] });
    await expect(page).toHaveURL(DETAIL_URL);

    await page.reload();
    await expect(customerDetail.heading).toHaveText('Reload Ltd');
    await expect(customerDetail.item('ID')).toHaveText(id);
    await expect(customerDetail.item('Email')).toHaveText('ops@reload.example');
    await expect(customerDetail.aliases).toHaveText([alias]);

    await customersList.openFromSidebar();
    await page.reload();
    await expect(customersList.cell(id, 'Name')).toHaveText('Reload Ltd');
    await expect(customersList.aliasChips(id)).toHaveText([alias]);
  });
});

test("the detail page's cards are named regions", async ({ page, customerForm, customerDetail }) => {
  await customerForm.create({ id: uniqueId('regions'), aliases: [uniqueId('region-alias')] });
  await expect(page).toHaveURL(DETAIL_URL);
  await expect(customerDetail.aliases).toHaveCount(1);

  for (const name of ['Details', 'Contact', 'Ingest aliases']) {
    await expect(page.getByRole('region', { name, exact: true })).toBeVisible({ timeout: 1_000 });
  }
});

test.describe('what the database refuses comes back next to the field', () => {
  test('an ID taken in another case', async ({ page, customerForm }) => {
    const id = uniqueId('Taken');
    await customerForm.create({ id });
    await expect(page).toHaveURL(DETAIL_URL);

    const sameIdOtherCase = id.toUpperCase();
    const aliases = [uniqueId('free-a'), uniqueId('free-b')];
    await customerForm.create({ id: sameIdOtherCase, name: 'Second try', email: 'second@example.com', aliases });

    const message = `This ID is already taken by “${id}” (IDs are compared ignoring case)`;
    await expect(customerForm.formAlert).toHaveText('Not saved: the ID is already taken.');
    await expect(customerForm.field('ID')).toHaveAttribute('aria-invalid', 'true');
    await expect(customerForm.field('ID')).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
    await expect(customerForm.field('ID')).toBeFocused();
    await expect(page).toHaveURL(/\/customers\/new$/);
    await expect(customerForm.field('ID')).toHaveValue(sameIdOtherCase);
    await expect(customerForm.field('Name')).toHaveValue('Second try');
    await expect(customerForm.field('Email')).toHaveValue('second@example.com');
    await expect(customerForm.aliasInputs).toHaveCount(2);
    await expect(customerForm.alias(1)).toHaveValue(aliases[0]!);
    await expect(customerForm.alias(2)).toHaveValue(aliases[1]!);
    await expect(customerForm.alias(1)).not.toHaveAttribute('aria-invalid', 'true');
  });

  test('an alias owned by another customer names its owner', async ({ page, customerForm }) => {
    const owner = uniqueId('owner');
    const taken = uniqueId('shared-alias');
    await customerForm.create({ id: owner, aliases: [taken] });
    await expect(page).toHaveURL(DETAIL_URL);

    const id = uniqueId('newcomer');
    const free = uniqueId('free-alias');
    await customerForm.create({ id, name: 'Newcomer', email: 'new@example.com', aliases: [free, taken] });

    await expect(customerForm.formAlert).toHaveText('Not saved: an ingest alias belongs to another customer.');
    await expect(customerForm.alias(2)).toHaveAttribute('aria-invalid', 'true');
    await expect(customerForm.alias(2)).toHaveAccessibleDescription(`Already used by customer ${owner}`);
    await expect(customerForm.alias(1)).toHaveAttribute('aria-invalid', 'false');
    await expect(customerForm.field('ID')).toHaveAttribute('aria-invalid', 'false');
    await expect(page).toHaveURL(/\/customers\/new$/);
    await expect(customerForm.field('ID')).toHaveValue(id);
    await expect(customerForm.field('Name')).toHaveValue('Newcomer');
    await expect(customerForm.field('Email')).toHaveValue('new@example.com');
    await expect(customerForm.alias(1)).toHaveValue(free);
    await expect(customerForm.alias(2)).toHaveValue(taken);
  });

  test('an ID and an alias taken at once are both reported', async ({ page, customerForm }) => {
    const owner = uniqueId('both');
    const taken = uniqueId('both-alias');
    await customerForm.create({ id: owner, aliases: [taken] });
    await expect(page).toHaveURL(DETAIL_URL);

    await customerForm.create({ id: owner, aliases: [taken] });

    await expect(customerForm.formAlert).toHaveText(
      'Not saved: the ID is already taken and an ingest alias belongs to another customer.',
    );
    await expect(customerForm.field('ID')).toHaveAttribute('aria-invalid', 'true');
    await expect(customerForm.field('ID')).toHaveAccessibleDescription(/This ID is already taken/);
    await expect(customerForm.alias(1)).toHaveAttribute('aria-invalid', 'true');
    await expect(customerForm.alias(1)).toHaveAccessibleDescription(`Already used by customer ${owner}`);
    await expect(page).toHaveURL(/\/customers\/new$/);
  });
});

test.describe('checks in the browser', () => {
  test('a bad email is refused and nothing is created', async ({ page, customerForm, customersList }) => {
    const id = uniqueId('bademail');
    await customerForm.create({ id, email: 'ops@' });

    await expect(customerForm.formAlert).toHaveText('Some fields need attention.');
    await expect(customerForm.field('Email')).toHaveAttribute('aria-invalid', 'true');
    await expect(customerForm.field('Email')).toHaveAccessibleDescription(
      'Enter a valid email address, like ops@example.com',
    );
    await expect(page).toHaveURL(/\/customers\/new$/);
    await expect(customerForm.field('Email')).toHaveValue('ops@');

    // The form still holds what was typed: leaving asks first.
    await customersList.openFromSidebar({ discardChanges: true });
    await expect(customersList.table.or(customersList.emptyState)).toBeVisible();
    await expect(customersList.row(id)).toHaveCount(0);
  });

  test('a Name of 161 characters is refused', async ({ page, customerForm }) => {
    await customerForm.create({ id: uniqueId('longname'), name: 'n'.repeat(161) });

    await expect(customerForm.field('Name')).toHaveAttribute('aria-invalid', 'true');
    await expect(customerForm.field('Name')).toHaveAccessibleDescription(/Name must be at most 160 characters/);
    await expect(page).toHaveURL(/\/customers\/new$/);
  });

  test('a Name of 161 emoji is refused', async ({ customerForm }) => {
    await customerForm.create({ id: uniqueId('longemoji'), name: '👩‍💻'.repeat(161) });

    await expect(customerForm.field('Name')).toHaveAccessibleDescription(/Name must be at most 160 characters/);
  });

  test('a Name of 160 emoji is accepted: an emoji counts as one character', async ({
    page,
    customerForm,
    customerDetail,
  }) => {
    // Single code point, surrogate pair, and ZWJ sequence emoji: each is one character.
    const name = '🚀👩‍💻🇩🇪🙂'.repeat(40);
    await customerForm.create({ id: uniqueId('emoji'), name });

    await expect(page).toHaveURL(DETAIL_URL);
    await expect(customerDetail.heading).toHaveText(name);
  });

  test('a repeated alias is marked on the repeating row', async ({ page, customerForm }) => {
    const alias = uniqueId('twice');
    await customerForm.create({ id: uniqueId('repeat'), aliases: [alias, alias] });

    await expect(customerForm.formAlert).toHaveText('Some fields need attention.');
    await expect(customerForm.alias(2)).toHaveAttribute('aria-invalid', 'true');
    await expect(customerForm.alias(2)).toHaveAccessibleDescription('Repeats alias 1');
    await expect(customerForm.alias(1)).toHaveAttribute('aria-invalid', 'false');
    await expect(page).toHaveURL(/\/customers\/new$/);
  });
});

test.describe('alias rows', () => {
  test('pasting several lines makes one row per line', async ({ customerForm }) => {
    await customerForm.open();
    await customerForm.addAlias.click();
    await customerForm.paste(customerForm.alias(1), 'a\nb\r\n\n  c  \n');

    await expectAliasValues(customerForm, ['a', 'b', 'c']);
  });

  test('pasting several lines into a filled row adds the rows after it', async ({ customerForm }) => {
    await customerForm.openFilled({ id: uniqueId('paste'), aliases: ['first', 'last'] });
    await customerForm.paste(customerForm.alias(1), 'x\ny');

    await expectAliasValues(customerForm, ['first', 'x', 'y', 'last']);
  });

  test('pasting one line pastes it as text', async ({ customerForm }) => {
    await customerForm.open();
    await customerForm.addAlias.click();
    await customerForm.paste(customerForm.alias(1), 'single');

    await expect(customerForm.aliasInputs).toHaveCount(1);
    await expect(customerForm.alias(1)).toHaveValue('single');
  });

  test('"Remove alias" removes its row', async ({ page, customerForm, customerDetail }) => {
    const aliases = [uniqueId('keep-1'), uniqueId('drop'), uniqueId('keep-2')];
    await customerForm.openFilled({ id: uniqueId('remove'), aliases });

    await customerForm.removeAlias(2).click();

    await expectAliasValues(customerForm, [aliases[0]!, aliases[2]!]);
    await expect(customerForm.removeAlias(3)).toHaveCount(0);

    await customerForm.submit.click();
    await expect(page).toHaveURL(DETAIL_URL);
    await expect(customerDetail.aliases).toHaveText([aliases[0]!, aliases[2]!]);
  });

  test('a customer with 2,000 aliases', async ({ page, customerForm, customerDetail, customersList }) => {
    test.setTimeout(90_000);
    const id = uniqueId('bulk');
    const aliases = Array.from({ length: 2000 }, (_, i) => `${id}-alias-${i + 1}`);
    await customerForm.openFilled({ id });
    await customerForm.addAlias.click();
    await customerForm.paste(customerForm.alias(1), aliases.join('\n'));
    await expect(customerForm.aliasInputs).toHaveCount(2000);
    await expect(customerForm.form).toContainText('2,000 aliases of at most 2,000');
    await expect(customerForm.addAlias).toBeDisabled();

    await customerForm.submit.click();

    await expect(page).toHaveURL(DETAIL_URL, { timeout: 30_000 });
    await expect(customerDetail.aliasesSection).toContainText('2,000 aliases');
    await expect(customerDetail.aliases).toHaveCount(2000);
    await expect(customerDetail.aliases.first()).toHaveText(aliases[0]!);
    await expect(customerDetail.aliases.last()).toHaveText(aliases[1999]!);

    await customersList.openFromSidebar();
    await expect(customersList.aliasChips(id)).toHaveText([aliases[0]!, aliases[1]!, aliases[2]!, '+1,997 more']);
    await expect(
      customersList.cell(id, 'Ingest aliases').getByRole('list', { name: '2,000 ingest aliases' }),
    ).toBeVisible();
  });
});

test.describe('customer not found', () => {
  for (const [what, path] of [
    ['a malformed id', '/customers/not-a-uuid'],
    ['an unknown UUID', `/customers/${randomUUID()}`],
  ] as const) {
    test(`${what} answers 404 with a way back`, async ({ page, customersList }) => {
      const response = await page.goto(path);

      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Customer not found' })).toBeVisible();
      await page.getByRole('link', { name: 'Go to customers' }).click();
      await expect(page).toHaveURL(/\/customers$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
      await expect(customersList.table.or(customersList.emptyState)).toBeVisible();
    });
  }
});

test.describe('keyboard only', () => {
  test('Tab order, typing, adding aliases and submitting with Enter', async ({
    page,
    customerForm,
    customerDetail,
  }) => {
    const id = uniqueId('keys');
    await customerForm.open();

    // From the top of the page, the first form field reached is ID, then Name.
    await pressTabUntilFocused(page, customerForm.field('ID'));
    await page.keyboard.type(id);
    await page.keyboard.press('Tab');
    await expect(customerForm.field('Name')).toBeFocused();
    await page.keyboard.type('Keyboard Co');

    // "Add alias" is reachable with Tab; Enter and Space both press it, and the new row takes focus.
    await pressTabUntilFocused(page, customerForm.addAlias);
    await page.keyboard.press('Enter');
    await expect(customerForm.alias(1)).toBeFocused();
    await page.keyboard.type('kb-one');
    await pressTabUntilFocused(page, customerForm.addAlias);
    await page.keyboard.press('Space');
    await expect(customerForm.alias(2)).toBeFocused();
    await page.keyboard.type('kb-two');
    await expectAliasValues(customerForm, ['kb-one', 'kb-two']);

    // Back to the ID field and press Enter there: the form is submitted.
    await pressTabUntilFocused(page, customerForm.field('ID'), 'Shift+Tab');
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(DETAIL_URL);
    await expect(customerDetail.item('ID')).toHaveText(id);
    await expect(customerDetail.item('Name')).toHaveText('Keyboard Co');
    await expect(customerDetail.aliases).toHaveText(['kb-one', 'kb-two']);
  });

  test('Country: type part of a name, ↓ and Enter pick it; Escape closes the list and keeps the pick', async ({
    page,
    customerForm,
    customerDetail,
  }) => {
    const id = uniqueId('keys-country');
    await customerForm.openFilled({ id });
    const { country, countryList } = customerForm;
    await pressTabUntilFocused(page, country);
    await expect(country).toHaveAttribute('aria-expanded', 'false');

    // Typing opens the list of matches, accents ignored, with the first one active.
    await page.keyboard.type('ger');
    await expect(country).toHaveAttribute('aria-expanded', 'true');
    await expect(countryList.getByRole('option')).toHaveText(['Algeria', 'Germany', 'Niger', 'Nigeria']);
    await expectActiveCountry(customerForm, 'Algeria');
    await expectNoAxeViolations(page);

    await page.keyboard.press('ArrowDown');
    await expectActiveCountry(customerForm, 'Germany');
    await page.keyboard.press('Enter');
    await expect(countryList).toBeHidden();
    await expect(country).toHaveValue('Germany');
    await expect(country).toHaveAttribute('aria-expanded', 'false');
    await expect(country).toBeFocused();

    // ↓ opens the whole list on the chosen country; Escape closes it and keeps the choice.
    await page.keyboard.press('ArrowDown');
    await expect(countryList).toBeVisible();
    await expectActiveCountry(customerForm, 'Germany');
    await expect(customerForm.countryOption('Germany')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Escape');
    await expect(countryList).toBeHidden();
    await expect(country).toHaveValue('Germany');

    // Text left half-typed is put back to the chosen name by Escape.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('cote');
    await expect(countryList.getByRole('option')).toHaveText(['Côte d’Ivoire']);
    await page.keyboard.press('Escape');
    await expect(countryList).toBeHidden();
    await expect(country).toHaveValue('Germany');

    // With the list closed, Enter submits the form.
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(DETAIL_URL);
    await expect(customerDetail.item('Country')).toHaveText('Germany');
  });

  test('ID is the first form field and Name the second in Tab order', async ({ page, customerForm }) => {
    await customerForm.open();
    const stops = await tabStopsUntil(page, customerForm.field('ID'));
    // Before the ID field: the skip link and the sidebar (outside main), then only the back link.
    const inMain = stops.slice(0, -1).filter((s) => !s.endsWith('(outside main)'));
    expect(inMain).toEqual(['A']);
    await page.keyboard.press('Tab');
    await expect(customerForm.field('Name')).toBeFocused();
  });

  test('"Skip to content" is the first Tab stop of the list and moves to the main content', async ({
    page,
    customersList,
  }) => {
    await customersList.open();
    await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
  });
});

test.describe('accessibility (axe)', () => {
  for (const viewport of [
    { label: 'desktop', width: 1280, height: 800 },
    { label: 'phone', width: 390, height: 844 },
  ]) {
    test.describe(`at ${viewport.label} width`, () => {
      test.beforeEach(async ({ page }) => {
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
      });

      test('list', async ({ page, customerForm, customersList }) => {
        const id = uniqueId('axe-list');
        await customerForm.create({ id, email: 'axe@example.com', aliases: [uniqueId('axe-a')] });
        await expect(page).toHaveURL(DETAIL_URL);
        await customersList.openFromSidebar();
        // At phone width the customers are cards; at desktop width, table rows.
        await expect(
          viewport.width < 768 ? customersList.cards.filter({ hasText: id }) : customersList.row(id),
        ).toBeVisible();
        await expectNoAxeViolations(page);
      });

      test('empty create form', async ({ page, customerForm }) => {
        await customerForm.open();
        await expect(customerForm.field('ID')).toBeVisible();
        await expectNoAxeViolations(page);
      });

      test('create form showing errors', async ({ page, customerForm }) => {
        await customerForm.create({ id: '-bad id', email: 'nope', website: 'ftp://x', aliases: ['', 'same', 'same'] });
        await expect(customerForm.formAlert).toHaveText('Some fields need attention.');
        await expect(customerForm.field('Email')).toHaveAttribute('aria-invalid', 'true');
        await expectNoAxeViolations(page);
      });

      test('detail', async ({ page, customerForm, customerDetail }) => {
        await customerForm.create({
          id: uniqueId('axe-detail'),
          description: 'Described',
          email: 'axe@example.com',
          website: 'https://axe.example',
          city: 'Lisbon',
          country: 'Portugal',
          aliases: [uniqueId('axe-b'), uniqueId('axe-c')],
        });
        await expect(page).toHaveURL(DETAIL_URL);
        await expect(customerDetail.createdNotice).toBeVisible();
        await expectNoAxeViolations(page);
      });

      test('404', async ({ page }) => {
        await page.goto(`/customers/${randomUUID()}`);
        await expect(page.getByRole('heading', { name: 'Customer not found' })).toBeVisible();
        await expectNoAxeViolations(page);
      });
    });
  }
});

test('pagination: next, previous, the browser Back button, and the cursor in the URL', async ({
  page,
  context,
  customersList,
}) => {
  test.setTimeout(90_000);
  // Pages of 25 (a size the list offers through its URL) keep this test quick: creating customers
  // through the form takes ~0.6 s each here. Make sure there is more than one page, all of it ours.
  const ids = await createCustomersInParallel(context, uniqueId('page'), 26);

  await customersList.open('?limit=25');
  await expect(customersList.rows).toHaveCount(25);
  const firstPage = await customersList.visibleIds();
  expect(firstPage).toHaveLength(25);
  // Our newest customer is on the first page: only customers created after it can be above it.
  expect(firstPage).toContain(ids.at(-1));
  await expect(customersList.previousPage).toHaveCount(0);

  await customersList.nextPage.click();
  await expect(page).toHaveURL(/[?&]cursor=[\w-]+/);
  await expect(page).toHaveURL(/[?&]limit=25/);
  await expect(customersList.idLink(firstPage[0]!)).toHaveCount(0);
  const secondPage = await customersList.visibleIds();
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
  const secondPageUrl = page.url();

  // The browser's Back button returns to the first page.
  await page.goBack();
  await expect(page).toHaveURL(/\/customers\?limit=25$/);
  await expect(customersList.idLink(firstPage.at(-1)!)).toBeVisible();
  await expect(customersList.idLink(secondPage[0]!)).toHaveCount(0);

  // So does "Previous page" from the second page.
  await page.goForward();
  await expect(page).toHaveURL(secondPageUrl);
  await expect(customersList.idLink(secondPage[0]!)).toBeVisible();
  await customersList.previousPage.click();
  await expect(page).toHaveURL(/[?&]dir=prev/);
  await expect(customersList.idLink(firstPage[0]!)).toBeVisible();
  expect(await customersList.visibleIds()).toEqual(firstPage);

  // The cursor lives in the URL: opening the second page's address anew shows the same rows.
  await page.goto(secondPageUrl);
  await expect(customersList.idLink(secondPage[0]!)).toBeVisible();
  expect(await customersList.visibleIds()).toEqual(secondPage);
});

// ——— helpers ———

/** The alias rows hold exactly these values, in order. */
async function expectAliasValues(form: CustomerFormPage, values: string[]) {
  await expect(form.aliasInputs).toHaveCount(values.length);
  for (const [i, value] of values.entries()) await expect(form.alias(i + 1)).toHaveValue(value);
}

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Presses Tab (or Shift+Tab) until `target` has focus; fails after `max` presses. */
/** The country option that the Country box points at as active (aria-activedescendant). */
async function expectActiveCountry(form: CustomerFormPage, name: string) {
  const option = form.countryOption(name);
  await expect(option).toBeVisible();
  await expect(form.country).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
}

async function pressTabUntilFocused(page: Page, target: Locator, key = 'Tab', max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${target} not reached within ${max} presses of ${key}`);
}

/** The focused elements' tag names, one per Tab press, until `target` has focus. */
async function tabStopsUntil(page: Page, target: Locator, max = 40): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(() => {
        const el = document.activeElement;
        return el ? `${el.tagName}${el.closest('main') ? '' : ' (outside main)'}` : '';
      }),
    );
    if (await target.evaluate((el) => el === document.activeElement)) return stops;
  }
  throw new Error(`${target} not reached within ${max} Tab presses: ${stops.join(', ')}`);
}

/** Creates `count` customers through the form, in a few tabs at once; returns their IDs, oldest first. */
async function createCustomersInParallel(context: BrowserContext, prefix: string, count: number, tabs = 3) {
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(3, '0')}`);
  const created: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: tabs }, async () => {
      const tab = await context.newPage();
      const form = new CustomerFormPage(tab);
      while (next < ids.length) {
        const id = ids[next++]!;
        await form.createAndOpen({ id });
        created.push(id);
      }
      await tab.close();
    }),
  );
  return created;
}
