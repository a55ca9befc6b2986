import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users, type UserRow } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { notFound } from "../errors";
import { isUuid } from "../ids";
import type { Permission } from "../rbac/permissions";
import { loadManagedUser } from "../users/access";
import { assertMayManage } from "../users/guards";

/** A signed-in person acting on their own account (never a token: its scopes decide through `permission`). */
export const isSelf = (actor: Actor, userId: string) => actor.kind === "user" && !!actor.userId && actor.userId === userId;

/**
 * The user an operation on sessions, locks or password links targets, locked for the transaction. Yourself always
 * (when `allowSelf`); anyone else needs `permission` where they are (404 when you cannot even see them), and only a
 * super-admin may act on a super-admin.
 */
export async function loadTargetUser(tx: Executor, actor: Actor, userId: string, permission: Permission, options: { allowSelf?: boolean } = {}): Promise<UserRow> {
  if (options.allowSelf && isSelf(actor, userId)) {
    if (!isUuid(userId)) throw notFound("User");
    const [self] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!self) throw notFound("User");
    return self;
  }
  const user = await loadManagedUser(tx, actor, userId, permission);
  assertMayManage(actor, user);
  return user;
}
