import { describe, expect, it } from "vitest";
import { rakMetro2024 } from "./rak-metro-2024.js";
import { flatten, readSeed } from "./seed-files.js";

const seed = readSeed("000");
const flat = flatten(seed);
const sasaran = rakMetro2024.sasaran;
const programs = sasaran.flatMap((s) => s.programs);
const kegiatan = programs.flatMap((p) => p.kegiatan);
const indicatorRows = [
  ...sasaran.flatMap((s) => s.indicators),
  ...programs.flatMap((p) => p.indicators),
  ...kegiatan.flatMap((k) => k.indicators),
];
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const rupiahAsPrinted = (n: number) => n.toLocaleString("en-US");

describe("the RAK Kota Metro 2024 fixture against seed 000", () => {
  it("has the shape of the document: 1 sasaran, 5 programs, 20 kegiatan, 43 indicators", () => {
    expect(sasaran).toHaveLength(1);
    expect(programs).toHaveLength(5);
    expect(kegiatan).toHaveLength(20);
    expect(indicatorRows).toHaveLength(43);
  });

  it("has as many indicator rows as the seed prints rows of target + four quarters", () => {
    const target = "(?:\\d[\\d.]*(?: dan \\d+)?|-)";
    const rowPattern = new RegExp(
      `\\t${target}\\t${target}\\t${target}\\t${target}\\t${target}(?:\\t|$)`,
      "gm",
    );
    expect(seed.replace(/<\/?b>/g, "").match(rowPattern)).toHaveLength(43);
  });

  it.each(indicatorRows.map((r) => [r.name, r]))("prints %s with its unit and targets exactly", (_, row) => {
    const cells = [row.name, row.unit, row.target, ...row.quarters].map(escapeRegex).join(" ");
    expect(flat).toMatch(new RegExp(cells));
  });

  it.each(
    [...sasaran, ...programs, ...kegiatan].filter((n) => n.budget !== null).map((n) => [n.name, n.budget]),
  )("prints the budget of %s", (_, budget) => {
    expect(flat).toMatch(new RegExp(`Rp ${escapeRegex(rupiahAsPrinted(budget as number))}\\b`));
  });

  it("names every sasaran, program and kegiatan as printed (one program name broken by a page)", () => {
    for (const node of [...sasaran, ...programs, ...kegiatan]) {
      if (node.name.endsWith("Upaya Kesehatan Masyarakat")) {
        expect(flat).toContain(node.name.replace(/ Masyarakat$/, ""));
        expect(seed).toMatch(/^Masyarakat\t/m);
      } else {
        expect(flat).toContain(node.name);
      }
    }
  });

  it("has the signatory of the document", () => {
    expect(flat).toContain(rakMetro2024.signatory.name);
    expect(flat).toContain(`NIP. ${rakMetro2024.signatory.nip}`);
  });
});
