-- Every fact row carries the kab/kota it is kept under (docs/SCALING.md §4): the unit's kab/kota, the
-- kab/kota itself, a unit above kab/kota under itself (src/domain/org-unit-tree.ts factDistrictOf).
-- Rows of a kab/kota's or a province's own units had none: they get it, then the column is required and
-- joins each unique key (last, so the key's index still serves lookups by unit), as Citus requires.
UPDATE "data_values" d SET "district_id" = coalesce(ou."district_id", ou."id") FROM "org_units" ou
WHERE ou."id" = d."org_unit_id" AND d."district_id" IS DISTINCT FROM coalesce(ou."district_id", ou."id");--> statement-breakpoint
UPDATE "data_set_reports" d SET "district_id" = coalesce(ou."district_id", ou."id") FROM "org_units" ou
WHERE ou."id" = d."org_unit_id" AND d."district_id" IS DISTINCT FROM coalesce(ou."district_id", ou."id");--> statement-breakpoint
UPDATE "target_populations" d SET "district_id" = coalesce(ou."district_id", ou."id") FROM "org_units" ou
WHERE ou."id" = d."org_unit_id" AND d."district_id" IS DISTINCT FROM coalesce(ou."district_id", ou."id");--> statement-breakpoint
ALTER TABLE "data_set_reports" DROP CONSTRAINT "data_set_reports_key";--> statement-breakpoint
ALTER TABLE "data_values" DROP CONSTRAINT "data_values_key";--> statement-breakpoint
ALTER TABLE "target_populations" DROP CONSTRAINT "target_populations_key";--> statement-breakpoint
ALTER TABLE "data_set_reports" ALTER COLUMN "district_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "data_values" ALTER COLUMN "district_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "target_populations" ALTER COLUMN "district_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "data_set_reports" ADD CONSTRAINT "data_set_reports_key" UNIQUE("data_set_id","org_unit_id","period","district_id");--> statement-breakpoint
ALTER TABLE "data_values" ADD CONSTRAINT "data_values_key" UNIQUE("org_unit_id","period","data_element_id","district_id");--> statement-breakpoint
ALTER TABLE "target_populations" ADD CONSTRAINT "target_populations_key" UNIQUE("org_unit_id","year","category","district_id");--> statement-breakpoint
-- The form save's upsert names the new key (migration 0024; only its ON CONFLICT changes).
CREATE OR REPLACE FUNCTION save_form_values(
  p_data_set uuid, p_unit uuid, p_district uuid, p_period text, p_previous text,
  p_form_elements uuid[], p_editable text[],
  p_elements uuid[], p_values text[], p_comments text[], p_keep_comments boolean[], p_revisions int[],
  p_user uuid, p_username text, p_request text, p_client text)
RETURNS TABLE (kind text, data_element_id uuid, period text, value text, comment text, revision int, report jsonb)
LANGUAGE plpgsql AS $$
-- The answer's columns are named like the tables' columns: a name in a statement means the column.
#variable_conflict use_column
DECLARE
  r data_set_reports%ROWTYPE;
BEGIN
  SELECT * INTO r FROM data_set_reports d
  WHERE d.data_set_id = p_data_set AND d.org_unit_id = p_unit AND d.period = p_period
  FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'missing', null::uuid, null::text, null::text, null::text, null::int, null::jsonb;
    RETURN;
  END IF;
  IF NOT (r.status = ANY (p_editable)) THEN
    RETURN QUERY SELECT 'locked', null::uuid, null::text, null::text, null::text, null::int, to_jsonb(r);
    RETURN;
  END IF;
  RETURN QUERY
  WITH input AS (
    SELECT * FROM unnest(p_elements, p_values, p_comments, p_keep_comments, p_revisions)
      AS i (element_id, value, comment, keep_comment, revision)),
  stored AS (
    SELECT d.period, d.data_element_id, d.value, d.comment, d.revision FROM data_values d
    WHERE d.org_unit_id = p_unit AND d.period IN (p_period, p_previous)
      AND d.data_element_id = ANY (p_form_elements)),
  conflicts AS (
    SELECT i.element_id FROM input i
      LEFT JOIN stored s ON s.period = p_period AND s.data_element_id = i.element_id
    WHERE s.revision IS DISTINCT FROM i.revision),
  changes AS (
    SELECT i.element_id, de.code, i.value,
      CASE WHEN i.keep_comment THEN s.comment ELSE i.comment END AS comment,
      s.value AS old, s.comment AS old_comment
    FROM input i JOIN data_elements de ON de.id = i.element_id
      LEFT JOIN stored s ON s.period = p_period AND s.data_element_id = i.element_id
    WHERE NOT EXISTS (SELECT FROM conflicts) AND (i.value IS NOT NULL OR s.value IS NOT NULL)),
  gone AS (
    DELETE FROM data_values d USING changes c
    WHERE c.value IS NULL AND d.org_unit_id = p_unit AND d.period = p_period
      AND d.data_element_id = c.element_id),
  up AS (
    INSERT INTO data_values AS d (district_id, org_unit_id, period, data_element_id, value, comment, updated_by)
    SELECT p_district, p_unit, p_period, c.element_id, c.value::numeric, c.comment, p_user
    FROM changes c WHERE c.value IS NOT NULL
    ON CONFLICT (org_unit_id, period, data_element_id, district_id) DO UPDATE
      SET value = excluded.value, comment = excluded.comment, revision = d.revision + 1,
        updated_by = excluded.updated_by, updated_at = now()
    RETURNING d.data_element_id, d.value, d.comment, d.revision),
  logged AS (
    INSERT INTO audit_log (user_id, username, request_id, client_address, action, entity_type,
      entity_id, org_unit_id, old_value, new_value)
    SELECT p_user, p_username, p_request, p_client, 'data.value_set', 'data_value',
      p_unit || '/' || p_period || '/' || c.code, p_unit,
      CASE WHEN c.old IS NOT NULL
        THEN jsonb_build_object('value', trim_scale(c.old)::text, 'comment', c.old_comment) END,
      CASE WHEN c.value IS NOT NULL THEN jsonb_build_object('value', c.value, 'comment', c.comment) END
    FROM changes c)
  SELECT 'conflict', c.element_id, null::text, null::text, null::text, null::int, null::jsonb
  FROM conflicts c
  UNION ALL
  SELECT 'value', s.data_element_id, s.period, trim_scale(s.value)::text, s.comment, s.revision, null
  FROM stored s
  WHERE s.period <> p_period OR NOT EXISTS (SELECT FROM changes c WHERE c.element_id = s.data_element_id)
  UNION ALL
  SELECT 'value', u.data_element_id, p_period, trim_scale(u.value)::text, u.comment, u.revision, null
  FROM up u
  UNION ALL
  SELECT 'report', null, null, null, null, null, to_jsonb(r);
END;
$$;
