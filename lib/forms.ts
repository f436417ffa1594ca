import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
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
