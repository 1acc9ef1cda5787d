import type { OrgUnitType, OwnerType } from "../db/schema/index.js";

/** A demo org unit; children nest. Puskesmas and hospital names are illustrative, not an official list. */
export interface DemoOrgUnit {
  code: string;
  name: string;
  type: OrgUnitType;
  officeName?: string;
  ownerType?: OwnerType;
  isBlud?: boolean;
  children?: DemoOrgUnit[];
}

const puskesmas = (code: string, name: string): DemoOrgUnit => ({
  code,
  name: `Puskesmas ${name}`,
  type: "puskesmas",
  ownerType: "pemerintah",
  isBlud: true,
});

/** A private or partner facility in a puskesmas's working area; the puskesmas collects its reports. */
const facility = (code: string, name: string, type: OrgUnitType, ownerType: OwnerType): DemoOrgUnit => ({
  code,
  name,
  type,
  ownerType,
});

/** Depok's private facilities reporting SPM services, under the puskesmas of their area (illustrative). */
const depokPrivate: Record<string, DemoOrgUnit[]> = {
  Beji: [facility("32.76.01.S1", "Klinik Pratama Beji Sehat (contoh)", "klinik", "swasta")],
  Cimanggis: [
    facility("32.76.04.S1", "Bidan Praktik Mandiri Cimanggis (contoh)", "bidan_praktik_mandiri", "swasta"),
  ],
  "Pancoran Mas": [
    facility("32.76.08.S1", "Klinik Utama Pancoran Mas (contoh)", "klinik", "swasta"),
    facility("32.76.08.S2", "Klinik Mitra Sehat Yayasan (contoh)", "klinik", "organisasi_mitra"),
  ],
  Sukmajaya: [
    facility("32.76.10.S1", "Bidan Praktik Mandiri Sukmajaya (contoh)", "bidan_praktik_mandiri", "swasta"),
  ],
};

const kecamatan = (code: string, name: string, units: DemoOrgUnit[]): DemoOrgUnit => ({
  code,
  name: `Kecamatan ${name}`,
  type: "kecamatan",
  children: units,
});

const kotaMetro: DemoOrgUnit = {
  code: "18.72",
  name: "Kota Metro",
  officeName: "Dinas Kesehatan Kota Metro",
  type: "kabupaten_kota",
  ownerType: "pemerintah",
  children: [
    kecamatan("18.72.01", "Metro Pusat", [
      puskesmas("18.72.01.P1", "Metro"),
      puskesmas("18.72.01.P2", "Yosomulyo"),
    ]),
    kecamatan("18.72.02", "Metro Utara", [
      puskesmas("18.72.02.P1", "Banjarsari"),
      puskesmas("18.72.02.P2", "Purwosari"),
      puskesmas("18.72.02.P3", "Karangrejo"),
    ]),
    kecamatan("18.72.03", "Metro Barat", [puskesmas("18.72.03.P1", "Ganjar Agung")]),
    kecamatan("18.72.04", "Metro Timur", [
      puskesmas("18.72.04.P1", "Yosodadi"),
      puskesmas("18.72.04.P2", "Iringmulyo"),
      puskesmas("18.72.04.P3", "Tejo Agung"),
    ]),
    kecamatan("18.72.05", "Metro Selatan", [
      puskesmas("18.72.05.P1", "Margorejo"),
      puskesmas("18.72.05.P2", "Sumbersari Bantul"),
    ]),
    {
      code: "18.72.R1",
      name: "RSUD Jenderal Ahmad Yani",
      type: "rsud",
      ownerType: "pemerintah",
      isBlud: true,
    },
    { code: "18.72.R2", name: "RSUD Sumbersari Bantul", type: "rsud", ownerType: "pemerintah", isBlud: true },
  ],
};

const depokKecamatan = [
  "Beji",
  "Bojongsari",
  "Cilodong",
  "Cimanggis",
  "Cinere",
  "Cipayung",
  "Limo",
  "Pancoran Mas",
  "Sawangan",
  "Sukmajaya",
  "Tapos",
];

const kotaDepok: DemoOrgUnit = {
  code: "32.76",
  name: "Kota Depok",
  officeName: "Dinas Kesehatan Kota Depok",
  type: "kabupaten_kota",
  ownerType: "pemerintah",
  children: [
    ...depokKecamatan.map((name, i) => {
      const code = `32.76.${String(i + 1).padStart(2, "0")}`;
      const center = { ...puskesmas(`${code}.P1`, name), children: depokPrivate[name] };
      return kecamatan(code, name, [center]);
    }),
    { code: "32.76.R1", name: "RSUD Kota Depok", type: "rsud", ownerType: "pemerintah", isBlud: true },
    { code: "32.76.S1", name: "RS Swasta Depok (contoh)", type: "rs_swasta", ownerType: "swasta" },
  ],
};

export const demoOrgUnits: DemoOrgUnit = {
  code: "KEMENKES",
  name: "Kementerian Kesehatan",
  type: "kementerian",
  ownerType: "pemerintah",
  children: [
    {
      code: "18",
      name: "Provinsi Lampung",
      type: "provinsi",
      ownerType: "pemerintah",
      children: [kotaMetro],
    },
    {
      code: "32",
      name: "Provinsi Jawa Barat",
      type: "provinsi",
      ownerType: "pemerintah",
      children: [kotaDepok],
    },
  ],
};
