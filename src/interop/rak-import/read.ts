import type { Grid } from "./cells.js";
import { csvGrid, decodeText } from "./csv.js";
import { asImportError, type ImportWarning, warning } from "./errors.js";
import { checkFileKind } from "./file-kind.js";
import { xlsxGrids } from "./xlsx-grid.js";
import { guardXlsxZip } from "./zip-guard.js";

/**
 * Any uploaded spreadsheet (.xlsx or .csv) as grids of cells, after the size, type, encryption and
 * zip-bomb checks; every refusal is an ImportError. Shared by the RAK import and the realisasi import.
 */
export async function readSpreadsheet(
  bytes: Uint8Array,
  fileName: string,
  maxBytes: number,
): Promise<{ grids: Grid[]; warnings: ImportWarning[] }> {
  try {
    const kind = checkFileKind(bytes, String(fileName), maxBytes);
    if (kind === "xlsx") {
      await guardXlsxZip(bytes);
      return { grids: await xlsxGrids(bytes), warnings: [] };
    }
    const decoded = decodeText(bytes);
    const warnings = decoded.legacyEncoding
      ? [
          warning(
            "CSV_NOT_UTF8",
            "Berkas CSV tidak berenkode UTF-8 dan dibaca sebagai Windows-1252; periksa huruf khusus",
            "The CSV is not UTF-8 and was read as Windows-1252; check special characters",
            null,
          ),
        ]
      : [];
    return { grids: [csvGrid(decoded.text)], warnings };
  } catch (error) {
    throw asImportError(error);
  }
}
