import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users, type UserRow } from "@/db/schema";
import type { Actor, ResolvedPermissions } from "../auth/actor";
import { CP_SERVICE_EMAIL } from "../bootstrap";
import { conflict, forbidden, notFound } from "../errors";
import { isUuid } from "../ids";
import { authorizeAnywhere, can } from "../rbac/authorize";
import { ALL_PERMISSIONS, type Permission } from "../rbac/permissions";
import { userOrgIds } from "../users/access";
import { assertMayManage } from "../users/guards";

export type TokenOwner = { owner: UserRow; orgIds: string[]; self: boolean };

/**
 * Only a signed-in person manages their own tokens freely. A token acting on tokens — even its own owner's — needs
 * users.manage_tokens in its scopes, so a leaked PAT cannot mint more PATs (T7e).
 */
export const isSignedInSelf = (actor: Actor, userId: string) => actor.kind === "user" && actor.userId === userId;

export const isControlPlaneAccount = (user: Pick<UserRow, "email" | "isBuiltin">) => user.isBuiltin && user.email.toLowerCase() === CP_SERVICE_EMAIL;

/** A function, not a constant: lib/bootstrap imports this module's neighbours (no evaluation-time use of its exports). */
export const controlPlaneTokenMessage = () =>
  `The token of ${CP_SERVICE_EMAIL} belongs to the control plane: it cannot be viewed, changed, deleted or added to ` +
  "through the console or the API. Rotate it from the control plane (npm run cp:rotate-token).";

/**
 * The user whose tokens the actor wants to manage: themselves (signed in), or anyone they may manage with
 * users.manage_tokens. No such permission anywhere → 403; a user the actor cannot see → 404; visible but not
 * manageable (another organization, or a super-admin for a non-super-admin) → 403.
 */
export async function loadTokenOwner(db: Executor, actor: Actor, userId: string): Promise<TokenOwner> {
  const self = isSignedInSelf(actor, userId);
  if (!self) authorizeAnywhere(actor, "users.manage_tokens");
  if (!isUuid(userId)) throw notFound("User");
  const [owner] = await db.select().from(users).where(eq(users.id, userId));
  if (!owner) throw notFound("User");
  const orgIds = await userOrgIds(db, userId);
  if (self) return { owner, orgIds, self };
  if (!can(actor, "users.manage_tokens", { orgIds })) {
    if (actor.userId === userId || can(actor, "users.view", { orgIds })) throw forbidden();
    throw notFound("User");
  }
  assertMayManage(actor, owner);
  return { owner, orgIds, self };
}

/** The control plane's account takes no tokens from the console or the API: its one token is rotated by the control plane. */
export function assertNotControlPlane(owner: UserRow): void {
  if (isControlPlaneAccount(owner)) throw conflict(controlPlaneTokenMessage());
}

/** Every permission the owner holds somewhere (all of them for a super-admin). */
export function heldPermissions(owner: Pick<UserRow, "isAdmin">, held: ResolvedPermissions): Permission[] {
  if (owner.isAdmin) return [...ALL_PERMISSIONS];
  const all = new Set<Permission>(held.system);
  for (const set of held.orgs.values()) set.forEach((p) => all.add(p));
  return ALL_PERMISSIONS.filter((p) => all.has(p));
}

/**
 * The ceiling for someone else's token: it may not do anything, anywhere, that the actor could not do there
 * themselves — otherwise an organization admin could mint a token for a user with wider rights and use it.
 */
export function permissionsBeyondActor(actor: Actor, owner: Pick<UserRow, "isAdmin">, held: ResolvedPermissions, scopes: readonly Permission[]): Permission[] {
  return scopes.filter((p) => {
    if (owner.isAdmin || held.system.has(p)) return !can(actor, p);
    return [...held.orgs].some(([orgId, set]) => set.has(p) && !can(actor, p, { orgId }));
  });
}
