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

/** What a person's account is; a refused login may count failures and lock, which is no change of the account. */
const USER_COLUMNS = ["username", "full_name", "email", "is_active", "must_change_password", "password_hash"];

/**
 * Counts committed changes to the watched tables in the test database: one row trigger per table adds
 * one to a counter. The counter rolls back with the change it counts, so only what a request committed
 * shows. Hashing every row of the demo before and after each of ~2 000 calls took minutes.
 */
function installCounter(db: Database): Promise<void> {
  const changed = (columns: string[]) =>
    `row(${columns.map((c) => `old.${c}`).join(", ")}) is distinct from row(${columns.map((c) => `new.${c}`).join(", ")})`;
  const statements = [
    "create table if not exists test_change_count (n bigint not null)",
    "insert into test_change_count select 0 where not exists (select 1 from test_change_count)",
    `create or replace function test_count_change() returns trigger language plpgsql as $$
      begin update test_change_count set n = n + 1; return null; end $$`,
    ...[...TABLES, "users"].flatMap((table) => [
      `drop trigger if exists test_count_changes on ${table}`,
      `drop trigger if exists test_count_updates on ${table}`,
      `drop trigger if exists test_count_truncate on ${table}`,
      `create trigger test_count_changes after insert or delete on ${table}
        for each row execute function test_count_change()`,
      `create trigger test_count_updates after update on ${table} for each row
        when (${table === "users" ? changed(USER_COLUMNS) : "old.* is distinct from new.*"})
        execute function test_count_change()`,
      `create trigger test_count_truncate after truncate on ${table}
        for each statement execute function test_count_change()`,
    ]),
  ];
  return db.transaction(async (tx) => {
    for (const statement of statements) await tx.execute(sql.raw(statement));
  });
}

const installed = new WeakMap<Database, Promise<void>>();

/** A token of everything a refused request must not have changed: equal before and after, or it changed data. */
export async function fingerprint(db: Database): Promise<string> {
  let ready = installed.get(db);
  if (!ready) {
    ready = installCounter(db);
    installed.set(db, ready);
  }
  await ready;
  const result = await db.execute(sql`select n::text as n from test_change_count`);
  return (result as unknown as { rows: Array<{ n: string }> }).rows[0]?.n ?? "";
}
