import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";

describe.each(testDatabases())("API basics on $name", (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(target);
  });
  afterAll(() => t.close());

  it("reports health with the database kind and version", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: "ok",
      database: target.name,
      mode: target.name === "pglite" ? "embedded" : "server",
      version: expect.any(String),
    });
  });

  it("is ready once the database answers and every migration shipped is applied", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/ready" });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.ready).toBe(true);
    expect(body.migrations.applied).toBe(body.migrations.expected);
    expect(body.migrations.expected).toBeGreaterThan(8);
  });

  it("names the request in a header and keeps API answers out of shared caches", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.headers["permissions-policy"]).toContain("camera=()");
  });

  it("publishes an OpenAPI document listing the read endpoints", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/health",
        "/api/org-units",
        "/api/org-units/{id}",
        "/api/plans",
        "/api/plans/{id}",
      ]),
    );
  });

  it("serves the API docs page", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
  });

  it("answers an unknown API route with a 404 in Indonesian and English", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/tidak-ada" });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: {
        code: "NOT_FOUND",
        message: expect.stringContaining("tidak ada"),
        messageEn: expect.any(String),
        requestId: res.headers["x-request-id"],
      },
    });
  });

  it("names the request in every error answer, as in its header, to quote when reporting a problem", async () => {
    const client = await TestClient.loggedIn(t.app, "admin.metro");
    const answers = [
      await t.app.inject({ method: "GET", url: "/api/plans" }),
      await client.get("/api/plans/bukan-uuid"),
      await client.get("/api/plans/00000000-0000-4000-8000-000000000000"),
      await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: "{",
        headers: { "content-type": "application/json" },
      }),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.json().error).toMatchObject({
        message: expect.any(String),
        messageEn: expect.any(String),
        requestId: res.headers["x-request-id"],
      });
    }
  });

  it("answers a malformed id with a 400 naming the field, never a 500", async () => {
    const client = await TestClient.loggedIn(t.app, "admin.metro");
    const res = await client.get("/api/plans/bukan-uuid");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION");
    expect(res.json().error.message).toContain("id");
  });

  it("answers a well-formed id that does not exist with a 404", async () => {
    const client = await TestClient.loggedIn(t.app, "admin.metro");
    const res = await client.get("/api/plans/00000000-0000-4000-8000-000000000000");
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe("Dokumen rencana tidak ditemukan.");
  });

  it("answers an out-of-range query parameter with a 400", async () => {
    const client = await TestClient.loggedIn(t.app, "admin.metro");
    const res = await client.get("/api/plans?year=abc");
    expect(res.statusCode).toBe(400);
  });

  it("sets security headers with a strict content security policy", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });
});
