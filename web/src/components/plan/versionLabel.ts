import type { TFunction } from "i18next";
import type { PlanSummary } from "../../../../src/plans/schemas";

/** A plan version as offered in the pickers, saying which version is the one in force. */
export function versionLabel(t: TFunction, p: PlanSummary) {
  const label = t("plans.versionLabel", {
    kind: t(`plans.kindsShort.${p.kind}`),
    year: p.year,
    office: p.officeName ?? p.orgUnitName,
    version: p.version,
    status: t(`plans.status.${p.status}`).toLowerCase(),
  });
  return p.active ? t("planVersions.labelActive", { label }) : label;
}
