import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { INTERNAL_SOURCE } from "../auth-sources/schema";
import { getDb } from "../db";
import { isUuid } from "../ids";
import { can } from "../rbac/authorize";
import { userOrgIds } from "../users/access";
import { isSelf } from "./target";

export type SignInCapabilities = { revoke_sessions: boolean; clear_lock: boolean; reset_password: boolean };

/** What the console may offer on a user's Sessions tab (a courtesy: each domain function decides again). */
export async function getSignInCapabilities(actor: Actor, userId: string): Promise<SignInCapabilities> {
  const none = { revoke_sessions: false, clear_lock: false, reset_password: false };
  if (!isUuid(userId)) return none;
  const db = await getDb();
  const [user] = await db.select({ isAdmin: users.isAdmin, authSource: users.authSource, isServiceAccount: users.isServiceAccount }).from(users).where(eq(users.id, userId));
  if (!user) return none;
  const orgIds = await userOrgIds(db, userId);
  const manageable = !user.isAdmin || actor.isAdmin;
  const allowed = (permission: "users.revoke_sessions" | "users.update" | "users.reset_password") => manageable && can(actor, permission, { orgIds });
  return {
    revoke_sessions: isSelf(actor, userId) || allowed("users.revoke_sessions"),
    clear_lock: allowed("users.update"),
    reset_password: allowed("users.reset_password") && user.authSource === INTERNAL_SOURCE && !user.isServiceAccount,
  };
}
