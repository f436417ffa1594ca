'use client';

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { FieldError, inputClass } from '@/components/ui/field';
import { COUNTRIES, countryName } from '@/lib/validations/countries';
import type { CustomerFormValues } from '@/lib/validations/customer';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

const options = Object.entries(COUNTRIES)
  .map(([code, name]) => ({ code, name, folded: fold(name) }))
  .sort((a, b) => a.name.localeCompare(b.name));

/** The countries whose name contains the query (accents and case ignored), or whose code is the query. */
function matching(query: string) {
  const q = fold(query.trim());
  if (!q) return options;
  return options.filter((o) => o.folded.includes(q) || o.code.toLowerCase() === q);
}

/**
 * Country as a searchable list: type part of the name (or the code), pick with arrows and Enter.
 *
 * A WAI-ARIA 1.2 combobox (list autocomplete): focus stays in the text box and the list's active
 * option is announced through aria-activedescendant. Typing opens the list with the first match
 * active (or the chosen country, if it matches); ↓/↑ open it and move, Home/End and PageUp/PageDown
 * jump to the ends; Enter or Tab picks the active option; Escape, or leaving the box, closes the list
 * and puts the chosen country's name back. Emptying the text clears the country.
 */
export function CountryCombobox() {
  const id = useId();
  const inputId = `${id}-input`;
  const labelId = `${id}-label`;
  const listboxId = `${id}-listbox`;
  const errorId = `${id}-error`;
  const optionId = (code: string) => `${id}-option-${code}`;

  const { control } = useFormContext<CustomerFormValues>();
  const {
    field: { value, onChange, onBlur, ref },
    fieldState: { error },
  } = useController({ control, name: 'country' });

  const [open, setOpen] = useState(false);
  // What was typed since the list opened; null while the box shows the chosen country's name.
  const [query, setQuery] = useState<string | null>(null);
  // The option moved to with the keys or the pointer, if any.
  const [activeCode, setActiveCode] = useState<string | null>(null);
  // Whether the active option was reached by the pointer (then the list is not scrolled to it).
  const [byPointer, setByPointer] = useState(false);
  // With no option moved to, the first match is the active one (after opening or typing).
  const [firstByDefault, setFirstByDefault] = useState(false);
  // Where the pointer last moved to: a list scrolling under a still pointer does not move the active option.
  const lastPointer = useRef('');

  const matches = useMemo(() => matching(query ?? ''), [query]);
  const activeIndex = activeCode === null ? -1 : matches.findIndex((o) => o.code === activeCode);
  const active = matches[activeIndex] ?? (firstByDefault ? matches[0] : undefined);
  const expanded = open && matches.length > 0;
  const activeId = expanded && active ? optionId(active.code) : undefined;

  useEffect(() => {
    if (activeId && !byPointer) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId, byPointer]);

  function openList() {
    if (!open) {
      setOpen(true);
      setActiveCode(value || null);
      setByPointer(false);
    }
    setFirstByDefault(true);
  }

  function close() {
    setOpen(false);
    setQuery(null);
    setActiveCode(null);
    setByPointer(false);
    setFirstByDefault(false);
  }

  function pick(code: string) {
    onChange(code);
    close();
  }

  function moveTo(index: number, pointer = false) {
    const option = matches[index];
    if (!option) return;
    setActiveCode(option.code);
    setByPointer(pointer);
    setFirstByDefault(false);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.nativeEvent.isComposing) return;
    const current = active ? matches.indexOf(active) : 0;
    const last = matches.length - 1;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        e.preventDefault();
        if (!open) {
          openList();
          // ↑ on a list with nothing chosen starts from the end.
          if (e.key === 'ArrowUp' && !value) {
            setActiveCode(options.at(-1)?.code ?? null);
            setFirstByDefault(false);
          }
        } else {
          moveTo(e.key === 'ArrowDown' ? Math.min(current + 1, last) : Math.max(current - 1, 0));
        }
        return;
      case 'Home':
      case 'End':
        if (!open || e.shiftKey) return;
        e.preventDefault();
        moveTo(e.key === 'Home' ? 0 : last);
        return;
      case 'PageUp':
      case 'PageDown':
        if (!open) return;
        e.preventDefault();
        moveTo(e.key === 'PageUp' ? 0 : last);
        return;
      case 'Enter':
        // A closed list lets Enter submit the form.
        if (!open) return;
        e.preventDefault();
        if (active) pick(active.code);
        else close();
        return;
      case 'Escape':
        if (!open) return;
        e.preventDefault();
        e.stopPropagation();
        close();
        return;
      case 'Tab':
        if (!open) return;
        if (active) pick(active.code);
        else close();
        return;
    }
  }

  return (
    <div className="space-y-1.5">
      <label id={labelId} htmlFor={inputId} className="block text-sm font-medium text-slate-800">
        Country
      </label>
      <div className="relative">
        <input
          ref={ref}
          id={inputId}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={expanded ? listboxId : undefined}
          aria-activedescendant={activeId}
          className={inputClass}
          value={query ?? countryName(value) ?? ''}
          onChange={(e) => {
            const text = e.target.value;
            setQuery(text);
            // Emptying the box clears the country and starts the list afresh; an option that no longer
            // matches stops being the active one.
            openList();
            if (text === '') onChange('');
            if (text === '' || (activeCode !== null && !matching(text).some((o) => o.code === activeCode))) {
              setActiveCode(null);
            }
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            if (open) close();
            onBlur();
          }}
          placeholder="Search countries"
          autoComplete="off"
          aria-invalid={Boolean(error)}
          aria-describedby={error ? errorId : undefined}
        />
        {expanded && (
          <ul
            id={listboxId}
            role="listbox"
            aria-labelledby={labelId}
            // Keeps focus in the text box when the list (or its scroll bar) is pressed.
            onMouseDown={(e) => e.preventDefault()}
            className="absolute top-full left-0 z-20 max-h-64 w-full overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
          >
            {matches.map((o, index) => (
              <li
                key={o.code}
                id={optionId(o.code)}
                role="option"
                aria-selected={o.code === value}
                data-focus={o === active ? '' : undefined}
                data-selected={o.code === value ? '' : undefined}
                className="cursor-default px-3 py-1.5 data-focus:bg-brand-50 data-focus:text-brand-800 data-selected:font-semibold"
                onMouseDown={(e) => {
                  if (e.button === 0) pick(o.code);
                }}
                onPointerMove={(e) => {
                  const at = `${e.screenX},${e.screenY}`;
                  if (at === lastPointer.current) return;
                  lastPointer.current = at;
                  moveTo(index, true);
                }}
                onPointerLeave={() => {
                  if (o !== active || !byPointer) return;
                  setActiveCode(null);
                  setFirstByDefault(false);
                }}
              >
                {o.name}
              </li>
            ))}
          </ul>
        )}
      </div>
      {matches.length === 0 && query && <p className="text-xs text-slate-600">No country matches “{query}”.</p>}
      <FieldError id={errorId} message={error?.message} />
    </div>
  );
}
