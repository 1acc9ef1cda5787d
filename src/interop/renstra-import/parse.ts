import { checkYearColumns, readRenstraTarget, TARGET_NOTE_TEXT } from "../../domain/index.js";
import type {
  RenstraDocument,
  RenstraIndicatorRow,
  RenstraProgram,
  RenstraSasaran,
  RenstraTujuan,
} from "../../plans/renstra-types.js";
import { readPolarity } from "../rak-import/polarity.js";
import { type Cell, cellAt, cellText, type Grid, normalizeSpaces } from "../spreadsheet/cells.js";
import { asImportError, ImportError, type ImportWarning, warning } from "../spreadsheet/errors.js";
import { RAK_LIMITS } from "../spreadsheet/limits.js";
import { readSpreadsheet } from "../spreadsheet/read.js";

/**
 * Reads a Renstra from the usual Excel layout: one header row naming Tujuan, Sasaran, Program, Indikator,
 * Satuan, one column per year and the Target Akhir; a row whose Indikator reads "Pagu indikatif" carries
 * its program's budget per year. Targets are kept as written; whatever is not a plain number, a year out
 * of order, a gap or a missing end target becomes a warning, never a silent guess.
 */
export interface RenstraImport {
  document: RenstraDocument;
  warnings: ImportWarning[];
  summary: { tujuan: number; sasaran: number; program: number; indicators: number };
}

interface Header {
  row: number;
  tujuan: number;
  sasaran: number;
  program: number;
  indicator: number;
  unit: number;
  polarity: number | null;
  end: number | null;
  /** Year columns in the order written. */
  years: Array<{ year: number; col: number }>;
}

const YEAR = /(?:^|\D)(20\d\d)(?:\D|$)/;
const BUDGET_ROW = /^(pagu|anggaran)/i;
const PROGRAM_CODE = /^(\d+(?:\.\d+)+)\s+(.+)$/;

export async function parseRenstraFile(bytes: Uint8Array, fileName: string): Promise<RenstraImport> {
  try {
    const { grids, warnings } = await readSpreadsheet(bytes, fileName, 20 * 1024 * 1024, {
      merges: true,
      limits: RAK_LIMITS,
    });
    for (const grid of grids) {
      const header = findHeader(grid);
      if (header) return assemble(grid, header, warnings);
    }
    throw new ImportError(
      "HEADER_NOT_FOUND",
      "Baris judul tabel Renstra tidak ditemukan: perlu kolom Indikator, Satuan dan satu kolom per tahun",
      "The Renstra table header was not found: it needs Indikator, Satuan and one column per year",
    );
  } catch (error) {
    throw asImportError(error);
  }
}

function findHeader(grid: Grid): Header | null {
  for (let r = 0; r < Math.min(grid.rows.length, 30); r++) {
    const texts = (grid.rows[r] ?? []).map((c) => normalizeSpaces(cellText(c)).toLowerCase());
    const col = (test: (t: string) => boolean) => texts.findIndex(test);
    const indicator = col((t) => t.startsWith("indikator"));
    const unit = col((t) => t.startsWith("satuan"));
    const end = col((t) => t.includes("akhir"));
    const years = texts.flatMap((t, c) => {
      const year = YEAR.exec(t)?.[1];
      return year && c !== end && !t.includes("awal") ? [{ year: Number(year), col: c }] : [];
    });
    if (indicator < 0 || unit < 0 || years.length === 0) continue;
    const polarity = col((t) => t.startsWith("polaritas"));
    return {
      row: r,
      tujuan: col((t) => t.startsWith("tujuan")),
      sasaran: col((t) => t.startsWith("sasaran")),
      program: col((t) => t.startsWith("program")),
      indicator,
      unit,
      polarity: polarity < 0 ? null : polarity,
      end: end < 0 ? null : end,
      years,
    };
  }
  return null;
}

const textOf = (grid: Grid, r: number, c: number) =>
  c < 0 ? "" : normalizeSpaces(cellText(cellAt(grid, r, c)));

/** A target cell as written: text stays text; a number cell reads as its canonical decimal. */
function writtenTarget(cell: Cell): string {
  return cell.kind === "text" ? cell.text.trim() : cell.kind === "number" ? cell.value : "";
}

