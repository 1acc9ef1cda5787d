ALTER TABLE "org_units" ADD COLUMN "kemenkes_code" text;--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "closed_reason" text;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_kemenkes_code_unique" UNIQUE("kemenkes_code");