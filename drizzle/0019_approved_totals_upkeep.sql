-- approved_totals is kept by the database itself, in the transaction of every change that moves a
-- figure: a report approved or reopened, a value of an approved report written or removed, an element
-- added to or taken out of a data set, a unit moved or its owner type changed. Triggers, not calls in
-- the application, so no path (imports, DHIS2, the demo, a hand-written fix) can forget it.

-- Recounts the facilities' months given as pairs: their own rows become what counts now, and every
-- unit above (and the facility's own subtree row) takes the difference. Idempotent.
CREATE FUNCTION approved_totals_refresh(p_units uuid[], p_periods text[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  WITH RECURSIVE touched AS (
    SELECT DISTINCT u AS org_unit_id, p AS period FROM unnest(p_units, p_periods) AS t (u, p)
  ),
  counted AS (
    SELECT dv.org_unit_id, dv.period, dv.data_element_id, coalesce(ou.owner_type, '') AS owner_type, dv.value
    FROM touched t
    JOIN data_values dv ON dv.org_unit_id = t.org_unit_id AND dv.period = t.period
    JOIN org_units ou ON ou.id = dv.org_unit_id
    WHERE EXISTS (
      SELECT 1 FROM data_set_reports r
      JOIN data_set_elements dse ON dse.data_set_id = r.data_set_id
      WHERE r.org_unit_id = dv.org_unit_id AND r.period = dv.period AND r.status = 'approved'
        AND dse.data_element_id = dv.data_element_id)
  ),
  kept AS (
    SELECT s.org_unit_id, s.period, s.data_element_id, s.owner_type, s.total
    FROM touched t
    JOIN approved_totals s ON s.org_unit_id = t.org_unit_id AND s.own AND s.period = t.period
  ),
  delta AS (
    SELECT org_unit_id, period, data_element_id, owner_type, sum(total) AS total, sum(n)::int AS n
    FROM (
      SELECT org_unit_id, period, data_element_id, owner_type, value AS total, 1 AS n FROM counted
      UNION ALL
      SELECT org_unit_id, period, data_element_id, owner_type, -total, -1 FROM kept
    ) d
    GROUP BY org_unit_id, period, data_element_id, owner_type
    HAVING sum(total) <> 0 OR sum(n) <> 0
  ),
  -- Ancestors by parent, not by path: a move rewrites paths after the parent, in the same transaction.
  chain (facility_id, ancestor_id) AS (
    SELECT id, id FROM org_units WHERE id IN (SELECT org_unit_id FROM delta)
    UNION ALL
    SELECT c.facility_id, ou.parent_id FROM chain c
    JOIN org_units ou ON ou.id = c.ancestor_id WHERE ou.parent_id IS NOT NULL
  ),
  changes AS (
    SELECT org_unit_id, true AS own, period, data_element_id, owner_type, total, n FROM delta
    UNION ALL
    SELECT c.ancestor_id, false, d.period, d.data_element_id, d.owner_type, sum(d.total), sum(d.n)::int
    FROM delta d JOIN chain c ON c.facility_id = d.org_unit_id
    GROUP BY c.ancestor_id, d.period, d.data_element_id, d.owner_type
  )
  -- In key order, so two transactions touching the same kota lock its rows in the same order.
  INSERT INTO approved_totals AS s (org_unit_id, own, period, data_element_id, owner_type, total, value_count)
  SELECT org_unit_id, own, period, data_element_id, owner_type, total, n FROM changes
  ORDER BY org_unit_id, own, period, data_element_id, owner_type
  ON CONFLICT (org_unit_id, own, period, data_element_id, owner_type)
  DO UPDATE SET total = s.total + excluded.total, value_count = s.value_count + excluded.value_count;
  DELETE FROM approved_totals WHERE value_count = 0;
END;
$$;
--> statement-breakpoint
-- Everything from nothing: after a restore of a backup made before this table existed, or to repair.
CREATE FUNCTION approved_totals_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM approved_totals;
  PERFORM approved_totals_refresh(array_agg(org_unit_id), array_agg(period))
  FROM (SELECT DISTINCT org_unit_id, period FROM data_set_reports WHERE status = 'approved') a;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION approved_totals_on_values() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  units uuid[];
  months text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(org_unit_id), array_agg(period) INTO units, months
    FROM (SELECT DISTINCT org_unit_id, period FROM new_rows) n
    WHERE EXISTS (SELECT 1 FROM data_set_reports r
      WHERE r.org_unit_id = n.org_unit_id AND r.period = n.period AND r.status = 'approved');
  ELSE
    SELECT array_agg(org_unit_id), array_agg(period) INTO units, months
    FROM (SELECT DISTINCT org_unit_id, period FROM old_rows) o
    WHERE EXISTS (SELECT 1 FROM approved_totals s
      WHERE s.org_unit_id = o.org_unit_id AND s.own AND s.period = o.period)
      OR EXISTS (SELECT 1 FROM data_set_reports r
      WHERE r.org_unit_id = o.org_unit_id AND r.period = o.period AND r.status = 'approved');
    IF TG_OP = 'UPDATE' THEN
      SELECT units || array_agg(org_unit_id), months || array_agg(period) INTO units, months
      FROM (SELECT DISTINCT org_unit_id, period FROM new_rows) n
      WHERE EXISTS (SELECT 1 FROM data_set_reports r
        WHERE r.org_unit_id = n.org_unit_id AND r.period = n.period AND r.status = 'approved');
    END IF;
  END IF;
  IF units IS NOT NULL THEN PERFORM approved_totals_refresh(units, months); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER approved_totals_values_insert AFTER INSERT ON data_values
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION approved_totals_on_values();
--> statement-breakpoint
CREATE TRIGGER approved_totals_values_update AFTER UPDATE ON data_values
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION approved_totals_on_values();
--> statement-breakpoint
CREATE TRIGGER approved_totals_values_delete AFTER DELETE ON data_values
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION approved_totals_on_values();
--> statement-breakpoint
CREATE FUNCTION approved_totals_on_reports() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  units uuid[];
  months text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(org_unit_id), array_agg(period) INTO units, months
    FROM (SELECT DISTINCT org_unit_id, period FROM new_rows WHERE status = 'approved') n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(org_unit_id), array_agg(period) INTO units, months
    FROM (SELECT DISTINCT org_unit_id, period FROM old_rows WHERE status = 'approved') o;
  ELSE
    SELECT array_agg(org_unit_id), array_agg(period) INTO units, months FROM (
      SELECT org_unit_id, period FROM old_rows WHERE status = 'approved'
      UNION
      SELECT org_unit_id, period FROM new_rows WHERE status = 'approved') c;
  END IF;
  IF units IS NOT NULL THEN PERFORM approved_totals_refresh(units, months); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER approved_totals_reports_insert AFTER INSERT ON data_set_reports
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION approved_totals_on_reports();
--> statement-breakpoint
CREATE TRIGGER approved_totals_reports_update AFTER UPDATE ON data_set_reports
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION approved_totals_on_reports();
--> statement-breakpoint
CREATE TRIGGER approved_totals_reports_delete AFTER DELETE ON data_set_reports
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION approved_totals_on_reports();
--> statement-breakpoint
CREATE FUNCTION approved_totals_on_set_elements() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  units uuid[];
  months text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(org_unit_id), array_agg(period) INTO units, months
    FROM (SELECT DISTINCT r.org_unit_id, r.period FROM data_set_reports r
      WHERE r.status = 'approved' AND r.data_set_id IN (SELECT data_set_id FROM new_rows)) a;
  ELSE
    SELECT array_agg(org_unit_id), array_agg(period) INTO units, months
    FROM (SELECT DISTINCT r.org_unit_id, r.period FROM data_set_reports r
      WHERE r.status = 'approved' AND r.data_set_id IN (SELECT data_set_id FROM old_rows)) a;
  END IF;
  IF units IS NOT NULL THEN PERFORM approved_totals_refresh(units, months); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER approved_totals_set_elements_insert AFTER INSERT ON data_set_elements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION approved_totals_on_set_elements();
--> statement-breakpoint
CREATE TRIGGER approved_totals_set_elements_delete AFTER DELETE ON data_set_elements
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION approved_totals_on_set_elements();
--> statement-breakpoint
-- A moved unit's subtree sums leave the units above its old parent and join those above the new one
-- (common ancestors net to nothing); an owner type change recounts the facility's months.
CREATE FUNCTION approved_totals_on_unit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  units uuid[];
  months text[];
BEGIN
  IF NEW.parent_id IS DISTINCT FROM OLD.parent_id THEN
    WITH RECURSIVE old_chain (id) AS (
      SELECT OLD.parent_id
      UNION ALL
      SELECT ou.parent_id FROM old_chain c JOIN org_units ou ON ou.id = c.id WHERE ou.parent_id IS NOT NULL
    ),
    new_chain (id) AS (
      SELECT NEW.parent_id
      UNION ALL
      SELECT ou.parent_id FROM new_chain c JOIN org_units ou ON ou.id = c.id WHERE ou.parent_id IS NOT NULL
    ),
    moved AS (
      SELECT period, data_element_id, owner_type, total, value_count FROM approved_totals
      WHERE org_unit_id = NEW.id AND NOT own
    ),
    changes AS (
      SELECT c.id AS org_unit_id, m.period, m.data_element_id, m.owner_type, -m.total AS total, -m.value_count AS n
      FROM old_chain c CROSS JOIN moved m WHERE c.id IS NOT NULL
      UNION ALL
      SELECT c.id, m.period, m.data_element_id, m.owner_type, m.total, m.value_count
      FROM new_chain c CROSS JOIN moved m WHERE c.id IS NOT NULL
    )
    INSERT INTO approved_totals AS s (org_unit_id, own, period, data_element_id, owner_type, total, value_count)
    SELECT org_unit_id, false, period, data_element_id, owner_type, sum(total), sum(n)::int FROM changes
    GROUP BY org_unit_id, period, data_element_id, owner_type
    ORDER BY org_unit_id, period, data_element_id, owner_type
    ON CONFLICT (org_unit_id, own, period, data_element_id, owner_type)
    DO UPDATE SET total = s.total + excluded.total, value_count = s.value_count + excluded.value_count;
    DELETE FROM approved_totals WHERE value_count = 0;
  END IF;
  IF NEW.owner_type IS DISTINCT FROM OLD.owner_type THEN
    SELECT array_agg(NEW.id), array_agg(period) INTO units, months
    FROM (SELECT DISTINCT period FROM approved_totals WHERE org_unit_id = NEW.id AND own) p;
    IF units IS NOT NULL THEN PERFORM approved_totals_refresh(units, months); END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER approved_totals_unit_update AFTER UPDATE OF parent_id, owner_type ON org_units
  FOR EACH ROW EXECUTE FUNCTION approved_totals_on_unit();
--> statement-breakpoint
SELECT approved_totals_rebuild();
