import type { Page } from '@playwright/test';

/** The portal's toasts (sonner): a region named "Notifications …", one list item per toast. */
export function toasts(page: Page) {
  return page.getByRole('region', { name: /^Notifications/ }).getByRole('listitem');
}

/** The toast that says this (its title, or part of it). */
export function toast(page: Page, text: string | RegExp) {
  return toasts(page).filter({ hasText: text });
}
