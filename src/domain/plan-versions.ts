/**
 * Which version of a plan is in force (aktif): the latest signed one, else the latest draft. A draft
 * revision of a signed plan is work in progress; the signed one stays in force until it is signed.
 */
export interface VersionLike {
  status: "draft" | "signed";
  version: number;
}

const rank = (v: VersionLike) => (v.status === "signed" ? 1_000_000 : 0) + v.version;

/** The version in force among the versions of one plan (one org unit, year and kind). */
export function pickActive<T extends VersionLike>(versions: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const v of versions) if (!best || rank(v) > rank(best)) best = v;
  return best;
}

/** The versions in force of many plans at once, grouped by the key given. */
export function activeAmong<T extends VersionLike>(
  versions: readonly T[],
  planKey: (v: T) => string,
): Set<T> {
  const groups = new Map<string, T[]>();
  for (const v of versions) groups.set(planKey(v), [...(groups.get(planKey(v)) ?? []), v]);
  return new Set([...groups.values()].map((g) => pickActive(g) as T));
}
