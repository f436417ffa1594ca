import { ButtonLink } from '@/components/ui/button';

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-lg px-6 py-24 text-center">
      <p className="text-sm font-semibold text-brand-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold">Your role does not allow this page</h1>
      <p className="mt-3 text-slate-600">Ask an admin if you need more access.</p>
      <ButtonLink href="/customers" className="mt-6">
        Go to customers
      </ButtonLink>
    </div>
  );
}
