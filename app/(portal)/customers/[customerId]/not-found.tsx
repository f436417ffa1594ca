import { ButtonLink } from '@/components/ui/button';

export default function CustomerNotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Customer not found</h1>
      <p className="mt-3 text-slate-600">No customer has this address. It may have been mistyped.</p>
      <ButtonLink href="/customers" className="mt-6">
        Go to customers
      </ButtonLink>
    </div>
  );
}
