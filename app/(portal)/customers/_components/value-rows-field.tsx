'use client';

import { useState, type ClipboardEvent, type ReactNode } from 'react';
import type { FieldPath } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { FieldError, inputClass } from '@/components/ui/field';
import { cn, plural } from '@/lib/utils';
import {
  CUSTOMER_FIELD_LABELS,
  MAX_ALIASES,
  MAX_SECONDARY_EMAILS,
  type CustomerFormValues,
} from '@/lib/validations/customer';
import { RowsFieldset, useRowsField } from './rows-fieldset';

type ValueRowsName = 'ingestAliases' | 'secondaryEmails';

interface ValueRowsList {
  hint: string;
  itemLabel: string; // "Alias" → rows labelled "Alias 1", "Alias 2"…
  addLabel: string;
  emptyText: string;
  counted: [string, string];
  /** How many rows the record's rules accept. */
  max: number;
  inputType: 'text' | 'email';
  mono: boolean;
}

/** What each list of the record says, and how many rows it holds; its legend is the field's label. */
const LISTS: Record<ValueRowsName, ValueRowsList> = {
  secondaryEmails: {
    hint: 'More addresses that receive invoices and notices.',
    itemLabel: 'Other email',
    addLabel: 'Add email',
    emptyText: 'No other emails.',
    counted: ['email', 'emails'],
    max: MAX_SECONDARY_EMAILS,
    inputType: 'email',
    mono: false,
  },
  ingestAliases: {
    hint: 'Strings your usage events carry to point at this customer. Each belongs to one customer only, archived ones included. Paste several lines into a box to add one alias per line.',
    itemLabel: 'Alias',
    addLabel: 'Add alias',
    emptyText: 'No aliases yet.',
    counted: ['alias', 'aliases'],
    max: MAX_ALIASES,
    inputType: 'text',
    mono: true,
  },
};

const pastedLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

interface ValueRowsFieldProps {
  name: ValueRowsName;
  /** Something to show under the row being typed in, e.g. whether an alias is free. */
  rowNote?: (index: number) => ReactNode;
}

/** A list of single values, one text box per row; pasting several lines adds one row per line. */
export function ValueRowsField({ name, rowNote }: ValueRowsFieldProps) {
  const { hint, itemLabel, addLabel, emptyText, counted, max, inputType, mono } = LISTS[name];
  const {
    form: { register, getValues, setValue, setFocus },
    rows: { fields, append, insert, remove },
    listErrors,
    listError,
  } = useRowsField(name);
  const [typingRow, setTypingRow] = useState<number | null>(null);
  const rowPath = (index: number) => `${name}.${index}.value` as FieldPath<CustomerFormValues>;

  const onPaste = (index: number) => (event: ClipboardEvent<HTMLInputElement>) => {
    const lines = pastedLines(event.clipboardData.getData('text'));
    if (lines.length < 2) return;
    event.preventDefault();
    const current = String(getValues(rowPath(index)) ?? '').trim();
    if (current) {
      insert(
        index + 1,
        lines.map((value) => ({ value })),
      );
      return;
    }
    const [first, ...rest] = lines;
    setValue(rowPath(index), first ?? '', { shouldDirty: true });
    insert(
      index + 1,
      rest.map((value) => ({ value })),
      { shouldFocus: false },
    );
  };

  return (
    <RowsFieldset
      name={name}
      legend={CUSTOMER_FIELD_LABELS[name]}
      hint={hint}
      emptyText={emptyText}
      empty={fields.length === 0}
      rows={
        <ol className="max-h-[32rem] space-y-2 overflow-y-auto p-1">
          {fields.map((field, index) => {
            const error = listErrors?.[index]?.value?.message;
            const inputId = `${name}-${field.id}`;
            const errorId = `${inputId}-error`;
            const noteId = `${inputId}-note`;
            const note = index === typingRow ? rowNote?.(index) : null;
            return (
              <li key={field.id}>
                <div className="flex items-center gap-2">
                  <label htmlFor={inputId} className="w-10 shrink-0 text-right text-xs text-slate-600">
                    <span className="sr-only">{itemLabel} </span>
                    {index + 1}
                  </label>
                  <input
                    id={inputId}
                    type={inputType}
                    className={cn(inputClass, mono && 'font-mono')}
                    autoComplete="off"
                    spellCheck={false}
                    aria-required
                    aria-invalid={Boolean(error)}
                    aria-describedby={cn(error && errorId, note ? noteId : null) || undefined}
                    onPaste={onPaste(index)}
                    onInput={() => setTypingRow(index)}
                    {...register(rowPath(index))}
                  />
                  <Button
                    variant="ghost"
                    className="shrink-0 px-2"
                    aria-label={`Remove ${itemLabel.toLowerCase()} ${index + 1}`}
                    onClick={() => {
                      setTypingRow(null);
                      remove(index);
                      const next = Math.min(index, fields.length - 2);
                      if (next >= 0) setFocus(rowPath(next));
                    }}
                  >
                    <span aria-hidden="true">✕</span>
                  </Button>
                </div>
                <div className="pl-12">
                  <FieldError id={errorId} message={error} />
                  {note && !error && <div id={noteId}>{note}</div>}
                </div>
              </li>
            );
          })}
        </ol>
      }
    >
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={() => append({ value: '' })} disabled={fields.length >= max}>
          {addLabel}
        </Button>
        <span className="text-xs text-slate-600">
          {plural(fields.length, counted[0], counted[1])} of at most {max.toLocaleString('en-US')}
        </span>
      </div>
      <FieldError message={listError} />
    </RowsFieldset>
  );
}
