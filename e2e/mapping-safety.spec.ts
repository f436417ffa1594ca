import { test, expect, uniqueId, expectNoAxeViolations } from './fixtures';

// A measurement mapping such as (a+)+$ took minutes on 36 a's and "!", and froze the page that tried it.

test('a catastrophic regex is refused next to it, and trying it never freezes the page', async ({
  page,
  customerForm,
}) => {
  await customerForm.openFilled({ id: uniqueId('redos'), mappings: [{ label: 'region', regex: '(a+)+$' }] });

  await test.step('"Try a value" gives up on the slow pattern, and the page stays responsive', async () => {
    await customerForm.tryAValue.fill(`${'a'.repeat(36)}!`);
    await expect(customerForm.mappingVerdict('region')).toContainText('Took too long to test');
    await customerForm.field('Name').fill('Still typing');
    await expect(customerForm.field('Name')).toHaveValue('Still typing');
    await customerForm.tryAValue.fill('aaa');
    await expect(customerForm.mappingVerdict('region')).toContainText('Matches');
  });

  await test.step('saving refuses it, with the reason next to the regex field', async () => {
    await customerForm.submit.click();
    await expect(customerForm.formAlert).toHaveText('Some fields need attention.');
    await expect(customerForm.mappingRegex(1)).toHaveAttribute('aria-invalid', 'true');
    await expect(customerForm.mappingRegex(1)).toHaveAccessibleDescription(/can take hours on some values/);
    await expect(page).toHaveURL(/\/customers\/new$/);
    await expectNoAxeViolations(page);
  });
});
