'use client';

import { useState } from 'react';
import { TextField } from '@/components/ui/field';
import { useMappingMatches, type MappingOutcome } from './use-mapping-matches';

const BADGES: Record<MappingOutcome, { text: string; className: string }> = {
  pending: { text: 'Testing…', className: 'bg-slate-200 text-slate-700' },
  match: { text: 'Matches', className: 'bg-green-100 text-green-800' },
  'no-match': { text: 'No match', className: 'bg-slate-200 text-slate-700' },
  invalid: { text: 'Invalid regex', className: 'bg-slate-200 text-slate-700' },
  slow: { text: 'Took too long to test', className: 'bg-amber-100 text-amber-900' },
  unavailable: { text: 'Could not test', className: 'bg-slate-200 text-slate-700' },
};

/** "Try a value": shows which measurement mappings a sample value matches (tested in a worker). */
export function MappingTester({ mappings }: { mappings: { label: string; valueRegex: string }[] }) {
  const [sample, setSample] = useState('');
  const usable = mappings.filter((m) => m.label && m.valueRegex);
  const outcomes = useMappingMatches(
    usable.map((m) => m.valueRegex),
    sample,
  );
  return (
    <div className="rounded-md border border-slate-200 bg-slate-50 p-3">
      <TextField
        label="Try a value"
        className="[&_input]:font-mono"
        value={sample}
        onChange={(e) => setSample(e.target.value)}
        placeholder="A measurement label's value, e.g. us-east-1"
        autoComplete="off"
        spellCheck={false}
        note={<MappingResults sample={sample} usable={usable} outcomes={outcomes} />}
      />
    </div>
  );
}

/** Which mappings the sample matches: announced as it changes (the field's note). */
function MappingResults({
  sample,
  usable,
  outcomes,
}: {
  sample: string;
  usable: { label: string; valueRegex: string }[];
  outcomes: MappingOutcome[];
}) {
  if (sample === '') {
    return (
      <p className="text-sm text-slate-600">
        Type a value to see which mappings match it (the whole value must match).
      </p>
    );
  }
  if (usable.length === 0) return <p className="text-sm text-slate-600">There are no mappings to try yet.</p>;
  return (
    <ul className="space-y-1 text-sm">
      {usable.map((m, i) => {
        const badge = BADGES[outcomes[i] ?? 'pending'];
        return (
          <li key={`${m.label}-${i}`} className="flex flex-wrap items-baseline gap-2">
            <span className={`rounded px-1.5 text-xs font-semibold ${badge.className}`}>{badge.text}</span>
            <span className="font-medium">{m.label}</span>
            <code className="font-mono text-xs break-all text-slate-600">{m.valueRegex}</code>
          </li>
        );
      })}
    </ul>
  );
}
