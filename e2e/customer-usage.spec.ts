import { randomUUID } from 'node:crypto';
import {
  expect,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  LAYOUT_WIDTHS,
  NARROW,
  test,
  uniqueId,
  WIDE,
} from './fixtures';
import { apiKey, sdk } from './v1-client';

// Usage on a customer's page and on the list, with events sent as a customer's program sends
// them: the official SDK's usage.ingest against POST /v1/ingest. Each test scans pages with axe
// at two widths, so each has the slow allowance.

test.beforeEach(() => test.slow());

const DAY_MS = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString();

/** A customer made through /v1: its portal ID is `externalId`. */
async function newCustomer(baseURL: string, externalId: string, aliases: string[] = []) {
  const { client } = sdk(baseURL, apiKey('editor'));
  const { data } = await client.v1.customers.create({
    name: externalId,
    external_id: externalId,
    ingest_aliases: aliases,
  });
  return { client, uuid: data.id };
}

test('usage sent through /v1/ingest shows on the customer page: counts, table view, silent alias, raw JSON', async ({
  baseURL,
  page,
  customerDetail,
}) => {
  const id = uniqueId('usage');
  const [busy, silent] = [`${id}-busy`, `${id}-silent`];
  const { client, uuid } = await newCustomer(baseURL!, id, [busy, silent]);
  const firstTx = `tx-${randomUUID()}`;
  await client.v1.usage.ingest({
    usage: [
      {
        transaction_id: firstTx,
        customer_id: uuid,
        event_type: 'api_call',
        timestamp: daysAgo(0),
        properties: { region: 'eu' },
      },
      { transaction_id: `tx-${randomUUID()}`, customer_id: uuid, event_type: 'api_call', timestamp: daysAgo(0) },
      ...[1, 2, 3].map((n) => ({
        transaction_id: `tx-${randomUUID()}`,
        customer_id: busy,
        event_type: 'storage_gb',
        timestamp: daysAgo(2),
        properties: { gb: n },
      })),
    ],
  });
  // Sent again: kept, flagged, never counted.
  await client.v1.usage.ingest({
    usage: [{ transaction_id: firstTx, customer_id: uuid, event_type: 'api_call', timestamp: daysAgo(0) }],
  });

  await page.setViewportSize(WIDE);
  await customerDetail.open(uuid);
  await expect(customerDetail.usageFigure('Events in the last 30 days')).toHaveText('5');
  await expect(customerDetail.usageFigure('Last event received').locator('time')).toBeVisible();

  await expect(customerDetail.usageRouteRow('By customer ID').getByRole('cell').nth(1)).toHaveText('2');
  await expect(customerDetail.usageRouteRow(busy).getByRole('cell').nth(1)).toHaveText('3');
  await expect(customerDetail.usageRouteRow(silent)).toContainText('No events in 30 days');
  await expect(customerDetail.usageRouteRow(busy)).not.toContainText('No events in 30 days');

  const table = await customerDetail.usageDaysTable();
  await expect(table.getByRole('columnheader')).toHaveText(['Day', 'storage_gb', 'api_call', 'Total']);
  await expect(table.locator('tbody tr')).toHaveCount(30);
  // Busiest type first, newest day first: today's two api_call events, two days ago the three storage_gb ones.
  await expect(table.locator('tbody tr').nth(0).getByRole('cell')).toHaveText(['0', '2', '2']);
  await expect(table.locator('tbody tr').nth(2).getByRole('cell')).toHaveText(['3', '0', '3']);

  // Six raw events, the duplicate first (newest) and flagged; one opens to its JSON, by keyboard.
  await expect(customerDetail.recentEvents).toHaveCount(6);
  const newest = customerDetail.recentEvents.first();
  await expect(newest).toContainText('Duplicate, not counted');
  const json = newest.locator('pre');
  await expect(json).toBeHidden();
  await newest.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(json).toBeVisible();
  expect(JSON.parse((await json.textContent())!)).toMatchObject({
    transaction_id: firstTx,
    customer_id: uuid,
    event_type: 'api_call',
    is_duplicate: true,
    matched_by: 'id',
  });
  const byAlias = customerDetail.recentEvents.filter({ hasText: 'by alias' }).first();
  await byAlias.locator('summary').click();
  expect(JSON.parse((await byAlias.locator('pre').textContent())!)).toMatchObject({
    customer_id: busy,
    event_type: 'storage_gb',
    matched_by: 'alias',
    matched_key: busy,
  });

  await expectNoAxeViolations(page);
  await page.setViewportSize(NARROW);
  await expect(customerDetail.usageFigure('Events in the last 30 days')).toHaveText('5');
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
});

