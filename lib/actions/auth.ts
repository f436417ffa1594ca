'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getAuth, requestUsesHttps } from '@/lib/auth/auth';

/** Ends the session on the server (its row is deleted) and clears the cookie. */
export async function signOut(): Promise<void> {
  const requestHeaders = await headers();
  const auth = await getAuth(requestUsesHttps(requestHeaders));
  await auth.api.signOut({ headers: requestHeaders });
  redirect('/sign-in');
}
