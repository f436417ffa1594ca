'use client';

import { useState, type ChangeEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField, TextField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/action-result';
import { actionFailureMessage } from '@/lib/forms';
import { customerKeys } from '@/lib/queries/customers';
import { plural } from '@/lib/utils';
import {
  BULK_BATCH,
  bulkAction,
  bulkActionLabel,
  type BulkAction,
  type BulkConflict,
  type BulkOutcome,
} from '@/lib/validations/customer-bulk';
import type { CustomerCount, CustomerRow } from '@/lib/validations/customer-rows';
import type { PricePlanOption } from '@/lib/validations/price-plan';
import { changeCustomers, changeCustomerView, chooseCustomerView } from '../actions';

/** The chosen rows of the page (id → the version shown), or every customer of the view since `asOf`. */
export interface Selection {
  view: string;
  rows: Map<string, number>;
  allMatching: { asOf: string } | null;
  /** The row clicked last: a shift-click selects from it to the row clicked. */
  anchor: number | null;
}

export const emptySelection = (view: string): Selection => ({ view, rows: new Map(), allMatching: null, anchor: null });

/**
 * The list's selection, kept for one view: a new search, filter, sort or page starts with none
 * (the rows it held are no longer the ones shown).
 */
export function useSelection(view: string, shown: CustomerRow[]) {
  const [selection, setSelection] = useState(() => emptySelection(view));
  const current = selection.view === view ? selection : emptySelection(view);
  if (current !== selection) setSelection(current);

  const toggle = (index: number, checked: boolean, range: boolean) => {
    const rows = new Map(current.rows);
    const from = range && current.anchor !== null ? Math.min(current.anchor, index) : index;
    const to = range && current.anchor !== null ? Math.max(current.anchor, index) : index;
    for (const c of shown.slice(from, to + 1)) {
      if (checked) rows.set(c.id, c.version);
      else rows.delete(c.id);
    }
    setSelection({ ...current, rows, allMatching: null, anchor: index });
  };
  const setPage = (checked: boolean) =>
    setSelection({
      ...current,
      rows: checked ? new Map(shown.map((c) => [c.id, c.version])) : new Map(),
      allMatching: null,
      anchor: null,
    });
  return {
    selection: current,
    toggle,
    setPage,
    selectAllMatching: (asOf: string) => setSelection({ ...current, allMatching: { asOf } }),
    clear: () => setSelection(emptySelection(view)),
  };
}

/** A row's checkbox; shift-click selects the rows between it and the one clicked before. */
export function RowCheckbox({
  customer,
  checked,
  onToggle,
}: {
  customer: CustomerRow;
  checked: boolean;
  onToggle: (checked: boolean, range: boolean) => void;
}) {
  // React reports a checkbox's change from its click, so the click's shift key is at hand.
  const change = (event: ChangeEvent<HTMLInputElement>) =>
    onToggle(event.target.checked, (event.nativeEvent as MouseEvent).shiftKey === true);
  return (
    <input
      type="checkbox"
      aria-label={`Select ${customer.name}`}
      checked={checked}
      onChange={change}
      className="size-4 shrink-0 accent-brand-600"
    />
  );
}

type ActionKind = BulkAction['kind'];

const ACTION_OPTIONS: { value: ActionKind | ''; label: string }[] = [
  { value: '', label: 'Choose an action' },
  { value: 'addTag', label: 'Add tag' },
  { value: 'removeTag', label: 'Remove tag' },
  { value: 'setPlan', label: 'Set price plan' },
  { value: 'archive', label: 'Archive' },
  { value: 'unarchive', label: 'Unarchive' },
];

const NO_PLAN = '';

/** What came of a whole bulk change, all batches added up. */
export type BulkTotals = Omit<BulkOutcome, 'after'>;
type Totals = BulkTotals;

const addUp = (t: Totals, o: BulkOutcome): Totals => ({
  changed: t.changed + o.changed,
  unchanged: t.unchanged + o.unchanged,
  conflicts: [...t.conflicts, ...o.conflicts],
  refused: [...t.refused, ...o.refused],
  missing: t.missing + o.missing,
});

const NAMES_SHOWN = 10;

function names(list: BulkConflict[]): string {
  const shown = list.slice(0, NAMES_SHOWN).map((c) => c.name);
  return list.length > NAMES_SHOWN ? `${shown.join(', ')} and ${list.length - NAMES_SHOWN} more` : shown.join(', ');
}

/** The result in sentences, conflicts named. */
export function BulkReport({ totals }: { totals: Totals | null }) {
  return (
    <div role="status" className="empty:hidden">
      {totals && (
        <div className="space-y-1 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm [overflow-wrap:anywhere]">
          <p>
            Changed {plural(totals.changed, 'customer')}
            {totals.unchanged > 0 && `; ${plural(totals.unchanged, 'customer')} already had it`}.
          </p>
          {totals.conflicts.length > 0 && (
            <p className="text-amber-900">
              {plural(totals.conflicts.length, 'customer was', 'customers were')} changed by someone else since you
              selected them, and left as they are: {names(totals.conflicts)}. Check them and try again.
            </p>
          )}
          {totals.refused.length > 0 && (
            <p className="text-amber-900">
              {plural(totals.refused.length, 'customer', 'customers')} already had the most tags allowed and kept
              theirs: {names(totals.refused)}.
            </p>
          )}
          {totals.missing > 0 && <p>{plural(totals.missing, 'customer')} no longer existed.</p>}
        </div>
      )}
    </div>
  );
}

/**
 * The bar over the list once rows are chosen: how many, "select all N matching this view", the
 * action and its value, then a confirmation naming the action and the count. The change runs a
 * batch a request, with progress, and ends in a report (BulkReport).
 */
export function BulkBar({
  selection,
  count,
  pageSize,
  pricePlans,
  onSelectAllMatching,
  onClear,
  onDone,
}: {
  selection: Selection;
  count: CustomerCount | undefined;
  /** How many rows the page shows: "select all matching" is offered once they are all chosen. */
  pageSize: number;
  pricePlans: PricePlanOption[];
  onSelectAllMatching: (asOf: string) => void;
  onClear: () => void;
  onDone: (totals: Totals) => void;
}) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ActionKind | ''>('');
  const [tag, setTag] = useState('');
  const [plan, setPlan] = useState(NO_PLAN);
  const [inputError, setInputError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState<BulkAction | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);

  const running = progress !== null;
  const total = selection.allMatching ? (count?.value ?? 0) : selection.rows.size;
  const counted =
    selection.allMatching && count && !count.exact ? `about ${plural(total, 'customer')}` : plural(total, 'customer');
  const offerAll = !selection.allMatching && selection.rows.size === pageSize && count && count.value > pageSize;

  const chooseAll = async () => {
    setChoosing(true);
    setError(null);
    try {
      const result = await chooseCustomerView();
      if (result.ok) onSelectAllMatching(result.data.asOf);
      else setError(result.message);
    } catch (err) {
      setError(actionFailureMessage(err, 'The view could not be selected'));
    } finally {
      setChoosing(false);
    }
  };

  const review = () => {
    const candidate =
      kind === 'addTag' || kind === 'removeTag'
        ? { kind, tag }
        : kind === 'setPlan'
          ? { kind, plan: plan === NO_PLAN ? null : plan }
          : { kind };
    const parsed = bulkAction.safeParse(candidate);
    if (!kind) return setInputError('Choose an action');
    if (!parsed.success) return setInputError(parsed.error.issues[0]?.message ?? 'Check the value');
    setInputError(undefined);
    setError(null);
    setConfirming(parsed.data);
  };

  const run = async (action: BulkAction) => {
    let totals: Totals = { changed: 0, unchanged: 0, conflicts: [], refused: [], missing: 0 };
    let done = 0;
    setProgress(0);
    setError(null);
    const step = (result: ActionResult<BulkOutcome>) => {
      if (!result.ok) throw new RefusedBatch(result.message);
      totals = addUp(totals, result.data);
      done += result.data.changed + result.data.unchanged + result.data.conflicts.length + result.data.refused.length;
      setProgress(done);
      return result.data;
    };
    try {
      if (selection.allMatching) {
        let after: string | null = null;
        do {
          after = step(
            await changeCustomerView({ action, view: selection.view, asOf: selection.allMatching.asOf, after }),
          ).after;
        } while (after !== null);
      } else {
        const rows = [...selection.rows].map(([id, version]) => ({ id, version }));
        for (let i = 0; i < rows.length; i += BULK_BATCH) {
          step(await changeCustomers({ action, rows: rows.slice(i, i + BULK_BATCH) }));
        }
      }
    } catch (err) {
      setError(
        err instanceof RefusedBatch
          ? err.message
          : actionFailureMessage(err, `Stopped after ${plural(done, 'customer')}`),
      );
      setProgress(null);
      await queryClient.invalidateQueries({ queryKey: customerKeys.all });
      if (totals.changed > 0) onDone(totals);
      return;
    }
    setProgress(null);
    setConfirming(null);
    await queryClient.invalidateQueries({ queryKey: customerKeys.all });
    onDone(totals);
  };

  const plans = pricePlans.filter((p) => !p.archived);

  return (
    <section
      aria-label="Bulk actions"
      className="space-y-3 rounded-lg border border-brand-100 bg-brand-50/60 p-3 text-sm sm:p-4"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <p className="font-medium">
          {selection.allMatching
            ? `All ${counted} matching this view selected`
            : `${plural(total, 'customer')} selected`}
        </p>
        {offerAll && (
          <Button variant="secondary" onClick={chooseAll} disabled={choosing}>
            Select all{' '}
            {count.exact ? count.value.toLocaleString('en-US') : `about ${count.value.toLocaleString('en-US')}`}{' '}
            matching this view
          </Button>
        )}
        <Button variant="ghost" onClick={onClear}>
          Clear selection
        </Button>
      </div>
      <div className="flex flex-wrap items-start gap-3">
        <SelectField
          label="Action"
          className="w-full sm:w-48"
          options={ACTION_OPTIONS}
          value={kind}
          error={inputError && !kind ? inputError : undefined}
          onChange={(e) => {
            setKind(e.target.value as ActionKind | '');
            setInputError(undefined);
          }}
        />
        {(kind === 'addTag' || kind === 'removeTag') && (
          <TextField
            label="Tag"
            className="w-full sm:w-56"
            value={tag}
            maxLength={64}
            error={inputError}
            onChange={(e) => setTag(e.target.value)}
          />
        )}
        {kind === 'setPlan' && (
          <SelectField
            label="Price plan"
            className="w-full sm:w-56"
            value={plan}
            options={[
              { value: NO_PLAN, label: 'No price plan' },
              ...plans.map((p) => ({ value: p.name, label: p.displayName })),
            ]}
            onChange={(e) => setPlan(e.target.value)}
          />
        )}
        <Button onClick={review} className="sm:mt-6" aria-haspopup="dialog">
          Apply…
        </Button>
      </div>
      {!confirming && <Alert message={error} />}
      <Dialog
        open={confirming !== null}
        onClose={() => !running && setConfirming(null)}
        title={confirming ? `${bulkActionLabel(confirming, counted)}?` : ''}
        description={
          <>
            <p>Each customer’s change is recorded in its history.</p>
            <p>A customer someone else changed since you selected it is left as it is, and named afterwards.</p>
          </>
        }
      >
        <Alert message={error} className="mb-4" />
        {running && (
          <div className="mb-4 space-y-1">
            <progress
              className="w-full accent-brand-600"
              max={Math.max(total, progress)}
              value={progress}
              aria-label="Progress"
            />
            <p role="status" className="text-sm text-slate-600">
              {progress.toLocaleString('en-US')} of {total.toLocaleString('en-US')} done…
            </p>
          </div>
        )}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setConfirming(null)} disabled={running} data-autofocus>
            Cancel
          </Button>
          <Button onClick={() => confirming && void run(confirming)} disabled={running}>
            {running ? 'Working…' : 'Confirm'}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}

class RefusedBatch extends Error {}
