import { formatRupiah, formatTarget } from "../../domain/index.js";
import type { RakDocument, RakIndicatorRow, RakKegiatan } from "../../plans/rak-document.js";
import type { Paper } from "../rak/options.js";
import { type SignatoryBlock, signatoryBlock } from "../rak/text-blocks.js";

/**
 * What the Perjanjian Kinerja says, in the form of Permenpan RB 53/2014 for an OPD, computed once for
 * the xlsx and the pdf. The PK is the annual view of the same plan as the RAK: same indicators and
 * annual targets, no quarters.
 */

export interface SecondParty {
  /** Left as a dotted line when unknown: the Wali Kota or Bupati signs by hand. */
  name?: string;
  position: string;
}

export interface PkExportOptions {
  paper?: Paper;
  secondParty?: SecondParty;
}

export const DOTTED_NAME = "……………………………………";

export function pkTitleLines(doc: RakDocument): [string, string] {
  return [`PERJANJIAN KINERJA TAHUN ${doc.year}`, doc.orgUnitName.toUpperCase()];
}

/**
 * The head of the region supervises the Kepala Dinas: "Dinas Kesehatan Kota Metro" → "Wali Kota Metro",
 * "… Kabupaten Lampung Tengah" → "Bupati Lampung Tengah", "… Provinsi Lampung" → "Gubernur Lampung".
 * A name without a region leaves the position to be written in by hand.
 */
export function defaultSecondPartyPosition(orgUnitName: string): string {
  const match = /\b(Kota|Kabupaten|Kab\.|Provinsi)\s+(.+)$/i.exec(orgUnitName.trim());
  if (match === null) return DOTTED_NAME;
  const [, kind = "", region = ""] = match;
  const head =
    kind.toLowerCase() === "kota" ? "Wali Kota" : kind.toLowerCase() === "provinsi" ? "Gubernur" : "Bupati";
  return `${head} ${region}`;
}

export interface Party {
  /** "Nama" and "Jabatan" as written in the statement. */
  name: string;
  position: string;
  /** "selanjutnya disebut pihak pertama" / "selaku atasan pihak pertama, …" */
  role: string;
}

export interface PkStatement {
  opening: string;
  first: Party;
  second: Party;
  commitments: [string, string];
}

export function pkStatement(doc: RakDocument, secondParty?: SecondParty): PkStatement {
  return {
    opening:
      "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta " +
      "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:",
    first: {
      name: doc.signatory.name,
      position: doc.signatory.position,
      role: "selanjutnya disebut pihak pertama",
    },
    second: {
      name: secondParty?.name ?? DOTTED_NAME,
      position: secondParty?.position ?? defaultSecondPartyPosition(doc.orgUnitName),
      role: "selaku atasan pihak pertama, selanjutnya disebut pihak kedua",
    },
    commitments: [
      "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian " +
        "ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam " +
        "dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi " +
        "tanggung jawab kami.",
      "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap " +
        "capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka " +
        "pemberian penghargaan dan sanksi.",
    ],
  };
}

/** One signature column; the renderers leave the signing space between position and name. */
export interface SignatureColumn {
  label: string;
  position: string;
  name: string;
  /** The Kepala Dinas prints a NIP; a Wali Kota or Bupati, an elected official, has none. */
  nip?: string;
}

export interface PkSignatures {
  /** Above the pihak pertama only, as in the template; absent without place and date. */
  placeAndDate?: string;
  /** Left: the superior. */
  second: SignatureColumn;
  /** Right: the Kepala Dinas. */
  first: SignatureColumn;
}

export function pkSignatures(doc: RakDocument, statement: PkStatement): PkSignatures {
  const block: SignatoryBlock = signatoryBlock(doc.signatory);
  return {
    ...(block.placeAndDate === undefined ? {} : { placeAndDate: block.placeAndDate }),
    second: {
      label: "PIHAK KEDUA,",
      position: statement.second.position.toUpperCase(),
      name: statement.second.name,
    },
    first: { label: "PIHAK PERTAMA,", position: block.position, name: block.name, nip: block.nip },
  };
}

