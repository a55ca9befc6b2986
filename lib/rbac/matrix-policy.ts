/**
 * T8: THE policy table of the authorization matrix. For every REST route this module owns, the ordered checks that
 * decide its answer, written from DESIGN.md §4 and issue 4 — not from the code. An evaluator turns (route, actor,
 * target) into the expected status; matrix.test.ts compares it with what the real route handler answers.
 */
import { BUILTIN_ROLES } from "./builtin-roles";
import { ALL_PERMISSIONS, SYSTEM_ONLY_PERMISSIONS, type Permission } from "./permissions";

export type OrgKey = "A" | "B" | "D";
export type ActorKey = "anonymous" | "disabled" | "user" | "auditor" | "orgAdminA" | "orgAdminB" | "systemAdmin" | "superAdmin" | "pat";
export type TargetKey = "self" | "sameOrg" | "otherOrg" | "superAdmin" | "builtin";
export type RoleKey = (typeof BUILTIN_ROLES)[number]["key"];

const perms = (key: string) => BUILTIN_ROLES.find((r) => r.key === key)!.permissions;

export type ActorModel = {
  authenticated: boolean;
  superAdmin: boolean;
  system: readonly Permission[];
  orgs: Partial<Record<OrgKey, readonly Permission[]>>;
  /** PAT scopes (null: every permission of the owner). */
  scopes: readonly Permission[] | null;
  home: OrgKey;
};

const actor = (m: Partial<ActorModel>): ActorModel => ({ authenticated: true, superAdmin: false, system: [], orgs: {}, scopes: null, home: "D", ...m });

export const PAT_SCOPES: Permission[] = ["users.view", "groups.view", "groups.manage", "roles.view"];

export const ACTORS: Record<ActorKey, ActorModel> = {
  anonymous: actor({ authenticated: false, home: "A" }),
  disabled: actor({ authenticated: false, system: ALL_PERMISSIONS }),
  user: actor({ home: "A", orgs: { A: perms("org_user") } }),
  auditor: actor({ system: perms("system_auditor") }),
  orgAdminA: actor({ home: "A", orgs: { A: perms("org_admin") } }),
  orgAdminB: actor({ home: "B", orgs: { B: perms("org_admin") } }),
  systemAdmin: actor({ system: perms("system_admin") }),
  superAdmin: actor({ superAdmin: true }),
  pat: actor({ system: perms("system_admin"), scopes: PAT_SCOPES }),
};

export type TargetModel = { key: TargetKey; self: boolean; home: OrgKey; superAdmin: boolean; builtin: boolean };

/** Who the target is for this actor: themselves, a user of their home organization, of another, the super-admin, a built-in account. */
export function targetModel(actorKey: ActorKey, target: TargetKey): TargetModel {
  const home = ACTORS[actorKey].home;
  switch (target) {
    case "self":
      return { key: target, self: true, home, superAdmin: actorKey === "superAdmin", builtin: false };
    case "sameOrg":
      return { key: target, self: false, home, superAdmin: false, builtin: false };
    case "otherOrg":
      return { key: target, self: false, home: home === "A" ? "B" : "A", superAdmin: false, builtin: false };
    case "superAdmin":
      return { key: target, self: false, home: "D", superAdmin: true, builtin: false };
    case "builtin":
      return { key: target, self: false, home: "D", superAdmin: false, builtin: true };
  }
}

/** Where a check looks: the target's home organization, system-wide, a spare organization nobody administers, or a fresh one. */
export type Where = "home" | "system" | "spare" | "fresh";
type WhereFor = Where | ((t: TargetModel) => Where);

export type Step =
  | { selfReads: true }
  | { anywhere: Permission }
  | { seeTarget: true }
  | { seeIn: Permission; where: WhereFor }
  | { need: Permission; where: WhereFor }
  | { protectedTarget: true }
  /** Every permission of a built-in role, or of a list, must be held where it would apply. */
  | { ceiling: RoleKey | Permission[]; where: Where }
  | { conflictWhen: (t: TargetModel) => boolean };

export type Policy = { success: number; steps: Step[] };

