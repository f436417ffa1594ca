import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { getActor } from '@/lib/auth/session';
import { countUsers } from '@/lib/data/users';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  await connection();
  if ((await countUsers()) === 0) redirect('/setup');
  if (await getActor()) redirect('/customers');
  const next = (await searchParams).next;
  // Only paths on this site: never an open redirect.
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/customers';
  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-xs">
      <h1 className="text-lg font-semibold">Sign in</h1>
      <SignInForm next={target} />
    </section>
  );
}
