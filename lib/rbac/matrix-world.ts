/**
 * T8 world: the organizations, actors (with PATs), targets and resources of the authorization matrix, and how each
 * route's request is built for an (actor, target) cell. Expected answers live only in matrix-policy.ts.
 */
import { and, eq, inArray } from "drizzle-orm";
import { groupMembers, groupRoles, groups, orgMemberRoles, orgMembers, organizations, roles, userRoles, users, type UserRow } from "@/db/schema";
import { DEFAULT_ORG_ID, PROXY_PROVIDER_ID } from "../bootstrap";
import { getDb } from "../db";
import { actorFor, adminUser, createTestOrg, createTestUser, uniqueName } from "../testing/factories";
import { createPersonalAccessToken } from "../tokens/pat";
import { ACTORS, PAT_SCOPES, targetModel, type ActorKey, type OrgKey, type TargetKey } from "./matrix-policy";
import { builtinRoleId, customRole, giveOrgRole, giveSystemRole, makeGroup } from "./test-helpers";

export type World = Awaited<ReturnType<typeof buildWorld>>;
export type Cell = { world: World; actor: ActorKey; target: TargetKey; user: UserRow; homeOrg: string };
export type Request = { path: string; body?: unknown; params: Record<string, string> };
export type RouteSpec = { request: (c: Cell) => Promise<Request> | Request; setup?: (c: Cell) => Promise<unknown>; restore?: (c: Cell) => Promise<unknown> };

export async function buildWorld() {
  const db = await getDb();
  const orgs: Record<OrgKey | "C", string> = { A: await createTestOrg("Org A"), B: await createTestOrg("Org B"), D: DEFAULT_ORG_ID, C: await createTestOrg("Spare") };
  const role = Object.fromEntries(await Promise.all(["org_user", "org_auditor", "org_admin", "system_admin", "system_auditor"].map(async (k) => [k, await builtinRoleId(k)]))) as Record<string, string>;
  const person = async (home: OrgKey, fields: Partial<typeof users.$inferInsert> = {}) => {
    const user = await createTestUser({ orgId: orgs[home], ...fields });
    await giveOrgRole(user.id, orgs[home], role.org_user);
    return user;
  };
  const people = {
    user: await person("A"),
    auditor: await person("D"),
    orgAdminA: await person("A"),
    orgAdminB: await person("B"),
    systemAdmin: await person("D"),
    superAdmin: await person("D", { isAdmin: true }),
    pat: await person("D"),
    disabled: await person("D"),
    tA: await person("A"),
    tB: await person("B"),
    tD: await person("D"),
    root: await adminUser(),
    builtin: (await db.select().from(users).where(eq(users.id, PROXY_PROVIDER_ID)))[0],
  };
  await giveSystemRole(people.auditor.id, role.system_auditor);
  await giveOrgRole(people.orgAdminA.id, orgs.A, role.org_admin);
  await giveOrgRole(people.orgAdminB.id, orgs.B, role.org_admin);
  for (const u of [people.systemAdmin, people.pat, people.disabled]) await giveSystemRole(u.id, role.system_admin);

  const tokens: Partial<Record<ActorKey, string>> = {};
  for (const key of Object.keys(ACTORS) as ActorKey[]) {
    if (key === "anonymous") continue;
    const owner = people[key as keyof typeof people];
    const scopes = key === "pat" ? PAT_SCOPES : undefined;
    tokens[key] = (await createPersonalAccessToken(await actorFor(owner), owner.id, { name: "matrix", scopes })).token;
  }
  await db.update(users).set({ isActive: false }).where(eq(users.id, people.disabled.id));

  const groupOf = { A: (await makeGroup(orgs.A, "gA")).id, B: (await makeGroup(orgs.B, "gB")).id, D: (await makeGroup(orgs.D, "gD")).id };
  const customRoleId = (await customRole("org", ["users.view"], "Matrix custom")).id;
  return { orgs, role, people, tokens, groupOf, customRoleId };
}

