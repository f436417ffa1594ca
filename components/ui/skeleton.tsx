/** A loading placeholder: "Loading…" for screen readers, and `rows` grey bars where the rows will be. */
export function SkeletonRows({ label = 'Loading…', rows }: { label?: string; rows: number }) {
  return (
    <>
      <p className="sr-only" role="status">
        {label}
      </p>
      <div className="space-y-2">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="h-6 animate-pulse rounded bg-slate-100" />
        ))}
      </div>
    </>
  );
}

/** A page loading: its heading's place, then a card of rows. */
export function PageSkeleton() {
  return (
    <div className="mx-auto max-w-6xl space-y-6" aria-busy="true">
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <SkeletonRows rows={8} />
      </div>
    </div>
  );
}
