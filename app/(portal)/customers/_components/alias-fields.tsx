'use client';

import type { ClipboardEvent } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { FieldError, inputClass } from '@/components/ui/field';
import { plural } from '@/lib/utils';
import { MAX_ALIASES, type CustomerFormValues } from '@/lib/validations/customer';

const pastedLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

export function AliasFields() {
  const {
    control,
    register,
    getValues,
    setValue,
    setFocus,
    formState: { errors },
  } = useFormContext<CustomerFormValues>();
  const { fields, append, insert, remove } = useFieldArray({ control, name: 'ingestAliases' });
  const listError = errors.ingestAliases?.message ?? errors.ingestAliases?.root?.message;

  // Pasting several lines makes one row per line, after the box pasted into.
  const onPaste = (index: number) => (event: ClipboardEvent<HTMLInputElement>) => {
    const lines = pastedLines(event.clipboardData.getData('text'));
    if (lines.length < 2) return;
    event.preventDefault();
    const current = getValues(`ingestAliases.${index}.value`).trim();
    const [first, ...rest] = lines;
    if (current) {
      insert(
        index + 1,
        lines.map((value) => ({ value })),
      );
    } else {
      setValue(`ingestAliases.${index}.value`, first ?? '', { shouldDirty: true });
      insert(
        index + 1,
        rest.map((value) => ({ value })),
        { shouldFocus: false },
      );
    }
  };

  return (
    <fieldset className="space-y-3" aria-describedby="aliases-hint">
      <legend className="text-base font-semibold">Ingest aliases</legend>
      <p id="aliases-hint" className="text-sm text-slate-600">
        Strings your usage events carry to point at this customer. Each belongs to one customer only. Paste several
        lines into a box to add one alias per line.
      </p>
      {fields.length === 0 ? (
        <p className="text-sm text-slate-600">No aliases yet.</p>
      ) : (
        <ol className="max-h-[32rem] space-y-2 overflow-y-auto pr-1">
          {fields.map((field, index) => {
            const error = errors.ingestAliases?.[index]?.value?.message;
            const inputId = `alias-${field.id}`;
            const errorId = `${inputId}-error`;
            return (
              <li key={field.id}>
                <div className="flex items-center gap-2">
                  <label htmlFor={inputId} className="w-8 shrink-0 text-right text-xs text-slate-600">
                    <span className="sr-only">Alias </span>
                    {index + 1}
                  </label>
                  <input
                    id={inputId}
                    className={`${inputClass} font-mono`}
                    autoComplete="off"
                    spellCheck={false}
                    aria-invalid={Boolean(error)}
                    aria-describedby={error ? errorId : undefined}
                    onPaste={onPaste(index)}
                    {...register(`ingestAliases.${index}.value`)}
                  />
                  <Button
                    variant="ghost"
                    className="shrink-0 px-2"
                    aria-label={`Remove alias ${index + 1}`}
                    onClick={() => {
                      remove(index);
                      const next = Math.min(index, fields.length - 2);
                      if (next >= 0) setFocus(`ingestAliases.${next}.value`);
                    }}
                  >
                    <span aria-hidden="true">✕</span>
                  </Button>
                </div>
                <div className="pl-10">
                  <FieldError id={errorId} message={error} />
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={() => append({ value: '' })} disabled={fields.length >= MAX_ALIASES}>
          Add alias
        </Button>
        <span className="text-xs text-slate-600">
          {plural(fields.length, 'alias', 'aliases')} of at most {MAX_ALIASES.toLocaleString('en-US')}
        </span>
      </div>
      <FieldError message={listError} />
    </fieldset>
  );
}
