import { type z } from 'zod';

export type FieldErrors = Record<string, string[] | undefined>;

export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; message: string; fieldErrors?: FieldErrors };

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function failure(
  message: string,
  fieldErrors?: FieldErrors,
): { ok: false; message: string; fieldErrors?: FieldErrors } {
  return fieldErrors ? { ok: false, message, fieldErrors } : { ok: false, message };
}

/** Every issue of a failed parse, keyed by its dotted path ("ingestAliases.3.value"). */
export function invalid(error: z.ZodError): { ok: false; message: string; fieldErrors: FieldErrors } {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, message: 'Some fields need attention.', fieldErrors };
}
