/**
 * What each audit action and entity type is called for people, in both languages: the audit screen,
 * its search and its xlsx export all read these, so a record is named the same way everywhere.
 * src/audit/labels.test.ts checks that every action and entity type the code records is here.
 */
type Label = { readonly id: string; readonly en: string };

export const AUDIT_ACTION_LABELS: Readonly<Record<string, Label>> = {
  "auth.login": { id: "Masuk", en: "Signed in" },
  "auth.logout": { id: "Keluar", en: "Signed out" },
  "auth.login_failed": { id: "Gagal masuk", en: "Sign-in failed" },
  "auth.locked": { id: "Akun terkunci", en: "Account locked" },
  "auth.login_refused_locked": { id: "Masuk ditolak (terkunci)", en: "Sign-in refused (locked)" },
  "data.value_set": { id: "Nilai data diisi", en: "Data value entered" },
  "data.values_set": { id: "Nilai data diisi bersama (impor)", en: "Data values entered together (import)" },
  "data.values_imported": { id: "Nilai data diimpor (DHIS2/ADX)", en: "Data values imported (DHIS2/ADX)" },
  "data.report_submit": { id: "Laporan dikirim", en: "Report submitted" },
  "data.report_verify": { id: "Laporan diverifikasi", en: "Report verified" },
  "data.report_approve": { id: "Laporan disetujui", en: "Report approved" },
  "data.report_return": { id: "Laporan dikembalikan", en: "Report returned" },
  "data.report_reopen": { id: "Laporan dibuka kembali", en: "Report reopened" },
  "deadlines.save": { id: "Tenggat tahunan diatur", en: "Yearly deadlines set" },
  "demo.load": { id: "Data demo dimuat", en: "Demo data loaded" },
  "evaluation.indicator_quarter": { id: "Analisis triwulan diisi", en: "Quarter analysis entered" },
  "evaluation.budget_realisasi": { id: "Realisasi anggaran diisi", en: "Budget spending entered" },
  "indicator.define": { id: "Definisi indikator dibuat", en: "Indicator defined" },
  "indicator.redefine": { id: "Definisi indikator diubah", en: "Indicator definition changed" },
  "metadata.data_set_create": { id: "Formulir data dibuat", en: "Data set created" },
  "metadata.data_set_update": { id: "Formulir data diubah", en: "Data set changed" },
  "metadata.element_create": { id: "Elemen data dibuat", en: "Data element created" },
  "metadata.element_update": { id: "Elemen data diubah", en: "Data element changed" },
  "metadata.element_delete": { id: "Elemen data dihapus", en: "Data element deleted" },
  "orgunit.create": { id: "Unit organisasi ditambah", en: "Org unit added" },
  "orgunit.update": { id: "Unit organisasi diubah", en: "Org unit changed" },
  "orgunit.move": { id: "Unit organisasi dipindah", en: "Org unit moved" },
  "orgunit.close": { id: "Unit organisasi ditutup", en: "Org unit closed" },
  "orgunit.reopen": { id: "Unit organisasi dibuka kembali", en: "Org unit reopened" },
  "orgunit.import": { id: "Unit organisasi diubah lewat impor", en: "Org unit changed by import" },
  "plan.start": { id: "Rencana dimulai", en: "Plan started" },
  "plan.import": { id: "RAK diimpor", en: "RAK imported" },
  "plan.carry_over": { id: "Rencana dilanjutkan dari tahun lalu", en: "Plan carried over" },
  "plan.sign": { id: "Rencana ditandatangani", en: "Plan signed" },
  "plan.revise": { id: "Perubahan rencana dibuat", en: "Plan revision made" },
  "plan.node_create": { id: "Bagian rencana ditambah", en: "Plan section added" },
  "plan.node_update": { id: "Bagian rencana diubah", en: "Plan section changed" },
  "plan.node_move": { id: "Bagian rencana dipindah", en: "Plan section moved" },
  "plan.node_delete": { id: "Bagian rencana dihapus", en: "Plan section deleted" },
  "plan.indicator_create": { id: "Indikator ditambah", en: "Indicator added" },
  "plan.indicator_update": { id: "Target indikator diubah", en: "Indicator targets changed" },
  "plan.indicator_delete": { id: "Indikator dihapus", en: "Indicator deleted" },
  "plan.indicator_link": { id: "Indikator dikaitkan ke Renstra", en: "Indicator linked to the Renstra" },
  "renstra.import": { id: "Renstra diimpor", en: "Renstra imported" },
  "renstra.realisasi_set": { id: "Realisasi tahunan diisi", en: "Yearly realisasi entered" },
  "lkjip.text_set": { id: "Naskah LKjIP diisi", en: "LKjIP text written" },
  "skm.survey_create": { id: "Survei kepuasan dibuat", en: "Satisfaction survey created" },
  "skm.survey_delete": { id: "Survei kepuasan dihapus", en: "Satisfaction survey deleted" },
  "skm.responses_set": { id: "Jawaban survei diisi", en: "Survey answers entered" },
  "skm.responses_import": { id: "Jawaban survei diimpor", en: "Survey answers imported" },
  "spm.adopt": { id: "Peraturan SPM dipilih", en: "SPM regulation adopted" },
  "spm.adoption_change": { id: "Peraturan SPM diganti", en: "SPM regulation changed" },
  "spm.catalogue_load": { id: "Katalog SPM dimuat", en: "SPM catalogue loaded" },
  "spm.population_set": { id: "Sasaran SPM diisi", en: "SPM target population entered" },
  "spm.prevalence_set": { id: "Prevalensi diisi", en: "Prevalence entered" },
  "spm.report_note_set": { id: "Catatan laporan SPM diisi", en: "SPM report note entered" },
  "spm.report_signatory_set": { id: "Penanda tangan laporan SPM diisi", en: "SPM report signatory set" },
  "spm.quarter_entry_set": { id: "Laporan triwulan SPM diisi", en: "Quarterly SPM report entered" },
  "spm.budget_link_set": {
    id: "Kegiatan pelayanan SPM ditetapkan",
    en: "Kegiatan serving an SPM service set",
  },
  "user.create": { id: "Pengguna dibuat", en: "User created" },
  "user.update": { id: "Pengguna diubah", en: "User changed" },
  "user.roles_replace": { id: "Peran diganti", en: "Roles replaced" },
  "user.password_reset": { id: "Kata sandi diatur ulang", en: "Password reset" },
  "user.password_changed": { id: "Kata sandi diganti", en: "Password changed" },
};

