import { describe, expect, it } from "vitest";
import { readCsvRows } from "./read-csv.js";

/** The rows of `text` when it arrives `size` bytes at a time (splitting CRLFs, quotes and UTF-8). */
async function rowsOf(text: string, size = 1 << 16) {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  const rows: string[][] = [];
  await readCsvRows(chunks, (row) => {
    rows.push(row);
  });
  return rows;
}

describe("readCsvRows", () => {
  // The rows expected, their fields joined by "¦".
  const cases: Array<[string, string[]]> = [
    ["a,b\nc,d", ["a¦b", "c¦d"]],
    ["a,b\r\nc,d\r\n", ["a¦b", "c¦d"]],
    ["a\rb\r\nc\n", ["a", "b", "c"]],
    ['a,"b,c"\r\nd,"e""f"\n', ["a¦b,c", 'd¦e"f']],
    ['"line\none",x\n', ["line\none¦x"]],
    ['"a"  ,b\n', ["a¦b"]],
    [' "q" \n', ["q"]],
    ['a""b,c\n', ['a""b¦c']],
    ['"",""\nx,""\n', ["x¦"]],
    ["\n\n,,\n \t\n a , b \n", [" a ¦ b "]],
    ["a,b,\n,a\n", ["a¦b¦", "¦a"]],
    ["Dinas Kesehatan ✓,é\n", ["Dinas Kesehatan ✓¦é"]],
  ];

  it("reads RFC 4180 rows whatever the chunks", async () => {
    for (const [text, rows] of cases)
      for (const size of [1, 2, 3, 5, 1 << 16])
        expect(
          (await rowsOf(text, size)).map((r) => r.join("¦")),
          `${text} / ${size}`,
        ).toEqual(rows);
  });

  it("refuses an unclosed quote and text after a closing quote", async () => {
    for (const text of ['a,"b\n', '"a"x,b\n'])
      for (const size of [1, 1 << 16]) await expect(rowsOf(text, size)).rejects.toThrow(/quote/);
  });

  it("waits for the promise a row returns before the next row", async () => {
    const order: string[] = [];
    await readCsvRows(["a\nb\n", "c\n"], async (row) => {
      order.push(`start ${row[0]}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push(`end ${row[0]}`);
    });
    expect(order).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });
});
