import { defaultYear } from "@domain";
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router-dom";
import type { OrgUnit } from "../../../../src/org-units/schemas";
import type { YearsWithData } from "../../../../src/periods/schemas";
import type { RegionAdoptions } from "../../../../src/spm/adoption-schemas";
import { apiGet } from "../../api";
import { useOrgUnits, useSpmServices, useSpmVersions, useYearsWithData } from "../../queries";

export const tabs = ["capaian", "laporan", "triwulan", "katalog"] as const;
export type SpmTab = (typeof tabs)[number];

/** SPM is measured for a kota and, to find where it falls short, its kecamatan and puskesmas. */
const REGION_TYPES: OrgUnit["type"][] = ["kabupaten_kota", "kecamatan", "puskesmas"];

/**
 * The year a reader most likely wants (src/domain/default-year.ts): among the adopted years, those with
 * target populations entered (a year without sasaran has no capaian yet), else the adopted years; with
 * nothing adopted, the years the user has any data in (Kota Metro's 2024 reports).
 */
function openingYear(adopted: number[], data: YearsWithData | undefined): number {
  const withSasaran = adopted.filter((y) => data?.populations.includes(y));
  if (withSasaran.length > 0) return defaultYear(withSasaran);
  return defaultYear(adopted.length > 0 ? adopted : (data?.any ?? []));
}

/**
 * The screen's state lives in the URL (/spm?tab=laporan&unit=…&tahun=2019) so a reload, the back
 * button and a link sent to a colleague all show the same region and year.
 */
export function useSpmSelection() {
  const [search, setSearch] = useSearchParams();
  const units = useOrgUnits();
  const versions = useSpmVersions();

  const regions = (units.data ?? []).filter((u) => REGION_TYPES.includes(u.type));
  // The user's own kota; an operator of one puskesmas sees only that puskesmas.
  const home = regions.find((u) => u.type === "kabupaten_kota") ?? regions[0];
  const region = regions.find((u) => u.id === search.get("unit")) ?? home;

  // Which version the region's kab/kota follows each year, the kab/kota found by the server (an operator
  // cannot see it); a year without one can be adopted from here.
  const adoptions = useQuery({
    queryKey: ["spm-adoptions", region?.id],
    queryFn: () => apiGet<RegionAdoptions>(`/spm/adoptions?orgUnitId=${region?.id}`),
    enabled: Boolean(region),
  });
  const thisYear = new Date().getFullYear();
  const adoptedYears = adoptions.data?.adoptions.map((a) => a.year) ?? [];
  // A new installation has adopted nothing yet: this year is where it starts.
  const years = adoptedYears.length > 0 ? adoptedYears : [thisYear];
  const yearsWithData = useYearsWithData();
  const offered = [
    ...new Set([...years, ...(yearsWithData.data?.any ?? []), thisYear - 1, thisYear, thisYear + 1]),
  ].sort((a, b) => a - b);

  const chosenYear = Number(search.get("tahun"));
  const chosen = offered.includes(chosenYear);
  const opening = openingYear(adoptedYears, yearsWithData.data);
  const year = chosen ? chosenYear : opening;

  // The catalogue shows the version of the year shown, else the latest adopted, else the latest there is.
  const inYear = adoptions.data?.adoptions.find((a) => a.year === year)?.versionId;
  const adopted = (versions.data ?? []).filter((v) =>
    adoptions.data?.adoptions.some((a) => a.versionId === v.id),
  );
  const version =
    versions.data?.find((v) => v.id === inYear) ??
    adopted.at(-1) ??
    versions.data?.[versions.data.length - 1];
  const services = useSpmServices(version?.id);
  const chosenTab = search.get("tab");
  const tab: SpmTab = tabs.find((t) => t === chosenTab) ?? "capaian";

  const update = (changes: Record<string, string>) =>
    setSearch((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) next.set(key, value);
      return next;
    });

  return {
    /** Still finding out which regions, version and year to show. */
    pending:
      units.isPending ||
      versions.isPending ||
      (Boolean(region) && adoptions.isPending) ||
      (Boolean(version) && services.isPending) ||
      yearsWithData.isPending,
    units,
    versions,
    services,
    adoptions,
    regions,
    region,
    version,
    years: offered,
    year,
    tab,
    setTab: (value: SpmTab) => update({ tab: value }),
    setRegion: (id: string) => update({ unit: id }),
    setYear: (value: number) => update({ tahun: String(value) }),
  };
}

export type SpmSelection = ReturnType<typeof useSpmSelection>;
