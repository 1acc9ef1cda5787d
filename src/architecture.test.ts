import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/** The layers of docs/ARCHITECTURE.md, checked on every import between folders of src/. */

const SRC = dirname(fileURLToPath(import.meta.url));

/** Folders everyone may import: the rules, the database, leaf helpers, sessions and permissions, the audit trail. */
const SHARED = new Set(["domain", "db", "lib", "auth", "audit"]);
/** Folders that assemble the features (the server registers their routes, the CLI and the demo call them). */
const ASSEMBLERS = new Set(["server", "cli", "demo", "test-support"]);

/** A feature's public face: what another feature may import. */
const PUBLIC_FACE = /(^|-)(queries|schemas|types|index)\.ts$/;

/** Other files of a feature that other features import, each for a reason. Keep this list short. */
const ALLOWED: Record<string, string> = {
  "plans/rak-document.ts": "the RAK document type: the import reads into it, the reports print it",
  "data-entry/approved-values.ts":
    "approved monthly values, the one source evaluation, indicators and SPM compute from",
  "periods/commands.ts": "a period row is stored by whichever write first needs it",
  "reports/shared/print-setup.ts":
    "page setup shared by every printable workbook, the SKM questionnaire included",
  "skm/results.ts": "the SKM results of a year feed the annual SPM report",
  "demo/spm-depok-2017.ts": "the SPM catalogue built in is the Permenkes seed the demo loads too",
  "demo/users.ts": "the demo accounts' password, shown on a demo installation's login page",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    // Tests and their fixtures may reach anything they need to set a case up.
    const testOnly = /\.test\.tsx?$/.test(entry.name) || entry.name === "fixtures.ts";
    return /\.tsx?$/.test(entry.name) && !testOnly ? [path] : [];
  });
}

/** The relative import specifiers of a file: `import … from`, `export … from`, `import(…)`. */
function importSpecifiers(source: string): string[] {
  const found = source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm);
  return [...found].map((m) => m[1] as string).filter((spec) => spec.startsWith("."));
}

interface Edge {
  from: string;
  to: string;
}

function edges(): Edge[] {
  return sourceFiles(SRC).flatMap((file) =>
    importSpecifiers(readFileSync(file, "utf8")).map((spec) => ({
      from: relative(SRC, file),
      to: relative(SRC, resolve(dirname(file), spec.replace(/\.js$/, ".ts"))),
    })),
  );
}

const top = (path: string) => path.split("/")[0] as string;
const crossing = (e: Edge) => top(e.from) !== top(e.to);

describe("the import boundaries of docs/ARCHITECTURE.md", () => {
  const all = edges();

  it("reads the import specifiers of a file", () => {
    const source = `import { a } from "./a.js";\nimport type { B } from "../b/queries.js";\nexport * from "./c.js";\nimport "./d.js";\nconst e = await import("../e.js");\nimport { z } from "zod";`;
    expect(importSpecifiers(source)).toEqual(["./a.js", "../b/queries.js", "./c.js", "./d.js", "../e.js"]);
  });

  it("keeps the rules free of everything else", () => {
    expect(all.filter((e) => top(e.from) === "domain" && crossing(e))).toEqual([]);
  });

  it("lets the leaf helpers import nothing of the application", () => {
    expect(all.filter((e) => top(e.from) === "lib" && crossing(e))).toEqual([]);
  });

  it("keeps the database layer to itself, the rules and the leaf helpers", () => {
    const allowed = new Set(["db", "domain", "lib"]);
    expect(all.filter((e) => top(e.from) === "db" && !allowed.has(top(e.to)))).toEqual([]);
  });

  it("lets a feature reach another feature only through its queries, schemas, types or index", () => {
    const breaches = all.filter(
      (e) =>
        crossing(e) &&
        !ASSEMBLERS.has(top(e.from)) &&
        !["domain", "db", "lib"].includes(top(e.from)) &&
        !SHARED.has(top(e.to)) &&
        !PUBLIC_FACE.test(e.to.split("/").pop() as string) &&
        !(e.to in ALLOWED),
    );
    expect(breaches).toEqual([]);
  });

  it("names in the allowlist only files that other features still import", () => {
    const used = new Set(all.filter(crossing).map((e) => e.to));
    expect(Object.keys(ALLOWED).filter((path) => !used.has(path))).toEqual([]);
  });
});

