CREATE TABLE "spm_budget_links" (
	"org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"service_id" uuid NOT NULL,
	"plan_node_id" uuid NOT NULL,
	"share_percent" numeric(5, 2) DEFAULT '100' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "spm_budget_links_key" UNIQUE("org_unit_id","year","service_id","plan_node_id")
);
--> statement-breakpoint
CREATE TABLE "spm_quarter_entries" (
	"org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"service_id" uuid NOT NULL,
	"steps" jsonb NOT NULL,
	"masalah" text,
	"solusi" text,
	"rencana_aksi" text,
	"mutu_percent" numeric(7, 2),
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "spm_quarter_entries_key" UNIQUE("org_unit_id","year","quarter","service_id"),
	CONSTRAINT "spm_quarter_entries_quarter_check" CHECK ("spm_quarter_entries"."quarter" between 1 and 4)
);
--> statement-breakpoint
ALTER TABLE "spm_versions" ADD COLUMN "source_note" text;--> statement-breakpoint
ALTER TABLE "spm_budget_links" ADD CONSTRAINT "spm_budget_links_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spm_budget_links" ADD CONSTRAINT "spm_budget_links_service_id_spm_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."spm_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spm_budget_links" ADD CONSTRAINT "spm_budget_links_plan_node_id_plan_nodes_id_fk" FOREIGN KEY ("plan_node_id") REFERENCES "public"."plan_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spm_quarter_entries" ADD CONSTRAINT "spm_quarter_entries_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spm_quarter_entries" ADD CONSTRAINT "spm_quarter_entries_service_id_spm_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."spm_services"("id") ON DELETE cascade ON UPDATE no action;