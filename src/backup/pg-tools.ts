import { spawn } from "node:child_process";
import { AppError } from "../lib/errors.js";

/** Runs a PostgreSQL client tool; null when it is not installed. */
function run(command: string, args: string[], input?: Buffer): Promise<Buffer | null> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("error", (error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? done(null) : fail(error)));
    child.on("close", (code) => {
      if (code === 0) done(Buffer.concat(out));
      else
        fail(
          new AppError(
            500,
            "PG_TOOL_FAILED",
            `${command} gagal (kode ${code}): ${err.trim()}`,
            `${command} failed (code ${code}): ${err.trim()}`,
          ),
        );
    });
    child.stdin.on("error", () => {});
    child.stdin.end(input);
  });
}

/** pg_dump's custom format (its own consistent snapshot); null when pg_dump is missing. */
export const pgDump = (url: string) =>
  run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", url]);

/** Restores a custom-format dump in one transaction, stopping at the first error. */
export async function pgRestore(url: string, payload: Buffer): Promise<void> {
  const done = await run(
    "pg_restore",
    ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", "--dbname", url],
    payload,
  );
  if (done === null)
    throw new AppError(
      500,
      "PG_TOOL_MISSING",
      "pg_restore tidak terpasang: pasang klien PostgreSQL atau buat cadangan dengan --logical.",
      "pg_restore is not installed: install the PostgreSQL client or make the backup with --logical.",
    );
}
