import { describe, expect, it } from "vitest";
import { ORG_UNIT_TYPES, OWNER_TYPES } from "../db/schema/core.js";
import {
  childTypesOf,
  codeProblem,
  defaultOwner,
  factDistrictOf,
  kabKotaOf,
  kemenkesCodeProblem,
  ownershipProblem,
  parentProblem,
  readUnitOwner,
  readUnitType,
  readYesNo,
  UNIT_OWNERS,
  UNIT_TYPES,
  wouldCycle,
} from "./org-unit-tree.js";

describe("org unit tree rules", () => {
  it("knows the same types and owners as the database", () => {
    expect([...UNIT_TYPES]).toEqual([...ORG_UNIT_TYPES]);
    expect([...UNIT_OWNERS]).toEqual([...OWNER_TYPES]);
  });

  it("puts kecamatan under the kab/kota and puskesmas under a kecamatan", () => {
    expect(parentProblem("kecamatan", "kabupaten_kota")).toBeNull();
    expect(parentProblem("puskesmas", "kecamatan")).toBeNull();
    expect(parentProblem("puskesmas", "kabupaten_kota")?.id).toBe(
      "Puskesmas tidak boleh berada di bawah Kabupaten/Kota; induknya harus Kecamatan.",
    );
  });

  it("puts a kelurahan in a puskesmas' wilayah kerja or its kecamatan", () => {
    expect(parentProblem("kelurahan", "puskesmas")).toBeNull();
    expect(parentProblem("kelurahan", "kecamatan")).toBeNull();
    expect(parentProblem("kelurahan", "kabupaten_kota")).not.toBeNull();
  });

  it("puts private clinics and midwives under the puskesmas of their area, hospitals under the kota", () => {
    expect(parentProblem("klinik", "puskesmas")).toBeNull();
    expect(parentProblem("bidan_praktik_mandiri", "kecamatan")).toBeNull();
    expect(parentProblem("rs_swasta", "kabupaten_kota")).toBeNull();
    expect(parentProblem("rsud", "puskesmas")).not.toBeNull();
    expect(parentProblem("laboratorium", "puskesmas")).toBeNull();
    expect(parentProblem("posyandu", "kecamatan")).not.toBeNull();
  });

  it("lets only the top of the tree stand without a parent", () => {
    expect(parentProblem("kabupaten_kota", null)).toBeNull();
    expect(parentProblem("puskesmas", null)?.en).toBe("A puskesmas needs a parent unit.");
    expect(parentProblem("kementerian", "provinsi")).not.toBeNull();
  });

  it("offers the child types a unit may receive", () => {
    expect(childTypesOf("kabupaten_kota")).toEqual(["kecamatan", "rsud", "rs_swasta", "laboratorium"]);
    expect(childTypesOf("puskesmas")).toEqual([
      "kelurahan",
      "pustu",
      "posyandu",
      "klinik",
      "bidan_praktik_mandiri",
      "laboratorium",
    ]);
  });

  it("accepts codes of letters, digits, dots and hyphens only (no path separator, no wildcard)", () => {
    expect(codeProblem("18.72.01.P1")).toBeNull();
    expect(codeProblem("")).not.toBeNull();
    expect(codeProblem("18/72")).not.toBeNull();
    expect(codeProblem("18_72")).not.toBeNull();
    expect(codeProblem("a b")).not.toBeNull();
    expect(codeProblem("x".repeat(41))).not.toBeNull();
    expect(kemenkesCodeProblem("P1872010101")).toBeNull();
    expect(kemenkesCodeProblem("P-1")).not.toBeNull();
  });

  it("fixes the owner of government facilities and keeps BLUD to government units", () => {
    expect(ownershipProblem("puskesmas", "pemerintah", true)).toBeNull();
    expect(ownershipProblem("puskesmas", "swasta", false)).not.toBeNull();
    expect(ownershipProblem("rs_swasta", "pemerintah", false)).not.toBeNull();
    expect(ownershipProblem("klinik", "swasta", true)?.en).toBe(
      "Only a unit owned by the local government can be a BLUD.",
    );
    expect(ownershipProblem("klinik", null, false)).not.toBeNull();
    expect(ownershipProblem("kecamatan", null, false)).toBeNull();
    expect(ownershipProblem("kecamatan", null, true)).not.toBeNull();
    expect(defaultOwner("puskesmas")).toBe("pemerintah");
    expect(defaultOwner("rs_swasta")).toBe("swasta");
    expect(defaultOwner("klinik")).toBeNull();
  });

  it("sees a cycle when the new parent is the unit itself or below it", () => {
    expect(wouldCycle("/18/18.72/18.72.01/", "/18/18.72/18.72.01/")).toBe(true);
    expect(wouldCycle("/18/18.72/18.72.01/", "/18/18.72/18.72.01/18.72.01.P1/")).toBe(true);
    expect(wouldCycle("/18/18.72/18.72.01/", "/18/18.72/18.72.010/")).toBe(false);
  });

  it("reads jenis and kepemilikan as the Dinas writes them, or as codes", () => {
    expect(readUnitType("Puskesmas")).toBe("puskesmas");
    expect(readUnitType("RS Swasta")).toBe("rs_swasta");
    expect(readUnitType("rs_swasta")).toBe("rs_swasta");
    expect(readUnitType("Kelurahan")).toBe("kelurahan");
    expect(readUnitType("Desa")).toBe("kelurahan");
    expect(readUnitType("Bidan Praktik Mandiri")).toBe("bidan_praktik_mandiri");
    expect(readUnitType("planet")).toBeNull();
    expect(readUnitOwner("Swasta")).toBe("swasta");
    expect(readUnitOwner("organisasi mitra")).toBe("organisasi_mitra");
    expect(readUnitOwner("BUMD")).toBe("bumd");
    expect(readYesNo("Ya")).toBe(true);
    expect(readYesNo("")).toBe(false);
    expect(readYesNo("mungkin")).toBeUndefined();
  });
});

describe("the kab/kota a unit lies in", () => {
  it("is the kab/kota itself, a puskesmas's kab/kota, and none above kab/kota", () => {
    expect(kabKotaOf({ id: "kota", type: "kabupaten_kota", districtId: null })).toBe("kota");
    expect(kabKotaOf({ id: "pkm", type: "puskesmas", districtId: "kota" })).toBe("kota");
    expect(kabKotaOf({ id: "provinsi", type: "provinsi", districtId: null })).toBeNull();
  });
});

describe("the kab/kota a unit's figures are kept under", () => {
  it("is the unit's kab/kota for a puskesmas, the kab/kota itself, and a province's own id", () => {
    expect(factDistrictOf({ id: "pkm", districtId: "kota" })).toBe("kota");
    expect(factDistrictOf({ id: "kota", districtId: null })).toBe("kota");
    expect(factDistrictOf({ id: "provinsi", districtId: null })).toBe("provinsi");
  });
});
