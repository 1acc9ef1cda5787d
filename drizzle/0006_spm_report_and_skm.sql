CREATE TABLE "skm_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"respondent_no" integer NOT NULL,
	"responded_on" date,
	"gender" text,
	"age" integer,
	"education" text,
	"occupation" text,
	"scores" integer[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skm_responses_key" UNIQUE("survey_id","respondent_no"),
	CONSTRAINT "skm_responses_scores_check" CHECK (cardinality("skm_responses"."scores") = 9 and 1 <= all("skm_responses"."scores") and 4 >= all("skm_responses"."scores"))
);
--> statement-breakpoint
CREATE TABLE "skm_surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid,
	"org_unit_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"period" text NOT NULL,
	"note" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skm_surveys_key" UNIQUE("org_unit_id","service_id","period")
);
--> statement-breakpoint
CREATE TABLE "spm_report_notes" (
	"org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"service_id" uuid NOT NULL,
	"masalah" text,
	"pemecahan_masalah" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "spm_report_notes_key" UNIQUE("org_unit_id","year","service_id")
);
--> statement-breakpoint
CREATE TABLE "spm_reports" (
	"org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"signatory_position" text,
	"signatory_name" text,
	"signatory_nip" text,
	"place" text,
	"signed_date" date,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "spm_reports_key" UNIQUE("org_unit_id","year")
);
--> statement-breakpoint
ALTER TABLE "spm_services" ADD COLUMN "definition" text;--> statement-breakpoint
ALTER TABLE "spm_services" ADD COLUMN "operational_definition" text;--> statement-breakpoint
ALTER TABLE "spm_services" ADD COLUMN "numerator_text" text;--> statement-breakpoint
ALTER TABLE "spm_services" ADD COLUMN "denominator_text" text;--> statement-breakpoint
ALTER TABLE "spm_services" ADD COLUMN "formula_note" text;--> statement-breakpoint
ALTER TABLE "spm_services" ADD COLUMN "period_type" text DEFAULT 'year' NOT NULL;--> statement-breakpoint
ALTER TABLE "skm_responses" ADD CONSTRAINT "skm_responses_survey_id_skm_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."skm_surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_surveys" ADD CONSTRAINT "skm_surveys_district_id_org_units_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_surveys" ADD CONSTRAINT "skm_surveys_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_surveys" ADD CONSTRAINT "skm_surveys_service_id_spm_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."spm_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spm_report_notes" ADD CONSTRAINT "spm_report_notes_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spm_report_notes" ADD CONSTRAINT "spm_report_notes_service_id_spm_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."spm_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spm_reports" ADD CONSTRAINT "spm_reports_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;