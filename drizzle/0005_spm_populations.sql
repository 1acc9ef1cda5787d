CREATE TABLE "prevalences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"org_unit_id" uuid,
	"year" integer NOT NULL,
	"percent" numeric(7, 4) NOT NULL,
	"source" text NOT NULL,
	"source_year" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prevalences_key" UNIQUE NULLS NOT DISTINCT("code","org_unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "target_populations" (
	"district_id" uuid,
	"org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"category" text NOT NULL,
	"value" numeric(14, 0) NOT NULL,
	"source" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_populations_key" UNIQUE("org_unit_id","year","category")
);
--> statement-breakpoint
ALTER TABLE "prevalences" ADD CONSTRAINT "prevalences_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_populations" ADD CONSTRAINT "target_populations_district_id_org_units_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_populations" ADD CONSTRAINT "target_populations_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;