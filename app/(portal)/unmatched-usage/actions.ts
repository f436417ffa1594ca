'use server';

import type { ActionResult } from '@/lib/action-result';
import { checkedAction } from '@/lib/actions/checked';
import { addUnmatchedAsAlias, setUnmatchedGroupIgnored } from '@/lib/data/unmatched-usage';
import { unlessUnavailable } from '@/lib/http/action-errors';
import { addAsAliasInput, ignoreGroupInput, type AddedAlias } from '@/lib/validations/unmatched-usage';

// Every action is a public POST endpoint: it checks the caller (an editor or admin) and its input
// itself, whatever the page did.

/** Gives the group's identifier to the customer as an ingest alias and routes its held events there. */
export async function addAsAlias(identifier: unknown, customerId: unknown): Promise<ActionResult<AddedAlias>> {
  return unlessUnavailable(() =>
    checkedAction(
      'customers:write',
      addAsAliasInput,
      { identifier, customerId },
      (actor, data) => addUnmatchedAsAlias(actor, data.identifier, data.customerId),
      ['/unmatched-usage', ['/customers', 'layout']],
    ),
  );
}

/** Mutes a group (listed under Ignored) or brings it back. */
export async function setGroupIgnored(
  identifier: unknown,
  ignored: unknown,
): Promise<ActionResult<{ identifier: string; ignoredAt: string | null }>> {
  return unlessUnavailable(() =>
    checkedAction(
      'customers:write',
      ignoreGroupInput,
      { identifier, ignored },
      (actor, data) => setUnmatchedGroupIgnored(actor, data.identifier, data.ignored),
      ['/unmatched-usage'],
    ),
  );
}
