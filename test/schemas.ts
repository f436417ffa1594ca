import type { z } from 'zod';
import { invalid, type FieldErrors } from '@/lib/action-result';

/**
 * The two checks of a form's schema that its unit tests make: each parses a valid form (from
 * `valid`) with the test's changes. `accepted` returns what the schema gives (and fails with the
 * field errors); `refused` returns the field errors, keyed by dotted path (and fails when accepted).
 */
export function formChecks<TForm extends object, TOut>(schema: z.ZodType<TOut, TForm>, valid: () => TForm) {
  const parse = (overrides: object) => schema.safeParse({ ...valid(), ...overrides });
  return {
    accepted(overrides: Partial<TForm> = {}): TOut {
      const result = parse(overrides);
      if (!result.success) {
        throw new Error(`expected the form to be accepted, got ${JSON.stringify(invalid(result.error).fieldErrors)}`);
      }
      return result.data;
    },
    refused(overrides: Partial<TForm> | Record<string, unknown> = {}): FieldErrors {
      const result = parse(overrides);
      if (result.success) throw new Error(`expected the form to be refused, got ${JSON.stringify(result.data)}`);
      return invalid(result.error).fieldErrors;
    },
  };
}

/** The message of a text field over its byte cap ("1,600": the cap as the message writes it). */
export const tooManyBytes = (label: string, bytes: string) =>
  `${label} is too long: at most ${bytes} bytes (emoji and accented letters take several each)`;
