'use client';

import { useId, useState } from 'react';
import { inputClass } from '@/components/ui/field';
import { matchesMapping, regexError } from '@/lib/validations/customer';

/** "Try a value": shows which measurement mappings a sample value matches. */
export function MappingTester({ mappings }: { mappings: { label: string; valueRegex: string }[] }) {
  const id = useId();
  const [sample, setSample] = useState('');
  const usable = mappings.filter((m) => m.label && m.valueRegex);
  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3">
      <label htmlFor={id} className="block text-sm font-medium">
        Try a value
      </label>
      <input
        id={id}
        className={`${inputClass} font-mono`}
        value={sample}
        onChange={(e) => setSample(e.target.value)}
        placeholder="A measurement label's value, e.g. us-east-1"
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${id}-result`}
      />
      <div id={`${id}-result`} aria-live="polite" className="text-sm">
        {sample === '' ? (
          <p className="text-slate-600">Type a value to see which mappings match it (the whole value must match).</p>
        ) : usable.length === 0 ? (
          <p className="text-slate-600">There are no mappings to try yet.</p>
        ) : (
          <ul className="space-y-1">
            {usable.map((m, i) => {
              const broken = regexError(m.valueRegex) !== null;
              const hit = !broken && matchesMapping(m.valueRegex, sample);
              return (
                <li key={`${m.label}-${i}`} className="flex flex-wrap items-baseline gap-2">
                  <span
                    className={
                      hit
                        ? 'rounded bg-green-100 px-1.5 text-xs font-semibold text-green-800'
                        : 'rounded bg-slate-200 px-1.5 text-xs font-semibold text-slate-700'
                    }
                  >
                    {broken ? 'Invalid regex' : hit ? 'Matches' : 'No match'}
                  </span>
                  <span className="font-medium">{m.label}</span>
                  <code className="font-mono text-xs break-all text-slate-600">{m.valueRegex}</code>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}
