'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';

const CONFIGURED_FOR_HTTPS =
  'configured for https (BETTER_AUTH_URL, or the proxy’s X-Forwarded-Proto). Open it over https, or ask the ' +
  'administrator to correct that setting.';

/**
 * Why the browser did not keep the session cookie that sign-in just set, or null when it did. The
 * cookie is HttpOnly, so the form asks the server whether it came back.
 */
async function cookieRefused(): Promise<string | null> {
  const session: unknown = await fetch('/api/auth/get-session', { cache: 'no-store' })
    .then((r) => (r.ok ? r.json() : 'unknown'))
    .catch(() => 'unknown');
  if (session) return null; // signed in, or no way to tell: the next page will say
  return window.location.protocol === 'http:'
    ? `Your browser refused the session cookie: the portal is served over http but is ${CONFIGURED_FOR_HTTPS}`
    : 'Your browser did not keep the session cookie. Allow cookies for this site, then sign in again.';
}

/** Signs in through better-auth's rate-limited endpoint; the session cookie is HttpOnly. */
export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    if (!email || !password) {
      setError('Enter your email and password.');
      return;
    }
    setPending(true);
    setError(null);
    try {
      const response = await fetch('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (response.ok) {
        const refused = await cookieRefused();
        if (!refused) {
          window.location.assign(next); // a full load: every server component sees the new session
          return;
        }
        setError(refused);
        setPending(false);
        return;
      }
      if (response.status === 403 && (await response.json().catch(() => null))?.code === 'INVALID_ORIGIN') {
        setError(
          window.location.protocol === 'http:'
            ? `Cannot sign in over http: the portal is ${CONFIGURED_FOR_HTTPS}`
            : 'Cannot sign in at this address: the portal does not trust it (BETTER_AUTH_URL, BETTER_AUTH_TRUSTED_ORIGINS).',
        );
        setPending(false);
        return;
      }
      setError(
        response.status === 429
          ? 'Too many sign-in attempts. Wait a minute, then try again.'
          : 'That email and password do not match an active account.',
      );
    } catch {
      setError('The server did not answer. Try again in a moment.');
    }
    setPending(false);
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Sign in" className="space-y-4">
      <div role="alert" className="empty:sr-only">
        {error && <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>}
      </div>
      <TextField label="Email" name="email" type="email" autoComplete="username" required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