function holds(a: ActorModel, p: Permission, where: Where, t: TargetModel): boolean {
  if (!a.authenticated || (a.scopes && !a.scopes.includes(p))) return false;
  if (a.superAdmin || a.system.includes(p)) return true;
  if (where !== "home") return false; // nobody holds org permissions in the spare or a fresh organization
  return a.orgs[t.home]?.includes(p) ?? false;
}

const holdsAnywhere = (a: ActorModel, p: Permission) =>
  a.authenticated && (!a.scopes || a.scopes.includes(p)) && (a.superAdmin || a.system.includes(p) || Object.values(a.orgs).some((ps) => ps?.includes(p)));

function rolePermissions(key: RoleKey | Permission[]): Permission[] {
  if (Array.isArray(key)) return key;
  const role = BUILTIN_ROLES.find((r) => r.key === key)!;
  return role.scope === "org" ? role.permissions.filter((p) => !SYSTEM_ONLY_PERMISSIONS.includes(p)) : [...role.permissions];
}

/** The expected HTTP status of one cell. */
export function expectedStatus(policy: Policy, actorKey: ActorKey, target: TargetKey): number {
  const a = ACTORS[actorKey];
  if (!a.authenticated) return 401;
  const t = targetModel(actorKey, target);
  const at = (where: WhereFor) => (typeof where === "function" ? where(t) : where);
  for (const step of policy.steps) {
    if ("selfReads" in step && t.self) return policy.success;
    if ("anywhere" in step && !holdsAnywhere(a, step.anywhere)) return 403;
    if ("seeTarget" in step && !t.self && !holds(a, "users.view", "home", t)) return 404;
    if ("seeIn" in step && !holds(a, step.seeIn, at(step.where), t)) return 404;
    if ("need" in step && !holds(a, step.need, at(step.where), t)) return 403;
    if ("protectedTarget" in step && t.superAdmin && !a.superAdmin) return 403;
    if ("protectedTarget" in step && t.builtin) return 409;
    if ("ceiling" in step && !rolePermissions(step.ceiling).every((p) => holds(a, p, step.where, t))) return 403;
    if ("conflictWhen" in step && step.conflictWhen(t)) return 409;
  }
  return policy.success;
}

const viewUserSub = (p: Permission): Policy => ({ success: 200, steps: [{ selfReads: true }, { anywhere: "users.view" }, { anywhere: p }, { seeTarget: true }] });
const viewGroup: Step[] = [{ anywhere: "groups.view" }, { seeIn: "groups.view", where: "home" }];
const manageGroup: Step[] = [...viewGroup, { need: "groups.manage", where: "home" }];
const bindRoles = (extra: Step[]): Step[] => [{ anywhere: "roles.assign" }, ...manageGroup, { need: "roles.assign", where: "home" }, ...extra];
const userGroups: Step[] = [{ anywhere: "groups.manage" }, { seeTarget: true }, ...manageGroup, { protectedTarget: true }];
const groupMembers: Step[] = [...manageGroup, { seeTarget: true }, { protectedTarget: true }];
const orgMembers: Step[] = [{ anywhere: "orgs.view" }, { seeIn: "orgs.view", where: "spare" }, { need: "orgs.manage", where: "spare" }, { seeTarget: true }, { protectedTarget: true }];
const viewOrg: Step[] = [{ anywhere: "orgs.view" }, { seeIn: "orgs.view", where: "home" }];
const isDefault = (t: TargetModel) => t.home === "D";
const builtinRole = (t: TargetModel) => t.key === "builtin" || t.key === "superAdmin";

