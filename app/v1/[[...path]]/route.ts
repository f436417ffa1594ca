import { v1Methods } from '@/lib/http/v1';

// Every /v1 path without a route of its own is outside the API's contract: 404 `not_supported`
// (after the key check), never the portal's sign-in page or HTML 404.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = v1Methods({});
