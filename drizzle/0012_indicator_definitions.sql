ALTER TABLE "indicators" ADD COLUMN "time_aggregation" text DEFAULT 'sum' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "definition_id" uuid;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_definition_id_indicators_id_fk" FOREIGN KEY ("definition_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;