function assemble(grid: Grid, header: Header, fileWarnings: ImportWarning[]): RenstraImport {
  const warnings = [...fileWarnings];
  const years = yearWarnings(header, warnings);
  const tujuan: RenstraTujuan[] = [];
  let sasaran = null as RenstraSasaran | null;
  let program = null as RenstraProgram | null;
  let deepest: { indicators: RenstraIndicatorRow[] } | null = null;
  let indicators = 0;
  for (let r = header.row + 1; r < grid.rows.length; r++) {
    const row = r + 1;
    const tujuanName = textOf(grid, r, header.tujuan);
    const sasaranName = textOf(grid, r, header.sasaran);
    const programName = textOf(grid, r, header.program);
    const indicatorName = textOf(grid, r, header.indicator);
    // A name repeated on every row of its block (instead of merged cells) continues the block.
    if (tujuanName && tujuanName !== tujuan.at(-1)?.name) {
      tujuan.push({ name: tujuanName, indicators: [], sasaran: [] });
      deepest = tujuan.at(-1) ?? null;
      sasaran = null;
      program = null;
    }
    if (sasaranName && sasaranName !== sasaran?.name) {
      const parent = tujuan.at(-1) ?? orphanTujuan(tujuan, warnings, row);
      sasaran = { name: sasaranName, indicators: [], programs: [] };
      parent.sasaran.push(sasaran);
      deepest = sasaran;
      program = null;
    }
    if (programName && programName !== program?.name && programName !== programLabel(program)) {
      if (!sasaran) {
        warnings.push(
          warning(
            "PROGRAM_WITHOUT_SASARAN",
            `Program "${programName}" tidak berada di bawah sasaran: baris dilewati`,
            `Program "${programName}" is under no sasaran: row skipped`,
            row,
          ),
        );
        continue;
      }
      const code = PROGRAM_CODE.exec(programName);
      program = {
        ...(code ? { code: code[1] } : {}),
        name: code?.[2] ?? programName,
        budgets: {},
        indicators: [],
      };
      sasaran.programs.push(program);
      deepest = program;
    }
    if (!indicatorName) continue;
    if (BUDGET_ROW.test(indicatorName)) {
      readBudgets(grid, r, header, program, warnings);
      continue;
    }
    if (!deepest) {
      warnings.push(
        warning(
          "INDICATOR_WITHOUT_NODE",
          `Indikator "${indicatorName}" tidak berada di bawah tujuan, sasaran atau program: dilewati`,
          `Indicator "${indicatorName}" is under no tujuan, sasaran or program: skipped`,
          row,
        ),
      );
      continue;
    }
    deepest.indicators.push(readIndicator(grid, r, header, indicatorName, warnings));
    indicators++;
  }
  if (indicators === 0) {
    throw new ImportError(
      "NO_INDICATORS",
      `Tabel Renstra belum berisi baris: tidak ada indikator di bawah baris judul kolom (baris ${header.row + 1}). Isi satu baris per indikator, lalu unggah lagi.`,
      `The Renstra table has no rows yet: there is no indicator under the header row (row ${header.row + 1}). Fill in one row per indicator, then upload again.`,
      { headerRow: header.row + 1 },
    );
  }
  const document: RenstraDocument = {
    title: titleAbove(grid, header.row),
    orgUnitName: "",
    startYear: years[0] as number,
    endYear: years.at(-1) as number,
    tujuan,
    signatory: { position: "", name: "", nip: "" },
  };
  const all = tujuan.flatMap((t) => t.sasaran);
  return {
    document,
    warnings,
    summary: {
      tujuan: tujuan.length,
      sasaran: all.length,
      program: all.reduce((n, s) => n + s.programs.length, 0),
      indicators,
    },
  };
}

function yearWarnings(header: Header, warnings: ImportWarning[]): number[] {
  const check = checkYearColumns(header.years.map((y) => y.year));
  if (check.duplicates.length > 0) {
    throw new ImportError(
      "YEAR_REPEATED",
      `Tahun ${check.duplicates.join(", ")} muncul di lebih dari satu kolom`,
      `Year ${check.duplicates.join(", ")} appears in more than one column`,
      { row: header.row + 1 },
    );
  }
  if (check.outOfOrder) {
    const written = header.years.map((y) => y.year).join(", ");
    warnings.push(
      warning(
        "YEARS_OUT_OF_ORDER",
        `Kolom tahun tidak berurutan (${written}): setiap target dibaca menurut tahun di judul kolomnya`,
        `The year columns are out of order (${written}): each target is read by the year in its header`,
        header.row + 1,
      ),
    );
  }
  if (check.missing.length > 0) {
    warnings.push(
      warning(
        "YEAR_MISSING",
        `Tidak ada kolom untuk tahun ${check.missing.join(", ")}: tahun itu tanpa target`,
        `No column for year ${check.missing.join(", ")}: that year has no target`,
        header.row + 1,
      ),
    );
  }
  return [...check.years];
}

