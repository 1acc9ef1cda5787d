-- The layout of capaian on Citus (docs/SCALING.md): fact tables distributed by kab/kota
-- (district_id), catalogues, org units and the few small per-region tables as reference tables
-- (a copy on every node), all fact tables colocated so a kab/kota's request runs on one node.
-- Run once on the coordinator after the migrations. src/db/citus-layout.test.ts applies it to a
-- stand-in of Citus's two functions on PostgreSQL and lists what Citus would refuse.

-- Reference tables: read by every request, written rarely.
select create_reference_table('app_meta');
select create_reference_table('org_units');
select create_reference_table('periods');
select create_reference_table('users');
select create_reference_table('role_assignments');
select create_reference_table('sessions');
select create_reference_table('data_elements');
select create_reference_table('data_sets');
select create_reference_table('data_set_elements');
select create_reference_table('data_set_org_units');
select create_reference_table('indicators');
select create_reference_table('plans');
select create_reference_table('plan_nodes');
select create_reference_table('plan_indicators');
select create_reference_table('plan_indicator_quarters');
select create_reference_table('plan_node_budget_quarters');
select create_reference_table('plan_indicator_years');
select create_reference_table('plan_node_budget_years');
select create_reference_table('indicator_realisasi_years');
select create_reference_table('lkjip_texts');
select create_reference_table('spm_versions');
select create_reference_table('spm_services');
select create_reference_table('spm_targets');
select create_reference_table('spm_adoptions');
select create_reference_table('spm_adoption_targets');
select create_reference_table('prevalences');
select create_reference_table('spm_reports');
select create_reference_table('spm_report_notes');
select create_reference_table('spm_quarter_entries');
select create_reference_table('spm_budget_links');
-- Approved sums kept by triggers (docs/SCALING.md §2): rows above the kab/kota have none to be split by.
select create_reference_table('approved_totals');
select create_reference_table('region_deadlines');
select create_reference_table('reminder_settings');
-- Per person, not per region: small, and read with the user on every page.
select create_reference_table('notifications');
select create_reference_table('reminder_sends');
-- Import jobs: per person and few, read by their owner while they run.
select create_reference_table('jobs');

-- Fact tables: they grow with facilities × months × elements, each row carrying its kab/kota.
-- data_values and audit_log are partitioned by year (migration 0021): their partitions follow the parent.
select create_distributed_table('data_values', 'district_id');
select create_distributed_table('data_set_reports', 'district_id', colocate_with => 'data_values');
select create_distributed_table('target_populations', 'district_id', colocate_with => 'data_values');
select create_distributed_table('skm_surveys', 'district_id', colocate_with => 'data_values');
select create_distributed_table('skm_responses', 'district_id', colocate_with => 'data_values');
select create_distributed_table('audit_log', 'district_id', colocate_with => 'data_values');
