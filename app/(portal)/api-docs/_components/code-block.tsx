import { CopyButton } from '@/components/ui/copy-button';

/** Code the reader may copy: it scrolls inside itself, never the page. */
export function CodeBlock({ code, label }: { code: string; label: string }) {
  return (
    <div className="min-w-0 rounded-md border border-slate-200 bg-slate-50">
      <div className="flex justify-end border-b border-slate-200 px-1.5 py-1">
        <CopyButton value={code} label={label} />
      </div>
      <pre
        tabIndex={0}
        role="region"
        aria-label={label}
        className="overflow-x-auto p-3 font-mono text-xs leading-5 text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <code>{code}</code>
      </pre>
    </div>
  );
}
