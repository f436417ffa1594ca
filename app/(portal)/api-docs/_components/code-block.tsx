import { CopyButton } from '@/components/ui/copy-button';

/** Code the reader may copy: it scrolls inside itself, never the page. */
export function CodeBlock({ code, label }: { code: string; label: string }) {
  return (
    <div className="relative min-w-0 rounded-md border border-slate-200 bg-slate-50">
      <CopyButton value={code} label={label} className="absolute top-1.5 right-1.5 bg-slate-50" />
      <pre
        tabIndex={0}
        role="region"
        aria-label={label}
        className="overflow-x-auto p-3 pr-10 font-mono text-xs leading-5 text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <code>{code}</code>
      </pre>
    </div>
  );
}
