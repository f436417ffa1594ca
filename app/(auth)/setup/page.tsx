import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { countUsers } from '@/lib/data/users';
import { SetupForm } from './setup-form';

export const metadata: Metadata = { title: 'Set up Meterline' };

export default async function SetupPage() {
  await connection();
  if ((await countUsers()) > 0) redirect('/sign-in'); // only on a fresh install
  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-xs">
      <h1 className="text-lg font-semibold">Set up Meterline</h1>
      <p className="text-sm text-slate-600">
        This portal has no users yet. Create the first admin; they can then add everyone else.
      </p>
      <SetupForm />
    </section>
  );
}
