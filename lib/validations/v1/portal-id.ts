/** How long a derived portal ID's base may be: room for "-N" within the ID's 128 characters. */
export const PORTAL_ID_BASE_LENGTH = 120;

/**
 * The portal ID (the customer's `name`) a /v1 create starts from: its external ID, else its Name,
 * made into an ID the portal accepts. NFKD without combining marks, lowercase, each run of other
 * characters than a–z 0–9 _ . - becomes one "-", nothing but a letter or digit at the start and
 * no "-", "_" or "." at the end, at most 120 characters; "customer" when nothing is left.
 */
export function portalIdBase(source: string): string {
  const base = source
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/[-_.]+$/, '')
    .slice(0, PORTAL_ID_BASE_LENGTH)
    .replace(/[-_.]+$/, '');
  return base || 'customer';
}
