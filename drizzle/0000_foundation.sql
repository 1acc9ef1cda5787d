CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"kind" text NOT NULL,
	"factor" integer,
	"polarity" text DEFAULT 'higher' NOT NULL,
	"lower_formula" text DEFAULT 'two_target_minus' NOT NULL,
	"numerator" text,
	"denominator" text,
	"definition" text,
	"owner_org_unit_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_code_unique" UNIQUE("code"),
	CONSTRAINT "indicators_kind_check" CHECK ("indicators"."kind" in ('ratio', 'count', 'direct'))
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"district_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"office_name" text,
	"type" text NOT NULL,
	"owner_type" text,
	"is_blud" boolean DEFAULT false NOT NULL,
	"level" integer NOT NULL,
	"path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_units_code_unique" UNIQUE("code"),
	CONSTRAINT "org_units_type_check" CHECK (type in ('kementerian', 'provinsi', 'kabupaten_kota', 'kecamatan', 'kelurahan', 'puskesmas', 'pustu', 'posyandu', 'rsud', 'rs_swasta', 'klinik', 'bidan_praktik_mandiri', 'laboratorium'))
);
--> statement-breakpoint
CREATE TABLE "periods" (
	"code" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_node_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"unit" text NOT NULL,
	"target_mode" text DEFAULT 'incremental' NOT NULL,
	"target_year" text NOT NULL,
	"target_q1" text DEFAULT '-' NOT NULL,
	"target_q2" text DEFAULT '-' NOT NULL,
	"target_q3" text DEFAULT '-' NOT NULL,
	"target_q4" text DEFAULT '-' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_nodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"district_id" uuid,
	"parent_id" uuid,
	"level" text NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"budget" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"signatory_position" text,
	"signatory_name" text,
	"signatory_nip" text,
	"signed_place" text,
	"signed_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_org_year_kind_version" UNIQUE("org_unit_id","year","kind","version")
);
--> statement-breakpoint
CREATE TABLE "spm_adoptions" (
	"org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"version_id" uuid NOT NULL,
	CONSTRAINT "spm_adoptions_org_year" UNIQUE("org_unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "spm_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"standard_statement" text NOT NULL,
	"indicator_id" uuid NOT NULL,
	CONSTRAINT "spm_services_version_number" UNIQUE("version_id","number")
);
--> statement-breakpoint
CREATE TABLE "spm_targets" (
	"service_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"target" text NOT NULL,
	CONSTRAINT "spm_targets_service_year" UNIQUE("service_id","year")
);
--> statement-breakpoint
CREATE TABLE "spm_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"regulation" text NOT NULL,
	"issued_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "spm_versions_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_owner_org_unit_id_org_units_id_fk" FOREIGN KEY ("owner_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_parent_id_org_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_district_id_org_units_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_plan_node_id_plan_nodes_id_fk" FOREIGN KEY ("plan_node_id") REFERENCES "public"."plan_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_nodes" ADD CONSTRAINT "plan_nodes_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_nodes" ADD CONSTRAINT "plan_nodes_district_id_org_units_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_nodes" ADD CONSTRAINT "plan_nodes_parent_id_plan_nodes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."plan_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spm_adoptions" ADD CONSTRAINT "spm_adoptions_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spm_adoptions" ADD CONSTRAINT "spm_adoptions_version_id_spm_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."spm_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spm_services" ADD CONSTRAINT "spm_services_version_id_spm_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."spm_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spm_services" ADD CONSTRAINT "spm_services_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spm_targets" ADD CONSTRAINT "spm_targets_service_id_spm_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."spm_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "org_units_parent_idx" ON "org_units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "org_units_path_idx" ON "org_units" USING btree ("path");--> statement-breakpoint
CREATE INDEX "plan_indicators_node_idx" ON "plan_indicators" USING btree ("plan_node_id","position");--> statement-breakpoint
CREATE INDEX "plan_nodes_plan_idx" ON "plan_nodes" USING btree ("plan_id","position");