export const TARGET_HEADER = [
  "NO",
  "SASARAN STRATEGIS / PROGRAM / KEGIATAN",
  "INDIKATOR KINERJA",
  "SATUAN",
  "TARGET",
];
export const BUDGET_HEADER = ["NO", "PROGRAM", "ANGGARAN", "KETERANGAN"];

export interface TargetRow {
  indicator: string;
  unit: string;
  target: string;
  /** A program and its indicators are bold, as in the RAK. */
  bold: boolean;
}

/** A node's number and name, merged over the node's indicator rows (at least one row). */
export interface NodeSpan {
  first: number;
  count: number;
  number: string;
  name: string;
  bold: boolean;
  /** Sub kegiatan nesting below kegiatan: renderers indent by it. */
  depth: number;
}

export interface TargetTable {
  rows: TargetRow[];
  spans: NodeSpan[];
}

type Node = { code?: string; name: string; indicators: RakIndicatorRow[] };

/**
 * Table 1 of the lampiran: each sasaran with its indicators, then its programs, each followed by its
 * kegiatan. Numbers are hierarchical (1, 1.1, 1.1.1) so a kegiatan is read under its program.
 */
export function pkTargetTable(doc: RakDocument): TargetTable {
  const table: TargetTable = { rows: [], spans: [] };
  const add = (node: Node, number: string, bold: boolean, depth: number) => {
    const first = table.rows.length;
    for (const i of node.indicators) {
      table.rows.push({ indicator: i.name, unit: i.unit, target: formatTarget(i.target), bold });
    }
    // A node without indicators still shows its name on an empty row.
    if (node.indicators.length === 0) table.rows.push({ indicator: "", unit: "", target: "", bold });
    const name = node.code ? `${node.code} ${node.name}` : node.name;
    table.spans.push({ first, count: table.rows.length - first, number, name, bold, depth });
  };
  const addKegiatan = (kegiatan: RakKegiatan, number: string, depth: number) => {
    add(kegiatan, number, false, depth);
    kegiatan.subKegiatan?.forEach((sub, i) => {
      addKegiatan(sub, `${number}.${i + 1}`, depth + 1);
    });
  };
  doc.sasaran.forEach((sasaran, s) => {
    add(sasaran, `${s + 1}`, false, 0);
    sasaran.programs.forEach((program, p) => {
      add(program, `${s + 1}.${p + 1}`, true, 0);
      program.kegiatan.forEach((kegiatan, k) => {
        addKegiatan(kegiatan, `${s + 1}.${p + 1}.${k + 1}`, 0);
      });
    });
  });
  return table;
}

export interface BudgetRow {
  number: string;
  program: string;
  /** Whole Rupiah; null when the plan has no pagu for the program yet. */
  amount: number | null;
  text: string;
  note: string;
}

export interface BudgetTable {
  rows: BudgetRow[];
  total: number;
  totalText: string;
}

/**
 * Table 2: the pagu of every program and their sum. The JUMLAH is the sum of the lines printed above
 * it, never the sasaran total of the RAK (seed 000: Rp 343.221.061.270 against Rp 342.067.018.088 of
 * the five programs): a signed total that its lines do not add up to would not pass a review, and the
 * gap is reported by the plan's budget check (checkBudgets) where it can be fixed.
 */
export function pkBudgetTable(doc: RakDocument): BudgetTable {
  const programs = doc.sasaran.flatMap((s) => s.programs);
  const rows = programs.map((program, i) => ({
    number: `${i + 1}`,
    program: program.code ? `${program.code} ${program.name}` : program.name,
    amount: program.budget,
    text: program.budget === null ? "-" : formatRupiah(program.budget),
    note: program.budget === null ? "pagu belum ditetapkan" : "",
  }));
  // Summed as bigint so the total is exact whatever the amounts; budgets are safe integers by type.
  const total = rows.reduce((sum, row) => sum + BigInt(row.amount ?? 0), 0n);
  return { rows, total: Number(total), totalText: formatRupiah(total) };
}
