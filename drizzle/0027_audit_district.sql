-- Every audit record carries the kab/kota of its org unit (factDistrictOf; a record of no unit, such as
-- a national catalogue or the system's own, NO_DISTRICT), the last key Citus needs (docs/SCALING.md §4).
-- A trigger sets it, so the many writers of the audit (form saves, uploads, imports) stay as they are.
ALTER TABLE "audit_log" ADD COLUMN "district_id" uuid DEFAULT '00000000-0000-0000-0000-000000000000'::uuid NOT NULL;--> statement-breakpoint
CREATE FUNCTION audit_log_district() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT coalesce(ou.district_id, ou.id) INTO NEW.district_id FROM org_units ou WHERE ou.id = NEW.org_unit_id;
  NEW.district_id := coalesce(NEW.district_id, '00000000-0000-0000-0000-000000000000'::uuid);
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER audit_log_district BEFORE INSERT ON audit_log FOR EACH ROW
  WHEN (NEW.org_unit_id IS NOT NULL AND NEW.district_id = '00000000-0000-0000-0000-000000000000'::uuid)
  EXECUTE FUNCTION audit_log_district();--> statement-breakpoint
-- The records written before get their kab/kota: a key added, nothing of what they say changed; the
-- append-only trigger of each partition is lifted for that one statement, as for a move (migration 0021).
DO $$
DECLARE
  part regclass;
BEGIN
  FOR part IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'audit_log'::regclass LOOP
    IF EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = part AND tgname = 'audit_log_no_update_delete') THEN
      EXECUTE format('ALTER TABLE %s DISABLE TRIGGER audit_log_no_update_delete', part);
    END IF;
    EXECUTE format('UPDATE %s a SET district_id = coalesce(ou.district_id, ou.id) FROM org_units ou '
      'WHERE a.org_unit_id IS NOT NULL AND ou.id = a.org_unit_id', part);
    IF EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = part AND tgname = 'audit_log_no_update_delete') THEN
      EXECUTE format('ALTER TABLE %s ENABLE TRIGGER audit_log_no_update_delete', part);
    END IF;
  END LOOP;
END;
$$;--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_id_at_pk";--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_id_at_district_id_pk" PRIMARY KEY("id","at","district_id");