test('a customer without usage shows how usage arrives; an archived one says its events are still kept', async ({
  baseURL,
  page,
  customerDetail,
}) => {
  const quiet = await newCustomer(baseURL!, uniqueId('quiet'), [uniqueId('quiet-alias')]);
  for (const size of [WIDE, NARROW]) {
    await page.setViewportSize(size);
    await customerDetail.open(quiet.uuid);
    await expect(customerDetail.usageSection).toContainText('No usage received yet');
    await expect(customerDetail.usageSection).toContainText('one of its ingest aliases');
    await expectNoAxeViolations(page);
  }

  const alias = uniqueId('kept');
  const archived = await newCustomer(baseURL!, uniqueId('archived_usage'), [alias]);
  await archived.client.v1.customers.archive({ id: archived.uuid });
  await archived.client.v1.usage.ingest({
    usage: [{ transaction_id: `tx-${randomUUID()}`, customer_id: alias, event_type: 'seat', timestamp: daysAgo(0) }],
  });
  await page.setViewportSize(WIDE);
  await customerDetail.open(archived.uuid);
  await expect(customerDetail.usageSection).toContainText('Archived — events are still received and kept.');
  await expect(customerDetail.usageFigure('Events in the last 30 days')).toHaveText('1');
});

test('the list shows Last usage and sorts by it, customers without usage last', async ({
  baseURL,
  page,
  customersList,
}) => {
  const run = uniqueId('lastuse').toLowerCase();
  const [early, late, never] = ['a', 'b', 'c'].map((s) => `${run}_${s}`) as [string, string, string];
  const made = await Promise.all([early, late, never].map((id) => newCustomer(baseURL!, id)));
  const send = (uuid: string) =>
    made[0]!.client.v1.usage.ingest({
      usage: [{ transaction_id: `tx-${randomUUID()}`, customer_id: uuid, event_type: 'call', timestamp: daysAgo(0) }],
    });
  await send(made[0]!.uuid);
  await send(made[1]!.uuid);

  await page.setViewportSize(WIDE);
  await customersList.open(`?q=${run}`);
  await expect(customersList.cell(late, 'Last usage').locator('time')).toBeVisible();
  await expect(customersList.cell(never, 'Last usage')).toHaveText('—None');

  const header = page.getByRole('columnheader', { name: /^Last usage/ });
  await header.getByRole('link').focus();
  await page.keyboard.press('Enter');
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => customersList.visibleIds()).toEqual([late, early, never]);

  await header.getByRole('link').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(() => customersList.visibleIds()).toEqual([early, late, never]);
  await expectNoAxeViolations(page);

  await page.setViewportSize(NARROW);
  await expect(customersList.cards.filter({ hasText: late })).toContainText('Last usage');
  await expectNoAxeViolations(page);

  // The whole first page (every spec's customers, the Last usage column shown) fits each width.
  await customersList.open('?sort=usage');
  for (const viewport of LAYOUT_WIDTHS) {
    await page.setViewportSize(viewport);
    await expectNoSidewaysScroll(page);
    if (viewport.width === 1280) {
      // Nor does the table scroll inside its card at desktop width.
      const region = page.getByRole('region', { name: 'Customers', exact: true });
      const fits = await region.evaluate((r) => r.scrollWidth <= r.clientWidth);
      expect(fits, 'the customers table fits its card at 1280 px').toBe(true);
    }
    await page.screenshot({ path: test.info().outputPath(`customers-last-usage-${viewport.width}.png`) });
  }
});
