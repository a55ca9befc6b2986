import type { Actor } from "../auth/actor";
import { forbidden } from "../errors";
import type { Permission } from "./permissions";

export type Scope = { orgId?: string | null; orgIds?: readonly string[] };

function scopeAllows(actor: Actor, permission: Permission): boolean {
  return !actor.tokenScopes || actor.tokenScopes.includes(permission);
}

/** True when the actor holds the permission in the scope (system-wide, or in one of the scope's organizations). */
export function can(actor: Actor, permission: Permission, scope: Scope = {}): boolean {
  if (!scopeAllows(actor, permission)) return false;
  if (actor.isAdmin || actor.kind === "system") return true;
  if (actor.permissions.system.has(permission)) return true;
  const orgIds = [...(scope.orgIds ?? []), ...(scope.orgId ? [scope.orgId] : [])];
  return orgIds.some((id) => actor.permissions.orgs.get(id)?.has(permission));
}

/** Throws `forbidden` unless can(). Every domain function calls this before it reads or writes. */
export function authorize(actor: Actor, permission: Permission, scope: Scope = {}): void {
  if (!can(actor, permission, scope)) throw forbidden();
}

/** Where the actor holds a permission: everywhere ("all"), or in these organizations (maybe none). */
export function permittedOrgs(actor: Actor, permission: Permission): "all" | string[] {
  if (!scopeAllows(actor, permission)) return [];
  if (actor.isAdmin || actor.kind === "system" || actor.permissions.system.has(permission)) return "all";
  return [...actor.permissions.orgs].filter(([, perms]) => perms.has(permission)).map(([orgId]) => orgId);
}

/** Requires the permission somewhere; returns where. For list endpoints that filter by organization. */
export function authorizeAnywhere(actor: Actor, permission: Permission): "all" | string[] {
  const orgs = permittedOrgs(actor, permission);
  if (orgs !== "all" && orgs.length === 0) throw forbidden();
  return orgs;
}
