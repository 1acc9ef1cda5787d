import type { BilingualText } from "./errors.js";

/**
 * The org-unit tree's rules: which unit may sit under which, how codes look, who owns what
 * (docs/DOMAIN-RULES.md §2 "Org units"). The SPM roll-up reads the tree as drawn here: a unit's figure is its own or its
 * children's sum, private clinics count under the puskesmas of their area, hospitals under the kota.
 */
export const UNIT_TYPES = [
  "kementerian",
  "provinsi",
  "kabupaten_kota",
  "kecamatan",
  "kelurahan",
  "puskesmas",
  "pustu",
  "posyandu",
  "rsud",
  "rs_swasta",
  "klinik",
  "bidan_praktik_mandiri",
  "laboratorium",
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const UNIT_OWNERS = ["pemerintah", "swasta", "bumd", "organisasi_mitra"] as const;
export type UnitOwner = (typeof UNIT_OWNERS)[number];

export const UNIT_TYPE_LABEL: Record<UnitType, string> = {
  kementerian: "Kementerian",
  provinsi: "Provinsi",
  kabupaten_kota: "Kabupaten/Kota",
  kecamatan: "Kecamatan",
  kelurahan: "Kelurahan/Desa",
  puskesmas: "Puskesmas",
  pustu: "Pustu",
  posyandu: "Posyandu",
  rsud: "RSUD",
  rs_swasta: "RS Swasta",
  klinik: "Klinik",
  bidan_praktik_mandiri: "Bidan Praktik Mandiri",
  laboratorium: "Laboratorium",
};

export const UNIT_OWNER_LABEL: Record<UnitOwner, string> = {
  pemerintah: "Pemerintah",
  swasta: "Swasta",
  bumd: "BUMD",
  organisasi_mitra: "Organisasi Mitra",
};

/** Where each type may sit; an empty list means only at the top of the tree. */
export const ALLOWED_PARENTS: Record<UnitType, readonly UnitType[]> = {
  kementerian: [],
  provinsi: ["kementerian"],
  kabupaten_kota: ["provinsi"],
  kecamatan: ["kabupaten_kota"],
  // A kelurahan belongs to the wilayah kerja of one puskesmas; before that is known, to its kecamatan.
  kelurahan: ["puskesmas", "kecamatan"],
  puskesmas: ["kecamatan"],
  pustu: ["puskesmas"],
  posyandu: ["puskesmas"],
  // Private facilities report through the puskesmas of their area, so they count in its capaian.
  klinik: ["puskesmas", "kecamatan"],
  bidan_praktik_mandiri: ["puskesmas", "kecamatan"],
  // Hospitals serve the whole kota and count only there.
  rsud: ["kabupaten_kota"],
  rs_swasta: ["kabupaten_kota"],
  laboratorium: ["kabupaten_kota", "puskesmas"],
};

/** Areas (wilayah) rather than facilities: they have no owner and cannot be a BLUD. */
const AREA_TYPES: ReadonlySet<UnitType> = new Set([
  "kementerian",
  "provinsi",
  "kabupaten_kota",
  "kecamatan",
  "kelurahan",
]);
export const isArea = (type: UnitType) => AREA_TYPES.has(type);

const OWNERS_ALLOWED: Partial<Record<UnitType, readonly UnitOwner[]>> = {
  puskesmas: ["pemerintah"],
  pustu: ["pemerintah"],
  rsud: ["pemerintah", "bumd"],
  rs_swasta: ["swasta", "organisasi_mitra"],
};

const label = (type: UnitType) => UNIT_TYPE_LABEL[type];
const text = (id: string, en: string): BilingualText => ({ id, en });

/** Why this type may not sit under that parent (null: the parent, or no parent, is fine). */
export function parentProblem(type: UnitType, parentType: UnitType | null): BilingualText | null {
  const allowed = ALLOWED_PARENTS[type];
  if (parentType === null) {
    return allowed.length === 0 || type === "provinsi" || type === "kabupaten_kota"
      ? null
      : text(`${label(type)} harus punya unit induk.`, `A ${type} needs a parent unit.`);
  }
  if (allowed.includes(parentType)) return null;
  const names = allowed.map(label).join(" atau ");
  return allowed.length === 0
    ? text(
        `${label(type)} tidak boleh berada di bawah unit lain.`,
        `A ${type} cannot sit under another unit.`,
      )
    : text(
        `${label(type)} tidak boleh berada di bawah ${label(parentType)}; induknya harus ${names}.`,
        `A ${type} cannot sit under a ${parentType}; its parent must be ${allowed.join(" or ")}.`,
      );
}

/** The types that may be added under a unit of this type, in the order of UNIT_TYPES. */
export const childTypesOf = (parentType: UnitType): UnitType[] =>
  UNIT_TYPES.filter((t) => ALLOWED_PARENTS[t].includes(parentType));

/**
 * Codes are the unit's identifier in files and in the materialised path ("/18/18.72/18.72.01/"), so only
 * letters, digits, dots and hyphens: no slash (the path separator) and no LIKE wildcards.
 */
export function codeProblem(code: string): BilingualText | null {
  if (code.length === 0) return text("Kode wajib diisi.", "The code is required.");
  if (code.length > 40) return text("Kode paling panjang 40 karakter.", "The code is at most 40 characters.");
  if (!/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(code))
    return text(
      `Kode "${code}" hanya boleh berisi huruf, angka, titik dan tanda hubung.`,
      `Code "${code}" may hold only letters, digits, dots and hyphens.`,
    );
  return null;
}

/** The facility code Kemenkes gives (e.g. puskesmas P1872010101, RS 1872012): letters and digits. */
export function kemenkesCodeProblem(code: string): BilingualText | null {
  return /^[A-Za-z0-9]{3,20}$/.test(code)
    ? null
    : text(
        `Kode Kemenkes "${code}" harus 3–20 huruf atau angka.`,
        `Kemenkes code "${code}" must be 3–20 letters or digits.`,
      );
}

/** Owner and BLUD as a whole: areas have neither; some facility types fix their owner. */
export function ownershipProblem(
  type: UnitType,
  owner: UnitOwner | null,
  isBlud: boolean,
): BilingualText | null {
  if (isArea(type)) {
    return isBlud ? text(`${label(type)} tidak bisa menjadi BLUD.`, `A ${type} cannot be a BLUD.`) : null;
  }
  if (owner === null)
    return text(`Kepemilikan ${label(type)} wajib diisi.`, `The owner type of a ${type} is required.`);
  const allowed = OWNERS_ALLOWED[type];
  if (allowed && !allowed.includes(owner))
    return text(
      `${label(type)} tidak bisa berkepemilikan ${UNIT_OWNER_LABEL[owner]}; pilih ${allowed.map((o) => UNIT_OWNER_LABEL[o]).join(" atau ")}.`,
      `A ${type} cannot be owned by ${owner}; choose ${allowed.join(" or ")}.`,
    );
  if (isBlud && owner !== "pemerintah")
    return text(
      "Hanya unit milik pemerintah daerah yang bisa menjadi BLUD.",
      "Only a unit owned by the local government can be a BLUD.",
    );
  return null;
}

/** The owner a new unit gets when none is given: the one its type allows, if there is only one. */
export function defaultOwner(type: UnitType): UnitOwner | null {
  if (isArea(type)) return null;
  if (type === "rs_swasta") return "swasta";
  return OWNERS_ALLOWED[type]?.[0] ?? null;
}

/** A move that would put a unit under itself or one of its descendants (paths end with "/"). */
export const wouldCycle = (unitPath: string, newParentPath: string) => newParentPath.startsWith(unitPath);

/** Reads a jenis or kepemilikan cell: the code ("rs_swasta") or the Indonesian label ("RS Swasta"). */
function lookup<T extends string>(labels: Record<T, string>, cell: string): T | null {
  const key = cell
    .trim()
    .toLowerCase()
    .replace(/[\s_/-]+/g, " ");
  for (const [code, name] of Object.entries(labels) as Array<[T, string]>) {
    const names = [code, name, ...name.split("/")].map((n) => n.toLowerCase().replace(/[\s_/-]+/g, " "));
    if (names.includes(key)) return code;
  }
  return null;
}
export const readUnitType = (cell: string) =>
  lookup(UNIT_TYPE_LABEL, cell) ?? ALIASES_TYPE[cell.trim().toLowerCase()] ?? null;
export const readUnitOwner = (cell: string) => lookup(UNIT_OWNER_LABEL, cell);

const ALIASES_TYPE: Record<string, UnitType> = {
  kota: "kabupaten_kota",
  kabupaten: "kabupaten_kota",
  desa: "kelurahan",
  bpm: "bidan_praktik_mandiri",
  lab: "laboratorium",
  "rumah sakit swasta": "rs_swasta",
};

/** "ya"/"tidak" and friends, as a Dinas types a BLUD column; undefined when unreadable. */
export function readYesNo(cell: string): boolean | undefined {
  const v = cell.trim().toLowerCase();
  if (["", "tidak", "t", "no", "n", "0", "false", "bukan", "-"].includes(v)) return false;
  if (["ya", "y", "yes", "1", "true", "blud"].includes(v)) return true;
  return undefined;
}

/**
 * The kab/kota a unit lies in, itself when it is one; null above kab/kota. What a child's `districtId`
 * is set to, the region that adopts an SPM version, a plan's kab/kota.
 */
export const kabKotaOf = (unit: { id: string; type: string; districtId: string | null }): string | null =>
  unit.type === "kabupaten_kota" ? unit.id : unit.districtId;

/**
 * The kab/kota a unit's facts (values, reports, populations) are kept under, their shard key on Citus
 * (docs/SCALING.md §4): kabKotaOf the unit, and a unit above kab/kota (a province's own figures) under
 * itself. Never null. A unit's own `districtId` is null exactly at and above kab/kota, so the type is
 * not needed. In SQL: `coalesce(ou.district_id, ou.id)`.
 */
export const factDistrictOf = (unit: { id: string; districtId: string | null }): string =>
  unit.districtId ?? unit.id;
