-- Search: trigram matching needs pg_trgm (drizzle-kit never writes CREATE EXTENSION).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- The old index was DESC NULLS LAST, which ORDER BY created_at DESC (NULLS FIRST) could not use.
DROP INDEX "customers_created_at_id_idx";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "customer_billing_providers_provider_idx" ON "customer_billing_providers" USING btree ("billing_provider","customer_id");--> statement-breakpoint
CREATE INDEX "customers_id_sort_idx" ON "customers" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE INDEX "customers_name_sort_idx" ON "customers" USING btree (lower("display_name"),"id");--> statement-breakpoint
CREATE INDEX "customers_search_text_idx" ON "customers" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_price_plan_idx" ON "customers" USING btree ("price_plan_name");--> statement-breakpoint
CREATE INDEX "customers_tags_idx" ON "customers" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "customers_created_at_id_idx" ON "customers" USING btree ("created_at","id");--> statement-breakpoint
-- Customers made before search existed: the same expression as customerSearchText in db/schema/customers.ts.
UPDATE "customers" c SET "search_text" = E'\n' || concat_ws(E'\n',
  lower(c."name"), lower(c."display_name"), lower(c."email"), lower(c."external_id"),
  (select string_agg(lower(a."alias"), E'\n' order by a."position") from "customer_ingest_aliases" a
    where a."customer_id" = c."id")) || E'\n';