/** A zod call in a file: `z.object(`, `z.string(`, `z.iso.date(` … (a type such as `z.infer<T>` is no call). */
const zodCalls = (source: string) =>
  [...source.matchAll(/\bz\.[A-Za-z]+(?:\.[A-Za-z]+)*\s*\(/g)].map((m) => m[0]);
/** A value import of zod; `import type { z }` for generics stays allowed. */
const importsZod = (source: string) => /^import\s+\{[^}]*\bz\b[^}]*\}\s+from\s+["']zod["']/m.test(source);

describe("the schemas of a feature live in its schemas files (docs/ARCHITECTURE.md)", () => {
  const routeFiles = sourceFiles(SRC).filter((file) =>
    /(^|-)routes\.ts$/.test(file.split("/").pop() as string),
  );

  it("finds a zod call and a value import of zod, not a type", () => {
    expect(zodCalls("const a = z.object({ b: z.iso.date() });\ntype C = z.infer<typeof a>;")).toEqual([
      "z.object(",
      "z.iso.date(",
    ]);
    expect(importsZod('import { z } from "zod";')).toBe(true);
    expect(importsZod('import type { z } from "zod";')).toBe(false);
  });

  it("declares no zod schema in a routes file", () => {
    expect(routeFiles.length).toBeGreaterThan(10);
    const inline = routeFiles
      .map((file) => {
        const source = readFileSync(file, "utf8");
        return { file: relative(SRC, file), calls: zodCalls(source), importsZod: importsZod(source) };
      })
      .filter((f) => f.calls.length > 0 || f.importsZod);
    expect(inline).toEqual([]);
  });
});

describe("the web reaches the rules through the @domain alias (docs/ARCHITECTURE.md)", () => {
  it("imports no rule of src/domain by a relative path", () => {
    const web = join(SRC, "..", "web", "src");
    const relativeToSrc = sourceFiles(web)
      .filter((file) =>
        importSpecifiers(readFileSync(file, "utf8")).some((spec) => /(^|\/)src\/domain(\/|$)/.test(spec)),
      )
      .map((file) => relative(web, file));
    expect(relativeToSrc).toEqual([]);
  });
});

/** A value import of a library at the top of a file (`import type` is free: it is gone once compiled). */
const importsAtStart = (source: string, library: string) =>
  new RegExp(`^import\\s+(?!type\\s)[^;]*?\\bfrom\\s+["']${library}(/[^"']*)?["'];`, "m").test(source);

describe("the heavy libraries are loaded at first use, not at start (issue 21: a light server)", () => {
  it("tells a value import from a type import", () => {
    expect(importsAtStart('import ExcelJS from "exceljs";', "exceljs")).toBe(true);
    expect(importsAtStart('import ExcelJS, { type Cell } from "exceljs";', "exceljs")).toBe(true);
    expect(importsAtStart('import type ExcelJS from "exceljs";', "exceljs")).toBe(false);
    expect(importsAtStart('import type { Content } from "pdfmake/interfaces.js";', "pdfmake")).toBe(false);
  });

  it("imports exceljs, pdfmake and nodemailer only when a spreadsheet, a PDF or a mail is made", () => {
    // test-support/ builds test inputs and never runs in the server.
    const eager = sourceFiles(SRC)
      .filter((file) => !relative(SRC, file).startsWith("test-support/"))
      .filter((file) => {
        const source = readFileSync(file, "utf8");
        return ["exceljs", "pdfmake", "nodemailer"].some((library) => importsAtStart(source, library));
      })
      .map((file) => relative(SRC, file));
    expect(eager).toEqual([]);
  });
});
