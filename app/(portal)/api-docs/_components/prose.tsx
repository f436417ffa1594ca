import { Fragment } from 'react';

/** A sentence of the API's description, with its `backticked` parts set as code. */
export function Prose({ text }: { text: string }) {
  return text.split('`').map((part, i) =>
    i % 2 === 1 ? (
      <code key={i} className="font-mono text-[0.9em] text-slate-900">
        {part}
      </code>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}

/** Errors as `status code: when`, one a line. */
export function ErrorList({ errors }: { errors: readonly { status: number | string; code: string; when: string }[] }) {
  return (
    <ul className="space-y-1 text-sm text-slate-700">
      {errors.map((e) => (
        <li key={`${e.status}-${e.code}-${e.when}`} className="break-words">
          <span className="font-mono font-medium text-slate-900">
            {e.status} {e.code}
          </span>
          : <Prose text={e.when} />
        </li>
      ))}
    </ul>
  );
}
