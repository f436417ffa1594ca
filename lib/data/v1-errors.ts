import { V1Error, type V1Owner } from '@/lib/validations/v1/errors';

// How the /v1 data functions refuse: they throw the API's one V1Error (lib/validations/v1/errors.ts)
// out of their transaction (so nothing is saved), and the route wrapper answers it as is.

/** A rule broken that only the data layer can see (a 51st custom field, an id of another customer). */
export const invalid = (field: string, message: string) =>
  new V1Error(400, 'validation_failed', `${field}: ${message}`, { field, errors: [{ field, message }] });

export const notFound = (what = 'customer') => new V1Error(404, 'not_found', `No such ${what}`);

export const ownerOf = (c: { id: string; name: string; displayName: string }): V1Owner => ({
  id: c.id,
  name: c.displayName,
  portal_id: c.name,
});

/** `customer "Example, Inc." (ID example-inc, 8d3f…)`, as conflict messages name an owner. */
export const describeOwner = (o: V1Owner) => `customer ${JSON.stringify(o.name)} (ID ${o.portal_id}, ${o.id})`;
