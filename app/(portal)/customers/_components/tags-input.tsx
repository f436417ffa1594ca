'use client';

import { useId, useState, type KeyboardEvent } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { FieldError, inputClass } from '@/components/ui/field';
import { MAX_TAG_LENGTH, MAX_TAGS, type CustomerFormValues } from '@/lib/validations/customer';

/** Tags as chips: Enter or comma adds one, Backspace in the empty box removes the last. */
export function TagsInput() {
  const id = useId();
  const { control } = useFormContext<CustomerFormValues>();
  const {
    field: { value: tags, onChange, onBlur, ref },
    fieldState: { error },
  } = useController({ control, name: 'tags' });
  const [draft, setDraft] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const itemErrors = Array.isArray(error) ? (error as ({ message?: string } | undefined)[]) : [];
  const message = error?.message ?? itemErrors.find(Boolean)?.message ?? note ?? undefined;

  const add = (raw: string) => {
    const tag = raw.trim();
    if (!tag) return;
    if (tags.some((t) => t.toLowerCase() === tag.toLowerCase())) {
      setNote(`Tag “${tag}” is already added`);
      return;
    }
    if (tags.length >= MAX_TAGS) {
      setNote(`At most ${MAX_TAGS} tags`);
      return;
    }
    if (tag.length > MAX_TAG_LENGTH) {
      setNote(`A tag must be at most ${MAX_TAG_LENGTH} characters`);
      return;
    }
    setNote(null);
    onChange([...tags, tag]);
    setDraft('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(draft);
    } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  };

  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Tags
      </label>
      <div className="flex flex-wrap items-center gap-1.5 rounded-md border border-slate-300 bg-white p-1.5 focus-within:border-brand-600">
        <ul className="contents">
          {tags.map((tag, i) => (
            <li
              key={`${tag}-${i}`}
              className="inline-flex max-w-full items-center gap-1 rounded bg-brand-50 py-0.5 pr-0.5 pl-2 text-sm text-brand-800"
            >
              <span className="[overflow-wrap:anywhere]">{tag}</span>
              <button
                type="button"
                className="rounded px-1 text-brand-800 hover:bg-brand-100"
                aria-label={`Remove tag ${tag}`}
                onClick={() => onChange(tags.filter((_, j) => j !== i))}
              >
                <span aria-hidden="true">✕</span>
              </button>
            </li>
          ))}
        </ul>
        <input
          id={id}
          ref={ref}
          className={`${inputClass} min-w-[8rem] flex-1 border-0 shadow-none focus:outline-none`}
          value={draft}
          onChange={(e) => {
            setNote(null);
            setDraft(e.target.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            add(draft);
            onBlur();
          }}
          placeholder={tags.length === 0 ? 'e.g. enterprise, eu' : ''}
          aria-invalid={Boolean(message)}
          aria-describedby={`${id}-hint${message ? ` ${id}-error` : ''}`}
          autoComplete="off"
        />
      </div>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        Press Enter or comma to add a tag; Backspace removes the last one.
      </p>
      <FieldError id={`${id}-error`} message={message} />
    </div>
  );
}
