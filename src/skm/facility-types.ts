import type { OrgUnitType } from "../db/schema/index.js";

/** Units that serve the public directly, where a satisfaction survey is held (not offices or areas). */
export const FACILITY_TYPES: readonly OrgUnitType[] = [
  "puskesmas",
  "pustu",
  "rsud",
  "rs_swasta",
  "klinik",
  "bidan_praktik_mandiri",
  "laboratorium",
];
