import type { ValidationRule } from "../domain/index.js";
import { cellAt, cellText, type Grid } from "../interop/spreadsheet/index.js";
import { newWorkbook } from "../lib/exceljs.js";
import type { DataSetDetail } from "./schemas.js";

/** One data set as a workbook: settings, elements in form order with sections, and rules. */
export interface DataSetSheet {
  code: string;
  name: string;
  periodType: "month" | "quarter" | "year";
  deadlineDays: number;
  jumpPercent: number;
  openFrom: string | null;
  openFuturePeriods: number;
  elements: Array<{
    code: string;
    name: string;
    valueType: "integer" | "number";
    description: string | null;
    section: string | null;
  }>;
  rules: ValidationRule[];
}

type Bilingual = { id: string; en: string };

const PERIOD_WORDS: Record<DataSetSheet["periodType"], string> = {
  month: "bulan",
  quarter: "triwulan",
  year: "tahun",
};
const VALUE_WORDS = { integer: "bilangan bulat", number: "angka" } as const;
const SEVERITY_WORDS = { error: "galat", warning: "peringatan" } as const;
const SETTINGS = [
  "Kode",
  "Nama",
  "Jenis periode",
  "Batas hari",
  "Lonjakan %",
  "Dibuka mulai",
  "Periode ke depan",
];
const DATA_HEADER = ["No", "Bagian", "Kode", "Nama data", "Jenis nilai", "Keterangan"];
const RULE_HEADER = ["Kode", "Kiri", "Operator", "Kanan", "Tingkat", "Pesan", "Message (English)"];

export async function dataSetWorkbook(set: DataSetDetail, descriptions: Map<string, string | null>) {
  const book = await newWorkbook();
  const settings = book.addWorksheet("Formulir");
  settings.addRow(["Isian", "Nilai"]).font = { bold: true };
  const values = [
    set.code,
    set.name,
    PERIOD_WORDS[set.periodType],
    set.deadlineDays,
    set.jumpPercent,
    set.openFrom ?? "",
    set.openFuturePeriods,
  ];
  settings.addRows(SETTINGS.map((label, i) => [label, values[i]]));
  settings.getColumn(1).width = 20;
  settings.getColumn(2).width = 50;
  const data = book.addWorksheet("Data");
  data.addRow(DATA_HEADER).font = { bold: true };
  data.addRows(
    set.elements.map((e, i) => [
      i + 1,
      e.section ?? "",
      e.code,
      e.name,
      VALUE_WORDS[e.valueType],
      descriptions.get(e.dataElementId) ?? "",
    ]),
  );
  [6, 24, 22, 60, 16, 40].forEach((w, i) => {
    data.getColumn(i + 1).width = w;
  });
  const rules = book.addWorksheet("Aturan");
  rules.addRow(RULE_HEADER).font = { bold: true };
  for (const r of set.rules)
    rules.addRow([
      r.code,
      r.left,
      r.operator,
      r.right,
      SEVERITY_WORDS[r.severity],
      r.message.id,
      r.message.en,
    ]);
  [20, 30, 10, 30, 12, 50, 50].forEach((w, i) => {
    rules.getColumn(i + 1).width = w;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

const word = <K extends string>(map: Record<K, string>, text: string): K | undefined => {
  const t = text.trim().toLowerCase();
  return (Object.keys(map) as K[]).find((k) => k === t || map[k] === t);
};

const headerIs = (grid: Grid | undefined, header: string[]) =>
  grid !== undefined &&
  header.every((h, i) => cellText(cellAt(grid, 0, i)).toLowerCase() === h.toLowerCase());

/** Reads a workbook written by `dataSetWorkbook` (or filled by hand in its layout); problems come back, not thrown. */
export function readDataSetSheets(grids: readonly Grid[]): {
  sheet: DataSetSheet | null;
  errors: Bilingual[];
} {
  const errors: Bilingual[] = [];
  const [settings, data, ruleGrid] = grids;
  if (
    !headerIs(settings, ["Isian", "Nilai"]) ||
    !headerIs(data, DATA_HEADER) ||
    !headerIs(ruleGrid, RULE_HEADER)
  ) {
    return {
      sheet: null,
      errors: [
        {
          id: "Berkas harus memiliki lembar Formulir, Data dan Aturan seperti hasil unduhan; unduh formulir sebagai contoh.",
          en: "The workbook needs the Formulir, Data and Aturan sheets as exported; download a data set as an example.",
        },
      ],
    };
  }
  const setting = (label: string) => {
    for (let r = 1; r < (settings as Grid).rows.length; r++) {
      if (cellText(cellAt(settings as Grid, r, 0)).toLowerCase() === label.toLowerCase())
        return cellText(cellAt(settings as Grid, r, 1));
    }
    return "";
  };
  const whole = (label: string, fallback: number) => {
    const text = setting(label);
    if (text === "") return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0)
      errors.push({
        id: `${label}: "${text}" bukan bilangan bulat.`,
        en: `${label}: "${text}" is not a whole number.`,
      });
    return Number.isInteger(n) ? n : fallback;
  };
  const periodType = word(PERIOD_WORDS, setting("Jenis periode"));
  if (!periodType)
    errors.push({
      id: "Jenis periode harus bulan, triwulan atau tahun.",
      en: "The period type must be bulan, triwulan or tahun.",
    });
  const elements = rowsOf(data as Grid).map((r) => {
    const valueType = word(VALUE_WORDS, r[4] ?? "");
    if (!valueType)
      errors.push({
        id: `Data ${r[2]}: jenis nilai harus "bilangan bulat" atau "angka".`,
        en: `Element ${r[2]}: the value type must be "bilangan bulat" or "angka".`,
      });
    return {
      section: r[1] || null,
      code: r[2] ?? "",
      name: r[3] ?? "",
      valueType: valueType ?? "integer",
      description: r[5] || null,
    };
  });
  const rules = rowsOf(ruleGrid as Grid).map((r): ValidationRule => {
    const severity = word(SEVERITY_WORDS, r[4] ?? "");
    if (!severity)
      errors.push({
        id: `Aturan ${r[0]}: tingkat harus "galat" atau "peringatan".`,
        en: `Rule ${r[0]}: the level must be "galat" or "peringatan".`,
      });
    const operator = r[2] as ValidationRule["operator"];
    if (!["<=", "<", ">=", ">", "==", "!="].includes(operator))
      errors.push({
        id: `Aturan ${r[0]}: operator "${r[2]}" tidak dikenal.`,
        en: `Rule ${r[0]}: unknown operator "${r[2]}".`,
      });
    return {
      code: r[0] ?? "",
      left: r[1] ?? "",
      operator,
      right: r[3] ?? "",
      severity: severity ?? "error",
      message: { id: r[5] ?? "", en: r[6] ?? "" },
    };
  });
  return {
    sheet: {
      code: setting("Kode"),
      name: setting("Nama"),
      periodType: periodType ?? "month",
      deadlineDays: whole("Batas hari", 10),
      jumpPercent: whole("Lonjakan %", 50),
      openFrom: setting("Dibuka mulai") || null,
      openFuturePeriods: whole("Periode ke depan", 0),
      elements,
      rules,
    },
    errors,
  };
}

/** The non-empty rows below the header as trimmed texts. */
function rowsOf(grid: Grid): string[][] {
  const width = Math.max(0, ...grid.rows.map((r) => r.length));
  return grid.rows
    .slice(1)
    .map((_, i) => Array.from({ length: width }, (_, c) => cellText(cellAt(grid, i + 1, c)).trim()))
    .filter((cells) => cells.some((c) => c !== ""));
}
