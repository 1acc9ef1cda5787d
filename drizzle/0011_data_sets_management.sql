ALTER TABLE "data_set_elements" DROP CONSTRAINT "data_set_elements_pk";--> statement-breakpoint
ALTER TABLE "data_elements" ADD COLUMN "owner_org_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "data_elements" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "data_elements" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "data_set_elements" ADD COLUMN "valid_from" text;--> statement-breakpoint
ALTER TABLE "data_set_elements" ADD COLUMN "valid_to" text;--> statement-breakpoint
ALTER TABLE "data_sets" ADD COLUMN "open_from" text;--> statement-breakpoint
ALTER TABLE "data_sets" ADD COLUMN "open_future_periods" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "data_sets" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "data_elements" ADD CONSTRAINT "data_elements_owner_org_unit_id_org_units_id_fk" FOREIGN KEY ("owner_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_set_elements" ADD CONSTRAINT "data_set_elements_pk" UNIQUE NULLS NOT DISTINCT("data_set_id","data_element_id","valid_from");