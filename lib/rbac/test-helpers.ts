/** Test setup shared by the RBAC tests: rows written straight into the real test database (never a mock). */
import { eq, sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import { groupMembers, groupRoles, groups, orgMemberRoles, orgMembers, roles, userRoles, type GroupRow, type RoleRow } from "@/db/schema";
import { getDb } from "../db";
import { uniqueName } from "../testing/factories";
import type { Permission } from "./permissions";

export const codeOf = async (promise: Promise<unknown>) => promise.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));

export async function builtinRoleId(key: string): Promise<string> {
  const db = await getDb();
  const [role] = await db.select({ id: roles.id }).from(roles).where(eq(roles.builtinKey, key));
  return role.id;
}

export async function customRole(scope: "system" | "org", permissions: Permission[], name = uniqueName("role")): Promise<RoleRow> {
  const db = await getDb();
  const [role] = await db.insert(roles).values({ scope, name, permissions }).returning();
  return role;
}

export async function giveSystemRole(userId: string, roleId: string) {
  await (await getDb()).insert(userRoles).values({ userId, roleId }).onConflictDoNothing();
}

export async function giveOrgRole(userId: string, orgId: string, roleId: string) {
  const db = await getDb();
  await db.insert(orgMembers).values({ orgId, userId }).onConflictDoNothing();
  await db.insert(orgMemberRoles).values({ orgId, userId, roleId }).onConflictDoNothing();
}

export async function makeGroup(orgId: string, name = uniqueName("group")): Promise<GroupRow> {
  const [group] = await (await getDb()).insert(groups).values({ orgId, name }).returning();
  return group;
}

export async function bindRole(groupId: string, roleId: string) {
  await (await getDb()).insert(groupRoles).values({ groupId, roleId }).onConflictDoNothing();
}

export async function addMember(groupId: string, userId: string) {
  await (await getDb()).insert(groupMembers).values({ groupId, userId }).onConflictDoNothing();
}

export async function isMember(groupId: string, userId: string): Promise<boolean> {
  const rows = await (await getDb()).select().from(groupMembers).where(sql`${groupMembers.groupId} = ${groupId} and ${groupMembers.userId} = ${userId}`);
  return rows.length > 0;
}

const RBAC_TABLES = ["users", "roles", "user_roles", "organizations", "org_members", "org_member_roles", "groups", "group_members", "group_roles"];

const CHECKSUM_SQL = `md5(${RBAC_TABLES.map((t) => `coalesce((select string_agg(t::text, ';' order by t::text) from ${t} t), '')`).join(" || '|' || ")})`;

/** One hash over every row of the tables RBAC writes: equal before and after means nothing changed. */
export async function rbacChecksum(): Promise<string> {
  return (await rbacState()).sum;
}

/** The checksum and the number of access.denied audit events, in one query. */
export async function rbacState(): Promise<{ sum: string; denied: number }> {
  const db = await getDb();
  const query = `select ${CHECKSUM_SQL} as sum, (select count(*)::int from audit_events where action = 'access.denied') as denied`;
  const [row] = rowsOf<{ sum: string; denied: number }>(await db.execute(sql.raw(query)));
  return row;
}

type RouteHandler = (req: import("next/server").NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A route module of app/api/v1 loaded from its file (lib/ never imports app/ statically). */
export async function routeModule(folder: string): Promise<Record<string, RouteHandler>> {
  const { resolve } = await import("node:path");
  return import(/* @vite-ignore */ resolve(__dirname, "../../app/api/v1", folder, "route.ts"));
}

/** Calls a route handler the way Next does, with a Bearer token and an optional JSON body. */
export async function callRoute(folder: string, method: string, init: { path: string; token?: string; body?: unknown; params?: Record<string, string> }) {
  const { NextRequest } = await import("next/server");
  const handler = (await routeModule(folder))[method];
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const body = init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body);
  return handler(new NextRequest(`http://localhost:3000${init.path}`, { method, headers, body }), { params: Promise.resolve(init.params ?? {}) });
}
