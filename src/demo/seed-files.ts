import { readFileSync } from "node:fs";
import { packagePath } from "../lib/package-root.js";

/** The seed documents in ../shared/seeds beside the repository (test fixtures, not shipped). */
export function readSeed(name: "000" | "004"): string {
  const file = name === "000" ? "000_486e15daf34f04dd.txt" : "004_ed2ef4083dc6e784.txt";
  return readFileSync(packagePath("..", "shared", "seeds", file), "utf8");
}

/** Seed text with the PDF's bold tags dropped and every run of whitespace made one space. */
export function flatten(text: string): string {
  return text.replace(/<\/?b>/g, "").replace(/\s+/g, " ");
}
