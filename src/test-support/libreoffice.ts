import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

/**
 * LibreOffice for the tests that check a docx opens outside Word: `soffice` converts it, headless, with
 * a profile of its own so two runs side by side do not share one. Test support only; the server never
 * calls it.
 */
export const SOFFICE = process.env.SOFFICE_PATH ?? "/usr/bin/soffice";
export const hasSoffice = () => existsSync(SOFFICE);

export async function sofficeConvert(file: string, to: "pdf" | "txt:Text", outDir: string): Promise<string> {
  await promisify(execFile)(
    SOFFICE,
    [
      `-env:UserInstallation=file://${join(outDir, "profile")}`,
      "--headless",
      "--convert-to",
      to,
      "--outdir",
      outDir,
      file,
    ],
    { timeout: 120_000 },
  );
  const extension = to === "pdf" ? "pdf" : "txt";
  const converted = join(outDir, file.replace(/^.*\//, "").replace(/\.docx$/, `.${extension}`));
  if (!existsSync(converted)) throw new Error(`LibreOffice wrote no ${extension} for ${file}`);
  return converted;
}
