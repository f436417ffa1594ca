import { z } from 'zod';
import { ID_PATTERN } from './customer';
import { optionalText, requiredText } from './text';

export const MAX_PRICE_PLAN_KEY_LENGTH = 64;
export const MAX_PRICE_PLAN_NAME_LENGTH = 120;
export const MAX_PRICE_PLAN_DESCRIPTION_LENGTH = 1000;

/** The "Add price plan" form's values, checked the same way in the browser and in the server action. */
export const pricePlanInput = z.object({
  name: requiredText('Key', MAX_PRICE_PLAN_KEY_LENGTH).refine(
    (v) => v === '' || ID_PATTERN.test(v),
    'Start with a letter or digit; then use only letters, digits, _ - .',
  ),
  displayName: requiredText('Display name', MAX_PRICE_PLAN_NAME_LENGTH),
  description: optionalText('Description', MAX_PRICE_PLAN_DESCRIPTION_LENGTH),
});

export type PricePlanFormValues = z.input<typeof pricePlanInput>;
export type PricePlanInput = z.output<typeof pricePlanInput>;

export const emptyPricePlanForm: PricePlanFormValues = { name: '', displayName: '', description: '' };

/** Editing a plan: its display name and description. The key stays (customers are matched by it). */
export const pricePlanEditInput = pricePlanInput.pick({ displayName: true, description: true });
export type PricePlanEditValues = z.input<typeof pricePlanEditInput>;
export type PricePlanEditInput = z.output<typeof pricePlanEditInput>;

/** A plan as the price plans page lists it (what the data layer returns, and the browser shows). */
export interface PricePlanRow {
  name: string;
  displayName: string;
  description: string | null;
  createdAt: string;
  /** Customers on this plan, archived ones included (they still hold it). */
  customerCount: number;
  version: number;
  /** Archived: kept by the customers that have it, offered to no other. */
  archivedAt: string | null;
}

export interface PricePlanOption {
  name: string;
  displayName: string;
  /** Shown marked in the list's filter; offered in a form only to a customer that already has it. */
  archived: boolean;
}
