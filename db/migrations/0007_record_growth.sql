CREATE TABLE "custom_field_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"enforce_uniqueness" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "custom_field_unique_values" (
	"key" text NOT NULL,
	"value" text NOT NULL,
	"customer_id" uuid NOT NULL,
	CONSTRAINT "custom_field_unique_values_key" UNIQUE("key","value")
);
--> statement-breakpoint
DROP INDEX "customer_billing_providers_provider_idx";--> statement-breakpoint
ALTER TABLE "customer_billing_providers" DROP CONSTRAINT "customer_billing_providers_pkey";--> statement-breakpoint
ALTER TABLE "customer_billing_providers" ADD COLUMN "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_billing_providers" ADD COLUMN "created_at" timestamp (3) with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_billing_providers" ADD COLUMN "archived_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "salesforce_account_id" text;--> statement-breakpoint
ALTER TABLE "custom_field_unique_values" ADD CONSTRAINT "custom_field_unique_values_key_custom_field_keys_key_fk" FOREIGN KEY ("key") REFERENCES "public"."custom_field_keys"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_field_unique_values" ADD CONSTRAINT "custom_field_unique_values_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "custom_field_unique_values_customer_idx" ON "custom_field_unique_values" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_billing_providers_active_key" ON "customer_billing_providers" USING btree ("customer_id","billing_provider") WHERE "customer_billing_providers"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "customers_salesforce_account_id_idx" ON "customers" USING btree ("salesforce_account_id");--> statement-breakpoint
CREATE INDEX "customer_billing_providers_provider_idx" ON "customer_billing_providers" USING btree ("billing_provider","customer_id") WHERE "customer_billing_providers"."archived_at" is null;