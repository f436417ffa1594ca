import type { Locator, Page } from '@playwright/test';

/** The portal's shared parts, as the page objects find them. */

/** A list page's table: the one in the region (the card) of this name. */
export const regionTable = (page: Page, region: string) =>
  page.getByRole('region', { name: region }).getByRole('table');

/** A table's body rows (the header row has column headers, not cells). */
export const bodyRows = (table: Locator) => table.getByRole('row').filter({ has: table.page().getByRole('cell') });

/** A link of the sidebar ("Customers", "Price plans"…). */
export const sidebarLink = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true });
