import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";

const jsonType = { "content-type": "application/json" };

/** Regressions of the malformed requests that used to reach PostgreSQL and come back as 500s. */
describe.each(testDatabases())("input no route lets through broken, on $name", (target) => {
  let t: TestApp;
  let admin: TestClient;
  let userId: string;
  beforeAll(async () => {
    t = await openTestApp(target);
    admin = await TestClient.loggedIn(t.app, "admin.metro");
    const users = (await admin.get("/api/users")).json() as Array<{ id: string; username: string }>;
    userId = users.find((u) => u.username === "operator.yosomulyo")?.id as string;
  });
  afterAll(() => t.close());

  it("refuses a NUL character in a user's name with a 400 naming the field, and changes nothing", async () => {
    const res = await admin.request("PATCH", `/api/users/${userId}`, { fullName: "Operator\u0000X" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "TEXT_INVALID_CHARACTER", details: { path: "fullName" } });
    expect(res.json().error.message).toContain("fullName");
    const users = (await admin.get("/api/users")).json() as Array<{ id: string; fullName: string }>;
    expect(users.find((u) => u.id === userId)?.fullName).not.toContain("X");
  });

  it("refuses a lone UTF-16 surrogate anywhere in a body", async () => {
    const res = await admin.request("PATCH", `/api/users/${userId}`, { nip: "123\ud800" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("TEXT_INVALID_CHARACTER");
  });

  it("accepts real text outside the basic plane, such as an emoji", async () => {
    const res = await admin.request("PATCH", `/api/users/${userId}`, { nip: "19800101 😀" });
    expect(res.statusCode).toBe(200);
  });

  it("refuses a NUL in a query string, such as the audit filter", async () => {
    const res = await admin.get("/api/audit?username=a%00b");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("TEXT_INVALID_CHARACTER");
  });

  it("refuses an edit with nothing to change instead of failing on it", async () => {
    const res = await admin.request("PATCH", `/api/users/${userId}`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("tidak valid");
  });

  it("refuses a body nested thousands of levels deep", async () => {
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
    const res = await admin.request(
      "PATCH",
      `/api/users/${userId}`,
      `{"fullName":"x","extra":${deep}}`,
      jsonType,
    );
    expect(res.statusCode).toBe(400);
  });

  it("refuses a number literal out of range such as 1e400", async () => {
    const res = await admin.request("PATCH", `/api/users/${userId}`, '{"isActive":1e400}', jsonType);
    expect(res.statusCode).toBe(400);
  });
});
