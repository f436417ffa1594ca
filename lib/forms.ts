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
 * What to say when a server action call threw instead of answering. A fetch that never got an
 * answer is a TypeError; an action that failed on the server answers, and its error carries a
 * digest. `subject` is the sentence's start, e.g. "The customer could not be saved".
 */
export function actionFailureMessage(err: unknown, subject: string): string {
  const keep = 'Your input is still here;';
  if (err instanceof TypeError)
    return `${subject}: the server did not answer. ${keep} check your connection and try again.`;
  if ((err as { digest?: unknown } | null)?.digest === DATABASE_UNAVAILABLE_DIGEST) {
    return `${subject}: the database is not answering. ${keep} try again in a moment.`;
  }
  return `${subject}: the server failed. The problem has been logged. ${keep} try again in a moment.`;
}
