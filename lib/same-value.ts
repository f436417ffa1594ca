/**
 * Values compared as values, not as text: objects whatever their key order (JSONB hands keys
 * back in its own order), `undefined` as `null`, a key holding `undefined` as no key.
 * Browser-safe; the audit diff and the conflict view both use it.
 */
export function canonical(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** A text key for a value: equal for equal values, whatever their key order. */
export const valueKey = (value: unknown): string => JSON.stringify(canonical(value));

/** Whether two values are deeply equal, ignoring the order of object keys (not of arrays). */
export const sameValue = (a: unknown, b: unknown): boolean => valueKey(a) === valueKey(b);
