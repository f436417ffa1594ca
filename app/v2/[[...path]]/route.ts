import { v1Methods } from '@/lib/http/v1';

// The SDK's `v2` resource calls /v2/…: none of it is in the API's contract, so every path
// answers 404 `not_supported` (after the key check), as /v1's unbuilt routes do.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = v1Methods({});
