import type { Database } from "../db/client.js";
import { prevalences, targetPopulations } from "../db/schema/index.js";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Demo target populations for Kota Depok 2019 and the national prevalences the SPM estimates use.
 * Illustrative figures for the demo only — a Dinas enters its own (Dukcapil/BPS) and checks the
 * prevalences against the survey report before relying on them.
 */
export async function insertDemoPopulations(tx: Tx, depokId: string) {
  const source = "Demo (ilustrasi, bukan data resmi)";
  const figures: Array<[string, string]> = [
    ["BUMIL", "41500"],
    ["BULIN", "39600"],
    ["BBL", "37700"],
    ["BALITA", "150200"],
    ["PENDUDUK_15_59", "1512000"],
    ["LANSIA", "168000"],
    ["PENDUDUK_15_PLUS", "1680000"],
  ];
  await tx.insert(targetPopulations).values(
    figures.map(([category, value]) => ({
      districtId: depokId,
      orgUnitId: depokId,
      year: 2019,
      category,
      value,
      source,
    })),
  );
  const years = [2017, 2018, 2019, 2020, 2021];
  await tx.insert(prevalences).values([
    ...years.map((year) => ({
      code: "HIPERTENSI",
      orgUnitId: null,
      year,
      percent: "25.8",
      source: "Riskesdas",
      sourceYear: 2013,
    })),
    ...years.map((year) => ({
      code: "DM",
      orgUnitId: null,
      year,
      percent: "2.1",
      source: "Riskesdas",
      sourceYear: 2013,
    })),
  ]);
}
