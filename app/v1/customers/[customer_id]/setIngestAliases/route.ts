import { setV1IngestAliases } from '@/lib/data/v1-customers';
import { v1Methods, v1Route } from '@/lib/http/v1';
import { setIngestAliasesBody } from '@/lib/validations/v1/customers';

// customers.setIngestAliases: replaces the whole list, in the order given.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = v1Methods({
  POST: v1Route({ role: 'editor', body: setIngestAliasesBody }, async ({ actor, body, params }) => {
    await setV1IngestAliases(actor, String(params.customer_id), body.ingest_aliases);
    return {};
  }),
});
