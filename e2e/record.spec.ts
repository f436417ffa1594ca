import type { BrowserContext, Locator, Page } from '@playwright/test';
import { test, expect, uniqueId, expectNoAxeViolations, DETAIL_URL } from './fixtures';
import { CustomerDetailPage } from './pages/customer-detail-page';
import { BERLIN_ADDRESS, CustomerFormPage, EDIT_URL, type CustomerFields } from './pages/customer-form-page';

// The whole customer record: every field from the form to the detail page and back into the edit form,
// editing, stale edits, and the checks of the newer fields (tags, mappings, custom fields, billing providers).

/** A customer with every field of the record filled; its ID, aliases and external ID are unique to the caller. */
function fullCustomer(prefix: string): CustomerFields {
  const id = uniqueId(prefix);
  return {
    id,
    name: `Full Record ${id}`,
    description: 'Every field filled.\nBilled monthly.',
    externalId: `${id}-legacy`,
    salesforceAccount: `0015g00000${id}`,
    pricePlan: 'Growth',
    tags: ['enterprise', 'eu-west'],
    email: 'billing@full.example',
    otherEmails: ['ap@full.example', 'cfo@full.example'],
    phone: '+49 30 1234567',
    website: 'https://full.example/home',
    logoUrl: 'https://full.example/logo.png',
    legalName: 'Full Record GmbH',
    vatId: 'DE123456789',
    ...BERLIN_ADDRESS,
    aliases: [`${id}-prod`, `${id}-staging`],
    mappings: [{ label: 'region', regex: 'us-(east|west)-\\d' }],
    customFields: [
      { key: 'salesforce_id', value: '0015g00000Full' },
      { key: 'csm', value: 'dana@meterline.example' },
    ],
    billingProviders: [
      { provider: 'Stripe', fields: { 'Stripe customer ID': 'cus_Full42', 'Collection method': 'Send invoice' } },
      {
        provider: 'AWS Marketplace',
        fields: {
          'Delivery method': 'AWS SQS',
          'AWS customer ID': 'aws-cust-42',
          'AWS product code': 'prod-abc123',
          'AWS region': 'eu-central-1',
          'SaaS subscription product': true,
        },
      },
    ],
  };
}

