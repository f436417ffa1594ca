'use client';

import { useId, useMemo, useState } from 'react';
import { Combobox, ComboboxInput, ComboboxOption, ComboboxOptions, Label } from '@headlessui/react';
import { useController, useFormContext } from 'react-hook-form';
import { FieldError, inputClass } from '@/components/ui/field';
import { COUNTRIES, countryName } from '@/lib/validations/countries';
import type { CustomerFormValues } from '@/lib/validations/customer';

const options = Object.entries(COUNTRIES)
  .map(([code, name]) => ({ code, name }))
  .sort((a, b) => a.name.localeCompare(b.name));

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** Country as a searchable list: type part of the name (or the code), pick with arrows and Enter. */
export function CountryCombobox() {
  const errorId = useId();
  const { control } = useFormContext<CustomerFormValues>();
  const {
    field: { value, onChange, onBlur, ref },
    fieldState: { error },
  } = useController({ control, name: 'country' });
  const [query, setQuery] = useState('');
  const matches = useMemo(() => {
    const q = fold(query.trim());
    if (!q) return options;
    return options.filter((o) => fold(o.name).includes(q) || o.code.toLowerCase() === q);
  }, [query]);

  return (
    <div className="space-y-1.5">
      <Combobox
        value={value || null}
        onChange={(code: string | null) => onChange(code ?? '')}
        onClose={() => setQuery('')}
      >
        <Label className="block text-sm font-medium text-slate-800">Country</Label>
        <div className="relative">
          <ComboboxInput
            ref={ref}
            className={inputClass}
            displayValue={(code: string | null) => countryName(code) ?? ''}
            onChange={(e) => {
              setQuery(e.target.value);
              if (e.target.value === '') onChange('');
            }}
            onBlur={onBlur}
            placeholder="Search countries"
            autoComplete="off"
            aria-invalid={Boolean(error)}
            aria-describedby={error ? errorId : undefined}
          />
          <ComboboxOptions
            anchor="bottom start"
            className="z-20 max-h-64 w-(--input-width) overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg empty:invisible"
          >
            {matches.map((o) => (
              <ComboboxOption
                key={o.code}
                value={o.code}
                className="cursor-default px-3 py-1.5 data-focus:bg-brand-50 data-focus:text-brand-800 data-selected:font-semibold"
              >
                {o.name}
              </ComboboxOption>
            ))}
          </ComboboxOptions>
        </div>
      </Combobox>
      {matches.length === 0 && query && <p className="text-xs text-slate-600">No country matches “{query}”.</p>}
      <FieldError id={errorId} message={error?.message} />
    </div>
  );
}
