import { compare, div, mul, round, sum } from "./decimal.js";
import { DomainError } from "./errors.js";

/**
 * Survei Kepuasan Masyarakat (Permenpan RB 14/2017; Perwal Depok 57/2017 Pasal 6e): each respondent scores
 * 9 elements from 1 to 4; IKM = mean score × 25, banded A (88,31–100) … D (25,00–64,99). The mean is
 * taken over all scores so every element weighs the same.
 */
export const SKM_ELEMENTS = [
  "Persyaratan",
  "Sistem, mekanisme, dan prosedur",
  "Waktu penyelesaian",
  "Biaya/tarif",
  "Produk spesifikasi jenis pelayanan",
  "Kompetensi pelaksana",
  "Perilaku pelaksana",
  "Penanganan pengaduan, saran dan masukan",
  "Sarana dan prasarana",
] as const;

export type SkmBand = "A" | "B" | "C" | "D";

export const SKM_BAND_LABEL: Record<SkmBand, { id: string; en: string }> = {
  A: { id: "Sangat Baik", en: "Very good" },
  B: { id: "Baik", en: "Good" },
  C: { id: "Kurang Baik", en: "Poor" },
  D: { id: "Tidak Baik", en: "Very poor" },
};

export interface SkmResult {
  readonly respondents: number;
  /** Mean score per element, 2 decimals, in the order of SKM_ELEMENTS. */
  readonly elementMeans: readonly string[];
  /** IKM on the 25–100 scale, 2 decimals. */
  readonly ikm: string;
  readonly band: SkmBand;
}

export function skmBand(ikm: string): SkmBand {
  if (compare(ikm, "88.31") >= 0) return "A";
  if (compare(ikm, "76.61") >= 0) return "B";
  if (compare(ikm, "65") >= 0) return "C";
  return "D";
}

/** IKM of a set of questionnaires, each 9 scores of 1–4; refuses anything else, naming the respondent. */
export function computeIkm(questionnaires: readonly (readonly number[])[]): SkmResult {
  if (questionnaires.length === 0) {
    throw new DomainError("SKM_EMPTY", "Belum ada kuesioner.", "There are no questionnaires yet.");
  }
  questionnaires.forEach((scores, i) => {
    const valid =
      scores.length === SKM_ELEMENTS.length && scores.every((s) => Number.isInteger(s) && s >= 1 && s <= 4);
    if (!valid) {
      throw new DomainError(
        "SKM_SCORES_INVALID",
        `Kuesioner ke-${i + 1}: harus 9 nilai bulat 1–4.`,
        `Questionnaire ${i + 1}: must be 9 whole scores from 1 to 4.`,
        { respondent: i + 1 },
      );
    }
  });
  const n = String(questionnaires.length);
  const elementMeans = SKM_ELEMENTS.map((_, e) =>
    round(div(sum(questionnaires.map((q) => String(q[e]))), n, 6), 2),
  );
  const all = sum(questionnaires.flatMap((q) => q.map(String)));
  const mean = div(all, String(questionnaires.length * SKM_ELEMENTS.length), 6);
  const ikm = round(mul(mean, "25"), 2);
  return { respondents: questionnaires.length, elementMeans, ikm, band: skmBand(ikm) };
}
