import Link from 'next/link';
import { plural } from '@/lib/utils';

/**
 * The first ingest aliases of a customer; "+N more" opens the customer's page at its aliases
 * (`href`). `id` is the customer's ID, to name that link.
 */
export function AliasChips({
  aliases,
  total,
  href,
  id,
}: {
  aliases: string[];
  total: number;
  href?: string;
  id?: string;
}) {
  if (total === 0)
    return (
      <span className="text-slate-500">
        <span aria-hidden="true">—</span>
        <span className="sr-only">None</span>
      </span>
    );
  const more = total - aliases.length;
  const moreText = `+${more.toLocaleString('en-US')} more`;
  return (
    <ul className="flex max-w-xs flex-wrap gap-1" aria-label={plural(total, 'ingest alias', 'ingest aliases')}>
      {aliases.map((alias) => (
        <li
          key={alias}
          title={alias}
          className="max-w-[8rem] truncate rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700"
        >
          {alias}
        </li>
      ))}
      {more > 0 && (
        <li className="px-1 py-0.5 text-xs font-medium text-slate-600">
          {href ? (
            <Link
              href={href}
              aria-label={`${moreText}: all ${plural(total, 'ingest alias', 'ingest aliases')}${id ? ` of ${id}` : ''}`}
              className="text-brand-700 underline-offset-2 hover:underline"
            >
              {moreText}
            </Link>
          ) : (
            moreText
          )}
        </li>
      )}
    </ul>
  );
}