test.describe('the whole record', () => {
  test('every field shows on the detail page and comes back in the edit form', async ({
    page,
    customerForm,
    customerDetail,
  }) => {
    const c = fullCustomer('full');
    await customerForm.create(c);

    await expect(page).toHaveURL(DETAIL_URL);
    await expect(customerDetail.createdNotice).toBeVisible();
    await expect(customerDetail.heading).toHaveText(c.name!);
    await expect(customerDetail.item('ID')).toHaveText(c.id);
    await expect(customerDetail.item('Name')).toHaveText(c.name!);
    await expect(customerDetail.item('Description')).toHaveText(c.description!);
    await expect(customerDetail.item('External ID')).toHaveText(c.externalId!);
    await expect(customerDetail.item('Salesforce account')).toHaveText(c.salesforceAccount!);
    await expect(customerDetail.item('Price plan')).toHaveText('Growth (growth)');
    await expect(customerDetail.tags).toHaveText(c.tags!);
    await expect(customerDetail.item('Email')).toHaveText(c.email!);
    await expect(customerDetail.otherEmails).toHaveText(c.otherEmails!);
    await expect(customerDetail.otherEmails.getByRole('link').first()).toHaveAttribute(
      'href',
      `mailto:${c.otherEmails![0]}`,
    );
    await expect(customerDetail.item('Phone')).toHaveText(c.phone!);
    await expect(customerDetail.item('Phone').getByRole('link')).toHaveAttribute('href', 'tel:+49301234567');
    await expect(customerDetail.item('Website').getByRole('link')).toHaveText(c.website!);
    await expect(customerDetail.item('Logo URL').getByRole('link')).toHaveText(c.logoUrl!);
    await expect(customerDetail.item('Logo URL').getByRole('link')).toHaveAttribute('href', c.logoUrl!);
    await expect(customerDetail.item('Legal name')).toHaveText(c.legalName!);
    await expect(customerDetail.item('VAT ID')).toHaveText(c.vatId!);
    await customerDetail.expectAddress(BERLIN_ADDRESS);
    await expect(customerDetail.aliases).toHaveText(c.aliases!);
    await expect(customerDetail.mappingRows).toHaveCount(1);
    await expect(customerDetail.mappingRows.getByRole('cell')).toHaveText(['region', 'us-(east|west)-\\d']);
    await expect(customerDetail.customFieldKeys).toHaveText(['salesforce_id', 'csm']);
    await expect(customerDetail.customField('salesforce_id')).toHaveText('0015g00000Full');
    await expect(customerDetail.customField('csm')).toHaveText('dana@meterline.example');

    // Billing providers as readable cards, under the labels the form uses.
    await expect(customerDetail.section('Billing providers').getByRole('article')).toHaveCount(2);
    await expect(customerDetail.providerSetting('Stripe', 'Delivery method')).toHaveText('Direct to billing provider');
    await expect(customerDetail.providerSetting('Stripe', 'Stripe customer ID')).toHaveText('cus_Full42');
    await expect(customerDetail.providerSetting('Stripe', 'Collection method')).toHaveText('Send invoice');
    await expect(customerDetail.providerSetting('AWS Marketplace', 'Delivery method')).toHaveText('AWS SQS');
    await expect(customerDetail.providerSetting('AWS Marketplace', 'AWS customer ID')).toHaveText('aws-cust-42');
    await expect(customerDetail.providerSetting('AWS Marketplace', 'Product code')).toHaveText('prod-abc123');
    await expect(customerDetail.providerSetting('AWS Marketplace', 'Region')).toHaveText('eu-central-1');
    await expect(customerDetail.providerSetting('AWS Marketplace', 'Subscription product')).toHaveText('Yes');
    await expect(customerDetail.section('Billing providers')).not.toContainText('{');
    await expect(customerDetail.archivedProviders).toHaveCount(0);

    await customerDetail.editLink.click();
    await expect(page).toHaveURL(EDIT_URL);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Edit ${c.name}`);
    await expectFormToHold(customerForm, c);
    // Only the providers not configured yet can be added.
    await expect(customerForm.providerToAdd.getByRole('option')).toHaveText([
      'NetSuite',
      'Azure Marketplace',
      'GCP Marketplace',
    ]);
  });

  test('an edit saves and shows on the detail page and in the list', async ({
    page,
    customerForm,
    customerDetail,
    customersList,
  }) => {
    const id = uniqueId('edit');
    const c: CustomerFields = {
      id,
      name: 'Before Rename Ltd',
      tags: ['enterprise'],
      otherEmails: ['ap@rename.example'],
      aliases: [`${id}-prod`, `${id}-staging`],
      customFields: [{ key: 'csm', value: 'dana' }],
      billingProviders: [
        { provider: 'Stripe', fields: { 'Stripe customer ID': 'cus_Edit1', 'Collection method': 'Send invoice' } },
      ],
    };
    const uuid = await customerForm.createAndOpen(c);
    const newName = 'After Rename Ltd';
    const newAlias = `${id}-renamed`;

    await customerDetail.editLink.click();
    await expect(page).toHaveURL(EDIT_URL);
    await customerForm.field('Name').fill(newName);
    await customerForm.alias(2).fill(newAlias);
    await customerForm.saveChanges.click();

    await expect(page).toHaveURL(new RegExp(`/customers/${uuid}(\\?|$)`));
    await expect(customerDetail.heading).toHaveText(newName);
    await expect(customerDetail.item('Name')).toHaveText(newName);
    await expect(customerDetail.aliases).toHaveText([c.aliases![0]!, newAlias]);
    // What was not touched stays as it was.
    await expect(customerDetail.item('ID')).toHaveText(id);
    await expect(customerDetail.tags).toHaveText(['enterprise']);
    await expect(customerDetail.otherEmails).toHaveText(['ap@rename.example']);
    await expect(customerDetail.customField('csm')).toHaveText('dana');
    await expect(customerDetail.providerSetting('Stripe', 'Stripe customer ID')).toHaveText('cus_Edit1');
    await expect(customerDetail.providerSetting('Stripe', 'Collection method')).toHaveText('Send invoice');

    await customersList.openFromSidebar();
    await expect(customersList.cell(id, 'Name')).toHaveText(newName);
    await expect(customersList.aliasChips(id)).toHaveText([c.aliases![0]!, newAlias]);

    await customersList.idLink(id).click();
    await customerDetail.editLink.click();
    await expectFormToHold(customerForm, { ...c, name: newName, aliases: [c.aliases![0]!, newAlias] });
  });
});

/** The customer's edit form, open in this tab and in a second one of the same browser; returns the second. */
async function openInTwoTabs(context: BrowserContext, tabA: CustomerFormPage, uuid: string) {
  const tabB = new CustomerFormPage(await context.newPage());
  await tabA.openEdit(uuid);
  await tabB.openEdit(uuid);
  return tabB;
}

/**
 * Both tabs on "Original Name"; the second renames the customer "Their Name" and saves first, so the
 * form of the first is stale. Returns the second tab, back on the customer's page.
 */
async function renamedInAnotherTab(context: BrowserContext, tabA: CustomerFormPage, uuid: string) {
  const tabB = await openInTwoTabs(context, tabA, uuid);
  await expect(tabA.field('Name')).toHaveValue('Original Name');
  await expect(tabB.field('Name')).toHaveValue('Original Name');
  await tabB.saveField('Name', 'Their Name');
  return tabB;
}

test.describe('a stale edit in a second tab', () => {
  test('is refused with what changed; "Reload their version" then saving works', async ({
    page,
    context,
    customerForm,
    customerDetail,
  }) => {
    const id = uniqueId('stale');
    const uuid = await customerForm.createAndOpen({
      id,
      name: 'Original Name',
      description: 'Original description',
      aliases: [uniqueId('stale-alias')],
    });
    const tabA = customerForm;
    const tabB = await renamedInAnotherTab(context, tabA, uuid);

    await tabA.field('Description').fill('My description');
    await tabA.saveChanges.click();

    await expect(tabA.conflict).toBeVisible();
    await expect(tabA.conflict.getByRole('heading')).toBeFocused();
    await expect(tabA.conflict).toContainText('The edits in this tab were not saved.');
    await expect(tabA.conflictChange('Name').getByRole('cell')).toHaveText(['Original Name', 'Their Name']);
    await expect(tabA.conflict.getByRole('region', { name: 'Changes' }).getByRole('rowheader')).toHaveText(['Name']);
    await expect(page).toHaveURL(EDIT_URL);
    await expect(tabA.field('Description')).toHaveValue('My description');

    // Nothing of A's was saved: the customer holds B's version.
    const detailB = new CustomerDetailPage(tabB.page);
    await tabB.page.reload();
    await expect(detailB.item('Name')).toHaveText('Their Name');
    await expect(detailB.item('Description')).toHaveText('Original description');

    await tabA.reloadTheirVersion.click();
    await expect(tabA.conflict).toHaveCount(0);
    await expect(tabA.field('Name')).toHaveValue('Their Name');
    await expect(tabA.field('Description')).toHaveValue('Original description');

    await tabA.saveField('Description', 'My description');
    await expect(customerDetail.item('Name')).toHaveText('Their Name');
    await expect(customerDetail.item('Description')).toHaveText('My description');
  });

  test('"Keep my edits" then saving replaces their change, knowingly', async ({
    page,
    context,
    customerForm,
    customerDetail,
  }) => {
    const uuid = await customerForm.createAndOpen({ id: uniqueId('keep'), name: 'Original Name' });
    const tabA = customerForm;
    const tabB = await renamedInAnotherTab(context, tabA, uuid);

    await tabA.field('Name').fill('My Name');
    await tabA.saveChanges.click();
    await expect(tabA.conflictChange('Name').getByRole('cell')).toHaveText(['Original Name', 'Their Name']);

    await tabA.keepMyEdits.click();
    await expect(tabA.conflict).toHaveCount(0);
    await expect(tabA.formAlert).toHaveText('Your edits are kept. Saving now replaces the other changes.');
    await expect(tabA.field('Name')).toHaveValue('My Name');

    await tabA.saveChanges.click();
    await expect(page).toHaveURL(DETAIL_URL);
    await expect(customerDetail.item('Name')).toHaveText('My Name');
    await tabB.page.reload();
    await expect(new CustomerDetailPage(tabB.page).item('Name')).toHaveText('My Name');
  });
  test('the changes table shows what changed inside custom fields and billing providers', async ({
    context,
    customerForm,
  }) => {
    const uuid = await customerForm.createAndOpen({
      id: uniqueId('conflict-show'),
      customFields: [{ key: 'csm', value: 'dana' }],
      billingProviders: [{ provider: 'Stripe', fields: { 'Stripe customer ID': 'cus_Old1' } }],
    });
    const tabA = customerForm;
    const tabB = await openInTwoTabs(context, tabA, uuid);
    await expect(tabA.customFieldValue(1)).toHaveValue('dana');
    await tabB.customFieldValue(1).fill('erin');
    await tabB.fillProvider({ provider: 'Stripe', fields: { 'Stripe customer ID': 'cus_New2' } });
    await tabB.saveChanges.click();
    await expect(tabB.page).toHaveURL(DETAIL_URL);

    await tabA.field('Phone').fill('+1 555 0100');
    await tabA.saveChanges.click();
    await expect(tabA.conflictChange('Custom fields')).toBeVisible();
    await expect(tabA.conflictChange('Billing providers')).toBeVisible();

    // Which key changed, and the provider's changed setting, are shown (today: "dana" → "erin", "stripe" → "stripe").
    await expect
      .soft(tabA.conflictChange('Custom fields').getByRole('cell'), 'custom fields with their keys')
      .toHaveText([/csm\W+dana/, /csm\W+erin/], { timeout: 2_000 });
    await expect
      .soft(tabA.conflictChange('Billing providers').getByRole('cell'), "the provider's changed setting")
      .toHaveText([/cus_Old1/, /cus_New2/], { timeout: 2_000 });
  });
});

test.describe('billing providers', () => {
  test("each provider's settings check their own fields; one configuration per provider", async ({
    page,
    customerForm,
    customerDetail,
  }) => {
    await customerForm.openFilled({ id: uniqueId('providers') });
    await expect(customerForm.form).toContainText('No billing providers.');
    await expect(customerForm.providerToAdd.getByRole('option')).toHaveText([
      'Stripe',
      'NetSuite',
      'AWS Marketplace',
      'Azure Marketplace',
      'GCP Marketplace',
    ]);

    // Each one added leaves "Provider to add".
    await customerForm.addProvider('Stripe');
    await expect(customerForm.provider('Stripe')).toBeVisible();
    await expect(customerForm.providerToAdd.getByRole('option')).toHaveText([
      'NetSuite',
      'AWS Marketplace',
      'Azure Marketplace',
      'GCP Marketplace',
    ]);
    await customerForm.addProvider('AWS Marketplace');
    await expect(customerForm.providerToAdd.getByRole('option')).toHaveText([
      'NetSuite',
      'Azure Marketplace',
      'GCP Marketplace',
    ]);
    await customerForm.addProvider('Azure Marketplace');
    await customerForm.addProvider('GCP Marketplace');
    await customerForm.addProvider('NetSuite');
    // All five are configured: nothing is left to add.
    await expect(customerForm.providerToAdd).toHaveCount(0);
    await expect(customerForm.addBillingProvider).toHaveCount(0);

    await customerForm.fillProvider({ provider: 'Stripe', fields: { 'Stripe customer ID': 'cust_123' } });
    await customerForm.fillProvider({
      provider: 'Azure Marketplace',
      fields: { 'Azure subscription ID': 'not-a-guid' },
    });
    await customerForm.submit.click();

    await expect(customerForm.formAlert).toHaveText('Some fields need attention.');
    await expect(page).toHaveURL(/\/customers\/new$/);
    const expected = [
      ['Stripe', 'Stripe customer ID', 'A Stripe customer ID looks like cus_ followed by letters and digits'],
      ['AWS Marketplace', 'AWS customer ID', 'AWS customer ID is required'],
      ['AWS Marketplace', 'AWS product code', 'AWS product code is required'],
      [
        'Azure Marketplace',
        'Azure subscription ID',
        'An Azure subscription ID is a GUID, like 0f8fad5b-d9cb-469f-a165-70867728950e',
      ],
      ['GCP Marketplace', 'GCP customer ID', 'GCP customer ID is required'],
      ['NetSuite', 'NetSuite customer ID', 'NetSuite customer ID is required'],
    ] as const;
    for (const [provider, label, message] of expected) {
      const field = customerForm.providerField(provider, label);
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveAccessibleDescription(new RegExp(`^${escapeRegExp(message)}`));
      await expect(customerForm.provider(provider).getByText(message, { exact: true })).toBeVisible();
    }
    // The messages stay in their own provider's region.
    await expect(customerForm.provider('Stripe').getByText(/is required$/)).toHaveCount(0);
    await expect(customerForm.providerField('AWS Marketplace', 'AWS region')).toHaveAttribute('aria-invalid', 'false');

    // Fixing a field clears its message while typing.
    await customerForm.fillProvider({ provider: 'Stripe', fields: { 'Stripe customer ID': 'cus_Good1' } });
    await expect(customerForm.providerField('Stripe', 'Stripe customer ID')).toHaveAttribute('aria-invalid', 'false');
    await expect(customerForm.provider('AWS Marketplace').getByText('AWS customer ID is required')).toBeVisible();

    // Removing a provider makes it available again.
    await customerForm.provider('NetSuite').getByRole('button', { name: 'Remove NetSuite' }).click();
    await expect(customerForm.provider('NetSuite')).toHaveCount(0);
    await expect(customerForm.providerToAdd.getByRole('option')).toHaveText(['NetSuite']);

    await customerForm.fillProvider({
      provider: 'AWS Marketplace',
      fields: { 'Delivery method': 'Tackle', 'AWS customer ID': 'aws-1', 'AWS product code': 'code-1' },
    });
    await customerForm.fillProvider({
      provider: 'Azure Marketplace',
      fields: { 'Azure subscription ID': '0f8fad5b-d9cb-469f-a165-70867728950e' },
    });
    await customerForm.fillProvider({ provider: 'GCP Marketplace', fields: { 'GCP customer ID': 'gcp-7' } });
    await customerForm.submit.click();

    await expect(page).toHaveURL(DETAIL_URL);
    await expect(customerDetail.section('Billing providers').getByRole('article')).toHaveCount(4);
    await expect(customerDetail.providerSetting('Stripe', 'Stripe customer ID')).toHaveText('cus_Good1');
    await expect(customerDetail.providerSetting('Stripe', 'Collection method')).toHaveText('Charge automatically');
    await expect(customerDetail.providerSetting('AWS Marketplace', 'Delivery method')).toHaveText('Tackle');
    await expect(customerDetail.providerSetting('AWS Marketplace', 'Region')).toHaveText('us-east-1');
    await expect(customerDetail.providerSetting('AWS Marketplace', 'Subscription product')).toHaveText('No');
    await expect(customerDetail.providerSetting('Azure Marketplace', 'Azure subscription ID')).toHaveText(
      '0f8fad5b-d9cb-469f-a165-70867728950e',
    );
    await expect(customerDetail.providerSetting('GCP Marketplace', 'GCP customer ID')).toHaveText('gcp-7');
  });

  test('a provider removed in the form is kept, archived, on the detail page; a new one takes its place', async ({
    page,
    customerForm,
    customerDetail,
  }) => {
    const uuid = await customerForm.createAndOpen({
      id: uniqueId('archived-provider'),
      billingProviders: [
        { provider: 'Stripe', fields: { 'Stripe customer ID': 'cus_Old1' } },
        { provider: 'NetSuite', fields: { 'NetSuite customer ID': 'ns-1' } },
      ],
    });
    await customerForm.openEdit(uuid);
    await customerForm.provider('Stripe').getByRole('button', { name: 'Remove Stripe' }).click();
    await customerForm.saveChanges.click();
    await expect(page).toHaveURL(DETAIL_URL);
    await expect(customerDetail.providerCard('NetSuite')).toBeVisible();
    await expect(customerDetail.providerCard('Stripe')).toHaveCount(0);
    await expect(customerDetail.archivedProviders.getByRole('heading', { level: 3 })).toHaveText(
      'Archived configurations (1)',
    );
    const archived = customerDetail.archivedProviderCards('Stripe');
    await expect(archived).toContainText('Archived');
    await expect(archived.locator('div:has(> dt:text-is("Stripe customer ID")) > dd [data-value]')).toHaveText(
      'cus_Old1',
    );

    // The form edits the active ones only: Stripe can be added again, and the old one stays archived.
    await customerDetail.editLink.click();
    await expect(customerForm.provider('Stripe')).toHaveCount(0);
    await customerForm.addProvider('Stripe');
    await customerForm.fillProvider({ provider: 'Stripe', fields: { 'Stripe customer ID': 'cus_New2' } });
    await customerForm.saveChanges.click();
    await expect(page).toHaveURL(DETAIL_URL);
    await expect(customerDetail.providerSetting('Stripe', 'Stripe customer ID')).toHaveText('cus_New2');
    await expect(customerDetail.archivedProviderCards('Stripe')).toHaveCount(1);
    await expectNoAxeViolationsAtEachWidth(page);
  });
});

test.describe('measurement mappings', () => {
  test('a bad regex is refused next to it; "Try a value" answers per mapping as you type', async ({
    page,
    customerForm,
    customerDetail,
  }) => {
    await customerForm.openFilled({
      id: uniqueId('mappings'),
      mappings: [
        { label: 'region', regex: 'us-(east|west)-\\d' },
        { label: 'zone', regex: 'us-(east' },
      ],
    });

    await customerForm.tryAValue.pressSequentially('us-east');
    await expect(customerForm.mappingVerdict('region')).toContainText('No match');
    await expect(customerForm.mappingVerdict('zone')).toContainText('Invalid regex');
    await customerForm.tryAValue.pressSequentially('-1');
    await expect(customerForm.mappingVerdict('region')).toContainText('Matches');
    await expect(customerForm.mappingVerdict('zone')).toContainText('Invalid regex');

    await customerForm.submit.click();
    await expect(customerForm.formAlert).toHaveText('Some fields need attention.');
    await expect(customerForm.mappingRegex(2)).toHaveAttribute('aria-invalid', 'true');
    await expect(customerForm.mappingRegex(2)).toHaveAccessibleDescription(
      /^Not a valid regular expression: .*Unterminated group/,
    );
    await expect(customerForm.mappingRegex(1)).toHaveAttribute('aria-invalid', 'false');
    await expect(page).toHaveURL(/\/customers\/new$/);

    // The fix clears the message, and the tester follows the new regex.
    await customerForm.mappingRegex(2).fill('eu-.*');
    await expect(customerForm.mappingRegex(2)).toHaveAttribute('aria-invalid', 'false');
    await expect(customerForm.mappingVerdict('zone')).toContainText('No match');
    await customerForm.tryAValue.fill('eu-west-1');
    await expect(customerForm.mappingVerdict('region')).toContainText('No match');
    await expect(customerForm.mappingVerdict('zone')).toContainText('Matches');

    await customerForm.submit.click();
    await expect(page).toHaveURL(DETAIL_URL);
    await expect(customerDetail.mappingRows).toHaveCount(2);
    await customerDetail.tryAValue.pressSequentially('us-west-2');
    await expect(customerDetail.mappingVerdict('region')).toContainText('Matches');
    await expect(customerDetail.mappingVerdict('zone')).toContainText('No match');
    await customerDetail.tryAValue.fill('eu-central-1');
    await expect(customerDetail.mappingVerdict('region')).toContainText('No match');
    await expect(customerDetail.mappingVerdict('zone')).toContainText('Matches');
  });
});

test.describe('tags', () => {
  test('Enter adds a chip, a repeat is refused, the chip button and Backspace remove', async ({
    page,
    customerForm,
    customerDetail,
  }) => {
    await customerForm.openFilled({ id: uniqueId('tags') });

    await customerForm.addTag('enterprise');
    await expect(customerForm.removeTag('enterprise')).toBeVisible();
    await expect(customerForm.tagsInput).toHaveValue('');
    await customerForm.addTag('eu');
    await expect(customerForm.tagChips).toHaveCount(2);

    // The same tag in another case is not added twice.
    await customerForm.addTag('ENTERPRISE');
    await expect(customerForm.tagsInput).toHaveAttribute('aria-invalid', 'true');
    await expect(customerForm.tagsInput).toHaveAccessibleDescription(/Tag “ENTERPRISE” is already added$/);
    await expect(customerForm.tagChips).toHaveCount(2);
    await expect(customerForm.tagsInput).toHaveValue('ENTERPRISE');
    await customerForm.tagsInput.fill('');
    await expect(customerForm.tagsInput).toHaveAttribute('aria-invalid', 'false');

    // The chip's own button removes it.
    await customerForm.removeTag('enterprise').click();
    await expect(customerForm.removeTag('enterprise')).toHaveCount(0);
    await expect(customerForm.tagChips).toHaveCount(1);
    await expect(customerForm.removeTag('eu')).toBeVisible();

    // Backspace in the empty box removes the last chip; with text in the box it only edits the text.
    await customerForm.addTag('annual');
    await customerForm.tagsInput.pressSequentially('x');
    await customerForm.tagsInput.press('Backspace');
    await expect(customerForm.tagChips).toHaveCount(2);
    await customerForm.tagsInput.press('Backspace');
    await expect(customerForm.removeTag('annual')).toHaveCount(0);
    await expect(customerForm.removeTag('eu')).toBeVisible();

    await customerForm.addTag('growth');
    await customerForm.submit.click();
    await expect(page).toHaveURL(DETAIL_URL);
    await expect(customerDetail.tags).toHaveText(['eu', 'growth']);
  });
});

test.describe('custom fields', () => {
  test('a repeated key and a key with a space are refused next to the key', async ({
    page,
    customerForm,
    customerDetail,
  }) => {
    await customerForm.create({
      id: uniqueId('custom'),
      customFields: [
        { key: 'x', value: 'first' },
        { key: 'x', value: 'second' },
        { key: 'a b', value: 'third' },
      ],
    });

    await expect(customerForm.formAlert).toHaveText('Some fields need attention.');
    await expect(customerForm.customFieldKey(1)).toHaveAttribute('aria-invalid', 'false');
    await expect(customerForm.customFieldKey(2)).toHaveAttribute('aria-invalid', 'true');
    await expect(customerForm.customFieldKey(2)).toHaveAccessibleDescription('Key “x” is already used in row 1');
    await expect(customerForm.customFieldKey(3)).toHaveAttribute('aria-invalid', 'true');
    await expect(customerForm.customFieldKey(3)).toHaveAccessibleDescription('Use only letters, digits, _ - .');
    await expect(page).toHaveURL(/\/customers\/new$/);

    await customerForm.customFieldKey(2).fill('y');
    await customerForm.customFieldKey(3).fill('a_b');
    await expect(customerForm.customFieldKey(2)).toHaveAttribute('aria-invalid', 'false');
    await expect(customerForm.customFieldKey(3)).toHaveAttribute('aria-invalid', 'false');
    await customerForm.submit.click();

    await expect(page).toHaveURL(DETAIL_URL);
    await expect(customerDetail.customFieldKeys).toHaveText(['x', 'y', 'a_b']);
    await expect(customerDetail.customField('x')).toHaveText('first');
    await expect(customerDetail.customField('y')).toHaveText('second');
    await expect(customerDetail.customField('a_b')).toHaveText('third');
  });
});

test.describe('what is taken', () => {
  test('typing an alias says whether it is free or which customer holds it', async ({ customerForm }) => {
    const owner = uniqueId('alias-owner');
    const taken = uniqueId('held-alias');
    const ownerUuid = await customerForm.createAndOpen({ id: owner, aliases: [taken] });

    await customerForm.openFilled({ id: uniqueId('alias-typer') });
    await customerForm.addAlias.click();
    await customerForm.alias(1).fill(taken);
    await expect(customerForm.alias(1)).toHaveAccessibleDescription(`Taken by ${owner}`);
    await expect(customerForm.form.getByRole('link', { name: owner, exact: true })).toHaveAttribute(
      'href',
      `/customers/${ownerUuid}`,
    );

    await customerForm.alias(1).fill(uniqueId('fresh-alias'));
    await expect(customerForm.alias(1)).toHaveAccessibleDescription('Available');
    await expect(customerForm.form.getByRole('link', { name: owner, exact: true })).toHaveCount(0);

    // On its owner's edit page, the owner's own alias is not "taken".
    await customerForm.openEdit(ownerUuid);
    await customerForm.alias(1).fill(`${taken} `);
    await expect(customerForm.alias(1)).toHaveAccessibleDescription('Available');
  });

  test('an External ID taken by another customer is refused next to the field, naming the owner', async ({
    page,
    customerForm,
  }) => {
    const owner = uniqueId('ext-owner');
    const externalId = uniqueId('legacy');
    await customerForm.createAndOpen({ id: owner, externalId });

    const id = uniqueId('ext-second');
    await customerForm.create({ id, name: 'Second try', externalId, email: 'second@example.com' });

    await expect(customerForm.formAlert).toHaveText('Not saved: the external ID is already taken.');
    await expect(customerForm.field('External ID')).toHaveAttribute('aria-invalid', 'true');
    await expect(customerForm.field('External ID')).toHaveAccessibleDescription(
      new RegExp(`^Already used by customer ${escapeRegExp(owner)}\\b`),
    );
    await expect(customerForm.field('External ID')).toBeFocused();
    await expect(customerForm.field('ID')).toHaveAttribute('aria-invalid', 'false');
    await expect(page).toHaveURL(/\/customers\/new$/);
    await expect(customerForm.field('ID')).toHaveValue(id);
    await expect(customerForm.field('Name')).toHaveValue('Second try');
    await expect(customerForm.field('External ID')).toHaveValue(externalId);
    await expect(customerForm.field('Email')).toHaveValue('second@example.com');
  });
});

test.describe('accessibility (axe) of the whole record, at 1280 and 390 px wide', () => {
  test('the create form with every field filled, then showing errors', async ({ page, customerForm }) => {
    // Four full-page scans of a long form: give them room on a busy machine.
    test.setTimeout(90_000);
    await customerForm.openFilled(fullCustomer('axe-form'));
    await customerForm.tryAValue.fill('us-east-1');
    await expect(customerForm.mappingVerdict('region')).toContainText('Matches');
    await expectNoAxeViolationsAtEachWidth(page);

    await customerForm.field('Email').fill('nope');
    await customerForm.mappingRegex(1).fill('us-(east');
    await customerForm.addTag('enterprise');
    await customerForm.fill({ id: '-bad id', customFields: [{ key: 'a b', value: 'v' }] });
    await customerForm.fillProvider({ provider: 'Stripe', fields: { 'Stripe customer ID': 'cust_bad' } });
    await customerForm.fillProvider({ provider: 'AWS Marketplace', fields: { 'AWS customer ID': '' } });
    await customerForm.submit.click();
    await expect(customerForm.formAlert).toHaveText('Some fields need attention.');
    await expect(customerForm.providerField('Stripe', 'Stripe customer ID')).toHaveAttribute('aria-invalid', 'true');
    await expect(customerForm.mappingRegex(1)).toHaveAttribute('aria-invalid', 'true');
    await expect(customerForm.customFieldKey(3)).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolationsAtEachWidth(page);
  });

  test('the detail page with every field, its edit page and the conflict view', async ({
    page,
    context,
    customerForm,
    customerDetail,
  }) => {
    // Six full-page scans and two tabs: give them room on a busy machine.
    test.setTimeout(90_000);
    const uuid = await customerForm.createAndOpen(fullCustomer('axe-record'));
    await expect(customerDetail.providerCard('AWS Marketplace')).toBeVisible();
    await customerDetail.tryAValue.fill('us-west-1');
    await expect(customerDetail.mappingVerdict('region')).toContainText('Matches');
    await expectNoAxeViolationsAtEachWidth(page);

    await customerDetail.editLink.click();
    await expect(customerForm.provider('AWS Marketplace')).toBeVisible();
    await expectNoAxeViolationsAtEachWidth(page);

    const other = new CustomerFormPage(await context.newPage());
    await other.openEdit(uuid);
    await other.saveField('Legal name', 'Someone Else GmbH');

    await customerForm.field('Phone').fill('+49 30 7654321');
    await customerForm.saveChanges.click();
    await expect(customerForm.conflictChange('Legal name')).toBeVisible();
    await expectNoAxeViolationsAtEachWidth(page);
  });
});

// ——— helpers ———

/** Scans the page with axe at a desktop width (1280 px), then at a phone width (390 px). */
async function expectNoAxeViolationsAtEachWidth(page: Page) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 });
    await expectNoAxeViolations(page);
  }
}

/** The form (create or edit) holds every value of `c`, in order, the way a person sees them. */
async function expectFormToHold(form: CustomerFormPage, c: CustomerFields) {
  const text: [string, string | undefined][] = [
    ['ID', c.id],
    ['Name', c.name],
    ['Description', c.description],
    ['External ID', c.externalId],
    ['Salesforce account', c.salesforceAccount],
    ['Email', c.email],
    ['Phone', c.phone],
    ['Website', c.website],
    ['Logo URL', c.logoUrl],
    ['Legal name', c.legalName],
    ['VAT ID', c.vatId],
    ['Address line 1', c.addressLine1],
    ['Address line 2', c.addressLine2],
    ['City', c.city],
    ['State', c.state],
    ['Zipcode', c.zipcode],
    ['Country', c.country],
  ];
  for (const [label, value] of text) await expect(form.field(label)).toHaveValue(value ?? '');
  await expect(form.selectedOption(form.field('Price plan'))).toHaveText(c.pricePlan ?? 'No price plan');

  await expect(form.tagChips).toHaveCount(c.tags?.length ?? 0);
  for (const tag of c.tags ?? []) await expect(form.removeTag(tag)).toBeVisible();

  const rows = async (inputs: Locator, values: string[], row: (n: number) => Locator) => {
    await expect(inputs).toHaveCount(values.length);
    for (const [i, value] of values.entries()) await expect(row(i + 1)).toHaveValue(value);
  };
  await rows(form.otherEmailInputs, c.otherEmails ?? [], (n) => form.otherEmail(n));
  await rows(form.aliasInputs, c.aliases ?? [], (n) => form.alias(n));
  await rows(
    form.mappingRows,
    (c.mappings ?? []).map((m) => m.label),
    (n) => form.mappingLabel(n),
  );
  for (const [i, m] of (c.mappings ?? []).entries()) await expect(form.mappingRegex(i + 1)).toHaveValue(m.regex);
  await rows(
    form.customFieldRows,
    (c.customFields ?? []).map((f) => f.key),
    (n) => form.customFieldKey(n),
  );
  for (const [i, f] of (c.customFields ?? []).entries())
    await expect(form.customFieldValue(i + 1)).toHaveValue(f.value);

  await expect(form.form.getByRole('group', { name: 'Billing providers' }).getByRole('region')).toHaveCount(
    c.billingProviders?.length ?? 0,
  );
  for (const { provider, fields = {} } of c.billingProviders ?? []) {
    for (const [label, value] of Object.entries(fields)) {
      const control = form.providerField(provider, label);
      if (typeof value === 'boolean') await expect(control).toBeChecked({ checked: value });
      else if ((await control.evaluate((el) => el.tagName)) === 'SELECT')
        await expect(form.selectedOption(control)).toHaveText(value);
      else await expect(control).toHaveValue(value);
    }
  }
}

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
