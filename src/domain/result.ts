import type { BilingualText } from "./errors.js";

/**
 * Why a figure is "tidak dapat dihitung". Shown instead of a number: never 0%, never a division error.
 */
export type NotComputableReason =
  | "no_target"
  | "target_zero"
  | "no_realisasi"
  | "realisasi_zero"
  | "pagu_zero"
  | "serapan_zero"
  | "denominator_zero"
  | "missing_data"
  | "no_data"
  | "not_aggregatable";

export interface NotComputable {
  readonly computable: false;
  readonly reason: NotComputableReason;
  readonly message: BilingualText;
  /** What was missing, e.g. data element codes or quarters. */
  readonly missing?: readonly string[];
}

const REASONS: Record<NotComputableReason, BilingualText> = {
  no_target: { id: "tidak ada target", en: "there is no target" },
  target_zero: { id: "target bernilai 0", en: "the target is 0" },
  no_realisasi: { id: "realisasi belum dilaporkan", en: "realisasi has not been reported" },
  realisasi_zero: {
    id: "realisasi 0 tidak dapat menjadi pembagi",
    en: "a realisasi of 0 cannot be the divisor",
  },
  pagu_zero: { id: "pagu anggaran bernilai 0", en: "the budget ceiling (pagu) is 0" },
  serapan_zero: { id: "serapan anggaran 0%", en: "budget absorption is 0%" },
  denominator_zero: { id: "penyebut bernilai 0", en: "the denominator is 0" },
  missing_data: { id: "data belum lengkap", en: "data is missing" },
  no_data: { id: "belum ada laporan", en: "no report has been received" },
  not_aggregatable: {
    id: "nilai langsung tidak dapat dijumlahkan antar unit/periode",
    en: "a direct value cannot be aggregated across units or periods",
  },
};

export function notComputable(reason: NotComputableReason, missing?: readonly string[]): NotComputable {
  const why = REASONS[reason];
  const detail = missing?.length ? `: ${missing.join(", ")}` : "";
  return {
    computable: false,
    reason,
    message: { id: `Tidak dapat dihitung: ${why.id}${detail}`, en: `Not computable: ${why.en}${detail}` },
    ...(missing ? { missing } : {}),
  };
}
