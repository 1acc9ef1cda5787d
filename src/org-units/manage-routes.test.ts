import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserFromCli } from "../cli/user-create.js";
import { auditLog, orgUnits } from "../db/schema/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import { createTestUser } from "../test-support/users.js";
import type { OrgUnit } from "./schemas.js";

describe.each(testDatabases())("org unit management on $name", (target) => {
  let t: TestApp;
  let admin: TestClient;
  const byCode = async (code: string) => {
    const [row] = await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, code));
    if (!row) throw new Error(`no unit ${code}`);
    return row;
  };
  const create = (body: Record<string, unknown>) => admin.request("POST", "/api/org-units", body);
  const count = async () => (await t.database.db.select().from(orgUnits)).length;

  beforeAll(async () => {
    t = await openTestApp(target);
    admin = await TestClient.loggedIn(t.app, "admin.metro");
  });
  afterAll(() => t.close());

  it("adds a kecamatan under the kota and a puskesmas under it, with path, level, kab/kota and audit", async () => {
    const metro = await byCode("18.72");
    const kec = await create({
      parentId: metro.id,
      code: "18.72.06",
      name: "Kecamatan Metro Baru",
      type: "kecamatan",
    });
    expect(kec.statusCode).toBe(201);
    const pkm = await create({
      parentId: kec.json().id,
      code: "18.72.06.P1",
      name: "Puskesmas Metro Baru",
      type: "puskesmas",
      isBlud: true,
      kemenkesCode: "P1872060101",
      reason: "Perda pemekaran 2026",
    });
    expect(pkm.statusCode).toBe(201);
    const unit: OrgUnit = pkm.json();
    expect(unit.path).toBe(`${metro.path}18.72.06/18.72.06.P1/`);
    expect(unit.level).toBe(metro.level + 2);
    expect(unit.ownerType).toBe("pemerintah");
    expect((await byCode("18.72.06.P1")).districtId).toBe(metro.id);
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, unit.id));
    expect(audit?.action).toBe("orgunit.create");
    expect(audit?.reason).toBe("Perda pemekaran 2026");
    expect(audit?.username).toBe("admin.metro");
  });

  it("refuses a wrong parent type, a duplicate code, a bad code and a missing owner, writing nothing", async () => {
    const metro = await byCode("18.72");
    const kec = await byCode("18.72.01");
    const before = await count();
    const wrong = await create({
      parentId: metro.id,
      code: "18.72.X1",
      name: "Puskesmas Salah",
      type: "puskesmas",
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe("ORG_UNIT_WRONG_PARENT");
    expect(wrong.json().error.message).toContain("induknya harus Kecamatan");
    const dup = await create({
      parentId: kec.id,
      code: "18.72.01.P1",
      name: "Puskesmas Kembar",
      type: "puskesmas",
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.messageEn).toBe("Code 18.72.01.P1 is already used by Puskesmas Metro.");
    const slash = await create({
      parentId: kec.id,
      code: "18/72",
      name: "Klinik",
      type: "klinik",
      ownerType: "swasta",
    });
    expect(slash.statusCode).toBe(422);
    const owner = await create({
      parentId: kec.id,
      code: "18.72.01.K9",
      name: "Klinik Tanpa Pemilik",
      type: "klinik",
    });
    expect(owner.statusCode).toBe(422);
    expect(await count()).toBe(before);
  });

  it("refuses a parent outside the admin's scope", async () => {
    const depok = await byCode("32.76");
    const res = await create({
      parentId: depok.id,
      code: "32.76.99",
      name: "Kecamatan Luar",
      type: "kecamatan",
    });
    expect(res.statusCode).toBe(403);
    expect((await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, "32.76.99"))).length).toBe(0);
  });

  it("edits name, owner, BLUD and Kemenkes code, auditing only what changed", async () => {
    const unit = await byCode("18.72.02.P3");
    const res = await admin.request("PATCH", `/api/org-units/${unit.id}`, {
      name: "Puskesmas Karangrejo Baru",
      kemenkesCode: "P1872020103",
      reason: "SK Wali Kota",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe("Puskesmas Karangrejo Baru");
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, unit.id), eq(auditLog.action, "orgunit.update")));
    expect(audit?.oldValue).toEqual({ name: "Puskesmas Karangrejo", kemenkesCode: null });
    expect(audit?.newValue).toEqual({ name: "Puskesmas Karangrejo Baru", kemenkesCode: "P1872020103" });
    const empty = await admin.request("PATCH", `/api/org-units/${unit.id}`, { reason: "tanpa perubahan" });
    expect(empty.statusCode).toBe(400);
    const taken = await admin.request("PATCH", `/api/org-units/${(await byCode("18.72.02.P2")).id}`, {
      kemenkesCode: "P1872020103",
    });
    expect(taken.statusCode).toBe(409);
  });

  it("changes a code and rewrites the paths below it", async () => {
    const kec = await byCode("18.72.06");
    const res = await admin.request("PATCH", `/api/org-units/${kec.id}`, { code: "18.72.07" });
    expect(res.statusCode).toBe(200);
    expect((await byCode("18.72.06.P1")).path).toBe(
      `${kec.path.replace("18.72.06/", "18.72.07/")}18.72.06.P1/`,
    );
  });

  it("moves a puskesmas with its subtree to another kecamatan in one go", async () => {
    const pkm = await byCode("18.72.01.P2");
    const target = await byCode("18.72.03");
    const kel = await create({
      parentId: pkm.id,
      code: "18.72.01.P2.K1",
      name: "Kelurahan Yosomulyo",
      type: "kelurahan",
    });
    expect(kel.statusCode).toBe(201);
    const res = await admin.request("POST", `/api/org-units/${pkm.id}/move`, {
      parentId: target.id,
      reason: "Penataan wilayah",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().path).toBe(`${target.path}18.72.01.P2/`);
    const moved = await byCode("18.72.01.P2.K1");
    expect(moved.path).toBe(`${target.path}18.72.01.P2/18.72.01.P2.K1/`);
    expect(moved.level).toBe(target.level + 2);
    expect(moved.districtId).toBe(target.districtId);
    const left = await t.database.db
      .select()
      .from(orgUnits)
      .where(like(orgUnits.path, "%/18.72.01/18.72.01.P2/%"));
    expect(left).toEqual([]);
  });

  it("refuses a move under the unit itself or its descendant, or out of the admin's scope", async () => {
    const kec = await byCode("18.72.03");
    const below = await byCode("18.72.01.P2");
    const before = await byCode("18.72.03");
    const cycle = await admin.request("POST", `/api/org-units/${kec.id}/move`, {
      parentId: below.id,
      reason: "coba",
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().error.code).toBe("ORG_UNIT_CYCLE");
    const self = await admin.request("POST", `/api/org-units/${kec.id}/move`, {
      parentId: kec.id,
      reason: "coba",
    });
    expect(self.json().error.code).toBe("ORG_UNIT_CYCLE");
    expect(await byCode("18.72.03")).toEqual(before);
    const depok = await byCode("32.76");
    const out = await admin.request("POST", `/api/org-units/${kec.id}/move`, {
      parentId: depok.id,
      reason: "coba",
    });
    expect(out.statusCode).toBe(403);
  });

  it("closes a unit with date and reason, hides it from lists unless asked, and reopens it", async () => {
    const kel = await byCode("18.72.01.P2.K1");
    const res = await admin.request("POST", `/api/org-units/${kel.id}/close`, {
      closedOn: "2026-06-30",
      reason: "Digabung ke kelurahan lain",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().closedOn).toBe("2026-06-30");
    const codes = async (q: string) =>
      (await admin.get(`/api/org-units${q}`)).json().map((u: OrgUnit) => u.code);
    expect(await codes("")).not.toContain("18.72.01.P2.K1");
    expect(await codes("?includeClosed=true")).toContain("18.72.01.P2.K1");
    expect((await admin.get(`/api/org-units/${kel.id}`)).json().closedReason).toBe(
      "Digabung ke kelurahan lain",
    );
    const again = await admin.request("POST", `/api/org-units/${kel.id}/close`, {
      closedOn: "2026-07-01",
      reason: "lagi",
    });
    expect(again.statusCode).toBe(409);
    const reopened = await admin.request("POST", `/api/org-units/${kel.id}/reopen`, {
      reason: "Batal digabung",
    });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json().closedOn).toBeNull();
    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, kel.id))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(["orgunit.create", "orgunit.close", "orgunit.reopen"]);
  });

  it("refuses to close a unit that still has open units under it", async () => {
    const kec = await byCode("18.72.05");
    const res = await admin.request("POST", `/api/org-units/${kec.id}/close`, {
      closedOn: "2026-01-01",
      reason: "coba",
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("ORG_UNIT_HAS_OPEN_CHILDREN");
    expect((await byCode("18.72.05")).closedOn).toBeNull();
  });

  it("lets other roles read the tree but not change it", async () => {
    const program = await TestClient.loggedIn(t.app, "program.metro");
    const kec = await byCode("18.72.05");
    expect((await program.request("PATCH", `/api/org-units/${kec.id}`, { name: "X Y" })).statusCode).toBe(
      403,
    );
    expect((await program.get("/api/org-units")).statusCode).toBe(200);
  });

  it("lets the first admin of a new installation build its tree under the unit the CLI made", async () => {
    await createUserFromCli(t.database.db, {
      username: "admin.cilacap",
      fullName: "Admin Cilacap",
      role: "admin_dinas",
      orgCode: "33.01",
      orgName: "Kabupaten Cilacap",
      orgType: "kabupaten_kota",
      password: "Cilacap-sehat-2026",
    });
    const first = new TestClient(t.app);
    expect((await first.login("admin.cilacap", "Cilacap-sehat-2026")).statusCode).toBe(200);
    const root = await byCode("33.01");
    const kec = await first.request("POST", "/api/org-units", {
      parentId: root.id,
      code: "33.01.01",
      name: "Kecamatan Dayeuhluhur",
      type: "kecamatan",
    });
    expect(kec.statusCode).toBe(201);
    expect(kec.json().path).toBe("/33.01/33.01.01/");
    expect((await byCode("33.01.01")).districtId).toBe(root.id);
    const renamed = await first.request("PATCH", `/api/org-units/${root.id}`, {
      officeName: "Dinas Kesehatan Kabupaten Cilacap",
    });
    expect(renamed.json().officeName).toBe("Dinas Kesehatan Kabupaten Cilacap");
  });

  it("keeps a facility in its kab/kota, but moves a whole kab/kota with its districts intact", async () => {
    await createTestUser(t.database.db, "admin.nasional", "admin_dinas", "KEMENKES");
    const national = await TestClient.loggedIn(t.app, "admin.nasional");
    const pkm = await byCode("18.72.04.P1");
    const beji = await byCode("32.76.01");
    const across = await national.request("POST", `/api/org-units/${pkm.id}/move`, {
      parentId: beji.id,
      reason: "coba",
    });
    expect(across.statusCode).toBe(409);
    expect(across.json().error.code).toBe("ORG_UNIT_OTHER_DISTRICT");
    const metro = await byCode("18.72");
    const jabar = await byCode("32");
    const moved = await national.request("POST", `/api/org-units/${metro.id}/move`, {
      parentId: jabar.id,
      reason: "uji pemindahan kota",
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().path).toBe("/KEMENKES/32/18.72/");
    const after = await byCode("18.72.04.P1");
    expect(after.path).toBe("/KEMENKES/32/18.72/18.72.04/18.72.04.P1/");
    expect(after.districtId).toBe(metro.id);
    expect((await byCode("18.72")).districtId).toBeNull();
  });
});
