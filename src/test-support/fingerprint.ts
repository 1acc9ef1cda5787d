import { sql } from "drizzle-orm";
import type { Database } from "../db/client.js";

/** Tables a refused request must leave as they were (sessions and the audit log aside). */
const TABLES = [
  "org_units",
  "periods",
  "plans",
  "plan_nodes",
  "plan_indicators",
  "role_assignments",
  "indicators",
  "data_elements",
  "data_sets",
  "data_set_elements",
  "data_set_org_units",
  "data_values",
  "data_set_reports",
  "plan_indicator_quarters",
  "plan_node_budget_quarters",
  "spm_adoptions",
  "spm_adoption_targets",
  "spm_targets",
  "target_populations",
  "prevalences",
  "skm_surveys",
  "skm_responses",
  "spm_reports",
  "spm_report_notes",
  "spm_quarter_entries",
  "spm_budget_links",
];

/** A digest of everything a refused request must not have changed. */
export async function fingerprint(db: Database): Promise<string> {
  const parts = [];
  for (const table of TABLES) {
    const [row] = await db
      .execute<{ digest: string }>(
        sql.raw(
          // An order-free sum of row hashes: no sort, so taking it before and after ~1 000 calls stays cheap.
          `select count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)), 0) as digest from ${table} t`,
        ),
      )
      .then((r) => (r as unknown as { rows: Array<{ digest: string }> }).rows);
    parts.push(row?.digest);
  }
  const [users] = await db
    .execute(
      sql`select md5(string_agg(concat_ws('|', id, username, full_name, email, is_active, must_change_password, password_hash), ',' order by id)) as digest from users`,
    )
    .then((r) => (r as unknown as { rows: Array<{ digest: string }> }).rows);
  return [...parts, users?.digest].join("/");
}
