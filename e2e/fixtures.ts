import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { CustomerDetailPage } from './pages/customer-detail-page';
import { CustomerFormPage } from './pages/customer-form-page';
import { CustomersListPage } from './pages/customers-list-page';
import { sidebarLink } from './pages/portal-parts';

export { DETAIL_URL } from './pages/customer-form-page';

/** A unique suffix so every test owns its customers and tests run in any order, in parallel. */
export const uniqueId = (prefix: string) => `${prefix}_${randomUUID().slice(0, 8)}`;

/** Scans the page with axe-core and fails on any violation, listing them readably. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, 'axe-core violations').toEqual([]);
}

/** The page scrolls only up and down: nothing is wider than the viewport. */
export async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(widths.page, 'the page is no wider than the viewport').toBeLessThanOrEqual(widths.viewport);
}

export const test = base.extend<{
  customerForm: CustomerFormPage;
  customersList: CustomersListPage;
  customerDetail: CustomerDetailPage;
}>({
  customerForm: async ({ page }, use) => {
    await use(new CustomerFormPage(page));
  },
  customersList: async ({ page }, use) => {
    await use(new CustomersListPage(page));
  },
  customerDetail: async ({ page }, use) => {
    await use(new CustomerDetailPage(page));
  },
});

export { expect };

/** The two widths every page is checked at. */
export const WIDE = { width: 1280, height: 900 };
export const NARROW = { width: 390, height: 844 };
/** The widths a wide table is checked at for sideways scroll: desktop, the tablet range, a phone. */
export const LAYOUT_WIDTHS = [1280, 1000, 900, 768, 390].map((width) => ({ width, height: 900 }));

/**
 * Waits until React has taken `control` over: its fiber is in the tree React has committed (refs
 * attached, layout effects run). Playwright has no such signal of its own; this reads React's
 * internal fields, for the test only.
 */
export async function waitForHydration(control: Locator) {
  await expect
    .poll(
      () =>
        control.evaluate((element) => {
          type Fiber = { return: Fiber | null; tag: number; stateNode: { current?: Fiber } | null };
          const key = Object.keys(element).find((k) => k.startsWith('__reactFiber$'));
          let fiber = key ? (element as unknown as Record<string, Fiber>)[key] : undefined;
          if (!fiber) return false;
          while (fiber.return) fiber = fiber.return;
          return fiber.tag === 3 && fiber.stateNode?.current === fiber; // the root React has committed
        }),
      { message: 'React has taken the form over' },
    )
    .toBe(true);
}

/** The keyboard shortcuts listen once React has taken the page over; a key pressed before that does nothing. */
export const shortcutsReady = (page: Page) => waitForHydration(sidebarLink(page, 'Customers'));