const HOMES: Record<string, OrgKey> = { user: "A", orgAdminA: "A", orgAdminB: "B", tA: "A", tB: "B" };

/** The concrete user behind a target for an actor (see targetModel in the policy). */
export function cellFor(world: World, actor: ActorKey, target: TargetKey): Cell {
  const t = targetModel(actor, target);
  const key =
    target === "self" ? (actor === "anonymous" ? "tA" : actor) : target === "superAdmin" ? "root" : target === "builtin" ? "builtin" : ({ A: "tA", B: "tB", D: "tD" } as const)[t.home];
  const user = world.people[key as keyof World["people"]];
  return { world, actor, target, user, homeOrg: world.orgs[HOMES[key] ?? "D"] };
}

/** Everything a user holds (roles, memberships), to put back after a cell that succeeded in changing it. */
async function snapshotGrants(userId: string) {
  const db = await getDb();
  const [sys, inOrgs, members, inGroups] = await Promise.all([
    db.select().from(userRoles).where(eq(userRoles.userId, userId)),
    db.select().from(orgMemberRoles).where(eq(orgMemberRoles.userId, userId)),
    db.select().from(orgMembers).where(eq(orgMembers.userId, userId)),
    db.select().from(groupMembers).where(eq(groupMembers.userId, userId)),
  ]);
  return async () => {
    await db.transaction(async (tx) => {
      await tx.delete(orgMembers).where(eq(orgMembers.userId, userId));
      await tx.delete(userRoles).where(eq(userRoles.userId, userId));
      await tx.delete(groupMembers).where(eq(groupMembers.userId, userId));
      if (members.length) await tx.insert(orgMembers).values(members);
      if (inOrgs.length) await tx.insert(orgMemberRoles).values(inOrgs);
      if (sys.length) await tx.insert(userRoles).values(sys);
      if (inGroups.length) await tx.insert(groupMembers).values(inGroups);
    });
  };
}

const restorers = new WeakMap<Cell, () => Promise<void>>();
const keepGrants: Pick<RouteSpec, "setup" | "restore"> = {
  setup: async (c) => restorers.set(c, await snapshotGrants(c.user.id)),
  restore: async (c) => restorers.get(c)?.(),
};
const withGrants = (spec: RouteSpec): RouteSpec => ({
  ...spec,
  setup: async (c) => {
    await keepGrants.setup!(c);
    await spec.setup?.(c);
  },
  restore: keepGrants.restore,
});

const homeGroup = (c: Cell) => c.world.groupOf[(Object.entries(c.world.orgs).find(([, id]) => id === c.homeOrg)?.[0] ?? "D") as OrgKey];
const fresh = new WeakMap<Cell, string>();
const isBuiltinRoleTarget = (c: Cell) => c.target === "builtin" || c.target === "superAdmin";
const db = getDb;

