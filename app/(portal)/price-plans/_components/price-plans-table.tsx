import type { PricePlanRow } from '@/lib/data/price-plans';

export function PricePlansTable({ plans }: { plans: PricePlanRow[] }) {
  if (plans.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
        <h2 className="text-lg font-semibold">No price plans yet</h2>
        <p className="mt-2 text-sm text-slate-600">Add the first one with the form, then subscribe customers to it.</p>
      </div>
    );
  }

  return (
    <div
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs"
      role="region"
      aria-label="Price plans"
      tabIndex={0}
    >
      <table className="w-full min-w-[36rem] text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-3">
              Key
            </th>
            <th scope="col" className="px-4 py-3 whitespace-nowrap">
              Display name
            </th>
            <th scope="col" className="px-4 py-3">
              Description
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              Customers
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {plans.map((p) => (
            <tr key={p.name} className="align-top">
              <td className="max-w-[16rem] min-w-[9rem] px-4 py-3 font-mono [overflow-wrap:anywhere]">{p.name}</td>
              <td className="max-w-[14rem] min-w-[8rem] px-4 py-3 [overflow-wrap:anywhere]">{p.displayName}</td>
              <td className="min-w-[12rem] px-4 py-3 [overflow-wrap:anywhere] whitespace-pre-line text-slate-700">
                {p.description ?? <span className="text-slate-500">—</span>}
              </td>
              <td className="px-4 py-3 text-right tabular-nums">{p.customerCount.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
