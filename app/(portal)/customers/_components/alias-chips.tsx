import { plural } from '@/lib/utils';

export function AliasChips({ aliases, total }: { aliases: string[]; total: number }) {
  if (total === 0) return <span className="text-slate-500">None</span>;
  const more = total - aliases.length;
  return (
    <ul className="flex max-w-xs flex-wrap gap-1" aria-label={plural(total, 'ingest alias', 'ingest aliases')}>
      {aliases.map((alias) => (
        <li
          key={alias}
          title={alias}
          className="max-w-[12rem] truncate rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700"
        >
          {alias}
        </li>
      ))}
      {more > 0 && (
        <li className="px-1 py-0.5 text-xs font-medium text-slate-600">+{more.toLocaleString('en-US')} more</li>
      )}
    </ul>
  );
}
