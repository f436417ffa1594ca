CREATE TABLE "customer_ingest_aliases" (
	"customer_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"alias" text NOT NULL,
	CONSTRAINT "customer_ingest_aliases_pkey" PRIMARY KEY("customer_id","position"),
	CONSTRAINT "customer_ingest_aliases_alias_key" UNIQUE("alias")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"display_name" text NOT NULL,
	"description" text,
	"email" text,
	"website" text,
	"address_line_1" text,
	"address_line_2" text,
	"city" text,
	"state" text,
	"zipcode" text,
	"country" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "customer_ingest_aliases" ADD CONSTRAINT "customer_ingest_aliases_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "customers_name_key" ON "customers" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "customers_created_at_id_idx" ON "customers" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);