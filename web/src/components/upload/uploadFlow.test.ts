import { describe, expect, it } from "vitest";
import { errorText, pageOf, SPREADSHEET_ACCEPT, saveBlock } from "./uploadFlow";

describe("saving an upload preview", () => {
  it("is refused while any row has a problem, even when other rows change", () => {
    expect(saveBlock({ errors: 1, changes: 5 })).toBe("errors");
  });
  it("has nothing to do when no value would change", () => {
    expect(saveBlock({ errors: 0, changes: 0 })).toBe("nothing");
  });
  it("is allowed with changes and no problems", () => {
    expect(saveBlock({ errors: 0, changes: 3 })).toBeNull();
  });
});

describe("the shown-of line of a paged preview", () => {
  it("appears only when the server sent a first page of a longer file", () => {
    expect(pageOf(200, 5000)).toEqual({ shown: 200, total: 5000 });
    expect(pageOf(12, 12)).toBeNull();
    expect(pageOf(0, 0)).toBeNull();
  });
});

describe("the refusal text", () => {
  it("is the server's message already in the user's language", () => {
    expect(errorText(new Error("Berkas terlalu besar"))).toBe("Berkas terlalu besar");
  });
  it("still says something for a thrown non-error", () => {
    expect(errorText("gagal")).toBe("gagal");
  });
});

describe("the file picker", () => {
  it("accepts the xlsx and csv templates", () => {
    expect(SPREADSHEET_ACCEPT.split(",")).toEqual(expect.arrayContaining([".xlsx", ".csv"]));
  });
});