/** How each route is called for a cell. Keys match matrix-policy.ts POLICY. */
export const ROUTES: Record<string, RouteSpec> = {
  "GET users/[id]/mfa": { request: (c) => ({ path: `/api/v1/users/${c.user.id}/mfa`, params: { id: c.user.id } }) },
  "DELETE users/[id]/mfa": { request: (c) => ({ path: `/api/v1/users/${c.user.id}/mfa`, params: { id: c.user.id } }) },
  "GET users/[id]/groups": { request: (c) => ({ path: `/api/v1/users/${c.user.id}/groups`, params: { id: c.user.id } }) },
  "POST users/[id]/groups": withGrants({ request: (c) => ({ path: `/api/v1/users/${c.user.id}/groups`, params: { id: c.user.id }, body: { group_ids: [homeGroup(c)] } }) }),
  "DELETE users/[id]/groups": withGrants({
    setup: async (c) => (await db()).insert(groupMembers).values({ groupId: homeGroup(c), userId: c.user.id }).onConflictDoNothing(),
    request: (c) => ({ path: `/api/v1/users/${c.user.id}/groups`, params: { id: c.user.id }, body: { group_ids: [homeGroup(c)] } }),
  }),
  "GET users/[id]/roles": { request: (c) => ({ path: `/api/v1/users/${c.user.id}/roles`, params: { id: c.user.id } }) },
  "PUT users/[id]/roles": withGrants({
    request: async (c) => {
      const held = await (await db()).select({ id: orgMemberRoles.roleId }).from(orgMemberRoles).where(and(eq(orgMemberRoles.userId, c.user.id), eq(orgMemberRoles.orgId, c.homeOrg)));
      const roleIds = [...held.map((h) => h.id), c.world.role.org_auditor];
      return { path: `/api/v1/users/${c.user.id}/roles`, params: { id: c.user.id }, body: { org_roles: [{ org_id: c.homeOrg, role_ids: roleIds }] } };
    },
  }),
  "POST users/[id]/roles": withGrants({ request: (c) => ({ path: `/api/v1/users/${c.user.id}/roles`, params: { id: c.user.id }, body: { system_role_ids: [c.world.role.system_auditor] } }) }),
  "DELETE users/[id]/roles": withGrants({
    request: (c) => ({ path: `/api/v1/users/${c.user.id}/roles`, params: { id: c.user.id }, body: { org_roles: [{ org_id: c.homeOrg, role_ids: [c.world.role.org_user] }] } }),
  }),
  "GET users/[id]/effective-permissions": { request: (c) => ({ path: `/api/v1/users/${c.user.id}/effective-permissions`, params: { id: c.user.id } }) },
  "GET groups/[id]/members": { request: (c) => ({ path: `/api/v1/groups/${homeGroup(c)}/members`, params: { id: homeGroup(c) } }) },
  "POST groups/[id]/members": withGrants({ request: (c) => ({ path: `/api/v1/groups/${homeGroup(c)}/members`, params: { id: homeGroup(c) }, body: { user_ids: [c.user.id] } }) }),
  "DELETE groups/[id]/members": withGrants({
    setup: async (c) => (await db()).insert(groupMembers).values({ groupId: homeGroup(c), userId: c.user.id }).onConflictDoNothing(),
    request: (c) => ({ path: `/api/v1/groups/${homeGroup(c)}/members`, params: { id: homeGroup(c) }, body: { user_ids: [c.user.id] } }),
  }),
  "GET orgs/[id]/members": { request: (c) => ({ path: `/api/v1/orgs/${c.homeOrg}/members`, params: { id: c.homeOrg } }) },
  "POST orgs/[id]/members": withGrants({ request: (c) => ({ path: `/api/v1/orgs/${c.world.orgs.C}/members`, params: { id: c.world.orgs.C }, body: { user_ids: [c.user.id] } }) }),
  "DELETE orgs/[id]/members": withGrants({
    setup: async (c) => (await db()).insert(orgMembers).values({ orgId: c.world.orgs.C, userId: c.user.id }).onConflictDoNothing(),
    request: (c) => ({ path: `/api/v1/orgs/${c.world.orgs.C}/members`, params: { id: c.world.orgs.C }, body: { user_ids: [c.user.id] } }),
  }),
  "GET groups": { request: (c) => ({ path: `/api/v1/groups?org_id=${c.homeOrg}`, params: {} }) },
  "POST groups": {
    request: (c) => ({ path: "/api/v1/groups", params: {}, body: { org_id: c.homeOrg, name: `matrix-${c.actor}-${c.target}` } }),
    restore: async (c) => (await db()).delete(groups).where(eq(groups.name, `matrix-${c.actor}-${c.target}`)),
  },
  "GET groups/[id]": { request: (c) => ({ path: `/api/v1/groups/${homeGroup(c)}`, params: { id: homeGroup(c) } }) },
  "PATCH groups/[id]": { request: (c) => ({ path: `/api/v1/groups/${homeGroup(c)}`, params: { id: homeGroup(c) }, body: { description: `${c.actor} was here` } }) },
  "DELETE groups/[id]": {
    setup: async (c) => fresh.set(c, (await makeGroup(c.homeOrg)).id),
    request: (c) => ({ path: `/api/v1/groups/${fresh.get(c)}`, params: { id: fresh.get(c)! } }),
    restore: async (c) => (await db()).delete(groups).where(eq(groups.id, fresh.get(c)!)),
  },
  "GET groups/[id]/roles": { request: (c) => ({ path: `/api/v1/groups/${homeGroup(c)}/roles`, params: { id: homeGroup(c) } }) },
  ...Object.fromEntries(
    (["PUT", "POST", "DELETE"] as const).map((method) => [
      `${method} groups/[id]/roles`,
      {
        setup: async (c: Cell) => method === "DELETE" && (await db()).insert(groupRoles).values({ groupId: homeGroup(c), roleId: c.world.role.org_user }),
        request: (c: Cell) => {
          const roleId = { PUT: c.world.role.org_auditor, POST: c.world.role.system_auditor, DELETE: c.world.role.org_user }[method];
          return { path: `/api/v1/groups/${homeGroup(c)}/roles`, params: { id: homeGroup(c) }, body: { role_ids: [roleId] } };
        },
        restore: async (c: Cell) => (await db()).delete(groupRoles).where(eq(groupRoles.groupId, homeGroup(c))),
      } satisfies RouteSpec,
    ]),
  ),
  "GET orgs": { request: () => ({ path: "/api/v1/orgs", params: {} }) },
  "POST orgs": {
    request: (c) => ({ path: "/api/v1/orgs", params: {}, body: { name: `matrix-${c.actor}-${c.target}` } }),
    restore: async (c) => (await db()).delete(organizations).where(eq(organizations.name, `matrix-${c.actor}-${c.target}`)),
  },
  "GET orgs/[id]": { request: (c) => ({ path: `/api/v1/orgs/${c.homeOrg}`, params: { id: c.homeOrg } }) },
  "PATCH orgs/[id]": { request: (c) => ({ path: `/api/v1/orgs/${c.homeOrg}`, params: { id: c.homeOrg }, body: { description: `${c.actor} was here` } }) },
  "DELETE orgs/[id]": {
    setup: async (c) => fresh.set(c, c.homeOrg === DEFAULT_ORG_ID ? DEFAULT_ORG_ID : await createTestOrg(uniqueName("fresh"))),
    request: (c) => ({ path: `/api/v1/orgs/${fresh.get(c)}`, params: { id: fresh.get(c)! } }),
    restore: async (c) => fresh.get(c) !== DEFAULT_ORG_ID && (await db()).delete(organizations).where(eq(organizations.id, fresh.get(c)!)),
  },
  "GET roles": { request: () => ({ path: "/api/v1/roles?scope=org", params: {} }) },
  "POST roles": {
    request: (c) => ({ path: "/api/v1/roles", params: {}, body: { scope: "org", name: `matrix-${c.actor}-${c.target}`, permissions: ["users.view"] } }),
    restore: async (c) => (await db()).delete(roles).where(eq(roles.name, `matrix-${c.actor}-${c.target}`)),
  },
  "GET roles/[id]": { request: (c) => ({ path: `/api/v1/roles/${c.world.customRoleId}`, params: { id: c.world.customRoleId } }) },
  "PATCH roles/[id]": {
    request: (c) => {
      const id = isBuiltinRoleTarget(c) ? c.world.role[c.target === "builtin" ? "system_admin" : "org_admin"] : c.world.customRoleId;
      return { path: `/api/v1/roles/${id}`, params: { id }, body: { description: `${c.actor} was here` } };
    },
  },
  "DELETE roles/[id]": {
    setup: async (c) => fresh.set(c, isBuiltinRoleTarget(c) ? c.world.role.system_auditor : (await customRole("system", ["users.view"])).id),
    request: (c) => ({ path: `/api/v1/roles/${fresh.get(c)}`, params: { id: fresh.get(c)! } }),
    restore: async (c) => !isBuiltinRoleTarget(c) && (await db()).delete(roles).where(inArray(roles.id, [fresh.get(c)!])),
  },
};
