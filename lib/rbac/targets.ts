import "server-only";
import { inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { orgMembers, users, type UserRow } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { conflict, notFound } from "../errors";
import { isUuid } from "../ids";
import { assertMayManage } from "../users/guards";
import { can } from "./authorize";

export type VisibleUser = { user: UserRow; orgIds: string[] };

const isSelf = (actor: Actor, userId: string) => actor.kind !== "system" && actor.userId === userId;

/**
 * Users the actor may see (users.view in one of their organizations, or themselves), in the order asked.
 * A malformed, unknown or invisible id is "not found": existence is not revealed. `lock` row-locks the users.
 */
export async function loadVisibleUsers(tx: Executor, actor: Actor, userIds: readonly string[], lock = false): Promise<VisibleUser[]> {
  if (userIds.some((id) => !isUuid(id))) throw notFound("User");
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return [];
  const query = tx.select().from(users).where(inArray(users.id, ids));
  const rows = lock ? await query.for("update") : await query;
  const memberships = await tx.select().from(orgMembers).where(inArray(orgMembers.userId, ids));
  return ids.map((id) => {
    const user = rows.find((r) => r.id === id);
    if (!user) throw notFound("User");
    const orgIds = memberships.filter((m) => m.userId === id).map((m) => m.orgId);
    if (!isSelf(actor, id) && !can(actor, "users.view", { orgIds })) throw notFound("User");
    return { user, orgIds };
  });
}

export async function loadVisibleUser(tx: Executor, actor: Actor, userId: string, lock = false): Promise<VisibleUser> {
  const [visible] = await loadVisibleUsers(tx, actor, [userId], lock);
  return visible;
}

/**
 * Whose roles and memberships the actor may change at all: only a super-admin touches a super-admin (403), and the
 * built-in accounts' grants are managed by Gatehouse itself (409; only the system actor, e.g. bootstrap, may).
 */
export function assertGrantsChangeable(actor: Actor, user: UserRow): void {
  assertMayManage(actor, user);
  if (user.isBuiltin && actor.kind !== "system") {
    throw conflict(`${user.username} is a built-in account: its roles and memberships cannot be changed.`);
  }
}
