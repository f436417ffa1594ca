'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { failure, ok, type ActionResult } from '@/lib/action-result';
import { useActionForm } from '@/lib/hooks/use-action-form';
import { signInInput, type SignInValues } from '@/lib/validations/user';

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

/** Signs in through better-auth's rate-limited endpoint, answering like a server action. */
async function signIn(values: SignInValues): Promise<ActionResult> {
  const { email, password } = signInInput.parse(values);
  const response = await fetch('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.ok) {
    const refused = await cookieRefused();
    return refused ? failure(refused) : ok(undefined);
  }
  if (response.status === 403 && (await response.json().catch(() => null))?.code === 'INVALID_ORIGIN') {
    return failure(
      window.location.protocol === 'http:'
        ? `Cannot sign in over http: the portal is ${CONFIGURED_FOR_HTTPS}`
        : 'Cannot sign in at this address: the portal does not trust it (BETTER_AUTH_URL, BETTER_AUTH_TRUSTED_ORIGINS).',
    );
  }
  return failure(
    response.status === 429
      ? 'Too many sign-in attempts. Wait a minute, then try again.'
      : 'That email and password do not match an active account.',
  );
}

/** The sign-in form; the session cookie is HttpOnly, set by better-auth. */
export function SignInForm({ next }: { next: string }) {
  const { form, formId, formMessage, messageRef, onSubmit, pending } = useActionForm({
    schema: signInInput,
    defaultValues: { email: '', password: '' },
    action: signIn,
    failure: 'Could not sign in',
    invalidMessage: 'Enter your email and password.',
    // A full load: every server component sees the new session.
    onSuccess: () => window.location.assign(next),
  });
  const { register } = form;

  return (
    <form id={formId} method="post" onSubmit={onSubmit} noValidate aria-label="Sign in" className="space-y-4">
      <Alert message={formMessage} ref={messageRef} focusable />
      <TextField label="Email" type="email" autoComplete="username" required {...register('email')} />
      <TextField label="Password" type="password" autoComplete="current-password" required {...register('password')} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
