import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { CardSection } from '@/components/ui/card';
import { countUsers } from '@/lib/data/users';
import { SetupForm } from './setup-form';

export const metadata: Metadata = { title: 'Set up Meterline' };

export default async function SetupPage() {
  await connection();
  if ((await countUsers()) > 0) redirect('/sign-in'); // only on a fresh install
  return (
    <CardSection className="space-y-4 p-6">
      <h1 className="text-lg font-semibold">Set up Meterline</h1>
      <p className="text-sm text-slate-600">
        This portal has no users yet. Create the first admin; they can then add everyone else.
      </p>
      <SetupForm />
    </CardSection>
  );
}
