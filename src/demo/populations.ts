import type { Tx } from "../db/client.js";
import { prevalences } from "../db/schema/index.js";

/**
 * The national prevalences the SPM estimates of Kota Depok use (Riskesdas 2013, as Lampiran II says),
 * for every year the regulation covers. A Dinas checks them against the survey report before relying
 * on them, or enters its own.
 */
export async function insertDemoPrevalences(tx: Tx) {
  const years = [2017, 2018, 2019, 2020, 2021];
  await tx.insert(prevalences).values(
    [
      ["HIPERTENSI", "25.8"],
      ["DM", "2.1"],
    ].flatMap(([code, percent]) =>
      years.map((year) => ({
        code: code as string,
        orgUnitId: null,
        year,
        percent: percent as string,
        source: "Riskesdas",
        sourceYear: 2013,
      })),
    ),
  );
}
