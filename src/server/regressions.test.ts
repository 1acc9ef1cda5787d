import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import { fingerprint } from "../test-support/fingerprint.js";
import { prepareIds } from "../test-support/fixture-ids.js";
import type { Ids } from "../test-support/route-rules.js";
import { createTestUser } from "../test-support/users.js";

type Method = "GET" | "POST" | "PUT" | "PATCH";
interface Case {
  name: string;
  as: string;
  method: Method;
  url: (i: Ids, fresh: Fresh) => string;
  /** A JSON value, or raw bytes sent as application/json. */
  body?: (i: Ids, fresh: Fresh) => unknown;
}
/** Made before the table runs, so the cases themselves change nothing. */
interface Fresh {
  kegiatan: string;
  userId: string;
  element: string;
}

const NUL = "\u0000";
const form = (i: Ids, period = "202401") => ({ dataSetId: i.dataSet, orgUnitId: i.yosomulyo, period });
const json = (text: string | Buffer) => (Buffer.isBuffer(text) ? text : Buffer.from(text));

/** The 20 malformed requests of issue 18 that once reached the database and came back as 500s. */
const cases: Case[] = [
  ...(["name", "unit"] as const).map(
    (field): Case => ({
      name: `NUL in a plan indicator's ${field}`,
      as: "admin.metro",
      method: "POST",
      url: (i, f) => `/api/plans/${i.rak}/nodes/${f.kegiatan}/indicators`,
      body: () => ({
        name: "Indikator baru",
        unit: "%",
        targetYear: "100",
        quarters: ["25", "25", "25", "25"],
        [field]: `A${NUL}B`,
      }),
    }),
  ),
  ...(["fullName", "nip"] as const).map(
    (field): Case => ({
      name: `NUL in a user's ${field}`,
      as: "admin.metro",
      method: "PATCH",
      url: (_, f) => `/api/users/${f.userId}`,
      body: () => ({ [field]: `19800101${NUL}` }),
    }),
  ),
  {
    name: "NUL in a data-entry comment",
    as: "operator.yosomulyo",
    method: "PUT",
    url: () => "/api/data-entry/values",
    body: (i, f) => ({
      ...form(i),
      values: [{ dataElementId: f.element, value: "5", comment: `catatan${NUL}`, revision: null }],
    }),
  },
  {
    name: "NUL in an SKM survey note",
    as: "admin.metro",
    method: "POST",
    url: () => "/api/skm/surveys",
    body: (i) => ({ orgUnitId: i.yosomulyo, serviceId: i.spmService, period: "2024S2", note: `a${NUL}b` }),
  },
  {
    name: "NUL in a population figure's source",
    as: "admin.metro",
    method: "PUT",
    url: () => "/api/spm/populations/grid",
    body: (i) => ({
      orgUnitId: i.metro,
      year: 2024,
      cells: [{ orgUnitId: i.yosomulyo, category: "TB", value: "4", source: `SITB${NUL}` }],
    }),
  },
  ...["/api/audit", "/api/audit/export.xlsx"].flatMap((path) =>
    ["username", "action"].map(
      (filter): Case => ({
        name: `NUL in the ${filter} filter of ${path}`,
        as: "admin.metro",
        method: "GET",
        url: () => `${path}?${filter}=a%00b`,
      }),
    ),
  ),
  {
    name: "a lone UTF-16 surrogate in a prevalence's source",
    as: "admin.metro",
    method: "PUT",
    url: () => "/api/spm/prevalences",
    body: (i) => ({
      code: "DM",
      orgUnitId: i.yosomulyo,
      year: 2024,
      percent: "2",
      source: "Survei \ud800",
      sourceYear: 2023,
    }),
  },
  {
    name: "a lone UTF-16 surrogate in a user's nip",
    as: "admin.metro",
    method: "PATCH",
    url: (_, f) => `/api/users/${f.userId}`,
    body: () => ({ nip: "123\udc00" }),
  },
  {
    name: "data-entry values for a period in year 9999",
    as: "operator.yosomulyo",
    method: "PUT",
    url: () => "/api/data-entry/values",
    body: (i, f) => ({
      ...form(i, "999912"),
      values: [{ dataElementId: f.element, value: "5", revision: null }],
    }),
  },
  {
    name: "a report transition for a period in year 9999",
    as: "operator.yosomulyo",
    method: "POST",
    url: () => "/api/data-entry/transition",
    body: (i) => ({ ...form(i, "999901"), action: "submit" }),
  },
  {
    name: "PATCH /api/users/{id} with an empty object",
    as: "admin.metro",
    method: "PATCH",
    url: (_, f) => `/api/users/${f.userId}`,
    body: () => ({}),
  },
  {
    name: "PATCH /api/users/{id} with 1e400",
    as: "admin.metro",
    method: "PATCH",
    url: (_, f) => `/api/users/${f.userId}`,
    body: () => json('{"isActive":1e400}'),
  },
  {
    name: "PATCH /api/users/{id} with invalid UTF-8",
    as: "admin.metro",
    method: "PATCH",
    url: (_, f) => `/api/users/${f.userId}`,
    body: () =>
      json(Buffer.concat([Buffer.from('{"fullName":"Oper'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')])),
  },
  {
    name: "PATCH /api/users/{id} nested 5 000 levels deep",
    as: "admin.metro",
    method: "PATCH",
    url: (_, f) => `/api/users/${f.userId}`,
    body: () => json(`{"fullName":"x","extra":${"[".repeat(5000)}${"]".repeat(5000)}}`),
  },
  {
    name: "PATCH /api/users/{id} with a NUL in a key",
    as: "admin.metro",
    method: "PATCH",
    url: (_, f) => `/api/users/${f.userId}`,
    body: () => ({ [`full${NUL}Name`]: "x" }),
  },
];

describe.each(testDatabases())("regressions of issue 18 on $name", (target) => {
  let t: TestApp;
  let ids: Ids;
  let fresh: Fresh;
  const clients = new Map<string, TestClient>();
  beforeAll(async () => {
    t = await openTestApp(target);
    const targetId = await createTestUser(t.database.db, "target.metro", "operator_fasyankes", "18.72.01.P2");
    ids = await prepareIds(t.database.db, targetId);
    for (const username of new Set(cases.map((c) => c.as)))
      clients.set(username, await TestClient.loggedIn(t.app, username));
    const users = (await clients.get("admin.metro")?.get("/api/users"))?.json() as Array<{
      id: string;
      username: string;
    }>;
    fresh = {
      kegiatan: await ids.throwaway(),
      userId: users.find((u) => u.username === "operator.yosomulyo")?.id as string,
      element: await ids.element(),
    };
  });
  afterAll(() => t.close());

  it("has the 20 cases of the issue", () => expect(cases).toHaveLength(20));

  it.each(cases)("refuses $name with a 4xx in both languages and changes nothing", async (c) => {
    const client = clients.get(c.as) as TestClient;
    const before = await fingerprint(t.database.db);
    const body = c.body?.(ids, fresh);
    const res = await client.request(
      c.method,
      c.url(ids, fresh),
      body,
      Buffer.isBuffer(body) ? { "content-type": "application/json" } : {},
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error).toMatchObject({
      message: expect.stringMatching(/\S/),
      messageEn: expect.stringMatching(/\S/),
      requestId: res.headers["x-request-id"],
    });
    expect(await fingerprint(t.database.db)).toBe(before);
  });
});
