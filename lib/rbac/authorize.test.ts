import { describe, expect, it } from "vitest";
import { NO_META, systemActor, type Actor } from "../auth/actor";
import { AppError } from "../errors";
import { authorize, authorizeAnywhere, can, permittedOrgs } from "./authorize";
import { combineGrants } from "./resolve";

const actor = (overrides: Partial<Actor> = {}): Actor => ({
  kind: "user",
  userId: "u",
  label: "u",
  isAdmin: false,
  permissions: combineGrants([]),
  meta: NO_META,
  ...overrides,
});

describe("authorize", () => {
  it("lets a super-admin and the system do anything", () => {
    expect(can(actor({ isAdmin: true }), "settings.manage")).toBe(true);
    expect(can(systemActor(), "users.delete")).toBe(true);
  });

  it("refuses a user without the permission with a forbidden AppError", () => {
    expect(() => authorize(actor(), "users.view")).toThrow(AppError);
    try {
      authorize(actor(), "users.view");
    } catch (error) {
      expect((error as AppError).code).toBe("forbidden");
    }
  });

  it("applies system permissions everywhere and organization permissions only in their organization", () => {
    const permissions = combineGrants([
      { scope: "system", orgId: null, permissions: ["groups.view"] },
      { scope: "org", orgId: "A", permissions: ["users.view", "users.update"] },
    ]);
    const a = actor({ permissions });
    expect(can(a, "groups.view", { orgId: "B" })).toBe(true);
    expect(can(a, "users.update", { orgId: "A" })).toBe(true);
    expect(can(a, "users.update", { orgId: "B" })).toBe(false);
    expect(can(a, "users.update")).toBe(false);
    expect(can(a, "users.update", { orgIds: ["B", "A"] })).toBe(true);
    expect(permittedOrgs(a, "users.view")).toEqual(["A"]);
    expect(permittedOrgs(a, "groups.view")).toBe("all");
    expect(() => authorizeAnywhere(a, "audit.view")).toThrow(AppError);
  });

  it("never lets an organization role grant a system-only permission", () => {
    const permissions = combineGrants([{ scope: "org", orgId: "A", permissions: ["settings.manage", "orgs.manage", "users.view", "not.a.permission"] }]);
    expect([...permissions.orgs.get("A")!]).toEqual(["users.view"]);
  });

  it("narrows even a super-admin's token to its scopes", () => {
    const token = actor({ kind: "token", isAdmin: true, tokenScopes: ["users.view"] });
    expect(can(token, "users.view")).toBe(true);
    expect(can(token, "users.delete")).toBe(false);
    expect(permittedOrgs(token, "users.delete")).toEqual([]);
    expect(can(actor({ kind: "token", isAdmin: true, tokenScopes: null }), "users.delete")).toBe(true);
  });
});
