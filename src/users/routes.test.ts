import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, orgUnits, roleAssignments, users } from "../db/schema/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { ManagedUser } from "./schemas.js";

describe.each(testDatabases())("user administration on $name", (target) => {
  let t: TestApp;
  let admin: TestClient;
  const unitId = async (code: string) => {
    const [row] = await t.database.db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(eq(orgUnits.code, code));
    return row?.id as string;
  };
  beforeAll(async () => {
    t = await openTestApp(target);
    admin = await TestClient.loggedIn(t.app, "admin.metro");
  });
  afterAll(() => t.close());

  it("lists only users with roles in the admin's own Dinas", async () => {
    const list: ManagedUser[] = (await admin.get("/api/users")).json();
    const names = list.map((u) => u.username);
    expect(names).toEqual(
      expect.arrayContaining([
        "admin.metro",
        "program.metro",
        "operator.yosomulyo",
        "kadis.metro",
        "auditor.metro",
      ]),
    );
    expect(names).not.toContain("admin.depok");
    expect(names).not.toContain("operator.beji");
  });

  it("creates an operator with a temporary password that must be changed at first login", async () => {
    const res = await admin.post("/api/users", {
      username: "Operator.Ganjar",
      fullName: "Siti Aminah",
      email: "siti@example.go.id",
      roles: [{ role: "operator_fasyankes", orgUnitId: await unitId("18.72.03.P1") }],
    });
    expect(res.statusCode).toBe(201);
    const { user, temporaryPassword } = res.json();
    expect(user.username).toBe("operator.ganjar");
    expect(user.mustChangePassword).toBe(true);
    expect(temporaryPassword).toHaveLength(14);
    const newcomer = new TestClient(t.app);
    const login = await newcomer.login("operator.ganjar", temporaryPassword);
    expect(login.json().user.mustChangePassword).toBe(true);
    expect((await newcomer.get("/api/org-units")).json().error.code).toBe("PASSWORD_CHANGE_REQUIRED");
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(audit).toMatchObject({ action: "user.create", username: "admin.metro" });
    expect(JSON.stringify(audit?.newValue)).not.toContain(temporaryPassword);
  });

  it("keeps a user's reminder e-mail and language, and refuses an e-mail another account uses", async () => {
    const list: ManagedUser[] = (await admin.get("/api/users")).json();
    const kadis = list.find((u) => u.username === "kadis.metro") as ManagedUser;
    const auditor = list.find((u) => u.username === "auditor.metro") as ManagedUser;
    const res = await admin.request("PATCH", `/api/users/${kadis.id}`, {
      email: "Kadis@Metro.go.id",
      language: "en",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: "kadis@metro.go.id", language: "en" });
    const taken = await admin.request("PATCH", `/api/users/${auditor.id}`, { email: "kadis@metro.go.id" });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe("USER_EMAIL_TAKEN");
  });

  it("refuses to give a role in another Dinas, and writes nothing", async () => {
    const before = await t.database.db.select().from(users);
    const res = await admin.post("/api/users", {
      username: "penyusup",
      fullName: "Penyusup",
      roles: [{ role: "admin_dinas", orgUnitId: await unitId("32.76") }],
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("ORG_UNIT_OUT_OF_SCOPE");
    expect(await t.database.db.select().from(users)).toHaveLength(before.length);
  });

  it("refuses a username already taken with a 409", async () => {
    const res = await admin.post("/api/users", {
      username: "kadis.metro",
      fullName: "Ganda",
      roles: [{ role: "pimpinan", orgUnitId: await unitId("18.72") }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain("sudah dipakai");
  });

  it("replaces roles with a reason, records old and new, and ends the user's sessions", async () => {
    const list: ManagedUser[] = (await admin.get("/api/users")).json();
    const program = list.find((u) => u.username === "program.metro") as ManagedUser;
    const session = await TestClient.loggedIn(t.app, "program.metro");
    const res = await admin.request("PUT", `/api/users/${program.id}/roles`, {
      roles: [{ role: "auditor", orgUnitId: await unitId("18.72") }],
      reason: "Pindah ke Inspektorat",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles.map((r: { role: string }) => r.role)).toEqual(["auditor"]);
    expect((await session.get("/api/auth/me")).statusCode).toBe(401);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "user.roles_replace"));
    expect(audit?.reason).toBe("Pindah ke Inspektorat");
    expect(JSON.stringify(audit?.oldValue)).toContain("pengelola_program");
  });

  it("leaves roles outside the admin's scope untouched when replacing roles", async () => {
    const [kadis] = await t.database.db.select().from(users).where(eq(users.username, "kadis.metro"));
    await t.database.db
      .insert(roleAssignments)
      .values({ userId: kadis?.id as string, role: "auditor", orgUnitId: await unitId("32.76") });
    const res = await admin.request("PUT", `/api/users/${kadis?.id}/roles`, {
      roles: [{ role: "pimpinan", orgUnitId: await unitId("18.72") }],
    });
    expect(res.statusCode).toBe(200);
    const all = await t.database.db
      .select()
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, kadis?.id as string));
    expect(all.map((r) => r.role).sort()).toEqual(["auditor", "pimpinan"]);
  });

  it("resets a locked password to a temporary one and unlocks the account", async () => {
    await t.database.db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() + 600_000) })
      .where(eq(users.username, "auditor.metro"));
    const list: ManagedUser[] = (await admin.get("/api/users")).json();
    const auditor = list.find((u) => u.username === "auditor.metro") as ManagedUser;
    expect(auditor.lockedUntil).not.toBeNull();
    const res = await admin.post(`/api/users/${auditor.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const login = await new TestClient(t.app).login("auditor.metro", res.json().temporaryPassword);
    expect(login.statusCode).toBe(200);
  });

  it("deactivates a user, who can then no longer log in, but not oneself", async () => {
    const list: ManagedUser[] = (await admin.get("/api/users")).json();
    const op = list.find((u) => u.username === "operator.yosomulyo") as ManagedUser;
    const me = list.find((u) => u.username === "admin.metro") as ManagedUser;
    expect((await admin.request("PATCH", `/api/users/${op.id}`, { isActive: false })).statusCode).toBe(200);
    expect((await new TestClient(t.app).login("operator.yosomulyo")).statusCode).toBe(401);
    const self = await admin.request("PATCH", `/api/users/${me.id}`, { isActive: false });
    expect(self.statusCode).toBe(400);
  });

  it("refuses user administration to every role but the admin", async () => {
    const kadis = await TestClient.loggedIn(t.app, "kadis.metro");
    expect((await kadis.get("/api/users")).statusCode).toBe(403);
  });
});