/** Route (METHOD + folder under app/api/v1) → policy. Targets map to resources as matrix-world.ts describes. */
export const POLICY: Record<string, Policy> = {
  "GET users/[id]/mfa": { success: 200, steps: [{ anywhere: "users.view" }, { seeTarget: true }] },
  "DELETE users/[id]/mfa": { success: 204, steps: [{ anywhere: "users.reset_mfa" }, { seeTarget: true }, { need: "users.reset_mfa", where: "home" }, { protectedTarget: true }] },
  "GET users/[id]/groups": viewUserSub("groups.view"),
  "POST users/[id]/groups": { success: 200, steps: userGroups },
  "DELETE users/[id]/groups": { success: 204, steps: userGroups },
  "GET users/[id]/roles": viewUserSub("roles.view"),
  "PUT users/[id]/roles": {
    success: 200,
    steps: [{ anywhere: "roles.assign" }, { seeTarget: true }, { need: "roles.assign", where: "home" }, { protectedTarget: true }, { ceiling: "org_auditor", where: "home" }],
  },
  "POST users/[id]/roles": {
    success: 200,
    steps: [{ anywhere: "roles.assign" }, { seeTarget: true }, { need: "roles.assign", where: "system" }, { protectedTarget: true }, { ceiling: "system_auditor", where: "system" }],
  },
  "DELETE users/[id]/roles": {
    success: 200,
    steps: [{ anywhere: "roles.assign" }, { seeTarget: true }, { need: "roles.assign", where: "home" }, { protectedTarget: true }, { ceiling: "org_user", where: "home" }],
  },
  "GET users/[id]/effective-permissions": viewUserSub("roles.view"),
  "GET groups/[id]/members": { success: 200, steps: viewGroup },
  "POST groups/[id]/members": { success: 200, steps: groupMembers },
  "DELETE groups/[id]/members": { success: 204, steps: groupMembers },
  "GET orgs/[id]/members": { success: 200, steps: [...viewOrg, { need: "users.view", where: "home" }] },
  "POST orgs/[id]/members": { success: 200, steps: orgMembers },
  "DELETE orgs/[id]/members": { success: 204, steps: orgMembers },
  "GET groups": { success: 200, steps: [{ anywhere: "groups.view" }] },
  "POST groups": { success: 201, steps: [{ need: "groups.manage", where: "home" }] },
  "GET groups/[id]": { success: 200, steps: viewGroup },
  "PATCH groups/[id]": { success: 200, steps: manageGroup },
  "DELETE groups/[id]": { success: 204, steps: manageGroup },
  "GET groups/[id]/roles": { success: 200, steps: viewGroup },
  "PUT groups/[id]/roles": { success: 200, steps: bindRoles([{ ceiling: "org_auditor", where: "home" }]) },
  "POST groups/[id]/roles": { success: 200, steps: bindRoles([{ need: "roles.assign", where: "system" }, { ceiling: "system_auditor", where: "system" }]) },
  "DELETE groups/[id]/roles": { success: 200, steps: bindRoles([{ ceiling: "org_user", where: "home" }]) },
  "GET orgs": { success: 200, steps: [{ anywhere: "orgs.view" }] },
  "POST orgs": { success: 201, steps: [{ need: "orgs.manage", where: "system" }] },
  "GET orgs/[id]": { success: 200, steps: viewOrg },
  "PATCH orgs/[id]": { success: 200, steps: [...viewOrg, { need: "orgs.manage", where: "home" }] },
  // The Default organization for targets living there (409), else a fresh organization only system-wide viewers see.
  "DELETE orgs/[id]": {
    success: 204,
    steps: [{ anywhere: "orgs.view" }, { seeIn: "orgs.view", where: (t) => (isDefault(t) ? "home" : "fresh") }, { need: "orgs.manage", where: "system" }, { conflictWhen: isDefault }],
  },
  "GET roles": { success: 200, steps: [{ anywhere: "roles.view" }] },
  "POST roles": { success: 201, steps: [{ need: "roles.manage", where: "system" }, { ceiling: ["users.view"], where: "system" }] },
  "GET roles/[id]": { success: 200, steps: [{ anywhere: "roles.view" }] },
  // Built-in roles for the super-admin and built-in targets (409), a custom role otherwise.
  "PATCH roles/[id]": { success: 200, steps: [{ need: "roles.manage", where: "system" }, { conflictWhen: builtinRole }] },
  "DELETE roles/[id]": { success: 204, steps: [{ need: "roles.manage", where: "system" }, { conflictWhen: builtinRole }, { ceiling: ["users.view"], where: "system" }] },
};
