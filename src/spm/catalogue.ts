import { eq, sql } from "drizzle-orm";
import { recordAudit, systemActor } from "../audit/record.js";
import type { Database, Tx } from "../db/client.js";
import { indicators, spmServices, spmTargets, spmVersions } from "../db/schema/index.js";
import { spmDepok2017 } from "../demo/spm-depok-2017.js";
import type { CatalogueRegulation } from "./catalogue-types.js";
import { permenkes4of2019 } from "./permenkes-4-2019.js";

interface CatalogueEntry {
  regulation: CatalogueRegulation;
  indicatorCode: string;
}

/** The SPM regulations every installation ships with: reference data of the product, not demo data. */
export const SPM_CATALOGUE: readonly CatalogueEntry[] = [
  {
    regulation: {
      ...spmDepok2017,
      sourceNote: "Seed 004 (Perwal Depok 57/2017), Lampiran I dan II: teks sesuai cetakan.",
    },
    indicatorCode: "SPM-DEPOK-2017",
  },
  { regulation: permenkes4of2019, indicatorCode: "SPM-PERMENKES-4-2019" },
];

/**
 * Writes one regulation (version, services with their indicators, Lampiran I targets) unless a version
 * with its code is already there; returns the version's id either way. The indicators belong to no org
 * unit: a regulation is shared by every region that adopts it.
 */
export async function ensureSpmVersion(tx: Tx, { regulation: v, indicatorCode }: CatalogueEntry) {
  const [existing] = await tx
    .select({ id: spmVersions.id })
    .from(spmVersions)
    .where(eq(spmVersions.code, v.code));
  if (existing) return { id: existing.id, created: false };
  const [version] = await tx
    .insert(spmVersions)
    .values({
      code: v.code,
      name: v.name,
      regulation: v.regulation,
      issuedDate: v.issuedDate,
      sourceNote: v.sourceNote,
    })
    .returning({ id: spmVersions.id });
  if (!version) throw new Error("SPM version insert returned nothing");
  for (const s of v.services) {
    const [indicator] = await tx
      .insert(indicators)
      .values({
        code: `${indicatorCode}-${s.number}`,
        name: s.indicator,
        unit: "%",
        kind: "ratio",
        factor: 100,
        numerator: s.numerator,
        denominator: s.denominator,
        definition: s.operationalDefinition,
      })
      .returning({ id: indicators.id });
    if (!indicator) throw new Error("SPM indicator insert returned nothing");
    const [svc] = await tx
      .insert(spmServices)
      .values({
        versionId: version.id,
        number: s.number,
        name: s.name,
        standardStatement: s.standardStatement,
        indicatorId: indicator.id,
        definition: s.definition,
        operationalDefinition: s.operationalDefinition,
        numeratorText: s.numeratorText,
        denominatorText: s.denominatorText,
        formulaNote: s.formulaNote,
        periodType: s.periodType,
      })
      .returning({ id: spmServices.id });
    if (!svc) throw new Error("SPM service insert returned nothing");
    const targets = Object.entries(s.targets).map(([year, target]) => ({
      serviceId: svc.id,
      year: Number(year),
      target,
    }));
    if (targets.length > 0) await tx.insert(spmTargets).values(targets);
  }
  return { id: version.id, created: true };
}

/** Loads the missing regulations of the catalogue in one transaction; run at every start, idempotent. */
export async function ensureSpmCatalogue(db: Database): Promise<string[]> {
  return db.transaction(async (tx) => {
    // One loader at a time: two processes starting together must not both insert the same version.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('capaian.spm_catalogue'))`);
    const loaded: string[] = [];
    for (const entry of SPM_CATALOGUE) {
      if ((await ensureSpmVersion(tx, entry)).created) loaded.push(entry.regulation.code);
    }
    if (loaded.length > 0) {
      await recordAudit(tx, systemActor, {
        action: "spm.catalogue_load",
        entityType: "installation",
        newValue: { versions: loaded },
      });
    }
    return loaded;
  });
}
