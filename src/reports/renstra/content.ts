import { formatRupiah, renstraVersionLabel } from "../../domain/index.js";
import { type RenstraDocument, renstraYears } from "../../plans/renstra-types.js";

/** The Renstra as the rows both exports print: the importable layout, one column per year. */
export interface RenstraExportOptions {
  paper?: "A4" | "F4";
  version?: number;
}

export const FIXED_HEADER = [
  "No",
  "Tujuan",
  "Sasaran Strategis",
  "Program",
  "Indikator",
  "Satuan",
  "Polaritas",
] as const;
export const END_HEADER = "Target Akhir Renstra";

export interface RenstraRow {
  no: string;
  tujuan: string;
  sasaran: string;
  program: string;
  indicator: string;
  unit: string;
  /** "naik" (higher is better) or "turun"; empty on node and pagu rows. */
  polarity: string;
  /** Per year of the Renstra, as written; for a pagu row, Rupiah as digits. */
  years: string[];
  end: string;
  kind: "indicator" | "budget" | "node";
}

export function renstraHeader(doc: RenstraDocument): string[] {
  return [...FIXED_HEADER, ...renstraYears(doc).map(String), END_HEADER];
}

export function renstraTitleLines(doc: RenstraDocument, options: RenstraExportOptions = {}): string[] {
  const version = renstraVersionLabel(options.version ?? 1).id;
  return [
    doc.title || `Rencana Strategis ${doc.orgUnitName} Tahun ${doc.startYear}–${doc.endYear}`,
    `${doc.orgUnitName} · ${doc.startYear}–${doc.endYear} · ${version}`,
  ];
}

/** Rows in document order: a node's first indicator shares its row, further indicators follow. */
export function renstraRows(doc: RenstraDocument, forPrint = false): RenstraRow[] {
  const years = renstraYears(doc);
  const rows: RenstraRow[] = [];
  const blank = {
    no: "",
    tujuan: "",
    sasaran: "",
    program: "",
    indicator: "",
    unit: "",
    polarity: "",
    end: "",
  };
  const push = (
    names: Pick<RenstraRow, "no" | "tujuan" | "sasaran" | "program">,
    indicators: RenstraDocument["tujuan"][number]["indicators"],
  ) => {
    if (indicators.length === 0) rows.push({ ...blank, ...names, years: years.map(() => ""), kind: "node" });
    indicators.forEach((ind, i) => {
      rows.push({
        ...blank,
        ...(i === 0 ? names : {}),
        indicator: ind.name,
        unit: ind.unit,
        polarity: ind.polarity === "lower" ? "turun" : "naik",
        years: years.map((y) => ind.targets[y] ?? "-"),
        end: ind.end ?? "",
        kind: "indicator",
      });
    });
  };
  doc.tujuan.forEach((t, ti) => {
    push({ no: String(ti + 1), tujuan: t.name, sasaran: "", program: "" }, t.indicators);
    t.sasaran.forEach((s, si) => {
      push({ no: `${ti + 1}.${si + 1}`, tujuan: "", sasaran: s.name, program: "" }, s.indicators);
      for (const p of s.programs) {
        const program = p.code ? `${p.code} ${p.name}` : p.name;
        push({ no: "", tujuan: "", sasaran: "", program }, p.indicators);
        const amounts = years.map((y) => p.budgets[y] ?? null);
        const total = amounts.reduce<number>((sum, a) => sum + (a ?? 0), 0);
        rows.push({
          ...blank,
          indicator: "Pagu indikatif (Rp)",
          years: amounts.map((a) => (a === null ? "" : forPrint ? formatRupiah(a) : String(a))),
          end: forPrint ? formatRupiah(total) : String(total),
          kind: "budget",
        });
      }
    });
  });
  return rows;
}
