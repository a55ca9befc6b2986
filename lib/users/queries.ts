import "server-only";
import { and, asc, count, eq, ilike, inArray, isNotNull, lte, not, or, sql, type SQL } from "drizzle-orm";
import { groupMembers, orgMembers, users } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { notFound, parseInput } from "../errors";
import { isUuid } from "../ids";
import { authorizeAnywhere, can } from "../rbac/authorize";
import { userOrgIds } from "./access";
import { toUserDto } from "./dto";
import { listUsersQuerySchema, type Page, type UserDto } from "./schema";

const SORT_COLUMNS = { username: users.username, email: users.email, created_at: users.createdAt, last_login_at: users.lastLoginAt };

export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

const inOrgs = (orgIds: string[]) =>
  sql`exists (select 1 from ${orgMembers} where ${orgMembers.userId} = ${users.id} and ${inArray(orgMembers.orgId, orgIds)})`;

function statusCondition(status: UserDto["status"], now: Date): SQL {
  if (status === "inactive") return eq(users.isActive, false);
  const expired = and(isNotNull(users.dateExpired), lte(users.dateExpired, now))!;
  return status === "expired" ? and(eq(users.isActive, true), expired)! : and(eq(users.isActive, true), not(expired))!;
}

/** Users the actor may view, searched, sorted and paginated on the server. */
export async function listUsers(actor: Actor, query: Record<string, unknown>): Promise<Page<UserDto>> {
  const input = parseInput(listUsersQuerySchema, query);
  const orgs = authorizeAnywhere(actor, "users.view");
  const db = await getDb();

  const where: SQL[] = [];
  if (orgs !== "all") where.push(inOrgs(orgs));
  if (input.org_id) where.push(inOrgs([input.org_id]));
  if (input.status) where.push(statusCondition(input.status, new Date()));
  if (input.is_service_account !== undefined) where.push(eq(users.isServiceAccount, input.is_service_account));
  if (input.is_admin !== undefined) where.push(eq(users.isAdmin, input.is_admin));
  if (input.auth_source) where.push(eq(users.authSource, input.auth_source));
  if (input.group_id) where.push(sql`exists (select 1 from ${groupMembers} where ${groupMembers.userId} = ${users.id} and ${groupMembers.groupId} = ${input.group_id})`);
  if (input.q) {
    const pattern = `%${escapeLike(input.q)}%`;
    where.push(or(ilike(users.name, pattern), ilike(users.username, pattern), ilike(users.email, pattern))!);
  }
  const condition = where.length ? and(...where) : undefined;
  const descending = input.sort.startsWith("-");
  const column = SORT_COLUMNS[input.sort.replace(/^-/, "") as keyof typeof SORT_COLUMNS];

  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(condition)
      .orderBy(descending ? sql`${column} desc nulls last` : asc(column), asc(users.id))
      .limit(input.limit)
      .offset((input.page - 1) * input.limit),
    db.select({ total: count() }).from(users).where(condition),
  ]);
  const now = new Date();
  return { data: rows.map((r) => toUserDto(r, now)), total, page: input.page, limit: input.limit };
}

/** One user. Unknown ids and users outside the actor's organizations are both "not found". */
export async function getUser(actor: Actor, userId: string): Promise<UserDto> {
  authorizeAnywhere(actor, "users.view");
  const db = await getDb();
  if (!isUuid(userId)) throw notFound("User");
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw notFound("User");
  if (!can(actor, "users.view", { orgIds: await userOrgIds(db, userId) })) throw notFound("User");
  return toUserDto(user);
}

export type UserCapabilities = { update: boolean; delete: boolean; manage_attributes: boolean; set_admin: boolean };

/** What the console may offer for this user. A courtesy for the UI: each domain function decides again. */
export async function getUserCapabilities(actor: Actor, userId: string): Promise<UserCapabilities> {
  const db = await getDb();
  const [user] = isUuid(userId) ? await db.select({ isAdmin: users.isAdmin }).from(users).where(eq(users.id, userId)) : [];
  if (!user) return { update: false, delete: false, manage_attributes: false, set_admin: false };
  const orgIds = await userOrgIds(db, userId);
  const manageable = !user.isAdmin || actor.isAdmin;
  return {
    update: manageable && can(actor, "users.update", { orgIds }),
    delete: manageable && can(actor, "users.delete", { orgIds }),
    manage_attributes: can(actor, "user_attributes.manage"),
    set_admin: actor.isAdmin,
  };
}
