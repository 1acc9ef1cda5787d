-- The SKM tables follow the other fact tables (migration 0025): a survey is kept under its facility's
-- kab/kota (factDistrictOf), its questionnaires under the survey's, and every key holds district_id,
-- as Citus requires of a distributed table (docs/SCALING.md §4).
UPDATE "skm_surveys" s SET "district_id" = coalesce(ou."district_id", ou."id") FROM "org_units" ou
WHERE ou."id" = s."org_unit_id" AND s."district_id" IS DISTINCT FROM coalesce(ou."district_id", ou."id");--> statement-breakpoint
ALTER TABLE "skm_surveys" ALTER COLUMN "district_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "skm_responses" ADD COLUMN "district_id" uuid;--> statement-breakpoint
UPDATE "skm_responses" r SET "district_id" = s."district_id" FROM "skm_surveys" s WHERE s."id" = r."survey_id";--> statement-breakpoint
ALTER TABLE "skm_responses" ALTER COLUMN "district_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "skm_responses" DROP CONSTRAINT "skm_responses_survey_id_skm_surveys_id_fk";--> statement-breakpoint
ALTER TABLE "skm_responses" DROP CONSTRAINT "skm_responses_key";--> statement-breakpoint
ALTER TABLE "skm_responses" DROP CONSTRAINT "skm_responses_pkey";--> statement-breakpoint
ALTER TABLE "skm_surveys" DROP CONSTRAINT "skm_surveys_key";--> statement-breakpoint
ALTER TABLE "skm_surveys" DROP CONSTRAINT "skm_surveys_pkey";--> statement-breakpoint
ALTER TABLE "skm_surveys" ADD CONSTRAINT "skm_surveys_pkey" PRIMARY KEY("id","district_id");--> statement-breakpoint
ALTER TABLE "skm_surveys" ADD CONSTRAINT "skm_surveys_key" UNIQUE("org_unit_id","service_id","period","district_id");--> statement-breakpoint
ALTER TABLE "skm_responses" ADD CONSTRAINT "skm_responses_pkey" PRIMARY KEY("id","district_id");--> statement-breakpoint
ALTER TABLE "skm_responses" ADD CONSTRAINT "skm_responses_key" UNIQUE("survey_id","respondent_no","district_id");--> statement-breakpoint
ALTER TABLE "skm_responses" ADD CONSTRAINT "skm_responses_survey_fk" FOREIGN KEY ("survey_id","district_id") REFERENCES "public"."skm_surveys"("id","district_id") ON DELETE cascade ON UPDATE no action;