export const AUDIT_ENTITY_LABELS: Readonly<Record<string, Label>> = {
  data_element: { id: "Elemen data", en: "Data element" },
  data_set: { id: "Formulir data", en: "Data set" },
  data_set_report: { id: "Laporan formulir", en: "Form report" },
  data_value: { id: "Nilai data", en: "Data value" },
  data_values: { id: "Nilai data sekaligus", en: "Data values at once" },
  region_deadlines: { id: "Tenggat wilayah", en: "Region deadlines" },
  indicator: { id: "Definisi indikator", en: "Indicator definition" },
  installation: { id: "Instalasi", en: "Installation" },
  org_unit: { id: "Unit organisasi", en: "Org unit" },
  plan: { id: "Rencana", en: "Plan" },
  indicator_realisasi_year: { id: "Realisasi tahunan", en: "Yearly realisasi" },
  lkjip_text: { id: "Naskah LKjIP", en: "LKjIP text" },
  plan_indicator: { id: "Indikator rencana", en: "Plan indicator" },
  plan_indicator_quarter: { id: "Triwulan indikator", en: "Indicator quarter" },
  plan_node: { id: "Bagian rencana", en: "Plan section" },
  plan_node_budget_quarter: { id: "Anggaran triwulan", en: "Quarter budget" },
  prevalence: { id: "Prevalensi", en: "Prevalence" },
  skm_survey: { id: "Survei kepuasan", en: "Satisfaction survey" },
  spm_adoption: { id: "Pilihan peraturan SPM", en: "SPM adoption" },
  spm_report: { id: "Laporan SPM", en: "SPM report" },
  spm_report_note: { id: "Catatan laporan SPM", en: "SPM report note" },
  spm_quarter_entry: { id: "Isian laporan triwulan SPM", en: "SPM quarterly report entry" },
  spm_budget_link: { id: "Anggaran pelayanan SPM", en: "SPM service budget" },
  target_population: { id: "Sasaran SPM", en: "SPM target population" },
  user: { id: "Pengguna", en: "User" },
};

/**
 * A bulk write of values (an xlsx upload, a DHIS2/ADX import) is audited once per org unit: entity id the
 * unit, new_value {count, values: {"<period>/<code>": {old, new}}}, who and when from the record itself.
 */
export const BULK_VALUES_ACTION = "data.values_set";

/** A single value's entity id, `<orgUnitId>/<period>/<code>`, as the unit and its key in a bulk record. */
export function bulkValueKey(entityId: string): { orgUnitId: string; key: string } | null {
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/([^/]+\/[^/]+)$/i.exec(
    entityId.trim(),
  );
  return match ? { orgUnitId: (match[1] as string).toLowerCase(), key: match[2] as string } : null;
}

/** An action in words; an unknown code (from an older version) is shown as it is. */
export function auditActionLabel(action: string, language: "id" | "en"): string {
  return AUDIT_ACTION_LABELS[action]?.[language] ?? action;
}

export function auditEntityLabel(entityType: string, language: "id" | "en"): string {
  return AUDIT_ENTITY_LABELS[entityType]?.[language] ?? entityType;
}

/**
 * The codes whose words (in either language) hold every word of the query, so an auditor can look for
 * "laporan dikirim" or "password" instead of "data.report_submit".
 */
export function codesMatching(labels: Readonly<Record<string, Label>>, query: string): string[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return Object.entries(labels)
    .filter(([code, label]) => {
      const text = `${code} ${label.id} ${label.en}`.toLowerCase();
      return words.every((w) => text.includes(w));
    })
    .map(([code]) => code);
}
