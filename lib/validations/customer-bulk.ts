import { z } from 'zod';
import { customerId, tag } from './customer';

// A change made to many customers at once from the list: what it does, to whom, and what came of it.

/** Customers changed per call (and per transaction): a selection beyond it is sent in parts. */
export const BULK_BATCH = 100;

/** A view's query string longer than this is not a view the list made. */
export const MAX_VIEW_QUERY = 4096;

export const bulkAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('archive') }),
  z.object({ kind: z.literal('unarchive') }),
  z.object({ kind: z.literal('addTag'), tag }),
  z.object({ kind: z.literal('removeTag'), tag }),
  z.object({ kind: z.literal('setPlan'), plan: z.string().trim().min(1).max(128).nullable() }),
]);
export type BulkAction = z.output<typeof bulkAction>;

/** What a person reads in the confirmation: "Add the tag “vip” to 12 customers". */
export function bulkActionLabel(action: BulkAction, customers: string): string {
  switch (action.kind) {
    case 'archive':
      return `Archive ${customers}`;
    case 'unarchive':
      return `Unarchive ${customers}`;
    case 'addTag':
      return `Add the tag “${action.tag}” to ${customers}`;
    case 'removeTag':
      return `Remove the tag “${action.tag}” from ${customers}`;
    case 'setPlan':
      return action.plan
        ? `Set the price plan of ${customers} to ${action.plan}`
        : `Clear the price plan of ${customers}`;
  }
}

/** Chosen rows, each with the version the list showed: one changed since is reported, not overwritten. */
export const bulkRows = z.object({
  action: bulkAction,
  rows: z
    .array(z.object({ id: customerId, version: z.number().int().positive() }))
    .min(1)
    .max(BULK_BATCH),
});

/**
 * Every customer of a view (the list's query string), a batch at a time by uuid after `after`; one
 * changed since `asOf` (when the view was chosen) is reported, not overwritten.
 */
export const bulkView = z.object({
  action: bulkAction,
  view: z.string().max(MAX_VIEW_QUERY),
  asOf: z.iso.datetime({ offset: true }),
  after: customerId.nullable(),
});

/** A customer left as it was because someone changed it after the selection was made. */
export interface BulkConflict {
  id: string;
  name: string;
}

/** What one batch did. `after`: where the next batch of a view starts (null: the view is done). */
export interface BulkOutcome {
  changed: number;
  /** Already as asked (archived, tagged…): nothing written. */
  unchanged: number;
  conflicts: BulkConflict[];
  /** Customers that could not take the change (a 51st tag): named, left as they were. */
  refused: BulkConflict[];
  /** Chosen customers that no longer exist. */
  missing: number;
  after: string | null;
}
