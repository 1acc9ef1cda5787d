CREATE TABLE "indicator_realisasi_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"district_id" uuid,
	"indicator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"value" text NOT NULL,
	"note" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_realisasi_years_key" UNIQUE("org_unit_id","indicator_id","year")
);
--> statement-breakpoint
CREATE TABLE "plan_indicator_years" (
	"plan_indicator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"target" text NOT NULL,
	CONSTRAINT "plan_indicator_years_key" UNIQUE("plan_indicator_id","year")
);
--> statement-breakpoint
CREATE TABLE "plan_node_budget_years" (
	"plan_node_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount" bigint,
	CONSTRAINT "plan_node_budget_years_key" UNIQUE("plan_node_id","year")
);
--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "target_end" text;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "renstra_indicator_id" uuid;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "end_year" integer;--> statement-breakpoint
ALTER TABLE "indicator_realisasi_years" ADD CONSTRAINT "indicator_realisasi_years_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_realisasi_years" ADD CONSTRAINT "indicator_realisasi_years_district_id_org_units_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_realisasi_years" ADD CONSTRAINT "indicator_realisasi_years_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicator_years" ADD CONSTRAINT "plan_indicator_years_plan_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("plan_indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_node_budget_years" ADD CONSTRAINT "plan_node_budget_years_plan_node_id_plan_nodes_id_fk" FOREIGN KEY ("plan_node_id") REFERENCES "public"."plan_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_renstra_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("renstra_indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE set null ON UPDATE no action;