import { v1Methods, v1Route } from '@/lib/http/v1';
import { v1OpenApiDocument } from '@/lib/validations/v1/openapi';

// The OpenAPI 3.1 document of /v1, for a key of any role: generated once per process from the zod
// schemas that check the requests (lib/validations/v1/openapi.ts).
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = v1Methods({
  GET: v1Route({ role: 'viewer' }, () => v1OpenApiDocument()),
});
