'use client';

import { useId, useState, type ReactNode } from 'react';
import Link from 'next/link';
import { toast } from 'sonner';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { RelativeTime } from '@/components/ui/relative-time';
import { StackedCell, StackedRow, StackedTable } from '@/components/ui/table';
import { useAction } from '@/lib/hooks/use-action';
import {
  UNMATCHED_REASONS,
  type AddedAlias,
  type InboxSuggestion,
  type UnmatchedGroupRow,
} from '@/lib/validations/unmatched-usage';
import { setGroupIgnored } from '../actions';
import { AddAliasDialog } from './add-alias-dialog';

const WRAP = 'whitespace-normal';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The customer a dialog starts with: the suggestion pressed, or none. */
interface Picking {
  identifier: string;
  start: InboxSuggestion | null;
}

/**
 * The inbox's groups (or `empty` when there are none), with what an editor can do to each, and
 * the last "Add as alias" done: it stays while the page renders afresh without that group.
 */
export function UnmatchedGroupsTable({
  groups,
  mayEdit,
  empty,
}: {
  groups: UnmatchedGroupRow[];
  mayEdit: boolean;
  empty: ReactNode;
}) {
  const [picking, setPicking] = useState<Picking | null>(null);
  const [added, setAdded] = useState<(AddedAlias & { identifier: string }) | null>(null);

  return (
    <div className="space-y-4">
      <div role="status">
        {added && (
          <p className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm [overflow-wrap:anywhere] text-green-900">
            {added.aliasAdded
              ? `“${added.identifier}” is now an ingest alias of `
              : `“${added.identifier}” belongs to `}
            <Link href={`/customers/${added.customerId}`} className="font-medium underline">
              {added.customerName}
            </Link>
            , and its {plural(added.movedEvents, 'held event')} {added.movedEvents === 1 ? 'was' : 'were'} routed there.
          </p>
        )}
      </div>
      {groups.length === 0 ? (
        empty
      ) : (
        <StackedTable
          label="Unmatched usage groups"
          // Eight columns fit beside the sidebar from 1280 px; cards below (768–1279 px overflowed).
          from="xl"
          // Headings may wrap: eight columns share the page at 1280 px.
          columns={[
            { label: 'Identifier', className: WRAP },
            { label: 'Events', className: `${WRAP} text-right` },
            { label: 'First seen', className: WRAP },
            { label: 'Last seen', className: WRAP },
            { label: 'Event types', className: WRAP },
            { label: 'Reason', className: WRAP },
            { label: 'Suggestion', className: WRAP },
            mayEdit && { label: 'Actions', hidden: true },
          ]}
        >
          {groups.map((group) => (
            <GroupRow
              key={group.identifier}
              group={group}
              mayEdit={mayEdit}
              onPick={(start) => setPicking({ identifier: group.identifier, start })}
            />
          ))}
        </StackedTable>
      )}
      {picking && (
        <AddAliasDialog
          identifier={picking.identifier}
          start={picking.start}
          onClose={() => setPicking(null)}
          onAdded={(data) => {
            setAdded({ ...data, identifier: picking.identifier });
            setPicking(null);
          }}
        />
      )}
    </div>
  );
}

function GroupRow({
  group,
  mayEdit,
  onPick,
}: {
  group: UnmatchedGroupRow;
  mayEdit: boolean;
  onPick: (start: InboxSuggestion | null) => void;
}) {
  const { pending, error, run } = useAction();
  const errorId = useId();
  const setIgnored = (ignored: boolean) =>
    run(
      () => setGroupIgnored(group.identifier, ignored),
      `The group could not be ${ignored ? 'ignored' : 'brought back'}`,
      () => {
        if (ignored) {
          toast.success(`Ignored: ${group.identifier}`, {
            description: 'Listed under Ignored.',
            action: { label: 'Undo', onClick: () => setIgnored(false) },
          });
        } else {
          toast.success(`Back in the inbox: ${group.identifier}`);
        }
      },
    );
  const suggestion = group.suggestion;

  return (
    <StackedRow from="xl">
      <StackedCell from="xl" className="min-w-0 xl:w-56 xl:max-w-72 xl:min-w-44">
        <p className="font-mono text-sm font-medium [overflow-wrap:anywhere] text-slate-900">{group.identifier}</p>
        <details className="mt-1 text-xs">
          <summary className="cursor-pointer text-brand-700 hover:underline">
            Sample event<span className="sr-only"> of {group.identifier}</span>
          </summary>
          {/* Focusable: it scrolls when the event is long. */}
          <pre
            tabIndex={0}
            className="mt-1 max-h-64 overflow-auto rounded-md bg-slate-50 p-2 font-mono text-xs [overflow-wrap:anywhere] whitespace-pre-wrap text-slate-800"
          >
            {JSON.stringify(group.sampleEvent, null, 2)}
          </pre>
        </details>
      </StackedCell>
      <StackedCell from="xl" label="Events" className="tabular-nums xl:text-right">
        {group.events.toLocaleString('en-US')}
      </StackedCell>
      <StackedCell from="xl" label="First seen">
        <RelativeTime iso={group.firstReceivedAt} />
      </StackedCell>
      <StackedCell from="xl" label="Last seen">
        <RelativeTime iso={group.lastReceivedAt} />
      </StackedCell>
      <StackedCell from="xl" label="Event types" className="min-w-0 xl:min-w-32">
        <ul className="flex min-w-0 flex-wrap gap-1">
          {group.eventTypes.map((type) => (
            <li key={type}>
              <Badge className="[overflow-wrap:anywhere] whitespace-normal">{type}</Badge>
            </li>
          ))}
        </ul>
      </StackedCell>
      <StackedCell from="xl" label="Reason">
        <Badge tone={group.reason === 'ambiguous_mapping' ? 'warning' : 'neutral'}>
          {UNMATCHED_REASONS[group.reason]}
        </Badge>
      </StackedCell>
      <StackedCell from="xl" label="Suggestion" className="min-w-0">
        {!suggestion && <span className="text-slate-600">None</span>}
        {suggestion &&
          (mayEdit ? (
            <Button
              variant="ghost"
              className="-mx-2 -my-1 px-2 py-1 text-left [overflow-wrap:anywhere] whitespace-normal text-brand-700 underline"
              aria-haspopup="dialog"
              onClick={() => onPick(suggestion)}
            >
              Did you mean {suggestion.value}?
            </Button>
          ) : (
            <span className="[overflow-wrap:anywhere]">
              Looks like{' '}
              <Link href={`/customers/${suggestion.customerId}`} className="text-brand-700 underline">
                {suggestion.value}
              </Link>
            </span>
          ))}
      </StackedCell>
      {mayEdit && (
        <StackedCell from="xl" className="pt-2 xl:pt-3">
          <div className="flex flex-wrap gap-2 xl:flex-col xl:items-stretch">
            <Button
              variant="secondary"
              className="px-3 py-1.5"
              aria-haspopup="dialog"
              onClick={() => onPick(null)}
              aria-describedby={error ? errorId : undefined}
            >
              Add as alias to…<span className="sr-only"> ({group.identifier})</span>
            </Button>
            <Button
              variant="secondary"
              className="px-3 py-1.5"
              disabled={pending}
              onClick={() => setIgnored(!group.ignoredAt)}
            >
              {group.ignoredAt ? 'Unignore' : 'Ignore'}
              <span className="sr-only"> {group.identifier}</span>
            </Button>
          </div>
          <Alert id={errorId} message={error} className="mt-2" />
        </StackedCell>
      )}
    </StackedRow>
  );
}
