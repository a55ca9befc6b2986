import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { orgMembers, users, type UserRow } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { forbidden, notFound } from "../errors";
import { isUuid } from "../ids";
import { authorizeAnywhere, can } from "../rbac/authorize";
import type { Permission } from "../rbac/permissions";

export async function userOrgIds(db: Executor, userId: string): Promise<string[]> {
  const rows = await db.select({ orgId: orgMembers.orgId }).from(orgMembers).where(eq(orgMembers.userId, userId));
  return rows.map((r) => r.orgId);
}

/**
 * Loads a user the actor wants to act on with `permission`, locking the row for the transaction.
 * No such permission anywhere → 403. A user the actor cannot even see → 404 (existence is not revealed).
 * Visible but not manageable → 403.
 */
export async function loadManagedUser(tx: Executor, actor: Actor, userId: string, permission: Permission): Promise<UserRow> {
  authorizeAnywhere(actor, permission);
  if (!isUuid(userId)) throw notFound("User");
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!user) throw notFound("User");
  const orgIds = await userOrgIds(tx, userId);
  if (can(actor, permission, { orgIds })) return user;
  if (can(actor, "users.view", { orgIds })) throw forbidden();
  throw notFound("User");
}
