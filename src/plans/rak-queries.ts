import type { Reader } from "../db/client.js";
import { getPlan } from "./queries.js";
import type { RakDocument, RakIndicatorRow, RakKegiatan } from "./rak-document.js";

type StoredPlan = NonNullable<Awaited<ReturnType<typeof getPlan>>>;

/** Who signs a stored plan, as its printed documents show it (place and date once signed). */
export function signatoryOf(plan: StoredPlan): RakDocument["signatory"] {
  return {
    position: plan.signatoryPosition ?? "",
    name: plan.signatoryName ?? "",
    nip: plan.signatoryNip ?? "",
    ...(plan.signedPlace ? { place: plan.signedPlace } : {}),
    ...(plan.signedDate ? { date: plan.signedDate } : {}),
  };
}

/** A stored plan as a RAK document, for the exports. */
export async function readRak(db: Reader, planId: string): Promise<RakDocument | undefined> {
  const plan = await getPlan(db, planId);
  if (!plan) return undefined;
  const rows = (node: (typeof plan.nodes)[number]): RakIndicatorRow[] =>
    node.indicators.map((i) => ({
      name: i.name,
      unit: i.unit,
      target: i.targetYear,
      quarters: [i.targetQ1, i.targetQ2, i.targetQ3, i.targetQ4],
      ...(i.polarity === "lower" ? { polarity: "lower" as const } : {}),
      ...(i.definitionId ? { definitionId: i.definitionId } : {}),
      ...(i.renstraIndicatorId ? { renstraIndicatorId: i.renstraIndicatorId } : {}),
    }));
  const childrenOf = (id: string) => plan.nodes.filter((n) => n.parentId === id);
  const kegiatan = (n: (typeof plan.nodes)[number]): RakKegiatan => {
    const subs = childrenOf(n.id);
    return {
      ...(n.code ? { code: n.code } : {}),
      name: n.name,
      budget: n.budget,
      indicators: rows(n),
      ...(subs.length ? { subKegiatan: subs.map(kegiatan) } : {}),
    };
  };
  return {
    title: plan.title,
    orgUnitName: plan.officeName ?? plan.orgUnitName,
    year: plan.year,
    signatory: signatoryOf(plan),
    sasaran: plan.nodes
      .filter((n) => n.level === "sasaran")
      .map((s) => ({
        name: s.name,
        budget: s.budget,
        indicators: rows(s),
        programs: childrenOf(s.id).map((p) => ({
          ...(p.code ? { code: p.code } : {}),
          name: p.name,
          budget: p.budget,
          indicators: rows(p),
          kegiatan: childrenOf(p.id).map(kegiatan),
        })),
      })),
  };
}
