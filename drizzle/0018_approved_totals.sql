CREATE TABLE "approved_totals" (
	"org_unit_id" uuid NOT NULL,
	"own" boolean NOT NULL,
	"period" text NOT NULL,
	"data_element_id" uuid NOT NULL,
	"owner_type" text DEFAULT '' NOT NULL,
	"total" numeric NOT NULL,
	"value_count" integer NOT NULL,
	CONSTRAINT "approved_totals_org_unit_id_own_period_data_element_id_owner_type_pk" PRIMARY KEY("org_unit_id","own","period","data_element_id","owner_type")
);
--> statement-breakpoint
ALTER TABLE "approved_totals" ADD CONSTRAINT "approved_totals_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approved_totals" ADD CONSTRAINT "approved_totals_data_element_id_data_elements_id_fk" FOREIGN KEY ("data_element_id") REFERENCES "public"."data_elements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approved_totals_emptied_idx" ON "approved_totals" USING btree ("org_unit_id") WHERE "approved_totals"."value_count" = 0;