import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES } from "../db/schema/index.js";
import {
  allows,
  hasPermission,
  mayAnalyseIndicator,
  mayChangeNationalFigures,
  PERMISSIONS,
  ROLE_PERMISSIONS,
  type ScopedRole,
  scopeRoots,
} from "./permissions.js";

const metro = "/KEMENKES/18/18.72/";
const yosomulyo = "/KEMENKES/18/18.72/18.72.01/18.72.01.P2/";
const depok = "/KEMENKES/32/32.76/";
const at = (role: ScopedRole["role"], orgUnitPath: string): ScopedRole => ({
  role,
  orgUnitId: "x",
  orgUnitPath,
});

describe("role permissions with org-unit scope", () => {
  it("lets an admin of Kota Metro edit plans of Metro and its puskesmas but not of Depok", () => {
    const roles = [at("admin_dinas", metro)];
    expect(allows(roles, "plan.write", metro)).toBe(true);
    expect(allows(roles, "plan.write", yosomulyo)).toBe(true);
    expect(allows(roles, "plan.write", depok)).toBe(false);
  });

  it("lets a puskesmas operator enter data for its own facility only", () => {
    const roles = [at("operator_fasyankes", yosomulyo)];
    expect(allows(roles, "data.enter", yosomulyo)).toBe(true);
    expect(allows(roles, "data.enter", metro)).toBe(false);
    expect(allows(roles, "plan.read", yosomulyo)).toBe(false);
  });

  it("gives the auditor read and audit access but no permission to change anything", () => {
    const changing = ["plan.write", "plan.sign", "data.enter", "data.verify", "data.approve", "user.manage"];
    expect(ROLE_PERMISSIONS.auditor.some((p) => changing.includes(p))).toBe(false);
    expect(hasPermission([at("auditor", metro)], "audit.read")).toBe(true);
  });

  it("keeps the pimpinan to reading, approving and signing", () => {
    expect(ROLE_PERMISSIONS.pimpinan).toEqual(expect.arrayContaining(["data.approve", "plan.sign"]));
    expect(ROLE_PERMISSIONS.pimpinan).not.toContain("plan.write");
  });

  it("combines roles held in several org units", () => {
    const roles = [at("operator_fasyankes", yosomulyo), at("auditor", depok)];
    expect(allows(roles, "data.enter", yosomulyo)).toBe(true);
    expect(allows(roles, "plan.read", depok)).toBe(true);
    expect(allows(roles, "plan.read", metro)).toBe(false);
  });

  it("never grants outside the subtree of some role that holds the permission (property)", () => {
    const path = fc
      .array(fc.constantFrom("A", "B", "C"), { minLength: 1, maxLength: 4 })
      .map((p) => `/${p.join("/")}/`);
    const role = fc.record({
      role: fc.constantFrom(...ROLES),
      orgUnitId: fc.constant("x"),
      orgUnitPath: path,
    });
    fc.assert(
      fc.property(
        fc.array(role, { maxLength: 4 }),
        fc.constantFrom(...PERMISSIONS),
        path,
        (roles, perm, target) => {
          const expected = roles.some(
            (r) => ROLE_PERMISSIONS[r.role].includes(perm) && target.startsWith(r.orgUnitPath),
          );
          expect(allows(roles, perm, target)).toBe(expected);
          for (const root of scopeRoots(roles, perm)) {
            expect(roles.some((r) => r.orgUnitPath === root && ROLE_PERMISSIONS[r.role].includes(perm))).toBe(
              true,
            );
          }
        },
      ),
    );
  });
});

describe("a pengelola program limited to some indicators", () => {
  const limited = { ...at("pengelola_program", metro), indicatorIds: ["ind-a"] };
  it("analyses only the indicators it was given", () => {
    expect(mayAnalyseIndicator([limited], "ind-a")).toBe(true);
    expect(mayAnalyseIndicator([limited], "ind-b")).toBe(false);
  });
  it("analyses every indicator once another of its roles is not limited", () => {
    expect(mayAnalyseIndicator([limited, at("admin_dinas", metro)], "ind-b")).toBe(true);
    expect(mayAnalyseIndicator([{ ...limited, indicatorIds: null }], "ind-b")).toBe(true);
  });
});

describe("the national prevalence", () => {
  it("is changed only by a manager at the top of the tree", () => {
    expect(mayChangeNationalFigures([at("admin_dinas", "/KEMENKES/")])).toBe(true);
    expect(mayChangeNationalFigures([at("admin_dinas", metro)])).toBe(false);
    expect(mayChangeNationalFigures([at("auditor", "/KEMENKES/")])).toBe(false);
  });
});
