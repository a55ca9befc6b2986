import "server-only";
import { and, asc, eq, ilike, inArray, notInArray, or } from "drizzle-orm";
import { groupMembers, groups, orgMembers, organizations, users } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { toMemberDto } from "../orgs/dto";
import type { MemberDto } from "../orgs/schema";
import { authorizeAnywhere } from "../rbac/authorize";
import { loadVisibleUser } from "../rbac/targets";
import { escapeLike } from "../users/queries";
import { loadGroup } from "./queries";
import type { UserGroupDto } from "./schema";

export const PICKER_LIMIT = 10;
export const clean = (q: unknown) => (typeof q === "string" ? q.trim().slice(0, 200) : "");

/** For the group's "Add members" picker: members of the group's organization who are not in the group yet. */
export async function listGroupCandidates(actor: Actor, groupId: string, q: unknown): Promise<MemberDto[]> {
  const db = await getDb();
  const group = await loadGroup(db, actor, groupId, "groups.manage");
  const pattern = `%${escapeLike(clean(q))}%`;
  const inGroup = db.select({ id: groupMembers.userId }).from(groupMembers).where(eq(groupMembers.groupId, group.id));
  const rows = await db
    .select({ user: users, addedAt: orgMembers.createdAt })
    .from(orgMembers)
    .innerJoin(users, eq(users.id, orgMembers.userId))
    .where(and(eq(orgMembers.orgId, group.orgId), notInArray(users.id, inGroup), or(ilike(users.username, pattern), ilike(users.name, pattern), ilike(users.email, pattern))))
    .orderBy(asc(users.username))
    .limit(PICKER_LIMIT);
  return rows.map((r) => toMemberDto(r.user, r.addedAt));
}

/** For the user's "Add to groups" picker: groups the actor manages, in the user's organizations, that the user is not in. */
export async function listUserGroupCandidates(actor: Actor, userId: string, q: unknown): Promise<Omit<UserGroupDto, "added_at">[]> {
  const managed = authorizeAnywhere(actor, "groups.manage");
  const db = await getDb();
  const { user, orgIds } = await loadVisibleUser(db, actor, userId);
  const orgs = managed === "all" ? orgIds : orgIds.filter((id) => managed.includes(id));
  if (orgs.length === 0) return [];
  const joined = db.select({ id: groupMembers.groupId }).from(groupMembers).where(eq(groupMembers.userId, user.id));
  const rows = await db
    .select({ group: groups, orgName: organizations.name })
    .from(groups)
    .innerJoin(organizations, eq(organizations.id, groups.orgId))
    .where(and(inArray(groups.orgId, orgs), notInArray(groups.id, joined), ilike(groups.name, `%${escapeLike(clean(q))}%`)))
    .orderBy(asc(organizations.name), asc(groups.name))
    .limit(PICKER_LIMIT);
  return rows.map((r) => ({ id: r.group.id, org_id: r.group.orgId, org_name: r.orgName, name: r.group.name, description: r.group.description }));
}
