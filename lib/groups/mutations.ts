import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { groupMembers, groups, organizations, type GroupRow } from "@/db/schema";
import { audit } from "../audit/audit";
import { diffChanges } from "../audit/diff";
import type { Actor } from "../auth/actor";
import { DEFAULT_ORG_ID } from "../bootstrap";
import { getDb, isUniqueViolation } from "../db";
import { conflict, parseInput, validationError } from "../errors";
import { authorize } from "../rbac/authorize";
import { assertWithinCeiling, freshActor, groupConferrals } from "../rbac/ceiling";
import { groupDto, loadGroup } from "./queries";
import { createGroupSchema, updateGroupSchema, type CreateGroupInput, type GroupDto, type UpdateGroupInput } from "./schema";
import { keepingOrgAdmins, lockOrgAdmins } from "../rbac/org-admins";

const nameTaken = (name: string) => conflict(`A group named "${name}" already exists in this organization.`);

async function assertNameFree(tx: Executor, orgId: string, name: string, exceptId?: string) {
  const [taken] = await tx
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.orgId, orgId), eq(sql`lower(${groups.name})`, name.toLowerCase()), exceptId ? ne(groups.id, exceptId) : undefined));
  if (taken) throw nameTaken(name);
}

async function uniquely<T>(name: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name ?? "");
    throw error;
  }
}

const target = (group: GroupRow) => ({ type: "group", id: group.id, label: group.name, orgId: group.orgId });
const snapshot = (group: GroupRow) => ({ org_id: group.orgId, name: group.name, description: group.description });

/** A new group in an organization (groups.manage there). Names are unique per organization, ignoring case. */
export async function createGroup(actor: Actor, input: CreateGroupInput): Promise<GroupDto> {
  const data = parseInput(createGroupSchema, input);
  const orgId = data.org_id ?? DEFAULT_ORG_ID;
  authorize(actor, "groups.manage", { orgId });
  const db = await getDb();
  return uniquely(data.name, () =>
    db.transaction(async (tx) => {
      const [org] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, orgId));
      if (!org) throw validationError({ org_id: ["Unknown organization."] });
      await assertNameFree(tx, orgId, data.name);
      const [group] = await tx.insert(groups).values({ orgId, name: data.name, description: data.description }).returning();
      await audit(tx, actor, "group.create", target(group), diffChanges(null, snapshot(group)));
      return groupDto(tx, group.id);
    }),
  );
}

/** Rename or describe a group (PATCH). */
export async function updateGroup(actor: Actor, groupId: string, input: UpdateGroupInput): Promise<GroupDto> {
  const data = parseInput(updateGroupSchema, input);
  const db = await getDb();
  return uniquely(data.name, () =>
    db.transaction(async (tx) => {
      const group = await loadGroup(tx, actor, groupId, "groups.manage", true);
      if (data.name !== undefined && data.name.toLowerCase() !== group.name.toLowerCase()) await assertNameFree(tx, group.orgId, data.name, group.id);
      const [updated] = await tx
        .update(groups)
        .set({ ...(data.name !== undefined && { name: data.name }), ...(data.description !== undefined && { description: data.description }), updatedAt: new Date() })
        .where(eq(groups.id, group.id))
        .returning();
      await audit(tx, actor, "group.update", target(updated), diffChanges(snapshot(group), snapshot(updated)));
      return groupDto(tx, group.id);
    }),
  );
}

/** Deletes a group; its members lose what its roles gave them, so the roles must be within the actor's ceiling. */
export async function deleteGroup(actor: Actor, groupId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockOrgAdmins(tx);
    const current = await freshActor(tx, actor);
    const group = await loadGroup(tx, current, groupId, "groups.manage", true);
    const [{ members }] = await tx.select({ members: sql<number>`count(*)::int` }).from(groupMembers).where(eq(groupMembers.groupId, group.id));
    if (members > 0) assertWithinCeiling(current, await groupConferrals(tx, group));
    await keepingOrgAdmins(tx, [group.orgId], () => tx.delete(groups).where(eq(groups.id, group.id)));
    await audit(tx, actor, "group.delete", target(group), diffChanges(snapshot(group), null), { metadata: { member_count: members } });
  });
}
