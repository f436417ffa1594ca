import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { DATABASE_UNAVAILABLE_DIGEST } from './http/unavailable';
import type { FieldErrors } from './action-result';

/**
 * Puts the errors a server action returned next to their fields (focusing the first), keeping
 * every typed value. Returns how many fields got one, so the caller can focus its form message
 * when none did.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fieldErrors: FieldErrors | undefined,
  isField: (path: string) => boolean = () => true,
): number {
  const entries = Object.entries(fieldErrors ?? {}).filter(([path, messages]) => isField(path) && messages?.[0]);
  entries.forEach(([path, messages], i) => {
    setError(path as FieldPath<T>, { type: 'server', message: messages![0] }, { shouldFocus: i === 0 });
  });
  return entries.length;
}

/**
 * What to tell a person when a server action threw instead of answering. A request that never got
 * an answer (offline, server down) is a `TypeError` from fetch; anything else means the server did
 * answer, with an error (a 500, or a response that was not the action's): say so, with the error's
 * reference (Next's digest, which the server logs beside the error) when there is one.
 * `what` says what failed, e.g. "The customer could not be saved".
 */
export function actionFailureMessage(error: unknown, what: string): string {
  if (error instanceof TypeError) {
    return `${what}: the server could not be reached. Check your connection; your input is still here, so try again.`;
  }
  const digest =
    error && typeof error === 'object' && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  if (digest === DATABASE_UNAVAILABLE_DIGEST) {
    return `${what}: the database is not answering. Your input is still here; try again in a moment.`;
  }
  return (
    `${what}: the server ran into an error. Your input is still here; try again, and if it keeps failing, ` +
    `tell whoever runs the portal${digest ? ` (error reference ${digest})` : ''}.`
  );
}
