import { inferMode, parseTargetSeries, reconcile } from "@domain";
import type { RakDocument, RakIndicatorRow, RakKegiatan } from "../../../../src/plans/rak-document";
import type { Plan, PlanIndicator, PlanNode } from "../../../../src/plans/schemas";
import type { Level } from "./rows";

/** The reconciliation the server will compute once the document is saved, for the preview's badges. */
function indicatorOf(row: RakIndicatorRow, id: string): PlanIndicator {
  const cells = { annual: row.target, quarters: row.quarters };
  const targetMode = inferMode(parseTargetSeries(cells, { decimalSeparator: "." }));
  const { status, fromQuarters, difference } = reconcile(
    parseTargetSeries(cells, { decimalSeparator: ".", mode: targetMode }),
  );
  const [targetQ1, targetQ2, targetQ3, targetQ4] = row.quarters;
  return {
    id,
    indicatorId: id,
    definitionId: null,
    renstraIndicatorId: null,
    name: row.name,
    unit: row.unit,
    polarity: row.polarity ?? "higher",
    targetMode,
    targetYear: row.target,
    targetQ1,
    targetQ2,
    targetQ3,
    targetQ4,
    revision: 1,
    reconciliation: { status, fromQuarters, difference },
  };
}

/** An imported document shaped as a plan, so the preview reuses the read-only RAK table. */
export function documentToPlan(doc: RakDocument): Plan {
  const nodes: PlanNode[] = [];
  const add = (
    level: Level,
    parentId: string | null,
    item: { name: string; budget: number | null; code?: string; indicators: RakIndicatorRow[] },
  ) => {
    const id = `preview-${nodes.length}`;
    nodes.push({
      id,
      parentId,
      level,
      code: item.code ?? null,
      name: item.name,
      budget: item.budget,
      depth: 0,
      revision: 1,
      indicators: item.indicators.map((row, i) => indicatorOf(row, `${id}-${i}`)),
    });
    return id;
  };
  const addKegiatan = (k: RakKegiatan, parentId: string, level: Level) => {
    const id = add(level, parentId, k);
    for (const sub of k.subKegiatan ?? []) addKegiatan(sub, id, "sub_kegiatan");
  };
  for (const s of doc.sasaran) {
    const sasaranId = add("sasaran", null, s);
    for (const p of s.programs) {
      const programId = add("program", sasaranId, p);
      for (const k of p.kegiatan) addKegiatan(k, programId, "kegiatan");
    }
  }
  return {
    id: "preview",
    orgUnitId: "preview",
    orgUnitName: doc.orgUnitName,
    officeName: null,
    orgUnitPath: "",
    year: doc.year,
    kind: "rak",
    version: 0,
    title: doc.title,
    status: "draft",
    active: false,
    signatoryPosition: null,
    signatoryName: null,
    signatoryNip: null,
    signedPlace: null,
    signedDate: null,
    signedAt: null,
    revisionOf: null,
    nodes,
    budgetFindings: [],
  };
}
