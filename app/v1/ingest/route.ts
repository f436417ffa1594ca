import { ingestUsage } from '@/lib/data/usage-ingest';
import { v1Methods, v1Route } from '@/lib/http/v1';
import { ingestBody, invalidEvents } from '@/lib/validations/v1/usage';

// usage.ingest: the body is the array of events itself; one bad event refuses the whole batch
// (400 invalid_events, every bad event listed), a good batch is stored in one transaction.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = v1Methods({
  POST: v1Route(
    { role: 'editor', body: ingestBody, emptyBody: 'array', bodyError: invalidEvents },
    async ({ actor, body }) => {
      await ingestUsage(actor, body);
      return {};
    },
  ),
});
