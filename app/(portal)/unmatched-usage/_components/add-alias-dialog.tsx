'use client';

import { useId, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { useAction } from '@/lib/hooks/use-action';
import { useDebounced } from '@/lib/hooks/use-debounced';
import { TYPING_PAUSE_MS } from '@/lib/hooks/use-typed-param';
import { customerListQuery } from '@/lib/queries/customers';
import { customerFilters, MAX_SEARCH_LENGTH } from '@/lib/validations/customer-filters';
import type { AddedAlias, InboxSuggestion } from '@/lib/validations/unmatched-usage';
import { addAsAlias } from '../actions';

/** How many customers the picker offers for a search. */
const PICKER_SIZE = 25;

interface Choice {
  id: string;
  name: string;
  displayName: string;
  archived: boolean;
}

/**
 * "Add as alias to…": find a customer by the customer list's search (its ID, name, email, an
 * alias…), choose it among the matches (radio buttons: arrows move, Enter adds), and add. Starts
 * from the suggestion, when one was pressed.
 */
export function AddAliasDialog({
  identifier,
  start,
  onClose,
  onAdded,
}: {
  identifier: string;
  start: InboxSuggestion | null;
  onClose: () => void;
  onAdded: (data: AddedAlias) => void;
}) {
  const formId = useId();
  const [search, setSearch] = useState(start?.customerName ?? '');
  const [chosen, setChosen] = useState<Choice | null>(
    start && {
      id: start.customerId,
      name: start.customerName,
      displayName: start.displayName,
      archived: start.archived,
    },
  );
  const { pending, error, setError, run } = useAction();
  const q = useDebounced(search.trim(), TYPING_PAUSE_MS);
  const filters = customerFilters.parse({ q, status: 'all', limit: String(PICKER_SIZE) });
  const { data, isFetching, isError } = useQuery(customerListQuery(filters));
  const found: Choice[] = [...(data?.exactMatches ?? []), ...(data?.items ?? [])]
    .slice(0, PICKER_SIZE)
    .map((c) => ({ id: c.id, name: c.name, displayName: c.displayName, archived: c.archivedAt !== null }));
  // The chosen customer stays offered while another search is typed.
  const choices = chosen && !found.some((c) => c.id === chosen.id) ? [chosen, ...found] : found;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      setError('Choose a customer to add the alias to.');
      return;
    }
    run(() => addAsAlias(identifier, chosen.id), 'The alias could not be added', onAdded);
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title="Add as alias to…"
      description={
        <>
          <span className="font-mono font-medium text-slate-800">{identifier}</span> becomes an ingest alias of the
          customer you choose, and the events held under it are routed there.
        </>
      }
      className="max-w-lg"
    >
      <form id={formId} onSubmit={submit} noValidate aria-label={`Add ${identifier} as an alias`} className="space-y-4">
        <Alert message={error} />
        <TextField
          label="Find a customer"
          type="search"
          hint="ID, name, email or an alias"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          maxLength={MAX_SEARCH_LENGTH}
          autoComplete="off"
          spellCheck={false}
        />
        <fieldset className="min-w-0">
          <legend className="text-sm font-medium text-slate-800">Customer</legend>
          <p role="status" className="sr-only">
            {isFetching ? 'Searching…' : `${found.length} ${found.length === 1 ? 'customer' : 'customers'} found`}
          </p>
          {choices.length > 0 ? (
            <ul className="mt-1.5 max-h-64 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200">
              {choices.map((c) => (
                <li key={c.id}>
                  <label className="flex cursor-pointer items-start gap-3 px-3 py-2 text-sm has-checked:bg-brand-50">
                    <input
                      type="radio"
                      name="customer"
                      value={c.id}
                      checked={chosen?.id === c.id}
                      onChange={() => setChosen(c)}
                      className="mt-0.5 shrink-0"
                    />
                    <span className="min-w-0 [overflow-wrap:anywhere]">
                      <span className="font-medium text-slate-900">{c.name}</span>
                      {c.displayName !== c.name && <span className="text-slate-600"> · {c.displayName}</span>}
                      {c.archived && <span className="text-slate-600"> (archived)</span>}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1.5 text-sm text-slate-600">
              {isError
                ? 'Customers could not be loaded. Try again.'
                : isFetching
                  ? 'Searching…'
                  : 'No customer matches.'}
            </p>
          )}
        </fieldset>
        <div className="flex flex-wrap justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending} aria-disabled={pending}>
            {pending ? 'Adding…' : 'Add alias'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
