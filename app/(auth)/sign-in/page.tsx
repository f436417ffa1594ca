import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { CardSection } from '@/components/ui/card';
import { getActor } from '@/lib/auth/session';
import { countUsers } from '@/lib/data/users';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

/** Where to go after signing in: a path on this site only, never an open redirect. */
function sameSitePath(next: string | undefined): string {
  if (!next) return '/customers';
  const base = 'http://portal.invalid';
  try {
    const url = new URL(next, base);
    return url.origin === base ? `${url.pathname}${url.search}` : '/customers';
  } catch {
    return '/customers';
  }
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  await connection();
  if ((await countUsers()) === 0) redirect('/setup');
  if (await getActor()) redirect('/customers');
  const target = sameSitePath((await searchParams).next);
  return (
    <CardSection className="space-y-4 p-6">
      <h1 className="text-lg font-semibold">Sign in</h1>
      <SignInForm next={target} />
    </CardSection>
  );
}
