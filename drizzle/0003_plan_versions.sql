ALTER TABLE "plan_indicators" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_nodes" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "revision_of" uuid;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "signed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "signed_by" uuid;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_revision_of_plans_id_fk" FOREIGN KEY ("revision_of") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;