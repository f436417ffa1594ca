import { emptyCustomerForm } from '../lib/validations/customer';
import { expect, NARROW, test, uniqueId, WIDE } from './fixtures';

test('screenshots of the list with a selection', async ({ page, customersList }) => {
  const run = uniqueId('shot');
  for (const l of ['a', 'b', 'c']) {
    const r = await page.request.post('/api/customers', { data: { ...emptyCustomerForm, name: `${run}-${l}`, tags: ['vip'] } });
    expect(r.status()).toBe(201);
  }
  for (const [size, name] of [
    [WIDE, 'wide'],
    [NARROW, 'narrow'],
  ] as const) {
    await page.setViewportSize(size);
    await customersList.open(`?q=${run}`);
    await page.getByRole('checkbox', { name: `Select ${run}-a` }).check();
    await page.getByRole('checkbox', { name: `Select ${run}-b` }).check();
    await customersList.applyBulk('Add tag', { tag: 'gold' });
    await page.screenshot({ path: `/tmp/blk-${name}-dialog.png`, fullPage: true });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.screenshot({ path: `/tmp/blk-${name}.png`, fullPage: true });
  }
});
