import { searchUsageEvents } from '@/lib/data/usage-search';
import { v1Methods, v1Route } from '@/lib/http/v1';
import { searchEventsBody } from '@/lib/validations/v1/usage';

// usage.search: a read, so a viewer may call it; answers a bare array (no envelope).
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = v1Methods({
  POST: v1Route({ role: 'viewer', body: searchEventsBody }, async ({ actor, body }) =>
    searchUsageEvents(actor, body.transactionIds),
  ),
});
