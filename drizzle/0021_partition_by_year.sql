-- data_values and audit_log grow every year: one partition per year (docs/SCALING.md §3), so an old
-- year can be detached and archived whole and a year's queries read only its own partition.
-- drizzle-kit cannot write partitioned tables: the tables are rebuilt here by hand, with the names
-- the schema in src/db/schema gives their keys, indexes and foreign keys.

-- data_values by `period`: codes start with their year, so '2024', '202401', '2024Q1' and '2024S1'
-- all sort from '2024' up to '2025'. audit_log by `at`, years in UTC. A DEFAULT partition takes
-- whatever has no year partition yet, so no insert ever fails for want of one.
ALTER TABLE "data_values" RENAME TO "data_values_unpartitioned";
--> statement-breakpoint
ALTER TABLE "data_values_unpartitioned" DROP CONSTRAINT "data_values_key";
--> statement-breakpoint
DROP INDEX "data_values_district_period_idx";
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
) PARTITION BY RANGE ("period");
--> statement-breakpoint
ALTER TABLE "data_values" ADD CONSTRAINT "data_values_district_id_org_units_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "data_values" ADD CONSTRAINT "data_values_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "data_values" ADD CONSTRAINT "data_values_period_periods_code_fk" FOREIGN KEY ("period") REFERENCES "public"."periods"("code") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "data_values" ADD CONSTRAINT "data_values_data_element_id_data_elements_id_fk" FOREIGN KEY ("data_element_id") REFERENCES "public"."data_elements"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "data_values_district_period_idx" ON "data_values" USING btree ("district_id","period");
--> statement-breakpoint
CREATE TABLE "data_values_default" PARTITION OF "data_values" DEFAULT;
--> statement-breakpoint
ALTER TABLE "audit_log" RENAME TO "audit_log_unpartitioned";
--> statement-breakpoint
ALTER TABLE "audit_log_unpartitioned" DROP CONSTRAINT "audit_log_pkey";
--> statement-breakpoint
ALTER SEQUENCE "audit_log_id_seq" RENAME TO "audit_log_unpartitioned_id_seq";
--> statement-breakpoint
DROP INDEX "audit_log_at_idx";
--> statement-breakpoint
DROP INDEX "audit_log_entity_idx";
--> statement-breakpoint
DROP INDEX "audit_log_user_idx";
--> statement-breakpoint
-- A partitioned table's primary key must hold the partition key: (id, at). The identity stays the
-- parent's: rows are written through audit_log, never into a partition by name.
CREATE TABLE "audit_log" (
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"username" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"org_unit_id" uuid,
	"old_value" jsonb,
	"new_value" jsonb,
	"reason" text,
	"request_id" text,
	"client_address" text,
	CONSTRAINT "audit_log_id_at_pk" PRIMARY KEY("id","at")
) PARTITION BY RANGE ("at");
--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");
--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");
--> statement-breakpoint
CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("user_id");
--> statement-breakpoint
-- The append-only rule of 0002: row triggers on the parent are cloned to every partition, present and
-- future; TRUNCATE triggers are not, so each partition gets its own (create_year_partitions).
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TABLE "audit_log_default" PARTITION OF "audit_log" DEFAULT;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log_default
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
-- The partitions of one year of both tables; rows of that year already in a DEFAULT partition move
-- into it (the table is filled before it is attached, so no trigger of the parent sees the move).
-- Idempotent.
CREATE FUNCTION create_year_partitions(p_year int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  values_part text := 'data_values_' || p_year;
  audit_part text := 'audit_log_' || p_year;
  lo text := p_year::text;
  hi text := (p_year + 1)::text;
  at_lo text := format('%s-01-01 00:00:00+00', p_year);
  at_hi text := format('%s-01-01 00:00:00+00', p_year + 1);
BEGIN
  IF p_year NOT BETWEEN 1000 AND 9998 THEN RETURN; END IF;
  -- Two writers opening the same new year: the second waits here, then finds the partitions made.
  PERFORM pg_advisory_xact_lock(hashtext('create_year_partitions'));
  IF to_regclass(values_part) IS NULL THEN
    EXECUTE format('CREATE TABLE %I (LIKE data_values INCLUDING DEFAULTS)', values_part);
    EXECUTE format('INSERT INTO %I SELECT * FROM data_values_default WHERE period >= %L AND period < %L',
      values_part, lo, hi);
    EXECUTE format('DELETE FROM data_values_default WHERE period >= %L AND period < %L', lo, hi);
    EXECUTE format('ALTER TABLE data_values ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
      values_part, lo, hi);
  END IF;
  IF to_regclass(audit_part) IS NULL THEN
    EXECUTE format('CREATE TABLE %I (LIKE audit_log INCLUDING DEFAULTS)', audit_part);
    EXECUTE format('CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()', audit_part);
    EXECUTE format('INSERT INTO %I SELECT * FROM audit_log_default WHERE at >= %L AND at < %L',
      audit_part, at_lo, at_hi);
    -- A move, not a change: the records are kept as they were, in their year's partition.
    IF EXISTS (SELECT 1 FROM audit_log_default WHERE at >= at_lo::timestamptz AND at < at_hi::timestamptz) THEN
      ALTER TABLE audit_log_default DISABLE TRIGGER audit_log_no_update_delete;
      DELETE FROM audit_log_default WHERE at >= at_lo::timestamptz AND at < at_hi::timestamptz;
      ALTER TABLE audit_log_default ENABLE TRIGGER audit_log_no_update_delete;
    END IF;
    EXECUTE format('ALTER TABLE audit_log ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
      audit_part, at_lo, at_hi);
  END IF;
END;
$$;
--> statement-breakpoint
-- A year gets its partitions when its first period is stored: every value's period is a row of
-- `periods` first (foreign key), so a value never waits in the DEFAULT partition for a known year.
CREATE FUNCTION year_partitions_on_periods() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM create_year_partitions(y)
  FROM (SELECT DISTINCT left(code, 4)::int AS y FROM new_rows WHERE code ~ '^[0-9]{4}') n ORDER BY y;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER year_partitions_periods_insert AFTER INSERT ON periods
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION year_partitions_on_periods();
--> statement-breakpoint
-- The years in use, this year and the next, before the rows move, so they land in their partitions.
SELECT create_year_partitions(y) FROM (
  SELECT left(code, 4)::int AS y FROM periods WHERE code ~ '^[0-9]{4}'
  UNION
  SELECT extract(year FROM at AT TIME ZONE 'UTC')::int FROM audit_log_unpartitioned
  UNION
  SELECT extract(year FROM now() AT TIME ZONE 'UTC')::int + g FROM generate_series(0, 1) g
) years ORDER BY y;
--> statement-breakpoint
INSERT INTO data_values (district_id, org_unit_id, period, data_element_id, value, comment, revision, updated_by, updated_at)
SELECT district_id, org_unit_id, period, data_element_id, value, comment, revision, updated_by, updated_at
FROM data_values_unpartitioned;
--> statement-breakpoint
INSERT INTO audit_log
  (id, at, user_id, username, action, entity_type, entity_id, org_unit_id, old_value, new_value, reason, request_id, client_address)
OVERRIDING SYSTEM VALUE SELECT id, at, user_id, username, action, entity_type, entity_id, org_unit_id, old_value, new_value, reason, request_id, client_address
FROM audit_log_unpartitioned;
--> statement-breakpoint
SELECT setval('audit_log_id_seq', max(id)) FROM audit_log;
--> statement-breakpoint
DROP TABLE "data_values_unpartitioned";
--> statement-breakpoint
DROP TABLE "audit_log_unpartitioned";
--> statement-breakpoint
-- approved_totals upkeep of 0019, now on the partitioned table: statement triggers on the parent see
-- in their transition tables the rows of every partition the statement wrote.
CREATE TRIGGER approved_totals_values_insert AFTER INSERT ON data_values
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION approved_totals_on_values();
--> statement-breakpoint
CREATE TRIGGER approved_totals_values_update AFTER UPDATE ON data_values
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION approved_totals_on_values();
--> statement-breakpoint
CREATE TRIGGER approved_totals_values_delete AFTER DELETE ON data_values
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION approved_totals_on_values();
