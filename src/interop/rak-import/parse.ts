import type { RakDocument, RakSignatory } from "../../plans/rak-document.js";
import { cellAt, cellText, type Grid } from "../spreadsheet/cells.js";
import { asImportError, ImportError, type ImportWarning, warning } from "../spreadsheet/errors.js";
import { RAK_LIMITS } from "../spreadsheet/limits.js";
import { readSpreadsheet } from "../spreadsheet/read.js";
import { treeWarnings } from "./checks.js";
import { readSignatory, readTitleBlock } from "./frame.js";
import { findHeader, type Header } from "./header.js";
import { decideConvention } from "./numbers.js";
import { buildTree, lastTableRow } from "./rows.js";

export interface RakImportSummary {
  sasaran: number;
  program: number;
  kegiatan: number;
  subKegiatan: number;
  indicators: number;
  /** Sum of the sasaran budgets, whole Rupiah. */
  budgetTotal: number;
}

export interface RakImport {
  document: RakDocument;
  warnings: ImportWarning[];
  summary: RakImportSummary;
}

export interface ParseRakOptions {
  /** Larger uploads are refused with 413; default 20 MB. */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Reads a Rencana Aksi Kinerja from .xlsx or .csv bytes into a RakDocument and the warnings a planner
 * should see in the preview. Writes nothing; refuses the file only with an ImportError.
 */
export async function parseRakFile(
  bytes: Uint8Array,
  fileName: string,
  options: ParseRakOptions = {},
): Promise<RakImport> {
  try {
    return await parse(bytes, fileName, options.maxBytes ?? DEFAULT_MAX_BYTES);
  } catch (error) {
    throw asImportError(error);
  }
}

async function parse(bytes: Uint8Array, fileName: string, maxBytes: number): Promise<RakImport> {
  const { grids, warnings: fileWarnings } = await readSpreadsheet(bytes, fileName, maxBytes, {
    merges: true,
    limits: RAK_LIMITS,
  });
  const { grid, header } = firstSheetWithHeader(grids);
  return assemble(grid, header, fileName, fileWarnings);
}

function firstSheetWithHeader(grids: readonly Grid[]): { grid: Grid; header: Header } {
  let missing: unknown = null;
  for (const grid of grids) {
    try {
      return { grid, header: findHeader(grid) };
    } catch (error) {
      if (!(error instanceof ImportError) || error.code !== "HEADER_NOT_FOUND") throw error;
      missing = error;
    }
  }
  throw (
    missing ?? new ImportError("SHEET_EMPTY", "Berkas tidak memuat lembar kerja", "The file has no worksheet")
  );
}

/** The written numbers of the table, from which the file's decimal convention is decided. */
function writtenNumbers(grid: Grid, header: Header, lastRow: number) {
  const { target, quarters, budget } = header.columns;
  const texts: { text: string; kind: "target" | "amount" }[] = [];
  for (let r = header.firstDataRow; r <= lastRow; r++) {
    for (const c of [target, ...quarters]) {
      const cell = cellAt(grid, r, c);
      if (cell.kind === "text") texts.push({ text: cell.text.trim(), kind: "target" });
    }
    if (!budget) continue;
    const cells = Array.from({ length: budget.to - budget.from + 1 }, (_, i) =>
      cellAt(grid, r, budget.from + i),
    );
    const text = cells
      .map(cellText)
      .filter((t) => t !== "")
      .join(" ");
    if (cells.some((cell) => cell.kind === "text") && /\d/.test(text)) texts.push({ text, kind: "amount" });
  }
  return texts;
}

function assemble(grid: Grid, header: Header, fileName: string, fileWarnings: ImportWarning[]): RakImport {
  const lastRow = lastTableRow(grid, header);
  const reader = decideConvention(writtenNumbers(grid, header, lastRow));
  const tree = buildTree(grid, header, reader);
  const programs = tree.sasaran.flatMap((s) => s.programs);
  const kegiatan = programs.flatMap((p) => p.kegiatan);
  const subKegiatan = kegiatan.flatMap((k) => k.subKegiatan ?? []);
  const indicators = [...tree.sasaran, ...programs, ...kegiatan, ...subKegiatan].reduce(
    (n, node) => n + node.indicators.length,
    0,
  );
  if (indicators === 0) {
    throw new ImportError(
      "NO_INDICATORS",
      `Tidak ada baris indikator di bawah baris judul kolom (baris ${header.row + 1})`,
      `There are no indicator rows under the header row (row ${header.row + 1})`,
      { headerRow: header.row + 1 },
    );
  }
  const titleBlock = readTitleBlock(grid, header.row);
  const year = titleBlock.year ?? yearFromFileName(fileName);
  const orgUnitName = titleBlock.orgUnitName ?? "";
  const signatory = readSignatory(grid, lastRow + 1);
  const frameWarnings = [
    ...(year === null
      ? [frameWarning("YEAR_MISSING", 'tahun (mis. "TAHUN 2024")', 'the year (e.g. "TAHUN 2024")')]
      : []),
    ...(orgUnitName === ""
      ? [frameWarning("ORG_UNIT_MISSING", "nama perangkat daerah", "the organisation unit")]
      : []),
    ...(signatory === null
      ? [
          frameWarning(
            "SIGNATORY_MISSING",
            "penanda tangan (jabatan, nama, NIP)",
            "the signatory (position, name, NIP)",
          ),
        ]
      : []),
  ];
  const document: RakDocument = {
    title:
      titleBlock.title ??
      `Rencana Aksi Kinerja ${orgUnitName} Tahun ${year ?? ""}`.replace(/\s+/g, " ").trim(),
    orgUnitName,
    year: year ?? 0,
    sasaran: tree.sasaran,
    signatory: signatory ?? emptySignatory(),
  };
  const warnings = [
    ...fileWarnings,
    ...frameWarnings,
    ...reader.warnings,
    ...tree.warnings,
    ...treeWarnings(tree.sasaran, tree.rowOf),
  ];
  return {
    document,
    warnings: sortByRow(warnings),
    summary: {
      sasaran: tree.sasaran.length,
      program: programs.length,
      kegiatan: kegiatan.length,
      subKegiatan: subKegiatan.length,
      indicators,
      budgetTotal: tree.sasaran.reduce((total, s) => total + (s.budget ?? 0), 0),
    },
  };
}

const emptySignatory = (): RakSignatory => ({ position: "", name: "", nip: "" });

function frameWarning(code: string, what: string, whatEn: string): ImportWarning {
  return warning(
    code,
    `Berkas tidak menyebut ${what}; lengkapi sebelum menyimpan`,
    `The file does not state ${whatEn}; complete it before saving`,
    null,
  );
}

function yearFromFileName(fileName: string): number | null {
  const match = /(?:^|\D)(20\d{2})(?:\D|$)/.exec(fileName);
  return match?.[1] ? Number(match[1]) : null;
}

/** File-wide findings first, then in sheet order; the sort is stable within a row. */
function sortByRow(warnings: readonly ImportWarning[]): ImportWarning[] {
  return [...warnings].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
