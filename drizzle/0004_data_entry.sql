CREATE TABLE "data_elements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"value_type" text DEFAULT 'integer' NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_elements_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "data_set_elements" (
	"data_set_id" uuid NOT NULL,
	"data_element_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"section" text,
	CONSTRAINT "data_set_elements_pk" UNIQUE("data_set_id","data_element_id")
);
--> statement-breakpoint
CREATE TABLE "data_set_org_units" (
	"data_set_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	CONSTRAINT "data_set_org_units_pk" UNIQUE("data_set_id","org_unit_id")
);
--> statement-breakpoint
CREATE TABLE "data_set_reports" (
	"data_set_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"district_id" uuid,
	"period" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"on_time" boolean,
	"returned_reason" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_set_reports_key" UNIQUE("data_set_id","org_unit_id","period")
);
--> statement-breakpoint
CREATE TABLE "data_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"period_type" text NOT NULL,
	"deadline_days" integer DEFAULT 10 NOT NULL,
	"rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"jump_percent" integer DEFAULT 50 NOT NULL,
	"owner_org_unit_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_sets_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "data_values" (
	"district_id" uuid,
	"org_unit_id" uuid NOT NULL,
	"period" text NOT NULL,
	"data_element_id" uuid NOT NULL,
	"value" numeric(20, 4) NOT NULL,
	"comment" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_values_key" UNIQUE("org_unit_id","period","data_element_id")
);
--> statement-breakpoint
CREATE TABLE "plan_indicator_quarters" (
	"plan_indicator_id" uuid NOT NULL,
	"quarter" integer NOT NULL,
	"realisasi" text,
	"faktor_pendorong" text,
	"faktor_penghambat" text,
	"tindak_lanjut" text,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_indicator_quarters_key" UNIQUE("plan_indicator_id","quarter")
);
--> statement-breakpoint
CREATE TABLE "plan_node_budget_quarters" (
	"plan_node_id" uuid NOT NULL,
	"quarter" integer NOT NULL,
	"amount" bigint NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_node_budget_quarters_key" UNIQUE("plan_node_id","quarter")
);
--> statement-breakpoint
ALTER TABLE "data_set_elements" ADD CONSTRAINT "data_set_elements_data_set_id_data_sets_id_fk" FOREIGN KEY ("data_set_id") REFERENCES "public"."data_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_set_elements" ADD CONSTRAINT "data_set_elements_data_element_id_data_elements_id_fk" FOREIGN KEY ("data_element_id") REFERENCES "public"."data_elements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_set_org_units" ADD CONSTRAINT "data_set_org_units_data_set_id_data_sets_id_fk" FOREIGN KEY ("data_set_id") REFERENCES "public"."data_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_set_org_units" ADD CONSTRAINT "data_set_org_units_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_set_reports" ADD CONSTRAINT "data_set_reports_data_set_id_data_sets_id_fk" FOREIGN KEY ("data_set_id") REFERENCES "public"."data_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_set_reports" ADD CONSTRAINT "data_set_reports_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_set_reports" ADD CONSTRAINT "data_set_reports_district_id_org_units_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_set_reports" ADD CONSTRAINT "data_set_reports_period_periods_code_fk" FOREIGN KEY ("period") REFERENCES "public"."periods"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_sets" ADD CONSTRAINT "data_sets_owner_org_unit_id_org_units_id_fk" FOREIGN KEY ("owner_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_values" ADD CONSTRAINT "data_values_district_id_org_units_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_values" ADD CONSTRAINT "data_values_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_values" ADD CONSTRAINT "data_values_period_periods_code_fk" FOREIGN KEY ("period") REFERENCES "public"."periods"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_values" ADD CONSTRAINT "data_values_data_element_id_data_elements_id_fk" FOREIGN KEY ("data_element_id") REFERENCES "public"."data_elements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicator_quarters" ADD CONSTRAINT "plan_indicator_quarters_plan_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("plan_indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_node_budget_quarters" ADD CONSTRAINT "plan_node_budget_quarters_plan_node_id_plan_nodes_id_fk" FOREIGN KEY ("plan_node_id") REFERENCES "public"."plan_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_values_district_period_idx" ON "data_values" USING btree ("district_id","period");