function readIndicator(
  grid: Grid,
  r: number,
  header: Header,
  name: string,
  warnings: ImportWarning[],
): RenstraIndicatorRow {
  const row = r + 1;
  const unit = textOf(grid, r, header.unit);
  if (!unit) {
    warnings.push(
      warning("UNIT_MISSING", `Indikator "${name}" tanpa satuan`, `Indicator "${name}" has no unit`, row),
    );
  }
  const targets: Record<number, string> = {};
  for (const { year, col } of header.years) {
    const written = writtenTarget(cellAt(grid, r, col));
    targets[year] = written || "-";
    noteTarget(written, row, warnings);
  }
  const end = header.end === null ? "" : writtenTarget(cellAt(grid, r, header.end));
  if (!end) {
    warnings.push(
      warning(
        "END_TARGET_MISSING",
        `Indikator "${name}" tanpa target akhir Renstra: dibiarkan kosong, tidak diambil dari tahun terakhir`,
        `Indicator "${name}" has no Renstra end target: left empty, not taken from the last year`,
        row,
      ),
    );
  } else noteTarget(end, row, warnings);
  const polarity = header.polarity === null ? null : readPolarity(textOf(grid, r, header.polarity));
  return { name, unit, ...(polarity === "lower" ? { polarity } : {}), targets, end: end || null };
}

function noteTarget(written: string, row: number, warnings: ImportWarning[]) {
  for (const note of readRenstraTarget(written).notes) {
    const text = TARGET_NOTE_TEXT[note](written);
    warnings.push(warning(`TARGET_${note.toUpperCase()}`, text.id, text.en, row));
  }
}

function readBudgets(
  grid: Grid,
  r: number,
  header: Header,
  program: RenstraProgram | null,
  warnings: ImportWarning[],
) {
  if (!program) {
    warnings.push(
      warning(
        "BUDGET_WITHOUT_PROGRAM",
        "Baris pagu indikatif tidak berada di bawah program: dilewati",
        "A pagu indikatif row is under no program: skipped",
        r + 1,
      ),
    );
    return;
  }
  for (const { year, col } of header.years) {
    const cell = cellAt(grid, r, col);
    const written = writtenTarget(cell).replace(/^rp\.?\s*/i, "");
    const amount = readRenstraTarget(written);
    const whole = amount.value !== null && amount.notes.length === 0 && /^\d+$/.test(amount.value);
    if (written && !whole) {
      warnings.push(
        warning(
          "BUDGET_UNREADABLE",
          `Pagu ${year} "${written}" bukan rupiah utuh: dikosongkan`,
          `Budget ${year} "${written}" is not whole Rupiah: left empty`,
          r + 1,
        ),
      );
    }
    program.budgets[year] = whole ? Number(amount.value) : null;
  }
}

const programLabel = (p: RenstraProgram | null) => (p?.code ? `${p.code} ${p.name}` : null);

function orphanTujuan(tujuan: RenstraTujuan[], warnings: ImportWarning[], row: number): RenstraTujuan {
  warnings.push(
    warning(
      "SASARAN_WITHOUT_TUJUAN",
      "Sasaran tanpa tujuan di atasnya: ditaruh di bawah tujuan tanpa nama",
      "A sasaran with no tujuan above it: placed under an unnamed tujuan",
      row,
    ),
  );
  const unnamed = { name: "(tanpa tujuan)", indicators: [], sasaran: [] };
  tujuan.push(unnamed);
  return unnamed;
}

/** The first line above the table that names the document ("Rencana Strategis …", "Renstra …"). */
function titleAbove(grid: Grid, headerRow: number): string {
  for (let r = 0; r < headerRow; r++) {
    for (const cell of grid.rows[r] ?? []) {
      const text = normalizeSpaces(cellText(cell));
      if (/renstra|rencana strategis/i.test(text)) return text;
    }
  }
  return "";
}
