import { v1OpenApiDocument } from '../lib/validations/v1/openapi';
import { NARROW, WIDE, expect, expectNoAxeViolations, expectNoSidewaysScroll, test } from './fixtures';
import { storageState } from './users';
import { apiKey } from './v1-client';

// The API page and GET /v1/openapi.json: the page shows every operation of the document with its
// examples, to any signed-in role, and reads well at both widths.

const operations = Object.values(v1OpenApiDocument().paths ?? {}).flatMap((item) =>
  (['get', 'post'] as const).flatMap((m) =>
    item?.[m] ? [{ id: item[m].operationId!, summary: item[m].summary! }] : [],
  ),
);

test.describe('the API page', () => {
  test.use({ storageState: storageState('viewer') });

  test('a viewer reads every operation of the document, with curl and SDK examples', async ({ page, baseURL }) => {
    await page.goto('/customers');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'API', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'API' })).toBeVisible();
    const endpoints = page.getByRole('navigation', { name: 'Endpoints' });
    await expect(endpoints.getByRole('link')).toHaveCount(operations.length);
    for (const op of operations) {
      await expect(page.getByRole('heading', { level: 3, name: op.summary, exact: true })).toBeVisible();
    }
    const create = page.locator('section#createCustomer');
    await expect(create.getByRole('region', { name: 'Create a customer: curl example' })).toContainText(
      `curl -X POST '${baseURL}/v1/customers'`,
    );
    await expect(create.getByRole('region', { name: 'Create a customer: SDK example' })).toContainText(
      'await client.v1.customers.create({',
    );
    await expect(create.getByRole('region', { name: 'Create a customer: request fields' })).toContainText(
      'external_id',
    );
    await expect(create).toContainText('409 ingest_alias_taken');
  });

  for (const viewport of [WIDE, NARROW]) {
    test(`reads well at ${viewport.width} px and passes axe`, async ({ page }) => {
      test.setTimeout(120_000); // a long page: axe and the full-page screenshot take a while
      await page.setViewportSize(viewport);
      await page.goto('/api-docs');
      await expect(page.getByRole('heading', { level: 1, name: 'API' })).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
      await page.screenshot({ path: test.info().outputPath(`api-docs-${viewport.width}.png`), fullPage: true });
    });
  }

  test('the endpoint links and copy buttons are reached from the keyboard', async ({ page }) => {
    await page.goto('/api-docs');
    const link = page.getByRole('navigation', { name: 'Endpoints' }).getByRole('link', { name: 'Archive a customer' });
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#archiveCustomer$/);
    const copy = page
      .locator('section#archiveCustomer')
      .getByRole('button', { name: 'Copy Archive a customer: curl example' });
    await copy.focus();
    await expect(copy).toBeFocused();
  });
});

test.describe('GET /v1/openapi.json', () => {
  test('401 without a key; with a viewer key, the OpenAPI 3.1 document as JSON', async ({ baseURL }) => {
    const refused = await fetch(`${baseURL}/v1/openapi.json`, { redirect: 'manual' });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'unauthorized' });

    const response = await fetch(`${baseURL}/v1/openapi.json`, {
      headers: { authorization: `Bearer ${apiKey('viewer')}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(Object.keys(document.paths)).toContain('/v1/customers');
  });
});
