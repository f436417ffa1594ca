CREATE TABLE "customer_usage_summary" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"last_received_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unmatched_usage_groups" (
	"identifier" text PRIMARY KEY NOT NULL,
	"events" bigint NOT NULL,
	"first_received_at" timestamp (3) with time zone NOT NULL,
	"last_received_at" timestamp (3) with time zone NOT NULL,
	"event_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"sample_event" jsonb NOT NULL,
	"reason" text NOT NULL,
	"ignored_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "usage_daily_counts" (
	"customer_id" uuid NOT NULL,
	"day" date NOT NULL,
	"event_type" text NOT NULL,
	"matched_by" text NOT NULL,
	"matched_key" text NOT NULL,
	"events" bigint NOT NULL,
	"last_received_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "usage_daily_counts_pkey" PRIMARY KEY("customer_id","day","event_type","matched_by","matched_key")
);
--> statement-breakpoint
CREATE TABLE "usage_events" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"transaction_id" text NOT NULL,
	"sent_customer_id" text NOT NULL,
	"event_type" text NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_duplicate" boolean DEFAULT false NOT NULL,
	"matched_customer_id" uuid,
	"matched_by" text,
	"matched_key" text,
	"unmatched_reason" text,
	CONSTRAINT "usage_events_pkey" PRIMARY KEY("received_at","id")
);
--> statement-breakpoint
CREATE TABLE "usage_transactions" (
	"transaction_id" text PRIMARY KEY NOT NULL,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer_usage_summary" ADD CONSTRAINT "customer_usage_summary_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_daily_counts" ADD CONSTRAINT "usage_daily_counts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_usage_summary_last_idx" ON "customer_usage_summary" USING btree ("last_received_at","customer_id");--> statement-breakpoint
CREATE INDEX "unmatched_usage_groups_open_idx" ON "unmatched_usage_groups" USING btree ("last_received_at","identifier") WHERE "unmatched_usage_groups"."ignored_at" is null;--> statement-breakpoint
CREATE INDEX "unmatched_usage_groups_ignored_idx" ON "unmatched_usage_groups" USING btree ("last_received_at","identifier") WHERE "unmatched_usage_groups"."ignored_at" is not null;--> statement-breakpoint
CREATE INDEX "unmatched_usage_groups_search_idx" ON "unmatched_usage_groups" USING gin (lower("identifier") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "usage_events_transaction_idx" ON "usage_events" USING btree ("transaction_id","received_at");--> statement-breakpoint
CREATE INDEX "usage_events_customer_idx" ON "usage_events" USING btree ("matched_customer_id","received_at","id");--> statement-breakpoint
CREATE INDEX "usage_events_unmatched_idx" ON "usage_events" USING btree ("sent_customer_id","received_at") WHERE "usage_events"."matched_customer_id" is null;--> statement-breakpoint
CREATE INDEX "usage_transactions_received_at_idx" ON "usage_transactions" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "customers_measurement_mappings_idx" ON "customers" USING gin ("measurement_mappings" jsonb_path_ops);