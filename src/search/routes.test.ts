import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import { searchWords } from "./queries.js";
import type { SearchResult } from "./schemas.js";

describe("search words", () => {
  it("folds case and accents and escapes LIKE's wildcards", () => {
    expect(searchWords("  Yosómulyo  PKM ")).toEqual(["yosomulyo", "pkm"]);
    expect(searchWords("100%_a\\b")).toEqual(["100\\%\\_a\\\\b"]);
    expect(searchWords("Ma'ruf")).toEqual(["maruf"]);
  });
});

describe.each(testDatabases())("searching the app on $name", (target) => {
  let t: TestApp;
  let admin: TestClient;
  let operator: TestClient;
  const find = async (client: TestClient, q: string) =>
    ((await client.get(`/api/search?q=${encodeURIComponent(q)}`)).json() as SearchResult).hits;

  beforeAll(async () => {
    t = await openTestApp(target);
    admin = await TestClient.loggedIn(t.app, "admin.metro");
    operator = await TestClient.loggedIn(t.app, "operator.yosomulyo");
  });
  afterAll(() => t.close());

  it("finds an org unit whatever the case and accents, with the page to open", async () => {
    const hits = await find(admin, "yosÓmulyo");
    const unit = hits.find((h) => h.kind === "orgUnit" && h.title === "Puskesmas Yosomulyo");
    expect(unit?.path).toBe(`/unit-organisasi?unit=${unit?.id}`);
  });

  it("finds plan indicators and catalogue definitions by name", async () => {
    const hits = await find(admin, "anemia ibu");
    expect(hits.some((h) => h.kind === "indicator" && h.path === `/indikator?id=${h.id}`)).toBe(true);
    const inPlan = hits.find((h) => h.kind === "planIndicator");
    expect(inPlan?.path).toMatch(new RegExp(`^/rencana/[0-9a-f-]+\\?indikator=${inPlan?.id}$`));
    expect((await find(admin, "k4")).some((h) => h.kind === "dataElement" && h.subtitle === "BUMIL_K4")).toBe(
      true,
    );
  });

  it("lists users only for those who manage them, and only within the caller's scope", async () => {
    expect((await find(admin, "operator")).some((h) => h.kind === "user")).toBe(true);
    const own = await find(operator, "puskesmas");
    expect(own.every((h) => h.kind === "orgUnit")).toBe(true);
    expect(own.map((h) => h.title)).toEqual(["Puskesmas Yosomulyo"]);
    expect(await find(operator, "operator")).toEqual([]);
  });

  it("takes a wildcard literally and refuses a query of one character", async () => {
    expect(await find(admin, "%%")).toEqual([]);
    expect(await find(admin, "__")).toEqual([]);
    const short = await admin.get("/api/search?q=a");
    expect(short.statusCode).toBe(400);
  });
});
