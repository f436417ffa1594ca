import type { BillingProviderConfigurationInput } from './billing-providers';
import type { CustomerInput } from './customer';

// The shapes the data layer returns for customers, here (not in the server-only lib/data/) so the
// browser's components and React Query's options can name them. Types only: nothing is bundled.

/** A customer as the list shows it: one row of a page. */
export interface CustomerRow {
  id: string;
  name: string;
  displayName: string;
  email: string | null;
  pricePlanName: string | null;
  pricePlanDisplayName: string | null;
  tags: string[];
  aliases: string[];
  aliasCount: number;
  createdAt: string;
  archivedAt: string | null;
  /** The record's version when the row was read: a bulk change made from the list expects it. */
  version: number;
  /** When the customer last received a counted usage event, or null: never. */
  lastUsageAt: string | null;
}

export interface CustomerPage {
  /** On a search's first page: the customers whose ID, external ID or an alias is the search. */
  exactMatches: CustomerRow[];
  items: CustomerRow[];
  /** How many rows of the view come before this page (null when the cursor does not say). */
  start: number | null;
  nextCursor: string | null;
  prevCursor: string | null;
}

/** How many customers a view matches: exact up to a limit, the planner's estimate past it. */
export interface CustomerCount {
  value: number;
  exact: boolean;
}

/** One customer's record, as the detail page and the edit form read it. */
/** A billing provider configuration that was archived: kept for the record, shown apart. */
export type ArchivedBillingProvider = BillingProviderConfigurationInput & { id: string; archivedAt: string };

export type CustomerDetail = CustomerInput & {
  id: string;
  /** Archived billing provider configurations, oldest first (`billingProviders` holds the active ones). */
  archivedBillingProviders: ArchivedBillingProvider[];
  pricePlanDisplayName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
};

/** The customer that holds an alias. */
export interface AliasOwner {
  id: string;
  name: string;
  archived: boolean;
}

/** The customer that holds an ID. */
export interface CustomerIdOwner {
  id: string;
  /** The customer's ID (its `name`), as stored: it may differ in case from the one asked about. */
  name: string;
  displayName: string;
  archived: boolean;
}
