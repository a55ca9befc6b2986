import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { groupMembers, groups, organizations, users, type GroupRow } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { forbidden, notFound, parseInput } from "../errors";
import { isUuid } from "../ids";
import { toMemberDto } from "../orgs/dto";
import { listMembersQuerySchema, type MemberDto } from "../orgs/schema";
import { authorizeAnywhere, can } from "../rbac/authorize";
import { loadVisibleUser } from "../rbac/targets";
import { escapeLike } from "../users/queries";
import type { Page } from "../users/schema";
import { listGroupsQuerySchema, type GroupDto, type UserGroupDto } from "./schema";

const memberCount = sql<number>`(select count(*)::int from ${groupMembers} where ${groupMembers.groupId} = ${groups.id})`;
const groupColumns = { group: groups, orgName: organizations.name, members: memberCount };

type GroupWithCounts = { group: GroupRow; orgName: string; members: number };

export const toGroupDto = ({ group, orgName, members }: GroupWithCounts): GroupDto => ({
  id: group.id,
  org_id: group.orgId,
  org_name: orgName,
  name: group.name,
  description: group.description,
  member_count: members,
  created_at: group.createdAt.toISOString(),
  updated_at: group.updatedAt.toISOString(),
});

export async function groupDto(db: Executor, groupId: string): Promise<GroupDto> {
  const [row] = await db.select(groupColumns).from(groups).innerJoin(organizations, eq(organizations.id, groups.orgId)).where(eq(groups.id, groupId));
  return toGroupDto(row);
}

/**
 * A group the actor acts on with `permission` in its organization. No groups.view anywhere → 403; malformed, unknown
 * or outside the organizations the actor can see → 404; visible without the permission → 403.
 */
export async function loadGroup(db: Executor, actor: Actor, groupId: string, permission: "groups.view" | "groups.manage" = "groups.view", lock = false): Promise<GroupRow> {
  authorizeAnywhere(actor, "groups.view");
  if (!isUuid(groupId)) throw notFound("Group");
  const query = db.select().from(groups).where(eq(groups.id, groupId));
  const [group] = lock ? await query.for("update") : await query;
  if (!group || !can(actor, "groups.view", { orgId: group.orgId })) throw notFound("Group");
  if (!can(actor, permission, { orgId: group.orgId })) throw forbidden();
  return group;
}

/** Groups in the organizations the actor may view (optionally one organization), searched and paginated. */
export async function listGroups(actor: Actor, query: Record<string, unknown>): Promise<Page<GroupDto>> {
  const input = parseInput(listGroupsQuerySchema, query);
  const visible = authorizeAnywhere(actor, "groups.view");
  const db = await getDb();
  const where: SQL[] = [];
  if (visible !== "all") where.push(inArray(groups.orgId, visible));
  if (input.org_id) where.push(eq(groups.orgId, input.org_id));
  if (input.q) {
    const pattern = `%${escapeLike(input.q)}%`;
    where.push(or(ilike(groups.name, pattern), ilike(groups.description, pattern))!);
  }
  const condition = where.length ? and(...where) : undefined;
  const column = input.sort.endsWith("name") ? groups.name : groups.createdAt;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(groupColumns)
      .from(groups)
      .innerJoin(organizations, eq(organizations.id, groups.orgId))
      .where(condition)
      .orderBy(input.sort.startsWith("-") ? desc(column) : asc(column), asc(groups.id))
      .limit(input.limit)
      .offset((input.page - 1) * input.limit),
    db.select({ total: count() }).from(groups).where(condition),
  ]);
  return { data: rows.map(toGroupDto), total, page: input.page, limit: input.limit };
}

export async function getGroup(actor: Actor, groupId: string): Promise<GroupDto> {
  const db = await getDb();
  const group = await loadGroup(db, actor, groupId);
  return groupDto(db, group.id);
}

const userSearch = (q: string | undefined): SQL | undefined => {
  if (!q) return undefined;
  const pattern = `%${escapeLike(q)}%`;
  return or(ilike(users.name, pattern), ilike(users.username, pattern), ilike(users.email, pattern));
};

/** Members of a group (groups.view in its organization). */
export async function listGroupMembers(actor: Actor, groupId: string, query: Record<string, unknown>): Promise<Page<MemberDto>> {
  const input = parseInput(listMembersQuerySchema, query);
  const db = await getDb();
  const group = await loadGroup(db, actor, groupId);
  const condition = and(eq(groupMembers.groupId, group.id), userSearch(input.q));
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ user: users, addedAt: groupMembers.createdAt })
      .from(groupMembers)
      .innerJoin(users, eq(users.id, groupMembers.userId))
      .where(condition)
      .orderBy(asc(users.username))
      .limit(input.limit)
      .offset((input.page - 1) * input.limit),
    db.select({ total: count() }).from(groupMembers).innerJoin(users, eq(users.id, groupMembers.userId)).where(condition),
  ]);
  return { data: rows.map((r) => toMemberDto(r.user, r.addedAt)), total, page: input.page, limit: input.limit };
}

/** The groups of a user: all of them for the user themselves, else those in organizations the actor can view groups of. */
export async function listUserGroups(actor: Actor, userId: string, query: Record<string, unknown>): Promise<Page<UserGroupDto>> {
  const input = parseInput(listMembersQuerySchema, query);
  const self = actor.kind !== "system" && actor.userId === userId;
  if (!self) authorizeAnywhere(actor, "users.view");
  const visible = self ? "all" : authorizeAnywhere(actor, "groups.view");
  const db = await getDb();
  const { user } = await loadVisibleUser(db, actor, userId);
  const condition = and(
    eq(groupMembers.userId, user.id),
    visible === "all" ? undefined : inArray(groups.orgId, visible),
    input.q ? ilike(groups.name, `%${escapeLike(input.q)}%`) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ group: groups, orgName: organizations.name, addedAt: groupMembers.createdAt })
      .from(groupMembers)
      .innerJoin(groups, eq(groups.id, groupMembers.groupId))
      .innerJoin(organizations, eq(organizations.id, groups.orgId))
      .where(condition)
      .orderBy(asc(organizations.name), asc(groups.name))
      .limit(input.limit)
      .offset((input.page - 1) * input.limit),
    db.select({ total: count() }).from(groupMembers).innerJoin(groups, eq(groups.id, groupMembers.groupId)).where(condition),
  ]);
  const data = rows.map((r) => ({
    id: r.group.id,
    org_id: r.group.orgId,
    org_name: r.orgName,
    name: r.group.name,
    description: r.group.description,
    added_at: r.addedAt.toISOString(),
  }));
  return { data, total, page: input.page, limit: input.limit };
}
