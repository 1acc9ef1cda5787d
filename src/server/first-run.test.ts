import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { initialiseNewDataDir } from "./first-run.js";

/** Only a new PGlite folder gets the child process; the new-folder path itself runs in the e2e starts. */
describe("initialiseNewDataDir", () => {
  const dir = mkdtempSync(join(tmpdir(), "capaian-first-run-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("leaves PostgreSQL, the in-memory database and a folder that holds a database alone", async () => {
    expect(await initialiseNewDataDir({ url: "postgres://nobody@127.0.0.1:1/none" })).toBeNull();
    expect(await initialiseNewDataDir({})).toBeNull();
    const existing = join(dir, "existing");
    mkdirSync(existing);
    writeFileSync(join(existing, "PG_VERSION"), "17\n");
    expect(await initialiseNewDataDir({ dataDir: existing })).toBeNull();
  });
});
