CREATE TABLE "spm_adoption_targets" (
	"org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"service_id" uuid NOT NULL,
	"target" text NOT NULL,
	CONSTRAINT "spm_adoption_targets_key" UNIQUE("org_unit_id","year","service_id")
);
--> statement-breakpoint
ALTER TABLE "spm_adoption_targets" ADD CONSTRAINT "spm_adoption_targets_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spm_adoption_targets" ADD CONSTRAINT "spm_adoption_targets_service_id_spm_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."spm_services"("id") ON DELETE cascade ON UPDATE no action;