import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, sessions, users } from "../db/schema/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import { createTestUser } from "../test-support/users.js";
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from "./login.js";
import { hashPassword } from "./passwords.js";

describe.each(testDatabases())("logging in and out on $name", (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(target);
  });
  afterAll(() => t.close());
  const db = () => t.database.db;
  const auditActions = async (username: string) =>
    (await db().select().from(auditLog).where(eq(auditLog.username, username))).map((a) => a.action);

  it("logs in with the demo password and sets an httpOnly, SameSite=Strict session cookie", async () => {
    const client = new TestClient(t.app);
    const res = await client.login("admin.metro");
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/capaian_session=[^;]+;.*HttpOnly/);
    expect(cookie).toContain("SameSite=Strict");
    const me = (await client.get("/api/auth/me")).json();
    expect(me.user.roles[0]).toMatchObject({
      role: "admin_dinas",
      orgUnitName: "Dinas Kesehatan Kota Metro",
    });
    expect(me.user.permissions).toContain("plan.write");
  });

  it("accepts the email as well as the username, in any case", async () => {
    await db().update(users).set({ email: "kadis@metrokota.go.id" }).where(eq(users.username, "kadis.metro"));
    expect((await new TestClient(t.app).login("KADIS@metrokota.go.id")).statusCode).toBe(200);
  });

  it("refuses a wrong password with the same message as an unknown user", async () => {
    const wrong = await new TestClient(t.app).login("kadis.metro", "salah-sekali-123");
    const unknown = await new TestClient(t.app).login("siapa.ini", "salah-sekali-123");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe("Nama pengguna atau kata sandi salah.");
    // Only the request id may differ: nothing tells a guesser which of the two was wrong.
    const withoutRequest = (error: object) => ({ ...error, requestId: undefined });
    expect(withoutRequest(unknown.json().error)).toEqual(withoutRequest(wrong.json().error));
  });

  it(`locks the account for ${LOCK_MINUTES} minutes after ${MAX_FAILED_LOGINS} wrong passwords, even against the right one`, async () => {
    await createTestUser(db(), "korban.kunci", "auditor", "18.72");
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      expect((await new TestClient(t.app).login("korban.kunci", `tebakan-${i}-salah`)).statusCode).toBe(401);
    }
    const locked = await new TestClient(t.app).login("korban.kunci");
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.message).toContain("Akun terkunci");
    expect(await auditActions("korban.kunci")).toEqual(
      expect.arrayContaining(["auth.login_failed", "auth.locked", "auth.login_refused_locked"]),
    );
    await db()
      .update(users)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.username, "korban.kunci"));
    expect((await new TestClient(t.app).login("korban.kunci")).statusCode).toBe(200);
  });

  it("refuses a login without a CSRF token", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "admin.metro", password: "demo-capaian-2024" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain("CSRF");
  });

  it("refuses a state-changing request whose CSRF token belongs to another session", async () => {
    const alice = await TestClient.loggedIn(t.app, "admin.metro");
    const bob = await TestClient.loggedIn(t.app, "kadis.metro");
    alice.csrfToken = bob.csrfToken;
    expect((await alice.post("/api/auth/logout")).statusCode).toBe(403);
    expect((await alice.get("/api/auth/me")).statusCode).toBe(200);
  });

  it("ends the session on logout", async () => {
    const client = await TestClient.loggedIn(t.app, "auditor.metro");
    expect((await client.post("/api/auth/logout")).statusCode).toBe(204);
    expect((await client.get("/api/auth/me")).statusCode).toBe(401);
    expect(await auditActions("auditor.metro")).toContain("auth.logout");
  });

  it("ends a session left idle longer than the idle limit", async () => {
    const client = await TestClient.loggedIn(t.app, "program.metro");
    await db().update(sessions).set({ lastSeenAt: sql`now() - interval '2 hours'` });
    expect((await client.get("/api/auth/me")).statusCode).toBe(401);
  });

  it("forces a temporary password to be changed before anything else, then ends other sessions", async () => {
    await createTestUser(db(), "baru.masuk", "pimpinan", "18.72");
    await db()
      .update(users)
      .set({ mustChangePassword: true, passwordHash: await hashPassword("Sementara-98765") })
      .where(eq(users.username, "baru.masuk"));
    const other = new TestClient(t.app);
    await other.login("baru.masuk", "Sementara-98765");
    const client = new TestClient(t.app);
    const res = await client.login("baru.masuk", "Sementara-98765");
    expect(res.json().user.mustChangePassword).toBe(true);
    const blocked = await client.get("/api/plans");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe("PASSWORD_CHANGE_REQUIRED");

    const weak = await client.post("/api/auth/password", {
      currentPassword: "Sementara-98765",
      newPassword: "123",
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toContain("minimal 10 karakter");
    const wrongCurrent = await client.post("/api/auth/password", {
      currentPassword: "bukan-ini-1234",
      newPassword: "Rahasia-Kuat-2024",
    });
    expect(wrongCurrent.statusCode).toBe(400);

    const ok = await client.post("/api/auth/password", {
      currentPassword: "Sementara-98765",
      newPassword: "Rahasia-Kuat-2024",
    });
    expect(ok.statusCode).toBe(204);
    expect((await client.get("/api/plans")).statusCode).toBe(200);
    expect((await other.get("/api/auth/me")).statusCode).toBe(401);
    expect((await new TestClient(t.app).login("baru.masuk", "Rahasia-Kuat-2024")).statusCode).toBe(200);
    expect(await auditActions("baru.masuk")).toContain("user.password_changed");
  });

  it("stores passwords as argon2id hashes, never in clear", async () => {
    const [row] = await db().select().from(users).where(eq(users.username, "admin.metro"));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("rate-limits logins from one address to 10 a minute", async () => {
    const limited = await openTestApp(target, 10);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const client = new TestClient(limited.app);
      await client.fetchCsrf();
      const res = await client.request("POST", "/api/auth/login", { username: "siapa.saja", password: "x" });
      statuses.push(res.statusCode);
    }
    await limited.close();
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
