import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { groups, orgMembers, organizations, users, type OrganizationRow } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { forbidden, notFound, parseInput } from "../errors";
import { isUuid } from "../ids";
import { authorizeAnywhere, can } from "../rbac/authorize";
import { escapeLike } from "../users/queries";
import type { Page } from "../users/schema";
import { toMemberDto, toOrgDto } from "./dto";
import { listMembersQuerySchema, listQuerySchema, type MemberDto, type OrgDto } from "./schema";

const memberCount = sql<number>`(select count(*)::int from ${orgMembers} where ${orgMembers.orgId} = ${organizations.id})`;
const groupCount = sql<number>`(select count(*)::int from ${groups} where ${groups.orgId} = ${organizations.id})`;

export async function orgWithCounts(db: Executor, orgId: string): Promise<OrgDto> {
  const [row] = await db.select({ org: organizations, members: memberCount, groups: groupCount }).from(organizations).where(eq(organizations.id, orgId));
  return toOrgDto(row.org, { members: row.members, groups: row.groups });
}

/**
 * An organization the actor may see with `permission`: malformed, unknown and invisible ids are all "not found";
 * visible without the permission is 403. `lock` row-locks it for the transaction.
 */
export async function loadOrg(db: Executor, actor: Actor, orgId: string, permission: "orgs.view" | "orgs.manage" = "orgs.view", lock = false): Promise<OrganizationRow> {
  authorizeAnywhere(actor, "orgs.view");
  if (!isUuid(orgId)) throw notFound("Organization");
  const query = db.select().from(organizations).where(eq(organizations.id, orgId));
  const [org] = lock ? await query.for("update") : await query;
  if (!org || !can(actor, "orgs.view", { orgId })) throw notFound("Organization");
  if (!can(actor, permission, { orgId })) throw forbidden();
  return org;
}

/** Organizations the actor may view, the Default one first. */
export async function listOrgs(actor: Actor, query: Record<string, unknown>): Promise<Page<OrgDto>> {
  const input = parseInput(listQuerySchema, query);
  const visible = authorizeAnywhere(actor, "orgs.view");
  const db = await getDb();
  const where: SQL[] = [];
  if (visible !== "all") where.push(inArray(organizations.id, visible));
  if (input.q) where.push(ilike(organizations.name, `%${escapeLike(input.q)}%`));
  const condition = where.length ? and(...where) : undefined;
  const column = input.sort.endsWith("name") ? organizations.name : organizations.createdAt;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ org: organizations, members: memberCount, groups: groupCount })
      .from(organizations)
      .where(condition)
      .orderBy(desc(organizations.isDefault), input.sort.startsWith("-") ? desc(column) : asc(column), asc(organizations.id))
      .limit(input.limit)
      .offset((input.page - 1) * input.limit),
    db.select({ total: count() }).from(organizations).where(condition),
  ]);
  return { data: rows.map((r) => toOrgDto(r.org, { members: r.members, groups: r.groups })), total, page: input.page, limit: input.limit };
}

export async function getOrg(actor: Actor, orgId: string): Promise<OrgDto> {
  const db = await getDb();
  const org = await loadOrg(db, actor, orgId);
  return orgWithCounts(db, org.id);
}

/** Members of an organization (orgs.view and users.view in it). */
export async function listOrgMembers(actor: Actor, orgId: string, query: Record<string, unknown>): Promise<Page<MemberDto>> {
  const input = parseInput(listMembersQuerySchema, query);
  const db = await getDb();
  const org = await loadOrg(db, actor, orgId);
  if (!can(actor, "users.view", { orgId: org.id })) throw forbidden();
  const where: SQL[] = [eq(orgMembers.orgId, org.id)];
  if (input.q) {
    const pattern = `%${escapeLike(input.q)}%`;
    where.push(or(ilike(users.name, pattern), ilike(users.username, pattern), ilike(users.email, pattern))!);
  }
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ user: users, addedAt: orgMembers.createdAt })
      .from(orgMembers)
      .innerJoin(users, eq(users.id, orgMembers.userId))
      .where(and(...where))
      .orderBy(asc(users.username))
      .limit(input.limit)
      .offset((input.page - 1) * input.limit),
    db.select({ total: count() }).from(orgMembers).innerJoin(users, eq(users.id, orgMembers.userId)).where(and(...where)),
  ]);
  return { data: rows.map((r) => toMemberDto(r.user, r.addedAt)), total, page: input.page, limit: input.limit };
}
